"""The consultation page's admin form: rules across several questions, which one field cannot check."""

from wagtail.admin.forms import WagtailAdminPageForm

from ..about_you import PERSONAL_DETAILS, AboutYouField
from ..choosers import IdChoiceField
from ..questionnaire import AnsweredQuestions, condition_problems


class ConsultationPageForm(WagtailAdminPageForm):
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

        questions = self.formsets.get("questions")
        if questions is None or not questions.is_valid():
            return cleaned_data
        answered = AnsweredQuestions.for_page(self.instance) if self.instance.pk else AnsweredQuestions()
        kept, seen = [], set()
        for form in questions.forms:
            if form in questions.deleted_forms or (not form.has_changed() and not form.instance.pk):
                continue
            question = form.instance  # cleaned and normalised by Question.clean
            if question.reference in seen:
                form.add_error(
                    "reference",
                    f"Question {question.reference} appears twice; each reference must be unique.",
                )
            seen.add(question.reference)
            for field, message in answered.refusals(question):
                form.add_error(field, message)
            kept.append(question)
        for question, field, message in condition_problems(kept):
            form = next(f for f in questions.forms if f.instance is question)
            form.add_error(field, message)
        return cleaned_data
