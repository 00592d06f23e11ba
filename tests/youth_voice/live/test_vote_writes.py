"""What a vote costs the database, and the dashboard announcements of votes committing together
(docs/live-dashboard.md, "Where a vote's time goes")."""

import threading
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from youth_voice.dashboard import announce
from youth_voice.live import services
from youth_voice.models import Answer, Response

from .conftest import step

pytestmark = pytest.mark.django_db

STATEMENTS = ("SELECT", "INSERT", "UPDATE", "DELETE")


def statements_of(vote) -> list[str]:
    """The kinds of statement a vote runs, in order (savepoints and commits left out)."""
    with CaptureQueriesContext(connection) as queries:
        vote()
    kinds = [query["sql"].split(None, 1)[0].upper() for query in queries.captured_queries]
    return [kind for kind in kinds if kind in STATEMENTS]


def test_a_first_vote_inserts_its_response_and_answer_together_and_a_changed_one_replaces_it(
    live_session,
):
    session = step(live_session, "next")
    key, phone = session.question_keys[0], uuid.uuid4()

    first = statements_of(lambda: services.record_vote(session.pk, phone, key, "yes"))
    changed = statements_of(lambda: services.record_vote(session.pk, phone, key, "no"))

    # The session and its question, then the phone's response inserted with its vote: no lookup.
    assert first == ["SELECT", "SELECT", "INSERT", "INSERT"]
    # The response's insert refused (it exists), then the response found and locked; its answer
    # replaced (with what hangs on it); changed moves on.
    assert changed[:4] == ["SELECT", "SELECT", "INSERT", "SELECT"] and "INSERT" not in changed[3:-1]
    assert changed.count("UPDATE") == 1 and changed[-1] == "INSERT"
    response = Response.objects.get(submission_key=phone)
    assert list(Answer.objects.filter(response=response).values_list("option", flat=True)) == ["no"]
    assert response.changed_at is not None and response.changed_at > response.submitted_at


class SlowLayer:
    """A channel layer whose first send waits until let go, as a Redis round trip under load."""

    def __init__(self):
        self.sent, self.first_started, self.let_go = [], threading.Event(), threading.Event()

    async def group_send(self, group, message):
        self.sent.append(group)
        if len(self.sent) == 1:
            self.first_started.set()
            self.let_go.wait(timeout=5)


def test_announcements_asked_for_during_one_in_flight_make_one_more(monkeypatch):
    layer = SlowLayer()
    monkeypatch.setattr(announce, "get_channel_layer", lambda: layer)
    sending = threading.Thread(target=announce.announce, args=(7,))
    sending.start()
    assert layer.first_started.wait(timeout=5)

    for _ in range(3):  # three more votes commit meanwhile: none waits for the layer
        announce.announce(7)
    layer.let_go.set()
    sending.join(timeout=5)

    assert layer.sent == ["dashboard.7", "dashboard.7"]
    announce.announce(7)  # nothing in flight any more: sent at once
    assert layer.sent == ["dashboard.7"] * 3


def test_the_presenter_counts_each_phone_once_whatever_it_hears():
    results = services.Results({"type": "results", "question": "q1", "joined": 4}, {1: "yes"})
    heard = [
        {"question": "q1", "response": 1, "option": "yes"},  # counted by the database already
        {"question": "q1", "response": 2, "option": "yes"},
        {"question": "q1", "response": 2, "option": "yes"},  # heard twice
        {"question": "q1", "response": 3, "option": "no"},
        {"question": "q1", "response": 3, "option": "yes"},  # changed
        {"question": "q0", "response": 4, "option": "no"},  # the question before
    ]
    taken = [results.take(vote) for vote in heard]

    assert taken == [True, True, True, True, True, False]
    assert results.message() == {
        "type": "results",
        "question": "q1",
        "joined": 4,
        "answered": 3,
        "counts": {"yes": 3},
    }
