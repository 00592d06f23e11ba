"""The columns of a consultation's import template, and what each one takes.

They are the codes export's own columns (youth_voice/exports.py): `channel`, the "about you" field
names the consultation asks, and each question's stable code columns from its kind (`Q6.1`,
`Q1 why`, `Q7 swimming`, `Q9 rank buses`), plus `received_on`. So a codes export lines up with the
template, and a column keeps its name when a question's wording changes.
"""

import unicodedata
from dataclasses import dataclass

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from ..exports import RESPONSE_COLUMNS
from ..forms import ResponseForm, mint_submission_key
from ..journey import Journey
from .forms import PaperDetailsForm


@dataclass(frozen=True)
class Column:
    name: str  # its header in the file
    field: str  # the form field its cell fills in
    subject: str  # what people call it: "Date received", "Q6.2 How long is too long to wait?"
    label: str  # how a problem names it: the column, or the question's number ("Q6.2")
    tick: str = ""  # a column ticking one option of a choose-any question: that option's code
    tick_label: str = ""


def questionnaire_form(consultation, data=None, questions=None):
    """The online form of every question and "about you": what a paper form is checked against.
    Without `data`, a blank one to fill in (not checked until it is posted)."""
    journey = Journey(consultation, data, questions)
    if data is None:
        return ResponseForm(
            consultation,
            journey.questionnaire.questions,
            shown=journey.visible,
            initial={"submission_key": mint_submission_key()},
        )
    return journey.full_form()


def template_columns(consultation, questions=None) -> list[Column]:
    details = PaperDetailsForm().fields
    form = questionnaire_form(consultation, questions=questions)
    columns = [Column(name, name, str(details[name].label), name) for name in ("channel", "received_on")]
    columns += [
        Column(name, name, str(field.label), name)
        for name, field in form.fields.items()
        if not name.startswith("q_") and name != "submission_key"
    ]
    for question in form.questions:
        kind = question.kind_class
        labels = {option.code: str(option.label) for option in kind.options(question)}
        for name, field, tick in kind.import_columns(question, question.field_name):
            subject = f"Q{question.reference} {question.prompt}"
            if form.fields[field].label != question.prompt:  # a follow-up, or the option a rank is for
                subject += f": {form.fields[field].label}"
            columns.append(Column(name, field, subject, f"Q{question.reference}", tick, labels.get(tick, "")))
    return columns


def export_only_columns(consultation, columns) -> set[str]:
    """Columns of the codes export that a paper form has no use for (its reference, when it was
    sent, retired questions…): a codes export's rows can be pasted in without removing them."""
    exported = {name for name, _label in RESPONSE_COLUMNS}
    for identity in consultation.question_identities.all():
        exported.update(identity.kind_class.csv_columns(identity.column_reference, identity.options()))
    return exported - {column.name for column in columns}


def notes(consultation, columns) -> list[str]:
    """The template's second row: what each column takes. It starts with "#", which marks a row
    the import skips."""
    fields = {**PaperDetailsForm().fields, **questionnaire_form(consultation).fields}
    described = [f"{column.subject}: {_allowed(column, fields[column.field])}" for column in columns]
    return ["# " + described[0], *described[1:]]


def _allowed(column, field) -> str:
    if column.tick:
        return _("1 if “%(option)s” was ticked, blank if not") % {"option": column.tick_label}
    if column.name == "channel":
        return _("paper or event; blank means paper")
    if isinstance(field, forms.DateField):
        return _("the date, like 2026-11-20 or 20/11/2026; not in the future")
    if isinstance(field, forms.BooleanField):  # a tick box, such as "email me when the feedback is published"
        return _("1 if ticked, blank if not")
    if isinstance(field, forms.ChoiceField):
        allowed = _("one of %(values)s") % {"values": ", ".join(_choice_words(field))}
    elif isinstance(field, forms.DecimalField):
        allowed = _number_words(field)
    else:
        allowed = _("text of at most %(limit)s characters") % {"limit": f"{field.max_length:,}"}
    return allowed + "; " + (_("required") if field.required else _("may be blank"))


def _choice_words(field) -> list[str]:
    """Each choice's code, with its label when they differ: either may be written."""
    return [code if label == code else f"{code} ({label})" for code, label in choice_pairs(field)]


def _number_words(field) -> str:
    low, high = field.min_value, field.max_value
    if low is not None and high is not None:
        return _("a number from %(low)s to %(high)s") % {"low": low.normalize(), "high": high.normalize()}
    if low is not None:
        return _("a number of at least %(low)s") % {"low": low.normalize()}
    if high is not None:
        return _("a number of at most %(high)s") % {"high": high.normalize()}
    return _("a number")


def choice_pairs(field) -> list[tuple[str, str]]:
    """(code, label in words) of a choice field's choices: without markup, the pictures before the
    words (a face's 🙁), or the blank choice."""
    return [(str(code), _words(strip_tags(str(label)))) for code, label in field.choices if code != ""]


def _words(label: str) -> str:
    label = label.strip()
    while label and (label[0].isspace() or unicodedata.category(label[0]) == "So"):
        label = label[1:]
    return label
