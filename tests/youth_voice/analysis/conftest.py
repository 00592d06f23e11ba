"""Written answers to code and quote: individuals through the online form, groups as a forum's
typed-in response (one answer speaking for N, never N answers)."""

import uuid

import pytest
from django.utils import timezone

from consultations.models import QuestionIdentity
from tests.conftest import submit_answers
from youth_voice.models import Answer, Channel, Forum, Response, SpeaksFor
from youth_voice.models.response import new_response_reference


@pytest.fixture
def identity(consultation):
    """Q6.1 "What would help you cope?": free text."""
    return QuestionIdentity.objects.get(consultation=consultation, reference="6.1")


@pytest.fixture
def written(consultation):
    """Send an online response whose answer to Q6.1 is `text`; returns the Answer."""

    def write(text, **about_you):
        response = submit_answers(consultation, {"6.1": text}, **about_you)
        return response.answers.get(question__reference="6.1")

    return write


@pytest.fixture
def group_wrote(consultation, identity):
    """A youth forum's agreed answer to Q6.1, speaking for `size` young people; returns the Answer."""

    def write(text, size=18):
        forum, _made = Forum.objects.get_or_create(name="Harrowby Youth Forum")
        response = Response.objects.create(
            consultation=consultation,
            reference=new_response_reference(),
            secret_hash="-",
            submission_key=uuid.uuid4(),
            channel=Channel.FORUM,
            speaks_for=SpeaksFor.GROUP,
            group_size=size,
            forum=forum,
            submitted_at=timezone.now(),
        )
        return Answer.objects.create(
            response=response, question=identity, text=text, **response.who_answered()
        )

    return write
