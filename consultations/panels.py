"""The questionnaire's panel in the page editor: each question's own form, and a refused removal
shown again as it was (Wagtail hides a panel whose DELETE input is set, with no way back)."""

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model

from .models.admin_form import QuestionForm


class KeptInput(forms.HiddenInput):
    """The DELETE input of a question whose removal was refused: rendered as not deleted."""

    def format_value(self, value):
        return ""


class QuestionsPanel(InlinePanel):
    """An InlinePanel of questions using `QuestionForm` (answers told beside the fields, retiring)."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=QuestionForm,
            defer_required_on_fields=self.child_edit_handler.get_form_options().get(
                "defer_required_on_fields", []
            ),
        )
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            for child in getattr(self, "children", []):
                if child.form.removal_refusal:
                    child.form.fields[DELETION_FIELD_NAME].widget = KeptInput()
