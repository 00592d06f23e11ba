"""The officers' summary as shared beyond them: every count under 5 suppressed.

`admin_views.summary` calls `suppress_summary` for partnership readers (who see figures but may
not read responses) before rendering; `summary.py` itself stays exact.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy as _

from .suppression import Shown, Table, suppress

COUNT = _("Count")


@dataclass(frozen=True)
class SharedChoice:
    """A `ChoiceFigure` as shared: its count and percent as shown (either may be hidden)."""

    code: str
    label: str
    count: Shown
    percent: Shown
    retired: bool = False

    @property
    def suppressed(self) -> bool:
        return self.count.hidden


@dataclass(frozen=True)
class SharedRank:
    code: str
    label: str
    ranked: Shown
    first: Shown
    average_rank: float | None


def choices_table(figures) -> Table:
    """A question's answers as a one-column table whose total is the number who answered."""
    return Table(
        row_labels=[choice.label for choice in figures.choices],
        column_labels=[COUNT],
        counts=[[choice.count] for choice in figures.choices],
        column_totals=[figures.respondents],
    )


def shared_figures(figures):
    """A question's `Figures` with small counts suppressed (and the mean and median with them,
    when fewer than 5 answered)."""
    table = suppress(choices_table(figures))
    choices = [
        SharedChoice(
            choice.code,
            choice.label,
            table.shown(("cell", r, 0)),
            table.percent(("cell", r, 0), ("column", 0)),
            choice.retired,
        )
        for r, choice in enumerate(figures.choices)
    ]
    ranks_table = suppress(
        Table(
            row_labels=[rank.label for rank in figures.ranks],
            column_labels=["ranked", "first"],
            counts=[[rank.ranked, rank.first] for rank in figures.ranks],
        )
    )
    ranks = [
        SharedRank(
            rank.code,
            rank.label,
            ranks_table.shown(("cell", r, 0)),
            ranks_table.shown(("cell", r, 1)),
            rank.average_rank,
        )
        for r, rank in enumerate(figures.ranks)
    ]
    respondents = table.shown(("column", 0))
    few = respondents.hidden
    return replace(
        figures,
        respondents=respondents,
        choices=choices,
        ranks=ranks,
        mean=None if few else figures.mean,
        median=None if few else figures.median,
        text_count=suppress(Table(["text"], ["count"], [[figures.text_count]])).shown(("cell", 0, 0)),
    )


def suppress_summary(summary):
    """Suppress a `ConsultationSummary`'s figures in place, for readers beyond the officers. A
    chart is kept only when it hides nothing (its bars would give the counts back)."""
    total = suppress(Table(["all"], ["count"], [[summary.total_responses]])).shown(("cell", 0, 0))
    if total.hidden:  # else a number still, for the template's plural forms
        summary.total_responses = total
    for item in summary.questions:
        chart = item.chart  # drawn from the exact figures, so only kept when they all show
        item.figures = shared_figures(item.figures)
        hides = any(choice.suppressed for choice in item.figures.choices) or item.figures.respondents.hidden
        item.chart = None if hides else chart
    return summary
