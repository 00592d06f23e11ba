"""Reads for officers: the per-question summary of a consultation's responses.

Every figure comes from one grouped pass over the answers' index, whatever the number of
responses; each kind turns its groups into its figures. Free text is fetched a page at a time.
Answers of retired questions (dropped by a later revision) are still summarised, marked so.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.functional import cached_property

from consultations.kinds import Figures
from consultations.references import ref_sort_key

from .charts import bar_chart
from .models import Answer, Response
from .safeguarding.visibility import with_flags

TEXT_SAMPLE_SIZE = 20


@dataclass
class QuestionSummary:
    identity: object  # QuestionIdentity: what answers point at
    question: object | None  # the question as asked now; None once retired
    figures: Figures
    texts: list = field(default_factory=list)  # the latest few; the rest a page at a time

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
    total_responses: int
    filters: dict
    questions: list[QuestionSummary]


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

    summaries = []
    for identity, question in questions:
        if question is None and identity.pk not in groups:
            continue  # retired before anyone answered it
        figures = identity.kind_class.figures(
            identity.options(), groups.get(identity.pk, {}), texts[identity.pk]
        )
        sample = list(texts_for(identity, filters)[:text_sample_size]) if figures.text_count else []
        summaries.append(QuestionSummary(identity, question, figures, sample))
    total = Response.objects.for_consultation(consultation).submitted().matching(filters).count()
    return ConsultationSummary(total_responses=total, filters=filters, questions=summaries)


def texts_for(identity, filters=None):
    """Every typed answer to a question, most recently received first, marked when flagged for
    safeguarding (pass them through `safeguarding.visibility.redact_for` before showing them)."""
    return with_flags(
        Answer.objects.filter(question=identity, option="", number__isnull=True)
        .of_responses(filters or {})
        .with_text()
        .select_related("response")
        .order_by("-id")
    )
