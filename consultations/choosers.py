"""Choosing a page or document in admin forms, whatever id was posted: never a server error.

Two ways a posted id that is not one can fail before the form's own "Select a valid choice":
- Wagtail's choosers look up the posted id to draw the chosen item when a form is shown again;
  an id that is not a number (`x`, a space, NUL) raises ValueError there;
- on SQLite, a number beyond 64 bits raises OverflowError in the database driver, which Django's
  ModelChoiceField does not catch (PostgreSQL finds no row).
Found by tests/fuzz/test_officer_forms.py; regressions in tests/fuzz/test_officer_regressions.py.
"""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.widgets import AdminPageChooser
from wagtail.documents.widgets import AdminDocumentChooser


class TolerantChooserMixin:
    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None


class PlanDraftChooser(TolerantChooserMixin, AdminPageChooser):
    """Chooses a plan draft (the model is named, not imported: panels are built at import time)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("target_models", ["consultations.PlanDraftPage"])
        super().__init__(**kwargs)


class DocumentChooser(TolerantChooserMixin, AdminDocumentChooser):
    pass


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose too-large ids are "Select a valid choice", as any other unknown id."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None
