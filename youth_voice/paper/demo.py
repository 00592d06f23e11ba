"""The demo's paper form: one questionnaire handed in on paper, typed up by the demo officer."""

import random
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from ..forms import mint_submission_key
from ..models import Channel
from .columns import questionnaire_form
from .forms import PaperDetailsForm
from .services import store_paper_form

PAPER_DEMO_KEY = uuid.UUID("a4d1b9e0-5c3f-4b7a-8e21-9f0c6d2e7b13")  # the same form every run


def paper_form(consultation, demo_data, officer_username) -> int:
    """Type up the demo's paper form (once: its submission key is fixed); returns 1 if it is new.

    `demo_data` makes what one person might write, as the demo's online answers are made."""
    questions = list(consultation.questions.all())
    data = demo_data(random.Random(10), questions, 0)  # noqa: S311 - demo answers, not secrets
    data["submission_key"] = mint_submission_key(PAPER_DEMO_KEY)
    received_on = min(consultation.opens_at.date() + timedelta(days=3), timezone.localdate())
    details = PaperDetailsForm({"channel": Channel.PAPER, "received_on": received_on.isoformat()})
    form = questionnaire_form(consultation, data, questions)
    if not (details.is_valid() and form.is_valid()):
        raise ValueError(
            f"The demo's paper form does not pass: {details.errors.as_text()} {form.errors.as_text()}"
        )
    officer = get_user_model().objects.get(username=officer_username)
    return int(store_paper_form(consultation, form, details, entered_by=officer).created)
