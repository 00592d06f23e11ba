"""The optional "about you" questions a consultation may ask, and the rules that protect children.

Nothing personal is ever required of a young person, and under-13s are never asked for, never
refused over and never have stored any contact details.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class RespondentType(models.TextChoices):
    YOUNG_PERSON = "young_person", _("A young person")
    PARENT_CARER = "parent_carer", _("A parent or carer")
    PROFESSIONAL = "professional", _("Someone who works with children and young people")
    ORGANISATION = "organisation", _("Responding for an organisation")
    OTHER = "other", _("Other")


# Who may be asked to give personal details as a required answer: adults speaking for themselves
# or for an organisation. Everyone else may always leave them blank.
ADULT_RESPONDENTS = {RespondentType.PARENT_CARER, RespondentType.PROFESSIONAL, RespondentType.ORGANISATION}


class AgeBand(models.TextChoices):
    UNDER_11 = "under_11", _("Under 11")
    AGE_11_12 = "11_12", _("11 to 12")
    AGE_13_15 = "13_15", _("13 to 15")
    AGE_16_18 = "16_18", _("16 to 18")
    AGE_19_25 = "19_25", _("19 to 25")
    OVER_25 = "over_25", _("Over 25")

    @classmethod
    def under_13(cls) -> set[str]:
        return {cls.UNDER_11, cls.AGE_11_12}


class AboutYouField(models.TextChoices):
    RESPONDENT_TYPE = "respondent_type", "Who is answering (young person, parent or carer…)"
    AGE_BAND = "age_band", "Age band"
    AREA = "area", "Area"
    SCHOOL_OR_GROUP = "school_or_group", "School or group"
    NAME = "name", "Name"
    ORGANISATION = "organisation", "Organisation"
    CONTACT = "contact", "Email or telephone"
    POSTAL_ADDRESS = "postal_address", "Postal address"


# Every "about you" answer a response keeps, publication consent included.
RESPONSE_DETAILS = [*AboutYouField.values, "publication", "feedback_email"]

# Contact details: hidden from, never required of and never stored for under-13s.
PERSONAL_DETAILS = (
    AboutYouField.NAME,
    AboutYouField.ORGANISATION,
    AboutYouField.CONTACT,
    AboutYouField.POSTAL_ADDRESS,
)


def default_about_you() -> list[str]:
    return ["respondent_type", "age_band", "name", "organisation", "contact"]


def default_respondent_types() -> list[str]:
    return list(RespondentType.values)


class Publication(models.TextChoices):
    """What the person lets the partnership publish, as public consultations ask it."""

    WITH_NAME = "with_name", _("Publish my response with my name")
    WITHOUT_NAME = "without_name", _("Publish my response without my name")
    CONFIDENTIAL = "confidential", _("Do not publish my response: keep it confidential")


class ChoiceListField(models.JSONField):
    """A list of codes chosen from fixed choices, edited as tick boxes."""

    def __init__(self, *args, choices_from=None, **kwargs):
        self.choices_from = choices_from
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_from"] = self.choices_from
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = set(value or []) - set(self.choices_from.values)
        if unknown:
            raise ValidationError(f"Unknown choice: {', '.join(sorted(unknown))}.")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices_from.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )
