"""Small counts, hidden in anything shared beyond the officers: `suppress(table)`.

A count from 1 to 4 could point at a child (the only young carer in an area who said No), so a
table shared with partnership readers, published or exported for sharing shows "fewer than 5"
instead (primary suppression). Hiding that one cell is not enough when its row or column total
is shown: the total minus the cells beside it gives it back. So wherever a row or a column
(totals included) would have exactly one hidden figure, another is hidden too, the smallest
count beside it (secondary suppression, shown as "hidden"), until no line has one alone. A zero is
shown: it says nothing about anyone, and anyone can subtract it anyway.

Percentages follow their counts: one is shown only when both its count and the total it is a
share of are shown (else the count could be worked out from the percent and the total).

Officers who may read the responses see exact figures: `as_seen(table, exact=True)` gives the
table with nothing hidden, so every template and export reads both the same way.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

SMALLEST_SHOWN = 5
FEWER_THAN = _("fewer than 5")
HIDDEN = _("hidden")

# Where a figure sits in a table: ("cell", row, column), ("row", row) a row's total,
# ("column", column) a column's total, ("total",) the grand total.
SMALL, COMPLEMENT = "small", "complement"


@dataclass(frozen=True)
class Shown:
    """A figure as shown: its value, or None with what to say instead."""

    value: int | float | None
    instead: str = ""

    @property
    def hidden(self) -> bool:
        return self.value is None

    def __bool__(self):
        return self.value != 0  # a hidden figure is some (1 to 4, or more beside one)

    def __str__(self):
        if self.value is None:
            return str(self.instead)
        return number_format(self.value, force_grouping=True)


@dataclass(frozen=True)
class Cell:
    count: Shown
    row_percent: Shown | None  # None when the table has no row totals
    column_percent: Shown


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]
    total: Shown | None


@dataclass
class Table:
    """Counts by row (an answer) and column (a group of respondents), with the totals shown.

    Totals are given, not summed here: a choose-any question's total is of people, not ticks.
    A table without row totals (or column totals) has None there.
    """

    row_labels: list
    column_labels: list
    counts: list[list[int]]
    row_totals: list[int] | None = None
    column_totals: list[int] | None = None
    total: int | None = None
    hidden: dict = field(default_factory=dict)  # position -> SMALL or COMPLEMENT

    def value(self, position):
        kind, *at = position
        if kind == "cell":
            return self.counts[at[0]][at[1]]
        if kind == "row":
            return self.row_totals[at[0]]
        if kind == "column":
            return self.column_totals[at[0]]
        return self.total

    def positions(self):
        rows, columns = range(len(self.row_labels)), range(len(self.column_labels))
        yield from (("cell", r, c) for r in rows for c in columns)
        if self.row_totals is not None:
            yield from (("row", r) for r in rows)
        if self.column_totals is not None:
            yield from (("column", c) for c in columns)
        if self.total is not None:
            yield ("total",)

    def lines(self):
        """Every set of figures that adds up to one of them: each row and column with its total
        (a table without totals gives nothing away by subtraction)."""
        rows, columns = range(len(self.row_labels)), range(len(self.column_labels))
        if self.row_totals is not None:
            yield from ([("cell", r, c) for c in columns] + [("row", r)] for r in rows)
        if self.column_totals is not None:
            yield from ([("cell", r, c) for r in rows] + [("column", c)] for c in columns)
        if self.total is not None:
            if self.column_totals is not None:
                yield [("column", c) for c in columns] + [("total",)]
            if self.row_totals is not None:
                yield [("row", r) for r in rows] + [("total",)]

    def shown(self, position) -> Shown:
        reason = self.hidden.get(position)
        if reason is None:
            return Shown(self.value(position))
        return Shown(None, FEWER_THAN if reason == SMALL else HIDDEN)

    def body(self) -> list["Row"]:
        """Each row as shown: its cells with their row and column percentages, and its total."""
        has_row_totals = self.row_totals is not None
        rows = []
        for r, label in enumerate(self.row_labels):
            cells = [
                Cell(
                    self.shown(("cell", r, c)),
                    self.percent(("cell", r, c), ("row", r)) if has_row_totals else None,
                    self.percent(("cell", r, c), ("column", c)),
                )
                for c in range(len(self.column_labels))
            ]
            rows.append(Row(label, cells, self.shown(("row", r)) if has_row_totals else None))
        return rows

    def footer(self) -> list[Shown]:
        """The column totals as shown, then the grand total if there is one."""
        shown = [self.shown(("column", c)) for c in range(len(self.column_labels))]
        return shown + ([self.shown(("total",))] if self.total is not None else [])

    def percent(self, position, of) -> Shown:
        """`position`'s share of the total at `of`, to one decimal place; hidden with either."""
        count, total = self.shown(position), self.shown(of)
        if count.hidden or total.hidden:
            return Shown(None, "–")
        return Shown(round(100 * count.value / total.value, 1) if total.value else 0.0)


def suppress(table: Table) -> Table:
    """The table as shared beyond the officers: counts under 5 hidden, and enough beside them
    that none can be worked out from the totals."""
    hidden = {position: SMALL for position in table.positions() if 0 < table.value(position) < SMALLEST_SHOWN}
    lines = list(table.lines())
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(position in hidden for position in line) == 1:
                complement = _complement(table, line, hidden)
                if complement is not None:
                    hidden[complement] = COMPLEMENT
                    changed = True
    return Table(
        table.row_labels,
        table.column_labels,
        table.counts,
        table.row_totals,
        table.column_totals,
        table.total,
        hidden,
    )


def _complement(table, line, hidden):
    """The figure to hide beside a lone hidden one: the smallest count, a cell before a total,
    a zero only when nothing else is left."""
    candidates = [position for position in line if position not in hidden]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda p: (table.value(p) == 0, p[0] != "cell", table.value(p)),
    )


def as_seen(table: Table, *, exact: bool) -> Table:
    """Every figure for officers who read the responses (`exact`); suppressed for everyone else."""
    return table if exact else suppress(table)
