"""The officers' forms for recommendations and their progress."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.references import normalise_question_ref

from ..models import ProgressUpdate, Recommendation, RecommendationStatus
from ..widgets import DateInput


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["text", "owner", "due_date", "question_references"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "due_date": DateInput(),
        }

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.instance.consultation = consultation

    def clean_question_references(self):
        typed = [ref.strip() for ref in self.cleaned_data["question_references"].split(",") if ref.strip()]
        references = [normalise_question_ref(ref) for ref in typed]
        asked = set(self.consultation.identity_ids())
        unknown = [ref for ref in references if ref not in asked]
        if unknown:
            raise forms.ValidationError(
                _("This consultation has no question %(references)s.") % {"references": ", ".join(unknown)}
            )
        return ", ".join(dict.fromkeys(references))


class ProgressForm(forms.ModelForm):
    status_after = forms.ChoiceField(label=_("Status now"), choices=RecommendationStatus.choices)

    class Meta:
        model = ProgressUpdate
        fields = ["note", "status_after"]
        labels = {"note": _("What has happened")}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
