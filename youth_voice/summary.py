"""Reads for officers: the per-question summary of a consultation's responses.

Every figure comes from one grouped pass over the answers' index, whatever the number of
responses; each kind turns its groups into its figures. Free text is fetched a page at a time.
Answers of retired questions (dropped by a later revision) are still summarised, marked so.

Individuals and groups are two series, never folded together: the individual figures count only
individual responses, and a group response (which speaks for N young people) adds its tallies and
its agreed answers to a series of its own, so it is counted neither as one person nor as N
(docs/group-responses.md).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.functional import cached_property

from consultations.kinds import ChoiceFigure, Figures
from consultations.kinds.base import percent
from consultations.references import ref_sort_key

from .charts import bar_chart
from .models import Answer, GroupTally, Response
from .safeguarding.visibility import with_flags

TEXT_SAMPLE_SIZE = 20


@dataclass
class AgreedAnswer:
    """One group's agreed answer to a question (its rows: pass them through `redact_for`)."""

    identity: object
    response: Response
    rows: list

    @property
    def text(self) -> str:
        return self.identity.kind_class.describe(self.identity.options(), self.rows)


@dataclass
class GroupFigures:
    """The groups' series for one question: their tallies summed per option, and agreed answers."""

    groups: int = 0  # groups that gave tallies
    young_people: int = 0  # whom those groups speak for: the tallies' percentages are of them
    tallies: list[ChoiceFigure] = field(default_factory=list)
    agreed: list[AgreedAnswer] = field(default_factory=list)

    @cached_property
    def chart(self):
        return bar_chart(self.tallies) if self.groups else None


@dataclass
class QuestionSummary:
    identity: object  # QuestionIdentity: what answers point at
    question: object | None  # the question as asked now; None once retired
    figures: Figures  # individuals only
    texts: list = field(default_factory=list)  # the latest few; the rest a page at a time
    groups: GroupFigures = field(default_factory=GroupFigures)

    @property
    def reference(self) -> str:
        return self.identity.reference

    @property
    def prompt(self) -> str:
        return self.question.prompt if self.question else self.identity.prompt

    @property
    def retired(self) -> bool:
        return self.question is None

    @cached_property
    def chart(self):
        """A bar chart of the answers chosen (choice, yes/no and scale questions), or None."""
        return bar_chart(self.figures.choices)


@dataclass
class ConsultationSummary:
    total_responses: int  # individual responses
    filters: dict
    questions: list[QuestionSummary]
    group_responses: int = 0
    young_people_in_groups: int = 0  # whom the group responses speak for, together


def questions_in_order(consultation) -> list[tuple]:
    """(identity, current question or None): the questionnaire's order, then retired ones by reference."""
    identities = list(consultation.question_identities.all())
    asked = {identity.question_key: identity for identity in identities if not identity.retired}
    ordered = [(asked[q.key], q) for q in consultation.questions.all() if q.key in asked]
    retired = sorted((i for i in identities if i.retired), key=lambda i: (ref_sort_key(i.reference), i.pk))
    return ordered + [(identity, None) for identity in retired]


def summarise(consultation, filters=None, text_sample_size=TEXT_SAMPLE_SIZE) -> ConsultationSummary:
    filters = filters or {}
    questions = questions_in_order(consultation)
    answers = Answer.objects.filter(question__in=[identity for identity, _ in questions]).of_responses(
        filters
    )

    groups, texts = defaultdict(dict), defaultdict(int)
    for question_id, option, position, number, count in (
        answers.values_list("question_id", "option", "position", "number").annotate(n=Count("*")).order_by()
    ):
        groups[question_id][(option, position, number)] = count
        if not option and number is None:  # a row of typed text (free text, or a yes/no follow-up)
            texts[question_id] += count

    # Unordered, so that the groups' own small index serves it (ordered, SQLite walks the index
    # in date order through every response instead).
    group_sizes = dict(
        Response.objects.for_consultation(consultation)
        .submitted()
        .groups()
        .matching(filters)
        .values_list("pk", "group_size")
        .order_by()
    )
    series = group_series(group_sizes)
    _take_away_groups(groups, texts, series)
    summaries = []
    for identity, question in questions:
        if question is None and not groups.get(identity.pk) and identity.pk not in series:
            continue  # retired before anyone answered it
        figures = identity.kind_class.figures(
            identity.options(), groups.get(identity.pk, {}), texts[identity.pk]
        )
        sample = list(texts_for(identity, filters)[:text_sample_size]) if figures.text_count else []
        group_figures = series[identity.pk].figures(identity) if identity.pk in series else GroupFigures()
        summaries.append(QuestionSummary(identity, question, figures, sample, group_figures))
    # Counting every response reads only an index; groups are few, so take them away after.
    everyone = Response.objects.for_consultation(consultation).submitted().matching(filters).count()
    return ConsultationSummary(
        total_responses=everyone - len(group_sizes),
        filters=filters,
        questions=summaries,
        group_responses=len(group_sizes),
        young_people_in_groups=sum(group_sizes.values()),
    )


def _take_away_groups(groups, texts, series):
    """Leave only individuals in the grouped counts, by taking away the groups' own answer rows.

    The one grouped pass reads every answer from the answers' index alone; groups are few and
    their rows are read anyway (to list their agreed answers), so subtracting them costs nothing
    where leaving them out of the pass would cost a lookup per answer."""
    for question_id, said in series.items():
        counts = groups.get(question_id, {})
        for row in (row for rows in said.agreed.values() for row in rows):
            key = (row.option, row.position, row.number)
            if key not in counts:  # a question the pass did not read (not in the questionnaire)
                continue
            counts[key] -= 1
            if not counts[key]:
                del counts[key]
            if not row.option and row.number is None:
                texts[question_id] -= 1


def individual_answers(consultation, filters=None):
    """Answers of individual responses matching the filters: a group's are a series of their own.

    Groups are found through their own small index and left out by response id."""
    answers = Answer.objects.of_responses(filters or {})
    groups = Response.objects.filter(consultation=consultation).groups()
    if groups.exists():
        return answers.exclude(response__in=groups.values("pk"))
    return answers


@dataclass
class _GroupAnswers:
    """What the groups said to one question, as read: tallies by response, agreed rows by response."""

    sizes: dict
    tallies: dict = field(default_factory=lambda: defaultdict(dict))
    agreed: dict = field(default_factory=dict)

    def figures(self, identity) -> GroupFigures:
        young_people = sum(self.sizes[response_id] for response_id in self.tallies)
        summed = defaultdict(int)
        for counts in self.tallies.values():
            for code, count in counts.items():
                summed[code] += count
        tallies = [
            ChoiceFigure(
                option.code,
                option.label,
                summed[option.code],
                percent(summed[option.code], young_people),
                option.retired,
            )
            for option in identity.options()
            if self.tallies and (not option.retired or summed[option.code])
        ]
        agreed = [AgreedAnswer(identity, rows[0].response, rows) for rows in self.agreed.values()]
        return GroupFigures(len(self.tallies), young_people, tallies, agreed)


def group_series(group_sizes: dict) -> dict:
    """{question id: _GroupAnswers} for the group responses given as {response id: group size}."""
    if not group_sizes:
        return {}
    series = defaultdict(lambda: _GroupAnswers(group_sizes))
    tallies = GroupTally.objects.filter(response_id__in=list(group_sizes))
    for response_id, question_id, option, count in tallies.values_list(
        "response_id", "question_id", "option", "count"
    ):
        series[question_id].tallies[response_id][option] = count
    agreed = with_flags(
        Answer.objects.filter(response_id__in=list(group_sizes))
        .select_related("response__forum", "response__event")
        .order_by("response__submitted_at", "response_id", "position", "id")
    )
    for answer in agreed:
        series[answer.question_id].agreed.setdefault(answer.response_id, []).append(answer)
    return series


def texts_for(identity, filters=None):
    """Every typed answer of individuals to a question, most recently received first, marked when
    flagged for safeguarding (pass them through `safeguarding.visibility.redact_for` before
    showing them). Groups' agreed answers are listed with the groups' series."""
    return with_flags(
        individual_answers(identity.consultation_id, filters)
        .filter(question=identity, option="", number__isnull=True)
        .with_text()
        .select_related("response")
        .order_by("-id")
    )
