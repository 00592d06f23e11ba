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
    answers = Answer.objects.for_consultation(consultation).of_respondent_type(respondent_type)

    choice_counts = defaultdict(dict)
    for row in answers.exclude(choice="").values_list("question_id", "choice").annotate(n=Count("id")):
        choice_counts[row[0]][row[1]] = row[2]
    respondents = dict(
        answers.values_list("question_id").annotate(n=Count("response_id", distinct=True)).order_by()
    )
    text_counts = dict(answers.with_text().values_list("question_id").annotate(n=Count("id")).order_by())

    summaries = []
    for question in questions:
        answered = respondents.get(question.pk, 0)
        counts = choice_counts.get(question.pk, {})
        # Current options in their order, then any no longer offered (renamed or removed).
        labels = question.option_list + sorted(set(counts) - set(question.option_list))
        summaries.append(
            QuestionSummary(
                question=question,
                respondents=answered,
                choices=[
                    ChoiceCount(label, counts.get(label, 0), _percent(counts.get(label, 0), answered))
                    for label in labels
                ]
                if question.kind != Question.Kind.FREE_TEXT
                else [],
                text_count=text_counts.get(question.pk, 0),
                texts=list(texts_for(question, respondent_type)[:text_sample_size])
                if text_counts.get(question.pk)
                else [],
            )
        )
    total = Response.objects.for_consultation(consultation).of_type(respondent_type).count()
    return ConsultationSummary(total_responses=total, respondent_type=respondent_type, questions=summaries)


def texts_for(question, respondent_type=""):
    """Every typed answer to a question, newest first, with its response's flags."""
    return (
        Answer.objects.filter(question=question)
        .of_respondent_type(respondent_type)
        .with_text()
        .select_related("response")
        .order_by("-response__submitted_at", "-id")
    )


def _percent(count, total) -> float:
    return round(100 * count / total, 1) if total else 0.0
