"""A live session on the shared test consultation: Q1 (yes/no), Q6.2 (choose one), Q6.1 (free text)."""

import pytest
from channels.layers import channel_layers
from django.test import Client

from youth_voice.live import services

ORIGIN = (b"origin", b"http://localhost")


@pytest.fixture(autouse=True)
def consumers_on_the_tests_connection(monkeypatch):
    """The consumers' database calls come back to the test's thread (async_to_sync), into its
    transaction. Channels closes "old" connections around each call, and on PostgreSQL that would
    close the test's own (it is not in autocommit): keep it. Each test's event loop gets a fresh
    channel layer, as a Redis layer made in another loop holds locks bound to that loop."""
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


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
