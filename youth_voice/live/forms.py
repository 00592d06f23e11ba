"""The live session's forms: a phone's join code and answer, and the officer's new session."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ForumEvent
from . import services

NO_SESSION = _("There is no live session with that code. Check the code on the screen and try again.")


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Code on the screen"),
        max_length=20,
        error_messages={"required": _("Enter the code shown on the screen.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        self.session = services.session_by_code(self.cleaned_data["code"])
        if self.session is None:
            raise forms.ValidationError(NO_SESSION, code="unknown")
        return self.session.join_code


class AnswerForm(forms.Form):
    """The question on screen, as a plain form for a phone without JavaScript or websockets."""

    question = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, question: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("question", question["key"])
        if question["kind"] in services.COMMENT_KINDS:
            self.fields["text"] = forms.CharField(
                label=question["prompt"],
                max_length=services.COMMENT_MAX_CHARS,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"required": services.REFUSALS["empty_comment"]},
            )
        else:
            self.fields["option"] = forms.ChoiceField(
                label=question["prompt"],
                choices=[(o["code"], o["label"]) for o in question["options"]],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer before sending it.")},
            )

    @property
    def answer_field(self) -> str:
        return "text" if "text" in self.fields else "option"


class StartForm(forms.Form):
    questions = forms.MultipleChoiceField(
        label=_("Questions to ask"),
        help_text=_("Asked in this order. One-tap questions become votes; free text becomes comments."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one question to ask.")},
    )
    event = forms.ModelChoiceField(
        label=_("Forum event (optional)"),
        queryset=ForumEvent.objects.none(),
        required=False,
        help_text=_("The forum meeting this session is part of, so its votes show where they came from."),
    )

    def __init__(self, consultation, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.askable = services.askable_questions(consultation)
        self.fields["questions"].choices = [
            (str(identity.question_key), f"{identity.reference} – {identity.prompt}")
            for identity in self.askable
        ]
        events = ForumEvent.objects.select_related("forum")
        self.fields["event"].queryset = (
            events if user.is_superuser else events.filter(forum__facilitators=user)
        )

    def clean(self):
        if not self.consultation.is_open():
            raise forms.ValidationError(services.CLOSED_CONSULTATION, code="closed")
        return super().clean()

    def clean_questions(self):
        chosen = set(self.cleaned_data["questions"])
        # In the consultation's order, whatever order the boxes were ticked in.
        return [
            str(identity.question_key) for identity in self.askable if str(identity.question_key) in chosen
        ]
