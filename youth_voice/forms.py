"""The public response form, built from a consultation's questions and its "about you" settings.

Text is kept exactly as typed (no stripping); it is escaped wherever it is shown.
"""

import re
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from consultations.about_you import (
    ADULT_RESPONDENTS,
    PERSONAL_DETAILS,
    AboutYouField,
    AgeBand,
    Publication,
    RespondentType,
)
from consultations.kinds import readable

PHONE = re.compile(r"^\+?[0-9 ()-]{7,20}$")
FORM_DAMAGED = _("This form was not sent completely. Please press the button again.")
FORM_NOT_OURS = _(
    "This form did not come from this website, or was changed on the way, so it was not sent. "
    "Your answers are still here: press the button again to send them."
)
FORM_TOO_OLD = _(
    "This form was opened a long time ago, so it was not sent. "
    "Your answers are still here: press the button again to send them."
)
SUBMISSION_KEY_SALT = "youth_voice.submission-key"
HONEYPOT = "website"  # a name robots fill in; people never see the field


def mint_submission_key(key: uuid.UUID | None = None) -> str:
    """A submission key made and signed by this site, to carry in a form: `<uuid>:<time>:<signature>`.

    The same form posted twice is one response (the key is unique per consultation); the
    signature means a key cannot be made up, and its time that an old one expires."""
    return signing.TimestampSigner(salt=SUBMISSION_KEY_SALT).sign(str(key or uuid.uuid4()))


def read_submission_key(token) -> uuid.UUID:
    """The key a form carries; raises ValidationError (code "required", "expired" or "invalid")."""
    if not token:
        raise ValidationError(FORM_DAMAGED, code="required")
    try:
        value = signing.TimestampSigner(salt=SUBMISSION_KEY_SALT).unsign(
            str(token), max_age=settings.CHORUS_SUBMISSION_KEY_MAX_AGE
        )
        return uuid.UUID(value)
    except signing.SignatureExpired:
        raise ValidationError(FORM_TOO_OLD, code="expired") from None
    except (signing.BadSignature, ValueError):
        raise ValidationError(FORM_NOT_OURS, code="invalid") from None


class SubmissionKeyField(forms.CharField):
    """The hidden, signed submission key; cleans to the UUID it carries."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        return read_submission_key(value)


def validate_contact(value):
    """An email address or a telephone number."""
    if "@" in value:
        validate_email(value)
    elif not PHONE.match(value.strip()):
        raise ValidationError(
            _("Enter an email address, like name@example.com, or a telephone number."), code="contact"
        )


# The adults' "tell me when the feedback is published" tick (youth_voice.feedback.notifications).
FEEDBACK_EMAIL = "feedback_email"


def about_you_fields(page) -> dict[str, forms.Field]:
    """The "about you" fields this consultation asks, in the order people read them."""
    asked, required = set(page.about_you_asked), set(page.about_you_required)
    personal = set(PERSONAL_DETAILS)
    if AboutYouField.AGE_BAND not in asked:  # nobody could say they are under 13: ask nothing personal
        asked -= personal

    def is_required(name):  # contact details are required of adults only: checked in clean()
        return name in required and name not in personal

    types = [(value, label) for value, label in RespondentType.choices if value in page.respondent_types]
    areas = page.area_choices()
    candidates = {
        AboutYouField.RESPONDENT_TYPE: lambda: forms.ChoiceField(
            label=_("I am"), choices=types, widget=forms.RadioSelect
        ),
        AboutYouField.AGE_BAND: lambda: forms.ChoiceField(
            label=_("My age"), choices=AgeBand.choices, widget=forms.RadioSelect
        ),
        AboutYouField.AREA: lambda: (
            forms.ChoiceField(
                label=_("Where I live"), choices=[("", _("Choose an area"))] + [(a, a) for a in areas]
            )
            if areas
            else forms.CharField(
                label=_("Where I live"),
                max_length=100,
                validators=[readable],
                help_text=_("Your town or area, not your address."),
            )
        ),
        AboutYouField.SCHOOL_OR_GROUP: lambda: forms.CharField(
            label=_("My school, college or group"), max_length=200, validators=[readable]
        ),
        AboutYouField.NAME: lambda: forms.CharField(label=_("Name"), max_length=100, validators=[readable]),
        AboutYouField.ORGANISATION: lambda: forms.CharField(
            label=_("Organisation"), max_length=200, validators=[readable]
        ),
        AboutYouField.CONTACT: lambda: forms.CharField(
            label=_("Email or telephone"),
            max_length=254,  # the column's limit: say so rather than fail on PostgreSQL
            validators=[readable, validate_contact],
            help_text=_("Only if you would like us to reply to you."),
        ),
        AboutYouField.POSTAL_ADDRESS: lambda: forms.CharField(
            label=_("Postal address"),
            max_length=500,
            widget=forms.Textarea(attrs={"rows": 3}),
            validators=[readable],
        ),
    }
    fields = {}
    for name, make in candidates.items():
        if name in asked:
            field = make()
            field.required = is_required(name)
            fields[name.value] = field
    autocomplete = {"name": "name", "organisation": "organization", "postal_address": "street-address"}
    for name, token in autocomplete.items():
        if name in fields:
            fields[name].widget.attrs["autocomplete"] = token
    if AboutYouField.CONTACT in fields and ADULT_RESPONDENTS & set(page.respondent_types):
        fields[FEEDBACK_EMAIL] = forms.BooleanField(
            label=_("Email me when the feedback is published (adults only)"),
            required=False,
            help_text=_(
                "For parents, carers, professionals and organisations who gave an email address. "
                "We email you once, and never young people."
            ),
        )
    return fields


class ResponseForm(forms.Form):
    """The questions of one screen (or all of them), and, on the last screen, "about you".

    Question fields are named after their reference (`q_6-1`, `q_6-1_why`, `q_9_rank_<code>`),
    so a form shown before an edit still lines up with the questionnaire after it.
    """

    submission_key = SubmissionKeyField()

    def __init__(self, page, questions, *args, with_about_you=True, shown=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.questions = list(questions)
        # Follow-ups not shown for the answers given are rendered (to appear in place) but not
        # checked or stored.
        self.shown = [q for q in self.questions if shown is None or q in shown]
        self.with_about_you = with_about_you
        for question in self.questions:
            common = {
                "label": question.prompt,
                "required": question.required,
                "help_text": question.help_text,
            }
            fields = question.kind_class.form_fields(question, question.field_name, common)
            # The error summary names the question, not the option a ranking's first select is for.
            for first in list(fields.values())[:1]:
                first.error_summary_label = question.prompt
            self.fields.update(fields)
        if with_about_you:
            self.fields.update(about_you_fields(page))
            self.fields["publication"] = forms.ChoiceField(
                label=_("Can we publish what you said?"),
                choices=Publication.choices,
                initial=Publication.WITHOUT_NAME,
                required=False,  # not chosen: the default that was shown ticked
                widget=forms.RadioSelect,
                help_text=_("We always read it. A summary of what everyone said is published either way."),
            )

    def clean(self):
        cleaned_data = super().clean()
        for question in self.questions:
            if question not in self.shown:
                for name in question.kind_class.field_names(question, question.field_name):
                    self.errors.pop(name, None)
        for question in self.shown:
            problem = question.kind_class.validate(question, question.field_name, cleaned_data)
            if problem:
                self.add_error(question.kind_class.field_names(question, question.field_name)[0], problem)
        if self.with_about_you:
            self._protect_children(cleaned_data)
        return cleaned_data

    def _protect_children(self, cleaned_data):
        personal = [name for name in PERSONAL_DETAILS if name in self.fields]
        if self.data.get("age_band") in AgeBand.under_13():
            # Never asked of, never refused over and never stored for under-13s, whatever was typed.
            for name in personal:
                self.errors.pop(name, None)
                cleaned_data[name] = ""
            if cleaned_data.get("publication") == Publication.WITH_NAME:
                cleaned_data["publication"] = Publication.WITHOUT_NAME
            cleaned_data[FEEDBACK_EMAIL] = False
            return
        if cleaned_data.get(FEEDBACK_EMAIL):
            if cleaned_data.get("respondent_type") not in ADULT_RESPONDENTS:
                cleaned_data[FEEDBACK_EMAIL] = False  # only adults are emailed; nobody is refused over it
            elif "@" not in (cleaned_data.get("contact") or ""):
                self.add_error(FEEDBACK_EMAIL, _("To be emailed, give your email address above."))
        if cleaned_data.get("respondent_type") in ADULT_RESPONDENTS:
            for name in personal:
                if name in self.page.about_you_required and not (cleaned_data.get(name) or "").strip():
                    self.add_error(name, _("Please fill this in: we need it from adults and organisations."))

    def answers(self) -> list[tuple]:
        """(question, rows) for each question answered; unanswered ones are left out."""
        answers = []
        for question in self.shown:
            rows = question.kind_class.rows(question, question.field_name, self.cleaned_data)
            if rows:
                answers.append((question, rows))
        return answers

    def about_you(self) -> dict:
        names = [name for name in AboutYouField.values if name in self.fields] + ["publication"]
        about = {name: self.cleaned_data.get(name) or "" for name in names if name in self.fields}
        about["publication"] = about.get("publication") or Publication.WITHOUT_NAME
        if FEEDBACK_EMAIL in self.fields:
            about[FEEDBACK_EMAIL] = bool(self.cleaned_data.get(FEEDBACK_EMAIL))
        if not about.get("name") and about.get("publication") == Publication.WITH_NAME:
            about["publication"] = Publication.WITHOUT_NAME  # no name to publish with
        return about

    @property
    def general_fields(self):
        return [
            self[name]
            for name in AboutYouField.values
            if name in self.fields and name not in PERSONAL_DETAILS
        ]

    @property
    def personal_fields(self):
        return [self[name] for name in (*PERSONAL_DETAILS, FEEDBACK_EMAIL) if name in self.fields]

    @staticmethod
    def new_submission_key() -> str:
        return mint_submission_key()

    def typed_text(self) -> list[tuple[str, str]]:
        """What the person typed, to hand back to them when it cannot be accepted."""
        typed = []
        for name, form_field in self.fields.items():
            value = self.data.get(name, "") if isinstance(form_field, forms.CharField) else ""
            if value.strip() and not isinstance(form_field.widget, forms.HiddenInput):
                typed.append((form_field.label, value))
        return typed


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=30,
        help_text=_("The code you were given when you saved or sent your answers, like K7M-4QD-X9PR."),
        validators=[readable],
    )
