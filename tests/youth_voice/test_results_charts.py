"""Issue 13, results that read well: the summary's bar charts (SVG drawn on the server, with a text
alternative and the same figures in a table) and its filters, the age band among them."""

import re

import pytest

from consultations.kinds.base import ChoiceFigure
from youth_voice.charts import BAR_SPACE, MAX_BARS, bar_chart


def figure(label, count, percent):
    return ChoiceFigure(code=label.lower(), label=label, count=count, percent=percent)


def test_the_longest_bar_fills_the_space_and_the_others_are_in_proportion():
    chart = bar_chart([figure("Yes", 6, 60.0), figure("No", 3, 30.0), figure("Not sure", 0, 0.0)])
    assert [bar.width for bar in chart.bars] == [BAR_SPACE, BAR_SPACE / 2, 0]
    assert [bar.figures for bar in chart.bars] == ["6 (60.0%)", "3 (30.0%)", "0 (0.0%)"]
    assert chart.description == "Yes: 6 (60.0%); No: 3 (30.0%); Not sure: 0 (0.0%)"
    tops = [bar.bar_y for bar in chart.bars]
    assert tops == sorted(tops) and chart.height > tops[-1]  # one row under another, all inside


def test_a_long_label_is_cut_in_the_chart_but_whole_in_its_description():
    label = "A very long answer " * 10
    chart = bar_chart([figure(label, 1, 100.0)])
    assert chart.bars[0].label.endswith("…") and len(chart.bars[0].label) <= 80
    assert label in chart.description


@pytest.mark.parametrize("choices", [[], [figure(str(n), 1, 1.0) for n in range(MAX_BARS + 1)]])
def test_no_chart_when_there_is_nothing_or_too_much_to_draw(choices):
    assert bar_chart(choices) is None


@pytest.fixture
def two_ages(answer):
    answer({"1": (["no"], ""), "6.2": "a-week"}, respondent_type="young_person", age_band="13_15")
    answer({"1": (["yes"], ""), "6.2": "a-month"}, respondent_type="young_person", age_band="16_18")
    answer({"1": (["yes"], "")}, respondent_type="parent_carer")


def summary_html(officer_client, consultation, query=""):
    return officer_client.get(f"/admin/responses/{consultation.pk}/summary/{query}").content.decode()


def test_choice_and_yes_no_questions_get_an_accessible_chart_beside_their_table(
    officer_client, consultation, two_ages
):
    html = summary_html(officer_client, consultation)
    charts = re.findall(r"<svg role=\"img\" aria-labelledby=\"([^\"]+)\".*?</svg>", html, re.DOTALL)
    assert len(charts) == 3  # Q1 (yes/no), Q6.2 (choose one), Q7 (choose any); none for free text
    assert 'aria-labelledby="chart-question-1-title chart-question-1-desc"' in html
    assert '<title id="chart-question-1-title">Answers to Q1 as a bar chart</title>' in html
    assert '<desc id="chart-question-1-desc">Yes: 2 (66.7%); No: 1 (33.3%)</desc>' in html
    assert '<caption class="w-sr-only">Answers to Q1</caption>' in html
    assert "<td>Yes</td><td>2</td><td>66.7%</td>" in html  # the same figures, as a table
    assert "style=" not in html.split('id="summary-')[1] and "<script" not in html.split("<svg")[1]


def test_the_summary_filters_by_age_band_and_its_charts_follow(officer_client, consultation, two_ages):
    html = summary_html(officer_client, consultation, "?age_band=13_15")
    assert "<strong>1</strong> response matching these filters" in html
    assert '<desc id="chart-question-1-desc">Yes: 0 (0.0%); No: 1 (100.0%)</desc>' in html
    assert '<option value="13_15" selected>13 to 15</option>' in html


@pytest.mark.parametrize(
    ("query", "count"),
    [("?respondent_type=parent_carer", 1), ("?channel=online", 3), ("?language=en-gb", 3)],
)
def test_every_filter_the_engine_defines_is_offered_and_applied(
    officer_client, consultation, two_ages, query, count
):
    html = summary_html(officer_client, consultation, query)
    for name in ("respondent_type", "age_band", "channel", "area", "language"):
        assert f'name="{name}"' in html
    assert re.search(rf"<strong>{count}</strong> responses? matching these filters", html)
