"""CSV export of a consultation's responses: one row per response, one column per question."""

import csv

from django.db.models import Prefetch

from .models import Answer, Question, Response
from .references import ref_sort_key

RESPONSE_COLUMNS = [
    ("reference", "Reference"),
    ("submitted_at", "Submitted at"),
    ("channel", "Channel"),
    ("respondent_type", "Respondent type"),
    ("age_band", "Age band"),
    ("confidential", "Confidential"),
    ("language", "Language"),
    ("name", "Name"),
    ("organisation", "Organisation"),
    ("email", "Email"),
]
# Spreadsheets run cells that start with these as formulas: never let an answer do that.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    def write(self, value):
        return value


def safe_cell(value) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def answer_cell(question, answers) -> str:
    """All of one response's answers to one question as one cell."""
    choices = [a.choice for a in answers if a.choice]
    texts = [a.text for a in answers if a.text]
    if question.kind == Question.Kind.YES_NO:
        return " — ".join([*choices, *texts])
    return "; ".join(choices + texts)


def response_rows(consultation):
    """Yield the header, then one row per response; memory stays flat for any number."""
    questions = sorted(consultation.questions.all(), key=lambda q: ref_sort_key(q.reference))
    yield [label for _, label in RESPONSE_COLUMNS] + [f"Q{q.reference}" for q in questions]
    responses = (
        Response.objects.for_consultation(consultation)
        .order_by("submitted_at", "id")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.order_by("id")))
    )
    for response in responses.iterator(chunk_size=2000):
        by_question = {}
        for answer in response.answers.all():
            by_question.setdefault(answer.question_id, []).append(answer)
        row = [_response_value(response, name) for name, _ in RESPONSE_COLUMNS]
        row += [answer_cell(q, by_question.get(q.pk, [])) for q in questions]
        yield [safe_cell(value) for value in row]


def _response_value(response, name):
    value = getattr(response, name)
    if name == "submitted_at":
        return value.isoformat(timespec="seconds")
    if name == "confidential":
        return "yes" if value else "no"
    return value


def stream_csv(rows):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so Excel reads the file as UTF-8
    for row in rows:
        yield writer.writerow(row)
