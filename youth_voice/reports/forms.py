from django import forms

from ..models import BoardPaper


class BoardPaperForm(forms.ModelForm):
    class Meta:
        model = BoardPaper
        fields = [
            "meeting",
            "purpose",
            "target_description",
            "target_population",
            "what_young_people_said",
            "impact",
        ]
