"""CSV exports of a consultation's responses: one row per response, one or more columns per question.

Two files, linked side by side in the admin:

- the **readable** export, for people: headers carry each question's reference and wording
  ("Q6.1 – Should the council…"), and about-you values and answers are written as people read
  them ("A young person", "13 to 15", "Yes") in the officer's language;
- the **codes** export, for software: stable headers (field names, `Q6.1`, `Q7 swimming`) that do not
  change when wording does, and the stored codes (`young_person`, `13_15`, `yes`).

Individuals and groups are rows of one file, told apart by `speaks_for`: a group's row has its
size, age range, method, forum and event, its agreed answers in the answer columns, and its
tallies in tally columns (`Q6.2 tally a-week`, after the response's own columns and before the
answers) that individuals leave empty.

Both are streamed a row at a time, with memory flat for any number of responses.
"""

import csv
import re
import unicodedata
from itertools import chain

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from .models import Answer, Response
from .models.response import WHO_ANSWERED
from .safeguarding.visibility import redact_for, with_flags
from .summary import questions_in_order

RESPONSE_COLUMNS = [
    ("reference", _("Reference")),
    ("submitted_at", _("Submitted at")),
    ("changed_at", _("Last changed")),
    ("times_changed", _("Times changed")),
    ("channel", _("Channel")),
    ("language", _("Language")),
    ("speaks_for", _("Speaks for")),
    ("group_size", _("Young people in the group")),
    ("youngest", _("Youngest age in the group")),
    ("oldest", _("Oldest age in the group")),
    ("method", _("How the group reached its view")),
    ("forum", _("Forum")),
    ("event", _("Forum event")),
    ("notes", _("Notes on the group")),
    ("publication", _("Publication")),
    ("respondent_type", _("Respondent type")),
    ("age_band", _("Age band")),
    ("area", _("Area")),
    ("school_or_group", _("School or group")),
    ("name", _("Name")),
    ("organisation", _("Organisation")),
    ("contact", _("Email or telephone")),
    ("postal_address", _("Postal address")),
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


def response_rows(consultation, user=None, *, codes=False):
    """The header, then one row per sent response: readable, or with `codes` machine-readable.

    Answers flagged for safeguarding are replaced by a notice unless `user` may read them."""
    columns = [
        (identity, question, identity.options()) for identity, question in questions_in_order(consultation)
    ]
    # Tally columns come after the response's own, before the answers: a block groups fill in.
    tallied = [
        (identity, option)
        for identity, _question, options in columns
        for option in _tallied(identity, options)
    ]
    if codes:
        header = [name for name, _label in RESPONSE_COLUMNS]
        header += [f"Q{identity.column_reference} tally {option.code}" for identity, option in tallied]
        for identity, _question, options in columns:
            header += identity.kind_class.csv_columns(identity.column_reference, options)
    else:
        header = [label for _name, label in RESPONSE_COLUMNS]
        header += [
            _("Q%(reference)s tally: %(option)s")
            % {"reference": identity.column_reference, "option": option.label}
            for identity, option in tallied
        ]
        for identity, question, options in columns:
            prompt = question.prompt if question is not None else identity.prompt
            header += identity.kind_class.csv_headings(identity.column_reference, prompt, options)
    return chain([header], _rows(consultation, columns, tallied, codes, user))


def _tallied(identity, options) -> list:
    """The options a group's tallies can be given for (none for a question answered in words)."""
    return options if identity.kind_class.tallied else []


def _rows(consultation, columns, tallied, codes, user):
    # The answers' copies of who answered are left unread: the response's own fields are written.
    answers = with_flags(Answer.objects.defer(*WHO_ANSWERED).order_by("position", "id"))
    responses = (
        Response.objects.for_consultation(consultation)
        .submitted()
        .order_by("submitted_at", "id")
        .select_related("forum", "event")
        .prefetch_related(Prefetch("answers", queryset=answers), "tallies")
    )
    value = _response_value if codes else _readable_value
    # A chunk's responses and their prefetched answers are held at once: 500 keeps a 100,000-response
    # export under 50 MB of memory (`make bench`: export_csv_rss_mb).
    for response in responses.iterator(chunk_size=500):
        by_question = {}
        for answer in redact_for(user, response.answers.all()):
            by_question.setdefault(answer.question_id, []).append(answer)
        tallies = {(tally.question_id, tally.option): tally.count for tally in response.tallies.all()}
        row = [value(response, name) for name, _label in RESPONSE_COLUMNS]
        row += [tallies.get((identity.pk, option.code), "") for identity, option in tallied]
        for identity, _question, options in columns:
            kind, answers = identity.kind_class, by_question.get(identity.pk, [])
            row += kind.csv_code_cells(options, answers) if codes else kind.csv_cells(options, answers)
        yield [safe_cell(cell) for cell in row]


def _response_value(response, name):
    value = getattr(response, name)
    if hasattr(value, "isoformat"):
        return value.isoformat(timespec="seconds")
    return "" if value is None else value


def _readable_value(response, name):
    """A value as people read it: the label of a choice ("13 to 15"), a language's name."""
    if name == "language":
        return response.language_name
    if Response._meta.get_field(name).choices and getattr(response, name):
        return getattr(response, f"get_{name}_display")()
    return _response_value(response, name)


def stream_csv(rows, language=None):
    """The rows as CSV text, a line at a time. Labels are put into words as each row is written,
    after the view has returned, so each row is written in the language active when this is
    called (the officer's), and that language is never left active between rows."""
    language = language or get_language()
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # so Excel reads the file as UTF-8
        iterator = iter(rows)
        while True:
            with override(language):
                row = next(iterator, None)
                line = None if row is None else writer.writerow(row)
            if line is None:
                return
            yield line

    return lines()


def csv_download(consultation, user, *, codes=False) -> StreamingHttpResponse:
    """The readable export, or with `codes` the machine-readable one, as a streamed download."""
    name = "codes" if codes else "responses"
    filename = f"{consultation.slug}-{name}-{timezone.localdate():%Y-%m-%d}.csv"
    return StreamingHttpResponse(
        stream_csv(response_rows(consultation, user, codes=codes)),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
