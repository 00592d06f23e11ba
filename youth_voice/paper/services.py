"""Writes: a checked paper form, stored through the same service as an online response."""

from ..services import submit_response


def store_paper_form(consultation, form, details, *, entered_by):
    """Store one paper or event form, once per submission key, even after the consultation closed.

    `form` is the online questionnaire form and `details` the PaperDetailsForm, both valid."""
    return submit_response(
        consultation,
        form.answers(),
        submission_key=form.cleaned_data["submission_key"],
        about_you=form.about_you(),
        channel=details.cleaned_data["channel"],
        language=consultation.locale.language_code,
        entered_by=entered_by,
        received_on=details.cleaned_data["received_on"],
    )
