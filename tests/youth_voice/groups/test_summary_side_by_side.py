"""Individuals and groups side by side: a group is counted neither as one person nor as N.

Five individuals and two groups (of 12 and of 8), every figure worked out by hand."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from youth_voice.summary import summarise, texts_for

from .conftest import record_group


def by_ref(summary):
    return {item.reference: item for item in summary.questions}


def counts(choices):
    return {c.label: (c.count, c.percent) for c in choices}


@pytest.fixture
def individuals(answer):
    for q1, q62 in [("yes", "a-week"), ("yes", "a-week"), ("yes", "a-month"), ("no", "three-months")]:
        answer({"1": ([q1], ""), "6.2": q62})
    answer({"1": (["no"], "Too long"), "6.1": "Someone to talk to"})


@pytest.fixture
def groups(consultation, individuals, forum, event):
    twelve = record_group(
        consultation,
        size=12,
        forum=forum,
        tallies={"1": {"yes": 9, "no": 3}},
        agreed={"6.2": "a-month", "6.1": "A youth worker in every school"},
    )
    eight = record_group(
        consultation,
        size=8,
        event=event,
        tallies={"1": {"yes": 2, "no": 5}, "7": {"swimming": 6, "buses": 4, "clubs": 0}},
    )
    return twelve, eight


def test_individual_figures_are_the_same_with_or_without_groups(consultation, individuals, forum):
    before = by_ref(summarise(consultation))
    record_group(consultation, size=30, forum=forum, tallies={"1": {"yes": 30}}, agreed={"6.2": "a-week"})
    after = by_ref(summarise(consultation))
    for ref in ("1", "6.1", "6.2", "7"):
        assert counts(after[ref].figures.choices) == counts(before[ref].figures.choices)
        assert after[ref].figures.respondents == before[ref].figures.respondents


def test_totals_count_individuals_and_groups_apart(consultation, groups):
    summary = summarise(consultation)
    assert (summary.total_responses, summary.group_responses, summary.young_people_in_groups) == (5, 2, 20)


def test_group_tallies_are_summed_per_option_as_their_own_series(consultation, groups):
    q1 = by_ref(summarise(consultation))["1"]
    assert q1.figures.respondents == 5
    assert counts(q1.figures.choices) == {"Yes": (3, 60.0), "No": (2, 40.0)}
    # 9 + 2 said yes and 3 + 5 no, of the 20 young people both groups speak for (one abstained).
    assert (q1.groups.groups, q1.groups.young_people) == (2, 20)
    assert counts(q1.groups.tallies) == {"Yes": (11, 55.0), "No": (8, 40.0)}


def test_tallies_of_a_choose_any_question_are_percent_of_the_young_people(consultation, groups):
    q7 = by_ref(summarise(consultation))["7"]
    assert q7.figures.respondents == 0
    assert (q7.groups.groups, q7.groups.young_people) == (1, 8)
    assert counts(q7.groups.tallies) == {"Swimming": (6, 75.0), "Buses": (4, 50.0), "Clubs": (0, 0.0)}


def test_agreed_answers_are_listed_with_the_groups_not_counted_as_individuals(consultation, groups):
    summary = by_ref(summarise(consultation))
    q62 = summary["6.2"]
    assert counts(q62.figures.choices) == {
        "A week": (2, 50.0),
        "A month": (1, 25.0),
        "Three months": (1, 25.0),
    }
    assert [a.text for a in q62.groups.agreed] == ["A month"]
    assert q62.groups.groups == 0 and q62.groups.tallies == []
    q61 = summary["6.1"]
    assert q61.figures.text_count == 1
    assert [a.text for a in q61.texts] == ["Someone to talk to"]
    assert [a.text for a in texts_for(q61.identity)] == ["Someone to talk to"]
    assert [a.text for a in q61.groups.agreed] == ["A youth worker in every school"]


def test_filtering_to_groups_leaves_no_individuals(consultation, groups):
    summary = summarise(consultation, {"speaks_for": "group"})
    assert (summary.total_responses, summary.group_responses) == (0, 2)
    assert by_ref(summary)["1"].figures.respondents == 0
    individuals_only = summarise(consultation, {"speaks_for": "individual"})
    assert (individuals_only.total_responses, individuals_only.group_responses) == (5, 0)
    assert by_ref(individuals_only)["1"].groups.groups == 0


def test_a_channel_filter_keeps_the_groups_from_that_channel(consultation, groups):
    at_events = summarise(consultation, {"channel": "event"})
    assert (at_events.total_responses, at_events.group_responses, at_events.young_people_in_groups) == (
        0,
        1,
        8,
    )


def test_the_summary_reads_as_many_queries_for_many_groups_as_for_one(consultation, individuals, forum):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            summarise(consultation)
        return len(captured)

    record_group(consultation, size=10, forum=forum, tallies={"1": {"yes": 4}}, agreed={"6.1": "One"})
    one = queries()
    for size in (11, 12, 13):
        record_group(consultation, size=size, forum=forum, tallies={"1": {"yes": 4}}, agreed={"6.1": "More"})
    assert queries() == one
