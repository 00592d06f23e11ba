"""What a paper form adds to the online one: how it reached us and when; and the import's upload."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Channel
from ..widgets import DateInput
from .reading import MAX_BYTES, SUPPORTED_EXTENSIONS, megabytes

PAPER_CHANNELS = (Channel.PAPER, Channel.EVENT)
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y"]


class PaperDetailsForm(forms.Form):
    """The channel and the date received, posted beside the questionnaire's own fields."""

    channel = forms.ChoiceField(
        label=_("How it reached us"),
        choices=[(channel.value, channel.label) for channel in PAPER_CHANNELS],
        initial=Channel.PAPER,
        widget=forms.RadioSelect,
    )
    received_on = forms.DateField(
        label=_("Date received"),
        input_formats=DATE_FORMATS,
        help_text=_("Like 20/11/2026 or 2026-11-20."),
        error_messages={"invalid": _("Enter a date, like 20/11/2026 or 2026-11-20.")},
        widget=DateInput(),
    )

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(
                _("The date received cannot be in the future: today is %(today)s.")
                % {"today": timezone.localdate().strftime("%d/%m/%Y")},
                code="future",
            )
        return received_on


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled-in template"),
        allow_empty_file=True,  # the reader's message for an empty file says what to do
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED_EXTENSIONS)}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("A .csv or .xlsx file of at most %(size)s.") % {
            "size": megabytes(MAX_BYTES)
        }
