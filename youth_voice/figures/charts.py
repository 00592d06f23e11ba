"""Grouped bar charts of a cross-tab, drawn on the server as SVG in the summary's style
(`youth_voice.charts`: the same widths, bar height and label lines).

Under each answer, one bar per group of respondents, each bar its column's share of that
group's answers. A group is told apart by a fill pattern as well as a colour (Okabe–Ito colours,
distinct for colour-blind readers) and by its name written after the bar with its figures, so
nothing is said by colour alone. A hidden (suppressed) figure draws no bar and says why.
"""

from dataclasses import dataclass

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ..charts import BAR_HEIGHT, BAR_SPACE, LABEL_LINE, LABEL_MAX_CHARS, ROW_GAP, WIDTH, Bar

BAR_GAP = 4
# Colour and pattern of each series; past this many groups the table reads better alone.
SERIES_STYLES = [
    ("#0072b2", "solid"),
    ("#d55e00", "stripes"),
    ("#009e73", "dots"),
    ("#cc79a7", "crosshatch"),
    ("#e69f00", "waves"),
    ("#56b4e9", "checks"),
]
MAX_BARS = 60


@dataclass(frozen=True)
class GroupedBar(Bar):
    """A bar of one series: `label` names its group of respondents, also written in `figures`."""

    series: int = 0  # which column: its colour and pattern


@dataclass(frozen=True)
class AnswerGroup:
    label: str
    label_y: int
    bars: list[GroupedBar]


@dataclass(frozen=True)
class Series:
    number: int
    label: str
    colour: str
    pattern: str


@dataclass(frozen=True)
class GroupedBarChart:
    groups: list[AnswerGroup]
    series: list[Series]
    height: int
    description: str
    width: int = WIDTH


def grouped_bar_chart(table, bar_space=BAR_SPACE) -> GroupedBarChart | None:
    """A chart of a (possibly suppressed) `suppression.Table`, or None when there is nothing to
    draw or too much to draw well. The longest bar is `bar_space` long: the rest of the width holds
    the figures written after it (long series names need a shorter bar)."""
    columns = len(table.column_labels)
    if not table.row_labels or not columns or columns > len(SERIES_STYLES):
        return None
    if len(table.row_labels) * columns > MAX_BARS:
        return None
    body = table.body()
    shares = [cell.column_percent.value or 0 for row in body for cell in row.cells]
    most = max(shares) or 1
    group_height = LABEL_LINE + 4 + columns * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + ROW_GAP
    groups, sentences = [], []
    for number, row in enumerate(body):
        top = number * group_height
        bars = []
        for c, (cell, column) in enumerate(zip(row.cells, table.column_labels, strict=True)):
            figures = _figures(column, cell)
            sentences.append(f"{row.label}, {figures}")
            share = cell.column_percent.value or 0
            bars.append(
                GroupedBar(
                    label=str(column),
                    figures=figures,
                    label_y=top + LABEL_LINE - 3,
                    bar_y=top + LABEL_LINE + 4 + c * (BAR_HEIGHT + BAR_GAP),
                    width=round(bar_space * share / most, 1),
                    series=c,
                )
            )
        label = Truncator(str(row.label)).chars(LABEL_MAX_CHARS)
        groups.append(AnswerGroup(label=label, label_y=top + LABEL_LINE - 3, bars=bars))
    series = [Series(c, str(label), *SERIES_STYLES[c]) for c, label in enumerate(table.column_labels)]
    return GroupedBarChart(
        groups=groups,
        series=series,
        height=len(body) * group_height - ROW_GAP,
        description="; ".join(sentences),
    )


def _figures(column, cell) -> str:
    if cell.column_percent.hidden:
        return _("%(group)s: %(count)s") % {"group": column, "count": cell.count}
    return _("%(group)s: %(count)s (%(percent)s%%)") % {
        "group": column,
        "count": cell.count,
        "percent": cell.column_percent,
    }
