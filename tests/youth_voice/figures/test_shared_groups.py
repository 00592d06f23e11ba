"""The groups' series as partnership readers see it: the same small-count rule as individuals'."""

import pytest
from django.urls import reverse

from consultations.kinds import ChoiceFigure
from youth_voice.figures.shared import shared_groups, shown_alone
from youth_voice.summary import GroupFigures


def series(groups, young_people, yes, no):
    return GroupFigures(
        groups,
        young_people,
        [
            ChoiceFigure("yes", "Yes", yes, round(100 * yes / young_people, 1)),
            ChoiceFigure("no", "No", no, round(100 * no / young_people, 1)),
        ],
    )


@pytest.mark.parametrize(
    ("groups", "young_people", "yes", "no", "shown", "speaking_for", "groups_shown", "chart"),
    [
        # Nothing under 5 but the number of groups (1): every tally and percent shown.
        (1, 20, 14, 6, [("14", "70.0"), ("6", "30.0")], "20", "fewer than 5", True),
        # No 3 is small; Yes 17 would give it back from the 20 young people, so it goes too.
        (6, 20, 17, 3, [("hidden", "–"), ("fewer than 5", "–")], "20", "6", False),
        # Tallies 2 and 1 of 3 young people: both small, and the 3 they are shares of.
        (1, 3, 2, 1, [("fewer than 5", "–"), ("fewer than 5", "–")], "fewer than 5", "fewer than 5", False),
        # A zero says nothing about anyone: shown.
        (5, 20, 0, 20, [("0", "0.0"), ("20", "100.0")], "20", "5", True),
    ],
)
def test_groups_tallies_are_suppressed_like_individuals_answers(
    groups, young_people, yes, no, shown, speaking_for, groups_shown, chart
):
    shared = shared_groups(series(groups, young_people, yes, no))
    assert [(str(tally.count), str(tally.percent)) for tally in shared.tallies] == shown
    assert str(shared.young_people) == speaking_for
    assert str(shared.groups) == groups_shown
    assert (shared.chart is not None) is chart


def test_a_question_without_group_tallies_is_left_as_it_is():
    nothing = GroupFigures()
    assert shared_groups(nothing) is nothing


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5")])
def test_a_count_alone_is_hidden_from_1_to_4(count, shown):
    assert str(shown_alone(count)) == shown


def test_partnership_reader_sees_the_groups_series_suppressed(reader_client, answered):
    """The forum's tallies (Yes 14, No 6 of 20) show; that it is one group does not."""
    page = reader_client.get(reverse("youth_voice_admin:summary", args=[answered.pk]))
    summary = page.context["summary"]
    assert (str(summary.group_responses), summary.young_people_in_groups) == ("fewer than 5", 20)
    q1 = next(item for item in summary.questions if item.reference == "1")
    assert [(str(t.count), str(t.percent)) for t in q1.groups.tallies] == [("14", "70.0"), ("6", "30.0")]
    html = page.content.decode()
    assert "Tallies of fewer than 5 groups speaking for 20 young people." in html
    assert "<strong>fewer than 5</strong> groups speaking for 20 young people" in html
    assert "<td>6</td><td>30.0%</td>" in html


def test_officer_sees_the_groups_series_exact(client, officer, answered):
    client.force_login(officer)
    page = client.get(reverse("youth_voice_admin:summary", args=[answered.pk]))
    summary = page.context["summary"]
    assert (summary.group_responses, summary.young_people_in_groups) == (1, 20)
    q1 = next(item for item in summary.questions if item.reference == "1")
    assert (q1.groups.groups, [t.count for t in q1.groups.tallies]) == (1, [14, 6])
    assert "Tallies of 1 group speaking for 20 young people." in page.content.decode()
