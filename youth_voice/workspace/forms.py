"""What an officer gives to start or copy a consultation: a title and its dates."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..widgets import DateInput
from .creating import Dates, NoPlaceForConsultations, consultations_parent


def date_field(label, help_text, required_message=None):
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=required_message is not None,
        widget=DateInput(),
        error_messages={
            "required": required_message or "",
            "invalid": _("Give a real date, for example 2027-03-31."),
        },
    )


class ConsultationDatesForm(forms.Form):
    """A title and dates: the closing date on or after the opening date and not already past, the
    feedback date on or after the closing date."""

    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        help_text=_("What young people will see, e.g. “Have your say on the youth centre”."),
        error_messages={"required": _("Give the consultation a title.")},
    )
    opens_on = date_field(
        _("Opening date"),
        _("It opens at the start of this day, once published."),
        required_message=_("Give the opening date."),
    )
    closes_on = date_field(
        _("Closing date"),
        _("It closes at the end of this day. Leave empty to keep it open until further notice."),
    )
    feedback_due = date_field(
        _("Feedback promised by"),
        _("Optional: the date by which you will tell people what was done with their views."),
    )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give the consultation a title."))
        return title

    def clean(self):
        data = super().clean()
        opens_on, closes_on, feedback_due = (
            data.get(name) for name in ("opens_on", "closes_on", "feedback_due")
        )
        if closes_on and closes_on < timezone.localdate():
            self.add_error("closes_on", _("The closing date has passed: choose today or a later date."))
        elif opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The closing date must be on or after the opening date."))
        if feedback_due and closes_on and feedback_due < closes_on:
            self.add_error("feedback_due", _("The feedback date must be on or after the closing date."))
        elif feedback_due and opens_on and feedback_due < opens_on:
            self.add_error("feedback_due", _("The feedback date must be after the opening date."))
        return data

    @property
    def dates(self) -> Dates:
        data = self.cleaned_data
        return Dates(data["opens_on"], data.get("closes_on"), data.get("feedback_due"))


def writing_language_choices():
    return list(settings.LANGUAGES)


class NewConsultationForm(ConsultationDatesForm):
    language = forms.ChoiceField(
        label=_("Written in"),
        choices=writing_language_choices,
        widget=forms.RadioSelect,
        help_text=_("You can translate it into the other language once it is written."),
        error_messages={"required": _("Choose the language you will write it in.")},
    )
    field_order = ["title", "language", "opens_on", "closes_on", "feedback_due"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        languages = dict(settings.LANGUAGES)
        self.fields["language"].initial = (
            get_language() if get_language() in languages else settings.LANGUAGE_CODE
        )

    def clean_language(self):
        """Where the consultation goes (cleaned_data["parent"]), and whether this officer may add it there."""
        language = self.cleaned_data["language"]
        try:
            parent = consultations_parent(language)
        except NoPlaceForConsultations as problem:
            raise forms.ValidationError(str(problem)) from problem
        if not parent.permissions_for_user(self.user).can_add_subpage():
            raise forms.ValidationError(
                _("You do not have permission to add consultations in this language: ask an administrator.")
            )
        self.cleaned_data["parent"] = parent
        return language
