"""Telling adults who asked, by email, that a consultation's feedback is published.

Only through Django's configured mail server (send_mail); never an under-13, never a withdrawn
response, never anyone who did not tick the box; each response once (FeedbackEmail) and each
address once per consultation. The email says nothing of what the person wrote: a confidential
response is told like any other.
"""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from consultations.about_you import ADULT_RESPONDENTS, AgeBand

from ..models import FeedbackEmail, Response


def people_to_tell(consultation):
    """The sent responses of adults who asked to be emailed and have not been."""
    return (
        Response.objects.for_consultation(consultation.answers_page)
        .submitted()
        .filter(feedback_email=True, respondent_type__in=ADULT_RESPONDENTS, contact__contains="@")
        .exclude(age_band__in=AgeBand.under_13())
        .exclude(feedback_emailed__isnull=False)
        .order_by("pk")
    )


def _version_in(consultation, language):
    """The live version of the consultation in the person's language, else the first one."""
    version = (
        consultation.get_translations(inclusive=True).live().filter(locale__language_code=language).first()
    )
    return version.specific if version is not None else consultation


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def send_feedback_emails(consultation) -> int:
    """Email everyone still to be told; returns how many emails were sent. Safe to run twice or
    at once: the row is written before the email goes, in the same transaction, so a second
    worker waits on it and then finds the person told."""
    consultation = consultation.answers_page
    if not consultation.feedback_published_at:
        return 0
    sent, told = 0, set()
    for response in people_to_tell(consultation):
        address = response.contact.strip()
        try:
            with transaction.atomic():
                FeedbackEmail.objects.create(response=response)
                if address.lower() in told or not _is_email(address):
                    continue  # the same person, for another of their responses; or no address to use
                _send(consultation, response, address)
        except IntegrityError:
            continue  # told by another worker meanwhile
        told.add(address.lower())
        sent += 1
    return sent


def _send(consultation, response, address):
    page = _version_in(consultation, response.language)
    with translation.override(response.language):
        context = {"page": page, "url": page.full_url}
        subject = render_to_string("youth_voice/feedback/email_subject.txt", context).strip()
        body = render_to_string("youth_voice/feedback/email_body.txt", context)
    send_mail(subject, body, None, [address])
