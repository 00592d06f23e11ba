"""The public response form, built from a consultation's questions.

Text is kept exactly as typed (no stripping); it is escaped wherever it is shown.
"""

import uuid
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError

from .models import AgeBand, Question, RespondentType

ANSWER_MAX_CHARS = 5000
FOLLOW_UP_MAX_CHARS = 2000


def _readable(value):
    # Malformed UTF-8 reaches us as U+FFFD: say so instead of storing mangled text.
    if "\ufffd" in value:
        raise ValidationError(
            "Some characters could not be read. Check for unusual symbols and try again.",
            code="unreadable",
        )


class AnswerText(forms.CharField):
    """Free text kept exactly as typed; a required one must not be only spaces."""

    def __init__(self, *, max_length, **kwargs):
        super().__init__(
            max_length=max_length,
            strip=False,
            widget=forms.Textarea(attrs={"rows": 4}),
            validators=[_readable],
            error_messages={
                "max_length": f"Your answer is too long: please use no more than {max_length:,} "
                "characters (you have used %(show_value)d)."
            },
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if self.required and not value.strip():
            raise ValidationError(self.error_messages["required"], code="required")


@dataclass
class AnswerInput:
    question: Question
    choices: list[str] = field(default_factory=list)
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.choices and not self.text.strip()


class ResponseForm(forms.Form):
    """Questions first (`q_<id>`, `q_<id>_why`), then the optional "about you" fields."""

    respondent_type = forms.ChoiceField(
        label="I am", choices=RespondentType.choices, required=False, widget=forms.RadioSelect
    )
    age_band = forms.ChoiceField(
        label="My age", choices=AgeBand.choices, required=False, widget=forms.RadioSelect
    )
    name = forms.CharField(label="Name", max_length=100, required=False, validators=[_readable])
    organisation = forms.CharField(
        label="Organisation", max_length=200, required=False, validators=[_readable]
    )
    email = forms.EmailField(
        label="Email",
        max_length=254,  # the column's limit: say so rather than fail on PostgreSQL
        required=False,
        help_text="Only if you would like us to reply to you.",
    )
    confidential = forms.BooleanField(
        label="Keep my response confidential",
        required=False,
        help_text="We will read it, but never publish or quote it, even without your name.",
    )
    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "This form was not sent completely. Please press Send again.",
            "invalid": "This form was not sent completely. Please press Send again.",
        },
    )

    ABOUT_YOU = ("respondent_type", "age_band", "name", "organisation", "email", "confidential")
    PERSONAL_DETAILS = ("name", "organisation", "email")

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        if not self.is_bound:
            self.initial["submission_key"] = uuid.uuid4()
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        for question in self.questions:
            self.fields.update(self._fields_for(question))
        self.order_fields([*self.question_field_names(), *self.ABOUT_YOU])

    @staticmethod
    def answer_field_name(question) -> str:
        return f"q_{question.pk}"

    def question_field_names(self):
        for question in self.questions:
            yield self.answer_field_name(question)
            if question.kind == Question.Kind.YES_NO:
                yield self.answer_field_name(question) + "_why"

    def _fields_for(self, question):
        name = self.answer_field_name(question)
        common = {"label": question.prompt, "required": question.required, "help_text": question.help_text}
        Kind = Question.Kind
        if question.kind == Kind.FREE_TEXT:
            return {name: AnswerText(max_length=ANSWER_MAX_CHARS, **common)}
        choices = [(option, option) for option in question.option_list]
        if question.kind == Kind.MULTIPLE_CHOICE:
            return {
                name: forms.MultipleChoiceField(
                    choices=choices, widget=forms.CheckboxSelectMultiple, **common
                )
            }
        fields = {name: forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)}
        if question.kind == Kind.YES_NO:
            fields[name + "_why"] = AnswerText(
                max_length=FOLLOW_UP_MAX_CHARS,
                label=question.follow_up_prompt or "If not, why not?",
                required=False,
            )
            fields[name + "_why"].widget.attrs["rows"] = 3
        return fields

    @property
    def submission_key_for_page(self):
        """The key to render: the one this form was first shown with, or a fresh one if it
        arrived damaged, so that sending again works."""
        if not self.is_bound:
            return self.initial["submission_key"]
        try:
            return self.fields["submission_key"].clean(self.data.get("submission_key"))
        except ValidationError:
            return uuid.uuid4()

    def question_rows(self):
        """(question, answer field, follow-up field or None) for the template, in order."""
        for question in self.questions:
            name = self.answer_field_name(question)
            follow_up = self[name + "_why"] if question.kind == Question.Kind.YES_NO else None
            yield question, self[name], follow_up

    def clean(self):
        cleaned_data = super().clean()
        # Under-13s are never asked for personal details; drop any that arrive anyway.
        if cleaned_data.get("age_band") in AgeBand.under_13():
            for name in self.PERSONAL_DETAILS:
                cleaned_data[name] = ""
        return cleaned_data

    def answers(self) -> list[AnswerInput]:
        """The answers given, one per question answered (empty ones left out)."""
        answers = []
        for question in self.questions:
            name = self.answer_field_name(question)
            value = self.cleaned_data.get(name)
            if question.kind == Question.Kind.FREE_TEXT:
                answer = AnswerInput(question, text=value or "")
            elif question.kind == Question.Kind.MULTIPLE_CHOICE:
                answer = AnswerInput(question, choices=list(value or []))
            else:
                why = (
                    self.cleaned_data.get(name + "_why", "") if question.kind == Question.Kind.YES_NO else ""
                )
                answer = AnswerInput(question, choices=[value] if value else [], text=why or "")
            if not answer.is_empty:
                answers.append(answer)
        return answers

    def about_you(self) -> dict:
        about = {name: self.cleaned_data.get(name) or "" for name in self.ABOUT_YOU}
        about["confidential"] = bool(about["confidential"])
        return about

    def typed_text(self) -> list[tuple[str, str]]:
        """What the person typed, to hand back to them when it cannot be accepted."""
        typed = []
        for name, form_field in self.fields.items():
            value = self.data.get(name, "") if isinstance(form_field, forms.CharField) else ""
            if value.strip():
                typed.append((form_field.label, value))
        return typed
