"""Cross-tabs: a choice, yes/no or scale question's answers split by who answered.

One grouped query per series: individuals' answer rows, grouped by option and the dimension
(respondent type, age band, area, forum, channel, language), which each answer row carries
itself (`WHO_ANSWERED`: no response is looked up); groups' tallies (`GroupTally`, summed by
option) grouped the same way, through their responses (groups are few). A group's tallies are a series of
their own, never folded into individuals' answers: a group is counted neither as one person nor
as N. Split by "individual or group", the two series stand side by side, each labelled with
what it counts.

Totals are sums of the cells, so a column's percentages are shares of that column's answers
(for a choose-any question, of its ticks) and a row's are shares of that answer's.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from consultations.kinds import KINDS
from consultations.kinds.choice import ChooseOne

from ..models import AgeBand, Answer, Channel, Forum, GroupTally, RespondentType, SpeaksFor, Status
from ..models.response import chosen_filters
from .suppression import Table

NOT_GIVEN = _("Not given")
INDIVIDUALS = _("Individuals: answers")
GROUPS = _("Groups: young people tallied")


@dataclass(frozen=True)
class Dimension:
    """A way to split respondents: one of WHO_ANSWERED, and the names of its values."""

    name: str
    label: str
    choices: tuple = ()  # (value, label) in the order to show; values not listed follow, sorted
    blank: object = ""  # the value when not given

    @property
    def expected(self) -> tuple:
        """The values respondents' answers are expected to have: each choice, or not given."""
        return (*(value for value, _label in self.choices), self.blank) if self.choices else ()

    def labelled(self, values) -> list[tuple]:
        """(value, label) for the values found, in the choices' order, then the rest."""
        known = dict(self.choices)
        ordered = [value for value, _label in self.choices if value in values]
        ordered += sorted(
            (value for value in values if value not in known), key=lambda v: (v is None, str(v))
        )
        return [
            (value, known.get(value) or (value if value not in ("", None) else NOT_GIVEN))
            for value in ordered
        ]


def dimensions() -> dict[str, Dimension]:
    """Every split an officer may choose, by name (the forum's names are read when asked)."""
    return {
        dimension.name: dimension
        for dimension in (
            Dimension("respondent_type", _("Respondent type"), tuple(RespondentType.choices)),
            Dimension("age_band", _("Age band"), tuple(AgeBand.choices)),
            Dimension("area", _("Area")),
            Dimension("forum", _("Forum"), tuple(Forum.objects.values_list("pk", "name")), None),
            Dimension("channel", _("Channel"), tuple(Channel.choices)),
            Dimension("language", _("Language"), tuple(settings.LANGUAGES)),
            Dimension("speaks_for", _("Individual or group")),
        )
    }


SPEAKS_FOR = "speaks_for"


# Choice, yes/no and scale questions: their answers are options, so they split into a table.
CROSS_TAB_KINDS = tuple(code for code, kind in KINDS.items() if isinstance(kind, ChooseOne))


@dataclass
class CrossTab:
    identity: object  # the QuestionIdentity
    dimension: Dimension
    tables: list[tuple[str, Table]]  # (caption, table): individuals, then groups' tallies if any

    @property
    def reference(self) -> str:
        return self.identity.reference


def individual_counts(identity, field, filters=None, expected=()) -> dict:
    """{(option, value of `field`): answers}: one pass over individuals' answer rows, which carry
    `field` and the filters' fields themselves.

    Given the values `field` is `expected` to have, each option's answers are counted for each
    value side by side, grouped by option alone: on SQLite the pass then follows the answers'
    index, already in option order, where grouping by option and value sorts every answer first
    (a temporary B-tree of a million rows). Only when some answer has a value not expected are
    they grouped by both."""
    answers = Answer.objects.filter(
        question=identity, speaks_for=SpeaksFor.INDIVIDUAL, **chosen_filters(filters)
    ).exclude(option="")
    if expected and connection.vendor == "sqlite":  # PostgreSQL hashes the groups: no sort to spare
        counted = _counted_side_by_side(answers, field, expected)
        if counted is not None:
            return counted
    grouped = answers.values_list("option", field).annotate(n=Count("*")).order_by()
    return {(option, value): n for option, value, n in grouped}


def _counted_side_by_side(answers, field, expected) -> dict | None:
    """individual_counts' figures from one row per option, or None when some answers have a
    value not in `expected` (they would be missing)."""
    columns = {f"value_{n}": Count("pk", filter=Q(**{field: value})) for n, value in enumerate(expected)}
    counts = {}
    for row in answers.values("option").annotate(answers=Count("pk"), **columns).order_by():
        if sum(row[name] for name in columns) != row["answers"]:
            return None
        counts.update(
            {
                (row["option"], value): row[f"value_{n}"]
                for n, value in enumerate(expected)
                if row[f"value_{n}"]
            }
        )
    return counts


def group_tallies(identity, field, filters=None) -> dict:
    """{(option, value of `field`): young people tallied}: groups' tallies summed by option."""
    tallies = GroupTally.objects.filter(
        question=identity,
        response__status=Status.SUBMITTED,
        response__speaks_for=SpeaksFor.GROUP,
        **{f"response__{name}": value for name, value in chosen_filters(filters).items()},
    )
    grouped = tallies.values_list("option", f"response__{field}").annotate(n=Sum("count")).order_by()
    return {(option, value): n for option, value, n in grouped}


def _rows(identity, *counts) -> list[tuple]:
    """(code, label) of every option offered or answered, in the question's order; an option no
    longer offered only when someone chose it."""
    found = {option for series in counts for option, _value in series}
    rows = [(o.code, o.label) for o in identity.options() if not o.retired or o.code in found]
    known = {code for code, _label in rows}
    return rows + [(code, code) for code in sorted(found - known)]


def _table(rows, columns, counts, *, row_totals=True) -> Table:
    cells = [[counts.get((code, value), 0) for value, _label in columns] for code, _label in rows]
    column_totals = [sum(column) for column in zip(*cells, strict=True)] if cells else [0] * len(columns)
    return Table(
        row_labels=[label for _code, label in rows],
        column_labels=[label for _value, label in columns],
        counts=cells,
        row_totals=[sum(row) for row in cells] if row_totals else None,
        column_totals=column_totals,
        total=sum(column_totals) if row_totals else None,
    )


def crosstab(identity, dimension: Dimension, filters=None) -> CrossTab:
    """The question's answers split by `dimension`, as exact counts (see `suppression.as_seen`)."""
    if dimension.name == SPEAKS_FOR:
        return _individuals_beside_groups(identity, dimension, filters)
    individuals = individual_counts(identity, dimension.name, filters, dimension.expected)
    groups = group_tallies(identity, dimension.name, filters)
    rows = _rows(identity, individuals, groups)
    tables = [(str(INDIVIDUALS), _table(rows, _columns(dimension, individuals), individuals))]
    if groups:
        tables.append((str(GROUPS), _table(rows, _columns(dimension, groups), groups)))
    return CrossTab(identity, dimension, tables)


def _columns(dimension, counts) -> list[tuple]:
    return dimension.labelled({value for _option, value in counts})


def _individuals_beside_groups(identity, dimension, filters) -> CrossTab:
    """Individuals' answers and groups' tallies in two labelled columns: their totals are of
    different things (answers, young people in groups), so no row total adds them up."""
    individuals = individual_counts(identity, SPEAKS_FOR, filters, (SpeaksFor.INDIVIDUAL.value,))
    groups = group_tallies(identity, SPEAKS_FOR, filters)
    rows = _rows(identity, individuals, groups)
    counts = {**individuals, **groups}
    columns = [(SpeaksFor.INDIVIDUAL.value, INDIVIDUALS), (SpeaksFor.GROUP.value, GROUPS)]
    return CrossTab(identity, dimension, [("", _table(rows, columns, counts, row_totals=False))])
