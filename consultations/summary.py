"""Reads for officers: the per-question summary of a consultation's responses.

Every figure comes from a handful of grouped database aggregates, whatever the number of
responses; free text is fetched a page at a time.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from .models import Answer, Question, Response

TEXT_SAMPLE_SIZE = 20


@dataclass
class ChoiceCount:
    label: str
    count: int
    percent: float


@dataclass
class QuestionSummary:
    question: Question
    respondents: int  # how many responses answered this question
    choices: list[ChoiceCount] = field(default_factory=list)
    text_count: int = 0
    texts: list[Answer] = field(default_factory=list)  # the latest few; the rest a page at a time


@dataclass
class ConsultationSummary:
    total_responses: int
    respondent_type: str
    questions: list[QuestionSummary]


def summarise(consultation, respondent_type="", text_sample_size=TEXT_SAMPLE_SIZE) -> ConsultationSummary:
    questions = list(consultation.questions.all())
    answers = Answer.objects.filter(question__in=questions).of_respondent_type(respondent_type)

    # One pass over the (question, choice) index gives every count; a free-text row is the
    # group with no choice.
    groups = defaultdict(dict)
    for question_id, choice, count in (
        answers.values_list("question_id", "choice").annotate(n=Count("id")).order_by()
    ):
        groups[question_id][choice] = count
    # Multiple choice stores a row per option ticked, so people are counted separately.
    multiple = [q for q in questions if q.kind == Question.Kind.MULTIPLE_CHOICE]
    people_ticking = dict(
        answers.filter(question__in=multiple)
        .values_list("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .order_by()
    )
    yes_no = [q for q in questions if q.kind == Question.Kind.YES_NO]
    follow_ups = dict(
        answers.filter(question__in=yes_no)
        .with_text()
        .values_list("question_id")
        .annotate(n=Count("id"))
        .order_by()
    )

    summaries = []
    for question in questions:
        counts = groups.get(question.pk, {})
        chosen = {label: n for label, n in counts.items() if label}
        if question.kind == Question.Kind.MULTIPLE_CHOICE:
            answered = people_ticking.get(question.pk, 0)
        else:
            answered = sum(counts.values())
        text_count = (
            follow_ups.get(question.pk, 0) if question.kind == Question.Kind.YES_NO else counts.get("", 0)
        )
        # Current options in their order, then any no longer offered (renamed or removed).
        labels = question.option_list + sorted(set(chosen) - set(question.option_list))
        summaries.append(
            QuestionSummary(
                question=question,
                respondents=answered,
                choices=[]
                if question.kind == Question.Kind.FREE_TEXT
                else [
                    ChoiceCount(label, chosen.get(label, 0), _percent(chosen.get(label, 0), answered))
                    for label in labels
                ],
                text_count=text_count,
                texts=list(texts_for(question, respondent_type)[:text_sample_size]) if text_count else [],
            )
        )
    total = Response.objects.for_consultation(consultation).of_type(respondent_type).count()
    return ConsultationSummary(total_responses=total, respondent_type=respondent_type, questions=summaries)


def texts_for(question, respondent_type=""):
    """Every typed answer to a question, most recently received first."""
    return (
        Answer.objects.filter(question=question)
        .of_respondent_type(respondent_type)
        .with_text()
        .select_related("response")
        .order_by("-id")
    )


def _percent(count, total) -> float:
    return round(100 * count / total, 1) if total else 0.0
