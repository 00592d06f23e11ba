"""Cross-tabs worked out by hand (see conftest.INDIVIDUALS): individuals' answers by a dimension,
groups' tallies as their own series, and the two side by side."""

import pytest

from youth_voice.figures.crosstab import crosstab, dimensions
from youth_voice.figures.suppression import suppress


def q1(consultation):
    return consultation.question_identities.get(reference="1", retired=False)


def as_rows(table):
    return (
        [str(label) for label in table.column_labels],
        [
            (str(row.label), [cell.count.value for cell in row.cells], row.total and row.total.value)
            for row in table.body()
        ],
        [figure.value for figure in table.footer()],
    )


def test_individuals_by_age_band_and_the_forums_tallies_apart(answered):
    crossed = crosstab(q1(answered), dimensions()["age_band"])
    (individuals_caption, individuals), (groups_caption, groups) = crossed.tables
    assert individuals_caption == "Individuals: answers"
    assert as_rows(individuals) == (
        ["13 to 15", "16 to 18", "Not given"],
        [("Yes", [3, 2, 1], 6), ("No", [1, 4, 0], 5)],
        [4, 6, 1, 11],
    )
    # The forum's 20 young people are tallies, never folded into the 11 individuals.
    assert groups_caption == "Groups: young people tallied"
    assert as_rows(groups) == (["13 to 15"], [("Yes", [14], 14), ("No", [6], 6)], [20, 20])


def test_individuals_and_groups_side_by_side_with_no_total_adding_them(answered):
    ((caption, table),) = crosstab(q1(answered), dimensions()["speaks_for"]).tables
    assert as_rows(table) == (
        ["Individuals: answers", "Groups: young people tallied"],
        [("Yes", [6, 14], None), ("No", [5, 6], None)],
        [11, 20],
    )
    yes = table.body()[0]
    assert [str(cell.column_percent) for cell in yes.cells] == ["54.5", "70.0"]
    assert yes.cells[0].row_percent is None


def test_by_forum_names_the_forum_and_the_officers_filters_apply(answered):
    crossed = crosstab(q1(answered), dimensions()["forum"])
    assert [str(label) for label in crossed.tables[1][1].column_labels] == ["Cardiff Youth Forum"]
    assert [str(label) for label in crossed.tables[0][1].column_labels] == ["Not given"]
    filtered = crosstab(q1(answered), dimensions()["respondent_type"], {"age_band": "16_18"})
    individuals = filtered.tables[0][1]
    assert [figure.value for figure in individuals.footer()] == [6, 6]
    assert len(filtered.tables) == 1  # the forum spoke for 13 to 15s


@pytest.mark.parametrize(
    "name", ["respondent_type", "age_band", "area", "forum", "channel", "language", "speaks_for"]
)
def test_every_split_counts_every_individual_answer_once(answered, name):
    table = crosstab(q1(answered), dimensions()[name]).tables[0][1]
    individuals = [row[:1] for row in table.counts] if name == "speaks_for" else table.counts
    assert sum(sum(row) for row in individuals) == 11


def test_shared_cross_tab_hides_the_small_counts(answered):
    individuals = suppress(crosstab(q1(answered), dimensions()["age_band"]).tables[0][1])
    assert [[str(cell.count) for cell in row.cells] for row in individuals.body()] == [
        ["fewer than 5", "fewer than 5", "fewer than 5"],
        ["fewer than 5", "fewer than 5", "0"],
    ]
    assert [str(figure) for figure in individuals.footer()] == ["fewer than 5", "6", "fewer than 5", "11"]


def test_a_value_no_longer_offered_is_still_counted_in_its_own_column(answered):
    """Counted by expected value first, an answer with a value not among them (an age band
    since dropped) must not vanish: it gets a column, named by its stored value."""
    from youth_voice.models import Response, SpeaksFor

    one_no = Response.objects.filter(
        consultation=answered, speaks_for=SpeaksFor.INDIVIDUAL, age_band="13_15", answers__option="no"
    ).first()
    Response.objects.filter(pk=one_no.pk).update(age_band="9_10")
    individuals = crosstab(q1(answered), dimensions()["age_band"]).tables[0][1]
    assert as_rows(individuals) == (
        ["13 to 15", "16 to 18", "Not given", "9_10"],
        [("Yes", [3, 2, 1, 0], 6), ("No", [0, 4, 0, 1], 5)],
        [3, 6, 1, 1, 11],
    )
