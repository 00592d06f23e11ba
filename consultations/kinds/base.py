"""What every question kind shares: options, the rows an answer is stored as, and summary figures.

A kind is one small class (see the modules beside this one) that decides, for its questions, the
form fields shown, how they are validated, the answer rows stored, the summary figures and the
CSV columns. Adding a kind touches one module and the registry in `__init__`.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

ANSWER_MAX_CHARS = 5000
FOLLOW_UP_MAX_CHARS = 2000


@dataclass(frozen=True)
class Option:
    """One answer a question offers: `code` is what answers are stored under, `label` what people read."""

    code: str
    label: str
    retired: bool = False  # no longer offered, but kept because answers were given to it


@dataclass(frozen=True)
class AnswerRow:
    """One stored row of an answer: an option chosen (with its place, for rankings and ticks), a
    number, or typed text."""

    option: str = ""
    position: int = 1
    number: Decimal | None = None
    text: str = ""


@dataclass
class ChoiceFigure:
    code: str
    label: str
    count: int
    percent: float
    retired: bool = False  # no longer offered, but answered before it was removed


@dataclass
class RankFigure:
    code: str
    label: str
    ranked: int  # how many put it anywhere in their order
    first: int  # how many put it first
    average_rank: float | None


@dataclass
class Figures:
    """A question's summary, whatever its kind; a kind fills in the parts that apply to it."""

    respondents: int = 0
    choices: list[ChoiceFigure] = field(default_factory=list)
    ranks: list[RankFigure] = field(default_factory=list)
    mean: float | None = None
    median: float | None = None
    text_count: int = 0  # free text, or follow-ups to a yes/no counted apart from Yes and No
    has_distribution: bool = False


def readable(value):
    """Malformed UTF-8 reaches us as U+FFFD: say so instead of storing mangled text."""
    if "\ufffd" in str(value):
        raise ValidationError(
            _("Some characters could not be read. Check for unusual symbols and try again."),
            code="unreadable",
        )


class TooLong:
    """The message for an answer over its limit, in the language of whoever reads it, with the
    limit written the way that language writes numbers (5,000)."""

    def __init__(self, limit):
        self.limit = limit

    def __mod__(self, params):
        return _(
            "Your answer is too long: please use no more than %(limit)s characters (you have used %(used)s)."
        ) % {
            "limit": number_format(self.limit, force_grouping=True),
            "used": params["show_value"],
        }

    def __str__(self):
        return self % {"show_value": 0}


class AnswerText(forms.CharField):
    """Free text kept exactly as typed; a required one must not be only spaces."""

    def __init__(self, *, max_length, rows=4, **kwargs):
        super().__init__(
            max_length=max_length,
            strip=False,
            widget=forms.Textarea(attrs={"rows": rows}),
            validators=[readable],
            error_messages={"max_length": TooLong(max_length)},
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if self.required and not value.strip():
            raise ValidationError(self.error_messages["required"], code="required")


class QuestionKind:
    """The behaviour shared by every kind; subclasses override what differs."""

    code = ""
    label = ""
    # The editor fields this kind uses, beyond reference, prompt, help text and required.
    settings = ()
    # Whether a follow-up question can be shown depending on this question's answer.
    can_lead = False
    # Whether the summary shows a distribution with mean and median.
    numeric = False
    # Whether a group can answer with how many of its members chose each option ("Yes 14, No 6").
    tallied = False

    def choices_each(self, question) -> int:
        """How many options one person may choose: what a group's tallies can add up to, per member."""
        return 1

    def options(self, question) -> list[Option]:
        return []

    def settings_errors(self, question) -> dict[str, str]:
        """Problems with how the question is set up, by field name."""
        return {}

    # --- the form ---

    def form_fields(self, question, name, common) -> dict[str, forms.Field]:
        raise NotImplementedError

    def field_names(self, question, name) -> list[str]:
        return [name]

    def chosen_codes(self, question, name, data) -> set[str]:
        """The option codes picked in raw form data, for deciding which follow-ups to show."""
        return set()

    def validate(self, question, name, cleaned) -> str | None:
        """A problem with the answer as a whole (beyond each field's own checks), or None."""
        return None

    def rows(self, question, name, cleaned) -> list[AnswerRow]:
        """The rows to store for the cleaned values of this question's fields (none if unanswered)."""
        raise NotImplementedError

    def form_data(self, question, name, rows) -> dict[str, list[str]]:
        """Stored rows as form data, so that a stored answer can be shown again to change it."""
        raise NotImplementedError

    # --- reading what was said ---
    # These take the question's known options (current ones, then retired ones that have answers),
    # so answers given before an edit are always read under the option they were given to.

    def describe(self, options, rows) -> str:
        """The answer in words, for the check-your-answers page and the officers' views."""
        raise NotImplementedError

    def figures(self, options, groups, text_count) -> Figures:
        """Summary figures from grouped counts: {(option, position, number): count}."""
        raise NotImplementedError

    def csv_columns(self, reference, options) -> list[str]:
        """Stable column names (the machine-readable export's headers, and what the readable
        headings stand for): they do not change when the wording does."""
        return [f"Q{reference}"]

    def csv_headings(self, reference, prompt, options) -> list[str]:
        """What people read over the same columns: the reference and the question's wording."""
        return [f"Q{reference} – {prompt}"]

    def csv_cells(self, options, rows) -> list[str]:
        """The answer as people read it, under `csv_headings`."""
        return [self.describe(options, rows)]

    def csv_code_cells(self, options, rows) -> list[str]:
        """The answer as stored (option codes, numbers, text), under `csv_columns`."""
        return self.csv_cells(options, rows)

    def import_columns(self, question, name) -> list[tuple[str, str, str]]:
        """(column, form field, option code) for each code column of a question asked now: how a
        row of an imported file becomes this question's form data (youth_voice/paper/). The option
        code is given for a column that ticks one option, whose cell says whether it was ticked."""
        columns = self.csv_columns(question.reference, self.options(question))
        # A yes/no without a follow-up has no field for its "why" column: zip stops before it.
        return [
            (column, field, "")
            for column, field in zip(columns, self.field_names(question, name), strict=False)
        ]


def percent(count, total) -> float:
    return round(100 * count / total, 1) if total else 0.0


def label_of(options, code) -> str:
    return str(next((option.label for option in options if option.code == code), code))
