"""What officers and partnership readers see of the figures, on the page and in the spreadsheets."""

import csv
import io
import zipfile

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import submit_answers
from youth_voice.exports import csv_download, response_rows


@pytest.fixture
def officer_client(client, officer, answered):
    client.force_login(officer)
    return client


def q1_id(consultation):
    return consultation.question_identities.get(reference="1", retired=False).pk


def crosstab_page(client, consultation, **query):
    return client.get(reverse("youth_voice_admin:crosstab", args=[consultation.pk]), query)


def workbook(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)


def rows_of(sheet):
    """The sheet's non-empty rows, without the empty cells that end them (an empty text is read back as None)."""
    rows = []
    for row in sheet.iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        if values:
            rows.append(values)
    return rows


def test_officer_sees_the_exact_cross_tab_as_a_chart_and_a_table(officer_client, answered):
    page = crosstab_page(officer_client, answered, question=q1_id(answered), by="age_band")
    assert page.status_code == 200
    individuals = page.context["tables"][0]["table"]
    assert individuals.hidden == {}
    html = page.content.decode()
    assert '<title id="crosstab-0-title">Answers to Q1 by Age band as a grouped bar chart</title>' in html
    assert "Yes, 13 to 15: 3 (75.0%); Yes, 16 to 18: 2 (33.3%); Yes, Not given: 1 (100.0%)" in html
    assert "<caption>Individuals: answers</caption>" in html
    assert "<caption>Groups: young people tallied</caption>" in html
    assert "<td>3<br><small>75.0% of column, 50.0% of row</small></td>" in html


def test_partnership_reader_sees_small_counts_suppressed(reader_client, answered):
    page = crosstab_page(reader_client, answered, question=q1_id(answered), by="age_band")
    assert page.status_code == 200
    individuals = page.context["tables"][0]["table"]
    assert [str(f) for f in individuals.footer()] == ["fewer than 5", "6", "fewer than 5", "11"]
    html = page.content.decode()
    assert "Yes, 13 to 15: fewer than 5; Yes, 16 to 18: fewer than 5" in html
    assert "75.0%" not in html


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            {"question": "abc", "by": "age_band"},
            "question",
            "Select a valid choice. abc is not one of the available choices.",
        ),
        (
            {"question": "1", "by": "shoe_size"},
            "by",
            "Select a valid choice. shoe_size is not one of the available choices.",
        ),
    ],
)
def test_a_wrong_choice_is_explained_next_to_its_field(officer_client, answered, query, field, message):
    page = crosstab_page(officer_client, answered, **query)
    assert page.status_code == 200
    assert page.context["form"].errors[field] == [message]
    assert f'id="id_{field}-error">{message}' in page.content.decode()


def test_partnership_reader_sees_the_summary_suppressed(reader_client, answered):
    page = reader_client.get(reverse("youth_voice_admin:summary", args=[answered.pk]))
    q62 = next(item for item in page.context["summary"].questions if item.reference == "6.2")
    # A week 7, A month 1, Three months 3 of 11: the two small ones are hidden.
    assert [(c.label, str(c.count), str(c.percent)) for c in q62.figures.choices] == [
        ("A week", "7", "63.6"),
        ("A month", "fewer than 5", "–"),
        ("Three months", "fewer than 5", "–"),
    ]
    assert q62.chart is None
    html = page.content.decode()
    assert "<td>fewer than 5</td><td>–</td>" in html and "<td>7</td><td>63.6%</td>" in html


def test_officer_sees_the_summary_exact(officer_client, answered):
    page = officer_client.get(reverse("youth_voice_admin:summary", args=[answered.pk]))
    q62 = next(item for item in page.context["summary"].questions if item.reference == "6.2")
    assert [(c.label, c.count) for c in q62.figures.choices] == [
        ("A week", 7),
        ("A month", 1),
        ("Three months", 3),
    ]
    assert q62.chart is not None


def test_figures_workbook_for_officers_and_to_share(officer_client, answered):
    address = reverse("youth_voice_admin:figures_xlsx", args=[answered.pk])
    download = officer_client.get(address, {"question": q1_id(answered), "by": "age_band"})
    content = b"".join(download.streaming_content)
    # A bar chart beside each table of counts: Q1's answers, its two cross-tabs, Q6.2's and Q7's.
    charts = [
        name for name in zipfile.ZipFile(io.BytesIO(content)).namelist() if name.startswith("xl/charts/chart")
    ]
    assert len(charts) == 5
    exact = load_workbook(io.BytesIO(content), read_only=True)
    assert exact.sheetnames == ["Q1", "Q6.1", "Q6.2", "Q7", "Q8"]
    q1 = rows_of(exact["Q1"])
    assert q1[:6] == [
        ["Q1", "Is the draft clear?"],
        ["Answered", 11],
        ["Answer", "Count"],
        ["Yes", 6],
        ["No", 5],
        ["Total", 11],
    ]
    by_age = q1.index(["By Age band", "Individuals: answers"])
    assert q1[by_age + 1 : by_age + 5] == [
        ["Answer", "13 to 15", "16 to 18", "Not given", "Total"],
        ["Yes", 3, 2, 1, 6],
        ["No", 1, 4, 0, 5],
        ["Total", 4, 6, 1, 11],
    ]
    shared = workbook(
        officer_client.get(address, {"question": q1_id(answered), "by": "age_band", "shared": "1"})
    )
    q1 = rows_of(shared["Q1"])
    by_age = q1.index(["By Age band", "Individuals: answers"])
    assert q1[by_age + 2 : by_age + 5] == [
        ["Yes", "fewer than 5", "fewer than 5", "fewer than 5", 6],
        ["No", "fewer than 5", "fewer than 5", 0, 5],
        ["Total", "fewer than 5", 6, "fewer than 5", 11],
    ]
    q62 = rows_of(shared["Q6.2"])
    assert q62[4] == ["A month", "fewer than 5"]


def test_a_reader_can_only_download_the_shared_figures(reader_client, answered):
    address = reverse("youth_voice_admin:figures_xlsx", args=[answered.pk])
    response = reader_client.get(address)
    assert 'filename="consultation-figures-shared-' in response["Content-Disposition"]
    q62 = rows_of(workbook(response)["Q6.2"])
    assert q62[4][:2] == ["A month", "fewer than 5"]
    assert reader_client.get(reverse("youth_voice_admin:coded_text", args=[answered.pk])).status_code == 404


def test_written_answers_workbook_has_each_answer_with_who_answered(officer_client, answered):
    submit_answers(answered, {"6.1": '=HYPERLINK("http://x")', "8": "More buses"}, age_band="13_15")
    sheet = workbook(officer_client.get(reverse("youth_voice_admin:coded_text", args=[answered.pk])))[
        "Written answers"
    ]
    rows = rows_of(sheet)
    assert rows[0][:10] == [
        "Response",
        "Question",
        "Question asked",
        "Answer",
        "Respondent type",
        "Age band",
        "Area",
        "Channel",
        "Speaks for",
        "Publication",
    ]
    written = {row[1]: row for row in rows[1:]}
    assert written["Q6.1"][2:6] == ["What would help you cope?", '\'=HYPERLINK("http://x")', None, "13 to 15"]
    assert written["Q8"][3] == "More buses"


def test_the_csv_export_is_streamed_and_matches_the_rows_written_at_once(officer, answered):
    streamed = csv_download(answered, officer)
    assert isinstance(streamed, StreamingHttpResponse)
    at_once = io.StringIO()
    csv.writer(at_once).writerows(response_rows(answered, officer))
    assert b"".join(streamed.streaming_content).decode() == "\ufeff" + at_once.getvalue()


def test_written_answers_workbook_has_the_themes_each_answer_is_coded_with(officer, officer_client, answered):
    from youth_voice.models import Answer, AnswerTheme, Theme

    submit_answers(answered, {"8": "More buses"}, age_band="13_15")
    submit_answers(answered, {"8": "Nothing"}, age_band="13_15")
    transport = Theme.objects.create(consultation=answered, name="Transport")
    buses = Theme.objects.create(consultation=answered, name="Buses", parent=transport)
    cost = Theme.objects.create(consultation=answered, name="Cost")
    more_buses = Answer.objects.get(text="More buses")
    for theme in (cost, buses):
        AnswerTheme.objects.create(answer=more_buses, theme=theme, tagged_by=officer)
    rows = rows_of(
        workbook(officer_client.get(reverse("youth_voice_admin:coded_text", args=[answered.pk])))[
            "Written answers"
        ]
    )
    column = rows[0].index("Themes")
    themes = {row[3]: row[column] if len(row) > column else None for row in rows[1:]}
    # Sorted by name, a theme inside another named with it; an answer not coded has none.
    assert themes == {"More buses": "Cost; Transport › Buses", "Nothing": None}
