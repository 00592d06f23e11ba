"""CSV export of a consultation's responses: one row per response, stable columns per question.

Columns are named by question reference (and option code where a question has one column per
option), so a file downloaded today lines up with one downloaded after the wording changes.
"""

import csv
import re
import unicodedata

from django.db.models import Prefetch

from .models import Answer, Response
from .safeguarding.visibility import redact_for, with_flags
from .summary import questions_in_order

RESPONSE_COLUMNS = [
    ("reference", "Reference"),
    ("submitted_at", "Submitted at"),
    ("changed_at", "Last changed"),
    ("times_changed", "Times changed"),
    ("channel", "Channel"),
    ("language", "Language"),
    ("speaks_for", "Speaks for"),
    ("publication", "Publication"),
    ("respondent_type", "Respondent type"),
    ("age_band", "Age band"),
    ("area", "Area"),
    ("school_or_group", "School or group"),
    ("name", "Name"),
    ("organisation", "Organisation"),
    ("contact", "Email or telephone"),
    ("postal_address", "Postal address"),
]
# Spreadsheets run cells that start with these as formulas, and also when the character comes
# after spaces or invisible characters, or in its full-width form (＝ ＋ － ＠).
FORMULA_STARTS = set("=+-@\t\r\n") | {"\uff1d", "\uff0b", "\uff0d", "\uff20"}


class _Echo:
    def write(self, value):
        return value


PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    if PLAIN_NUMBER.match(text):  # a number (an answer of -5, say) is no formula: keep it a number
        return text
    first = next((c for c in text if not (c.isspace() or unicodedata.category(c) == "Cf")), "")
    return "'" + text if first in FORMULA_STARTS or text[:1] in FORMULA_STARTS else text


def response_rows(consultation, user=None):
    """Yield the header, then one row per sent response; memory stays flat for any number.

    Answers flagged for safeguarding are replaced by a notice unless `user` may read them."""
    questions = questions_in_order(consultation)
    columns = [(identity, identity.options()) for identity, _question in questions]
    header = [label for _, label in RESPONSE_COLUMNS]
    for identity, options in columns:
        header += identity.kind_class.csv_columns(identity.column_reference, options)
    yield header
    responses = (
        Response.objects.for_consultation(consultation)
        .submitted()
        .order_by("submitted_at", "id")
        .prefetch_related(Prefetch("answers", queryset=with_flags(Answer.objects.order_by("position", "id"))))
    )
    for response in responses.iterator(chunk_size=2000):
        by_question = {}
        for answer in redact_for(user, response.answers.all()):
            by_question.setdefault(answer.question_id, []).append(answer)
        row = [_response_value(response, name) for name, _ in RESPONSE_COLUMNS]
        for identity, options in columns:
            row += identity.kind_class.csv_cells(options, by_question.get(identity.pk, []))
        yield [safe_cell(value) for value in row]


def _response_value(response, name):
    value = getattr(response, name)
    if hasattr(value, "isoformat"):
        return value.isoformat(timespec="seconds")
    return "" if value is None else value


def stream_csv(rows):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so Excel reads the file as UTF-8
    for row in rows:
        yield writer.writerow(row)
