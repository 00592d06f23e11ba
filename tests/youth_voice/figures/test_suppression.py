"""Small counts hidden beyond the officers, worked out by hand: primary (1 to 4), then enough
beside them that no total gives one back (secondary), and percentages with their counts."""

import pytest

from youth_voice.figures.suppression import COMPLEMENT, SMALL, Table, as_seen, suppress


def crosstab_table(counts):
    """A table of counts with its row, column and grand totals summed, as cross-tabs have."""
    row_totals = [sum(row) for row in counts]
    column_totals = [sum(column) for column in zip(*counts, strict=True)]
    return Table(
        row_labels=[f"r{r}" for r in range(len(counts))],
        column_labels=[f"c{c}" for c in range(len(counts[0]))],
        counts=counts,
        row_totals=row_totals,
        column_totals=column_totals,
        total=sum(row_totals),
    )


def shown(table):
    """The table as text: each row's cells then its total, and the totals row."""
    lines = [[str(cell.count) for cell in row.cells] + [str(row.total)] for row in table.body()]
    return lines + [[str(figure) for figure in table.footer()]]


def test_one_small_cell_takes_three_others_with_it():
    #        c0  c1 | total
    # r0     10   3 |  13    3 is small: r0's total would give it back, so 10 goes too;
    # r1      8  12 |  20    then c0 and c1 each have one hidden: 6 and 9 (the smallest) go.
    # r2      6   9 |  15
    #        24  24 |  48
    table = suppress(crosstab_table([[10, 3], [8, 12], [6, 9]]))
    assert table.hidden == {
        ("cell", 0, 1): SMALL,
        ("cell", 0, 0): COMPLEMENT,
        ("cell", 2, 0): COMPLEMENT,
        ("cell", 2, 1): COMPLEMENT,
    }
    assert shown(table) == [
        ["hidden", "fewer than 5", "13"],
        ["8", "12", "20"],
        ["hidden", "hidden", "15"],
        ["24", "24", "48"],
    ]


def test_a_small_total_is_hidden_and_protected_too():
    #        c0  c1 | total
    # r0      2   1 |   3   all three small;
    # r1     20  30 |  50   c0 and c1 then have one hidden each: 20 and 30 go, so r1's total
    #        22  31 |  53   alone is hidden in its row: ... and a total column line of 3*, 50, 53.
    table = suppress(crosstab_table([[2, 1], [20, 30]]))
    assert table.hidden[("cell", 0, 0)] == table.hidden[("cell", 0, 1)] == table.hidden[("row", 0)] == SMALL
    assert table.hidden[("cell", 1, 0)] == table.hidden[("cell", 1, 1)] == COMPLEMENT
    # r0's total is hidden, so the total column (3*, 50, 53) needs a second hidden figure: 50.
    assert table.hidden[("row", 1)] == COMPLEMENT
    for line in table.lines():
        assert sum(position in table.hidden for position in line) != 1


@pytest.mark.parametrize(
    "counts",
    [
        [[10, 3], [8, 12], [6, 9]],
        [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
        [[0, 4, 30], [12, 0, 7], [50, 60, 1]],
        [[100, 200], [300, 400]],
        [[4]],
    ],
)
def test_no_row_or_column_is_left_with_one_hidden_figure(counts):
    table = suppress(crosstab_table(counts))
    for position in table.positions():
        assert (position in table.hidden) >= (0 < table.value(position) < 5)
    for line in table.lines():
        assert sum(position in table.hidden for position in line) != 1


def test_a_zero_is_shown_and_chosen_as_a_complement_only_when_nothing_else_is_left():
    # One column whose total is the number who answered: 0, 12, 2 of 14. The 2 is small; the
    # complement is 12, not the zero beside it.
    table = suppress(Table(["yes", "no", "maybe"], ["count"], [[0], [12], [2]], column_totals=[14]))
    assert table.hidden == {("cell", 2, 0): SMALL, ("cell", 1, 0): COMPLEMENT}
    assert [str(row.cells[0].count) for row in table.body()] == ["0", "hidden", "fewer than 5"]
    assert str(table.footer()[0]) == "14"


def test_percentages_follow_their_counts_and_totals():
    table = suppress(crosstab_table([[10, 3], [8, 12], [6, 9]]))
    r1 = table.body()[1]
    assert [str(cell.row_percent) for cell in r1.cells] == ["40.0", "60.0"]
    assert [str(cell.column_percent) for cell in r1.cells] == ["33.3", "50.0"]
    r0 = table.body()[0]
    assert [str(cell.column_percent) for cell in r0.cells] == ["–", "–"]


def test_a_table_without_totals_hides_only_its_small_counts():
    table = suppress(Table(["a", "b"], ["ranked", "first"], [[3, 10], [12, 7]]))
    assert table.hidden == {("cell", 0, 0): SMALL}


def test_officers_see_every_figure_exactly():
    table = crosstab_table([[10, 3], [8, 12], [6, 9]])
    assert as_seen(table, exact=True).hidden == {}
    assert shown(as_seen(table, exact=True))[0] == ["10", "3", "13"]
    assert as_seen(table, exact=False).hidden == suppress(table).hidden


def test_suppressed_figures_are_said_in_welsh():
    from django.utils import translation

    table = suppress(Table(["yes", "no", "maybe"], ["count"], [[0], [12], [2]], column_totals=[14]))
    with translation.override("cy"):
        assert [str(row.cells[0].count) for row in table.body()] == ["0", "cuddiwyd", "llai na 5"]
