"""The consultation page's admin forms: rules across several questions, which one field cannot
check, and what editors are told about answers while they edit a live questionnaire.

Drafts keep whatever was typed (Wagtail defers required fields when saving a draft, and autosaves
drafts): a question's completeness and the questionnaire's consistency are checked when it is
published. What would detach answers is refused in drafts too, since it could never be published.
"""

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from ..about_you import PERSONAL_DETAILS, AboutYouField
from ..choosers import IdChoiceField
from ..questionnaire import AnsweredQuestions, condition_problems


class QuestionForm(WagtailAdminModelForm):
    """One question's panel in the page editor."""

    retire = forms.BooleanField(
        label=gettext_lazy("Stop asking this question"),
        required=False,
        help_text=gettext_lazy(
            "When you publish, it is no longer asked. Its answers are kept and still shown in the summary."
        ),
    )

    answers = 0  # how many people answered it, set by the page's form
    removal_refusal = None  # why it cannot be removed, once someone tried

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.retire_field = self.fields.pop("retire")  # offered only once answered (tell_answers)

    def tell_answers(self, answered: AnsweredQuestions):
        """Say beside the fields what rewording an answered question does to its answers."""
        self.answers = answered.count(self.instance)
        if not self.answers:
            return  # nothing to keep: it can simply be removed
        self.fields["retire"] = self.retire_field
        count = answered.answers(self.instance)
        self.fields["prompt"].help_text = _(
            "%(answers)s. If you reword the question, they stay attached to it."
        ) % {"answers": count}
        self.fields["options"].help_text = _(
            "%(answers)s. If you reword an option, its answers stay with it; an option that has answers "
            "cannot be removed."
        ) % {"answers": count}

    @property
    def removing(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get(DELETION_FIELD_NAME))

    def _post_clean(self):
        self.instance.checking_draft = self.is_deferred_validation
        super()._post_clean()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("retire"):  # retiring is removing, on purpose
            cleaned_data[DELETION_FIELD_NAME] = True
        return cleaned_data


def row_name(form, number: int) -> str:
    """A question's name in messages: by reference and prompt, or by its place (as the editor now
    orders it) while it has no reference."""
    question = form.instance
    if question.is_complete():
        return question.editor_name
    number = getattr(form, "cleaned_data", {}).get(ORDERING_FIELD_NAME) or number
    return _("Question row %(number)s (no reference yet)") % {"number": number}


class ConsultationPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Two queries for every question of the page, however many there are.
        page = self.instance
        self.answered = AnsweredQuestions.for_page(page) if page.pk else AnsweredQuestions()
        page.answered_rewordings = []  # told after saving (consultations.wagtail_hooks)
        if "questions" in self.formsets:
            for form in self.formsets["questions"].forms:
                form.tell_answers(self.answered)

    class Meta:
        # A posted plan draft id too large for the database is an unknown choice, not a 500.
        field_classes = {"plan_draft": IdChoiceField}

    def clean(self):
        cleaned_data = super().clean()
        asked = set(cleaned_data.get("about_you_asked") or [])
        not_asked = set(cleaned_data.get("about_you_required") or []) - asked
        if not_asked:
            self.add_error("about_you_required", "Only questions that are asked can be required.")
        if asked & set(PERSONAL_DETAILS) and AboutYouField.AGE_BAND not in asked:
            self.add_error(
                "about_you_asked",
                "Ask the age band too: name, organisation, contact details and address are never asked of "
                "under-13s, and only the age band tells who they are.",
            )
        if "questions" in self.formsets:
            self.clean_questions(self.formsets["questions"])
        return cleaned_data

    def clean_questions(self, questions):
        rows = [(number, form) for number, form in enumerate(questions.forms, start=1) if form.is_bound]
        for _number, form in rows:
            form.is_valid()  # cleans it, so that `removing` can be read
            if form.removing and not form.cleaned_data.get("retire"):
                self.refuse_removal(form)
        kept = [
            (number, form)
            for number, form in rows
            if not form.removing and (form.has_changed() or form.instance.pk)
        ]
        for _number, form in kept:
            if form.is_valid():
                for field, message in self.answered.refusals(form.instance):
                    form.add_error(field, message)
        if not self.is_deferred_validation:
            self.check_questionnaire(kept)
        for number, form in kept:
            if form.errors:
                self.name_problems(form, row_name(form, number))
            elif self.instance.answers_page_id == self.instance.pk:
                self.instance.answered_rewordings += self.answered.rewordings(form.instance)

    def name_problems(self, form, name):
        """Repeat a question's problems above the form, each naming the question, so the message at
        the top of the editor says which panel to open (never a position that has changed)."""
        if not form.instance.is_complete() and not self.is_deferred_validation:
            self.add_error(
                None, _("%(question)s: give it a reference and a prompt, or remove it.") % {"question": name}
            )
            return
        for field, messages in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for message in messages:
                if not message.startswith(name):
                    message = f"{name}: {label}: {message}" if label else f"{name}: {message}"
                self.add_error(None, message)

    def refuse_removal(self, form):
        refusal = self.answered.removal_refusal(form.instance)
        if refusal:
            form.removal_refusal = refusal  # the editor shows it again, not removed (QuestionsPanel)
            form.add_error(None, refusal)
            self.add_error(None, refusal)

    def check_questionnaire(self, kept):
        """What only the whole questionnaire tells: repeated references, follow-ups that cannot work."""
        seen = set()
        for number, form in kept:
            question = form.instance  # cleaned and normalised by Question.clean
            if form.errors:
                continue
            if question.reference in seen:
                form.add_error(
                    "reference",
                    _("%(question)s: reference %(reference)s appears twice. Give each question its own.")
                    % {"question": row_name(form, number), "reference": question.reference},
                )
            seen.add(question.reference)
        forms_by_question = {id(form.instance): form for _number, form in kept if not form.errors}
        questions = [form.instance for form in forms_by_question.values()]
        for question, field, message in condition_problems(questions):
            forms_by_question[id(question)].add_error(field, message)
