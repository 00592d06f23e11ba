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
    return _one_column(figures.choices, figures.respondents)


def _one_column(choices, total) -> Table:
    return Table(
        row_labels=[choice.label for choice in choices],
        column_labels=[COUNT],
        counts=[[choice.count] for choice in choices],
        column_totals=[total],
    )


def _shared_choices(choices, total) -> tuple[list[SharedChoice], Shown]:
    """`ChoiceFigure`s and the total they are shares of, as shared (small counts suppressed)."""
    table = suppress(_one_column(choices, total))
    shared = [
        SharedChoice(
            choice.code,
            choice.label,
            table.shown(("cell", r, 0)),
            table.percent(("cell", r, 0), ("column", 0)),
            choice.retired,
        )
        for r, choice in enumerate(choices)
    ]
    return shared, table.shown(("column", 0))


def shown_alone(count):
    """A count shown on its own: the number when 0 or 5 and more (so templates can still choose
    plural forms), else its `Shown` saying "fewer than 5"."""
    shown = suppress(Table(["all"], ["count"], [[count]])).shown(("cell", 0, 0))
    return shown if shown.hidden else count


def shared_figures(figures):
    """A question's `Figures` with small counts suppressed (and the mean and median with them,
    when fewer than 5 answered)."""
    choices, respondents = _shared_choices(figures.choices, figures.respondents)
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


def shared_groups(groups):
    """A question's `GroupFigures` (the groups' series) with the same rule: summed tallies under
    5 hidden, with what would give them back from the young people they are shares of; the
    number of groups too. Its chart is kept only when it hides nothing."""
    if not groups.groups:
        return groups
    chart = groups.chart
    tallies, young_people = _shared_choices(groups.tallies, groups.young_people)
    shared = replace(
        groups,
        groups=shown_alone(groups.groups),
        young_people=young_people if young_people.hidden else groups.young_people,
        tallies=tallies,
    )
    hides = young_people.hidden or any(tally.suppressed for tally in tallies)
    shared.chart = None if hides else chart
    return shared


def suppress_summary(summary):
    """Suppress a `ConsultationSummary`'s figures in place, for readers beyond the officers. A
    chart is kept only when it hides nothing (its bars would give the counts back)."""
    summary.total_responses = shown_alone(summary.total_responses)
    summary.group_responses = shown_alone(summary.group_responses)
    summary.young_people_in_groups = shown_alone(summary.young_people_in_groups)
    for item in summary.questions:
        chart = item.chart  # drawn from the exact figures, so only kept when they all show
        item.figures = shared_figures(item.figures)
        hides = any(choice.suppressed for choice in item.figures.choices) or item.figures.respondents.hidden
        item.chart = None if hides else chart
        item.groups = shared_groups(item.groups)
    return summary
