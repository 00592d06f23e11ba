"""Import paper forms from a filled-in template: every row checked as the online form checks it,
then all of them stored in one transaction, or none.

Each row's submission key is derived from the file's content and the row's line (see
`row_key`), so importing the same file again stores nothing twice; identical rows in one file
(two children who ticked the same boxes) stay two responses.
"""

import hashlib
import json
import uuid
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import override

from ..forms import mint_submission_key
from ..models import Channel
from .columns import Column, choice_pairs, export_only_columns, questionnaire_form, template_columns
from .forms import PaperDetailsForm
from .reading import UnreadableFile, read_table
from .services import store_paper_form

PAPER_IMPORT_KEYS = uuid.UUID("6f1c3a52-3d0e-4f8e-9a57-0c1b7e2d9a41")  # the namespace of rows' keys
TICKED = {"1", "x", "yes", "y", "true", "ie", "✓", "✔"}
NOT_TICKED = {"", "0", "no", "n", "false", "na"}
NOTE_MARK = "#"


class WrongColumns(UnreadableFile):
    """The file's header is not the template's: every problem with it, one message each."""

    def __init__(self, messages):
        super().__init__(" ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Problem:
    line: int
    column: str  # the column or question ("Q6.1"); blank for the row as a whole
    message: str

    def __str__(self):
        if self.column:
            return _("Line %(line)s, %(column)s: %(message)s") % vars(self)
        return _("Line %(line)s: %(message)s") % vars(self)


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    existing: int = 0  # rows stored by an earlier import of the same file
    problems: list[Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return not self.problems


def import_file(consultation, filename: str, data: bytes, *, entered_by) -> ImportReport:
    """Check every row; if all are right, store them all (one transaction), else store nothing.
    Raises UnreadableFile (or WrongColumns) when the file itself cannot be used."""
    consultation = consultation.answers_page
    questions = list(consultation.questions.all())
    table = read_table(filename, data)
    columns = template_columns(consultation, questions)
    placed, ignored = _placed_columns(consultation, table.header, columns)
    rows = [(line, cells) for line, cells in table.rows if not cells[0].startswith(NOTE_MARK)]
    if not rows:
        raise UnreadableFile(_("The file has a header but no rows of answers. Add one row per paper form."))
    digest = hashlib.sha256(json.dumps([table.header, rows]).encode()).hexdigest()
    report = ImportReport(rows=len(rows), ignored_columns=ignored)
    codes = choice_codes(
        {**PaperDetailsForm().fields, **questionnaire_form(consultation, questions=questions).fields}
    )
    order = {}  # a line's problems in the order of the file's columns
    for position, column in enumerate(placed):
        if column is not None:
            order.setdefault(column.label, position)
    checked = []
    for line, cells in rows:
        data, problems = row_data(line, placed, cells, row_key(consultation, digest, line), codes)
        details, form = PaperDetailsForm(data), questionnaire_form(consultation, data, questions)
        for each in (details, form):
            if not each.is_valid():
                problems += form_problems(line, each, columns)
        report.problems += sorted(problems, key=lambda problem: order.get(problem.column, -1))
        checked.append((details, form))
    if report.problems:
        return report
    with transaction.atomic():
        for details, form in checked:
            outcome = store_paper_form(consultation, form, details, entered_by=entered_by)
            report.created += outcome.created
            report.existing += not outcome.created
    return report


def row_key(consultation, digest: str, line: int) -> uuid.UUID:
    """The same row of the same file (same cells, same line) always gets the same key."""
    return uuid.uuid5(PAPER_IMPORT_KEYS, f"{consultation.answers_page_id}:{digest}:{line}")


def _placed_columns(consultation, header, columns) -> tuple[list[Column | None], list[str]]:
    """The template column under each header cell (None for a column the import ignores), and
    the names of the ignored ones; raises WrongColumns for a header that is not the template's."""
    by_name = {column.name.casefold(): column for column in columns}
    ignorable = {name.casefold() for name in export_only_columns(consultation, columns)}
    placed, ignored, unknown, seen, twice = [], [], [], set(), []
    for name in header:
        folded = name.casefold()
        if folded in seen:
            twice.append(name)
        seen.add(folded)
        placed.append(by_name.get(folded))
        if folded not in by_name:
            (ignored if folded in ignorable else unknown).append(name)
    missing = [column.name for column in columns if column.name.casefold() not in seen]
    messages = []
    if missing:
        messages.append(
            _(
                "These columns are missing: %(columns)s. Download the template again and copy your "
                "rows into it."
            )
            % {"columns": ", ".join(missing)}
        )
    if unknown:
        messages.append(
            _(
                "These columns are not in this consultation's template: %(columns)s. Remove them, or "
                "check that this is the template of this consultation."
            )
            % {"columns": ", ".join(unknown)}
        )
    if twice:
        messages.append(_("These columns appear twice: %(columns)s.") % {"columns": ", ".join(twice)})
    if messages:
        raise WrongColumns(messages)
    return placed, ignored


def row_data(line, placed, cells, key, codes) -> tuple[QueryDict, list[Problem]]:
    """A row as the form data a browser would post for it; and any cell that cannot be one.
    Choices may be written as their code or their label (`codes`: see choice_codes)."""
    data, problems = QueryDict(mutable=True), []
    data["submission_key"] = mint_submission_key(key)
    for column, cell in zip(placed, cells, strict=False):  # a row may stop before its last columns
        if column is None or cell == "":
            continue
        if column.tick:
            ticked = _ticked(cell, column)
            if ticked is None:
                problems.append(
                    Problem(
                        line,
                        column.label,
                        _(
                            "'%(value)s' under %(column)s is not a tick: write 1 if “%(option)s” was "
                            "ticked, or leave it blank."
                        )
                        % {"value": cell, "column": column.name, "option": column.tick_label},
                    )
                )
            elif ticked:
                data.appendlist(column.field, column.tick)
        else:
            data.appendlist(column.field, codes.get(column.field, {}).get(cell.casefold(), cell))
    data.setdefault("channel", Channel.PAPER)
    return data, problems


def _ticked(cell, column) -> bool | None:
    folded = cell.casefold()
    if folded in TICKED or folded in (column.tick.casefold(), column.tick_label.casefold()):
        return True
    if folded in NOT_TICKED:
        return False
    return None


def choice_codes(fields) -> dict[str, dict[str, str]]:
    """{field name: {code or label, casefolded, in English or Welsh: its code}} of each choice field."""
    codes = {}
    for name, form_field in fields.items():
        if not isinstance(form_field, forms.ChoiceField):
            continue
        words = {}
        for language in ("cy", "en-gb"):
            with override(language):
                words.update({label.casefold(): code for code, label in choice_pairs(form_field)})
        words.update({code.casefold(): code for code, _label in choice_pairs(form_field)})
        codes[name] = words
    return codes


def form_problems(line, form, columns) -> list[Problem]:
    """The form's errors as problems of this line, each under its question or column."""
    labels = {column.field: column.label for column in columns}
    problems = []
    for name, errors in form.errors.as_data().items():
        for error in errors:
            message = " ".join(error.messages)
            if error.code == "invalid_choice":
                choices = ", ".join(label for _code, label in choice_pairs(form.fields[name]))
                message = _("'%(value)s' is not one of %(choices)s") % {
                    "value": (error.params or {}).get("value", ""),
                    "choices": choices,
                }
            problems.append(Problem(line, labels.get(name, "") if name != "__all__" else "", message))
    return problems
