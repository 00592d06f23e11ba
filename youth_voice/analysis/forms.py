"""The forms officers fill in to code answers, decide on suggestions, pick quotes and redact them.

Every form is built for one consultation (or question, or quote): a choice from anywhere else is
not a choice, and says so next to the field.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from consultations.about_you import AgeBand, RespondentType

from ..models import Answer, Channel, Quote, RedactionKind, Response, SpeaksFor, Theme
from .coding import CODED, UNCODED


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "description", "parent"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.consultation = consultation
        parents = consultation.themes.filter(parent__isnull=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = _("None: a theme of its own")

    def clean_name(self):
        # The form has no consultation field, so Django leaves this constraint to the save.
        name = self.cleaned_data["name"].strip()
        same = self.instance.consultation.themes.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if same.exists():
            raise forms.ValidationError(_("“%(name)s” is already in the codebook.") % {"name": name})
        return name


def _blank(choices):
    return [("", _("All")), *choices]


class CodingFilterForm(forms.Form):
    """Who answered, and where the coding stands: every field optional, read from the address."""

    respondent_type = forms.ChoiceField(label=_("Respondent"), required=False)
    age_band = forms.ChoiceField(label=_("Age band"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    speaks_for = forms.ChoiceField(label=_("Individual or group"), required=False)
    coded = forms.ChoiceField(label=_("Coded"), required=False)
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.none(), required=False)
    contains = forms.CharField(label=_("Words used"), required=False, max_length=100)

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        areas = (
            Response.objects.for_consultation(consultation).exclude(area="").values_list("area", flat=True)
        )
        choices = {
            "respondent_type": RespondentType.choices,
            "age_band": AgeBand.choices,
            "channel": Channel.choices,
            "area": [
                (area, area) for area in sorted(set(consultation.area_choices()) | set(areas.distinct()))
            ],
            "language": settings.LANGUAGES,
            "speaks_for": [(SpeaksFor.INDIVIDUAL, _("Individuals")), (SpeaksFor.GROUP, _("Groups"))],
            "coded": [(UNCODED, _("Not coded yet")), (CODED, _("Coded"))],
        }
        for name, options in choices.items():
            self.fields[name].choices = _blank(options)
        self.fields["theme"].queryset = consultation.themes.all()
        self.fields["theme"].empty_label = _("All")

    def filters(self) -> dict:
        """The valid filters chosen (an unknown value is dropped, as if not chosen)."""
        if self.is_valid():
            return {name: value for name, value in self.cleaned_data.items() if value}
        return {name: value for name, value in self.cleaned_data.items() if value and name not in self.errors}


class BulkTagForm(forms.Form):
    APPLY, REMOVE = "apply", "remove"

    answers = forms.ModelMultipleChoiceField(
        label=_("Answers"),
        queryset=Answer.objects.none(),
        error_messages={"required": _("Tick at least one answer.")},
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.none(),
        error_messages={"required": _("Choose the theme to apply or remove.")},
    )
    action = forms.ChoiceField(choices=[(APPLY, _("Apply")), (REMOVE, _("Remove"))], initial=APPLY)

    def __init__(self, *args, identity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answers"].queryset = Answer.objects.filter(question=identity)
        self.fields["theme"].queryset = identity.consultation.themes.all()


class AcceptSuggestionForm(ThemeForm):
    words = forms.CharField(widget=forms.HiddenInput, max_length=300)
    answers = forms.ModelMultipleChoiceField(
        label=_("Tag these answers with it"),
        queryset=Answer.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta(ThemeForm.Meta):
        fields = ["name", "description", "parent"]

    def __init__(self, *args, identity, **kwargs):
        super().__init__(*args, consultation=identity.consultation, **kwargs)
        self.fields["answers"].queryset = Answer.objects.filter(question=identity)


class RejectSuggestionForm(forms.Form):
    words = forms.CharField(widget=forms.HiddenInput, max_length=300)


class QuoteForm(forms.Form):
    excerpt = forms.CharField(
        label=_("Words to quote"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("All of the answer, or part of it copied exactly. Leave it as it is to quote it all."),
    )

    def __init__(self, *args, answer, **kwargs):
        super().__init__(*args, **kwargs)
        self.answer = answer

    def clean_excerpt(self):
        excerpt = self.cleaned_data["excerpt"].strip()
        quote = Quote(answer=self.answer, excerpt=excerpt)
        try:
            quote.clean()
        except forms.ValidationError as error:
            about_excerpt = error.message_dict["excerpt"] if hasattr(error, "error_dict") else error.messages
            raise forms.ValidationError(about_excerpt) from error
        return excerpt


class RedactionForm(forms.Form):
    """Accept one suggested redaction: its place in the quote and its kind."""

    start = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    end = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    kind = forms.ChoiceField(widget=forms.HiddenInput, choices=RedactionKind.choices)


class OwnRedactionForm(forms.Form):
    """Words the officer marks themselves, removed wherever they appear in the quote."""

    words = forms.CharField(
        label=_("Words to remove"),
        max_length=200,
        help_text=_("Copy them exactly as they appear in the quote."),
    )
    kind = forms.ChoiceField(label=_("What they are"), choices=RedactionKind.choices)
