from django import forms
from django.utils.translation import gettext_lazy as _

ACTION_MAX_LENGTH = 4000


class ActionForm(forms.Form):
    action = forms.CharField(
        label=_("What did you do?"),
        help_text=_(
            "For example: spoke to the school's designated safeguarding lead; "
            "referred to children's services."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=ACTION_MAX_LENGTH,
        error_messages={"required": _("Write what you did, or press Acknowledge if you have not acted yet.")},
    )

    def clean_action(self):
        action = self.cleaned_data["action"].strip()
        if not action:
            raise forms.ValidationError(
                _("Write what you did, or press Acknowledge if you have not acted yet.")
            )
        return action
