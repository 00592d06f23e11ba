"""A live session on the shared test consultation: Q1 (yes/no), Q6.2 (choose one), Q6.1 (free text)."""

import pytest
from django.test import Client

from youth_voice.live import services

ORIGIN = (b"origin", b"http://localhost")


@pytest.fixture
def live_session(consultation, officer):
    identities = {identity.reference: identity for identity in services.askable_questions(consultation)}
    keys = [identities[ref].question_key for ref in ("1", "6.2", "6.1")]
    return services.start_session(consultation, keys, user=officer)


def step(session, *actions):
    for action in actions:
        session = services.control(session.pk, action)
    return session


def staff_headers(user):
    client = Client()
    client.force_login(user)
    return [ORIGIN, (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())]
