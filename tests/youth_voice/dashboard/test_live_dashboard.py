"""The officers' live dashboard: figures by channel worked out by hand, the page without
JavaScript, and the websocket that brings new figures when a response is stored (and refuses
anyone who may not read the consultation's responses).

Coroutines run through `async_to_sync` (see tests/youth_voice/test_safeguarding_websocket.py):
the consumers' database calls then come back to the test's own thread and connection, inside the
test's transaction; `committed` runs what a real commit would (the announcement).
"""

import uuid
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import Group, Permission
from django.test import Client, TestCase
from django.utils import timezone

from chorus.asgi import application
from tests.conftest import give_second_factor, submit_answers
from youth_voice.access import PARTNERSHIP_READERS
from youth_voice.dashboard import consumers
from youth_voice.dashboard.figures import dashboard_figures
from youth_voice.models import Channel, ConsultationAccess, Response
from youth_voice.models.response import SpeaksFor
from youth_voice.safeguarding.visibility import FLAGGED_PLACEHOLDER

ORIGIN = (b"origin", b"http://localhost")
DISCLOSURE = "my dad hits me when he is drunk"


def stored(consultation, channel, *, at=None, **fields):
    """A response stored as an officer's entry would be (no answers needed for the counts)."""
    at = at or timezone.now()
    response = Response(
        consultation=consultation,
        submission_key=uuid.uuid4(),
        channel=channel,
        submitted_at=at,
        created_at=at,
        reference=f"T{uuid.uuid4().hex[:6].upper()}"[:7],
        **fields,
    )
    response.set_secret()
    response.save()
    return response


def test_figures_keep_individuals_and_groups_apart_by_channel(consultation, officer):
    submit_answers(consultation, {"6.1": "More buses"})
    submit_answers(consultation, {"1": (["yes"], "")})
    stored(consultation, Channel.PAPER)
    stored(consultation, Channel.PAPER, at=timezone.now() - timedelta(days=2))  # not today
    stored(consultation, Channel.FORUM, speaks_for=SpeaksFor.GROUP, group_size=12)
    stored(consultation, Channel.EVENT, speaks_for=SpeaksFor.GROUP, group_size=7)
    stored(consultation, Channel.LIVE, status="draft")  # never sent: not counted

    figures = dashboard_figures(consultation, officer)

    by_channel = {c.channel: (c.individuals, c.groups, c.speaking_for) for c in figures.channels}
    assert by_channel == {
        "online": (2, 0, 0),
        "event": (0, 1, 7),
        "paper": (2, 0, 0),
        "forum": (0, 1, 12),
        "live": (0, 0, 0),
    }
    assert (figures.individuals, figures.groups, figures.speaking_for) == (4, 2, 19)
    assert figures.today == 5  # 4 individuals and 2 groups, less the paper form of two days ago
    assert [a.text for a in figures.latest_texts] == ["More buses"]


def test_the_latest_texts_are_newest_first_and_flagged_ones_are_redacted(consultation, officer):
    for text in ("First", "Second", DISCLOSURE, "Fourth"):
        submit_answers(consultation, {"6.1": text})

    texts = [a.text for a in dashboard_figures(consultation, officer).latest_texts]

    assert texts == ["Fourth", str(FLAGGED_PLACEHOLDER), "Second", "First"]
    lead = officer
    lead.user_permissions.add(Permission.objects.get(codename="handle_safeguarding"))
    lead = type(officer).objects.get(pk=officer.pk)  # permissions are cached on the instance
    assert DISCLOSURE in [a.text for a in dashboard_figures(consultation, lead).latest_texts]


def test_the_page_works_without_javascript(officer_client, consultation):
    submit_answers(consultation, {"6.1": "Skate park"}, publication="confidential")

    page = officer_client.get(f"/admin/responses/{consultation.pk}/live/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "<strong>1</strong> individual response;" in html
    assert "0 groups speaking for 0 young people. 1 arrived today." in html
    assert "Skate park" in html and "Confidential – do not quote" in html
    assert f'href="/admin/responses/{consultation.pk}/live/">Refresh</a>' in html
    assert f'data-socket-path="/ws/responses/{consultation.pk}/live/"' in html
    assert "js/live-dashboard" in html


def test_a_partnership_reader_sees_no_dashboard(client, consultation, django_user_model):
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    reader.groups.add(Group.objects.get(name=PARTNERSHIP_READERS))
    give_second_factor(reader)
    client.force_login(reader)
    assert client.get(f"/admin/responses/{consultation.pk}/live/").status_code == 404


# --- The websocket -------------------------------------------------------------------------------


def committed(write, *args):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return write(*args)


def session_headers(user):
    client = Client()
    client.force_login(user)
    return [ORIGIN, (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())]


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(consumers, "COALESCE_SECONDS", 0.05)


def two_responses(consultation):
    """Two young people sending at once, well within one coalescing wait."""
    committed(submit_answers, consultation, {"6.1": "A youth club"})
    committed(submit_answers, consultation, {"6.1": DISCLOSURE})


def test_a_stored_response_reaches_the_connected_dashboard(officer, consultation, monkeypatch):
    monkeypatch.setattr(consumers, "COALESCE_SECONDS", 1.0)
    headers = session_headers(officer)

    async def run():
        communicator = WebsocketCommunicator(
            application, f"/ws/responses/{consultation.pk}/live/", headers=headers
        )
        connected, _ = await communicator.connect()
        assert connected
        first = await communicator.receive_json_from(timeout=2)
        await communicator.send_to(text_data="{not json")
        error = await communicator.receive_json_from(timeout=1)  # and the socket stays open
        await database_sync_to_async(two_responses)(consultation)
        update = await communicator.receive_json_from(timeout=5)
        nothing_more = await communicator.receive_nothing(timeout=0.3)
        await communicator.disconnect()
        return first, error, update, nothing_more

    first, error, update, nothing_more = async_to_sync(run)()
    assert (first["type"], first["individuals"], first["today"]) == ("figures", 0, 0)
    assert error["type"] == "error"
    # Both responses arrived within one coalescing wait: one update shows both.
    assert (update["type"], update["individuals"], update["today"]) == ("figures", 2, 2)
    assert update["channels"]["online"] == {"individuals": 2, "groups": 0, "speaking_for": 0}
    assert "A youth club" in update["html"]
    assert "drunk" not in str(update) and str(FLAGGED_PLACEHOLDER) in update["html"]
    assert nothing_more


def test_a_rolled_back_response_is_not_announced(officer, consultation, quick):
    from django.db import transaction

    headers = session_headers(officer)

    def rolled_back():
        with transaction.atomic():
            submit_answers(consultation, {"6.1": "Never stored"})
            transaction.set_rollback(True)

    async def run():
        communicator = WebsocketCommunicator(
            application, f"/ws/responses/{consultation.pk}/live/", headers=headers
        )
        await communicator.connect()
        await communicator.receive_json_from(timeout=2)
        await database_sync_to_async(committed)(rolled_back)
        quiet = await communicator.receive_nothing(timeout=0.3)
        await communicator.disconnect()
        return quiet

    assert async_to_sync(run)()


def test_those_who_may_not_read_the_responses_are_refused(home, plan, consultation, django_user_model):
    from tests.conftest import make_consultation

    other = make_consultation(home, plan, slug="other")
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    reader.groups.add(Group.objects.get(name=PARTNERSHIP_READERS))
    give_second_factor(reader)
    officer = django_user_model.objects.create_user("officer", "officer@example.org", "pw")
    officer.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_response"]))
    ConsultationAccess.objects.create(consultation=other, user=officer)
    unsecured = django_user_model.objects.create_user("unsecured", "unsecured@example.org", "pw")
    unsecured.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_response"]))
    ConsultationAccess.objects.create(consultation=consultation, user=unsecured)  # but no second factor
    give_second_factor(officer)

    async def attempt(headers, page_id):
        communicator = WebsocketCommunicator(application, f"/ws/responses/{page_id}/live/", headers=headers)
        connected, _ = await communicator.connect()
        closed = await communicator.receive_output(timeout=1) if connected else None
        await communicator.disconnect()
        return closed

    refused = {"type": "websocket.close", "code": 4403}
    cases = [
        ([ORIGIN], consultation.pk),  # anonymous
        (session_headers(reader), consultation.pk),  # figures only: never what anyone wrote
        (session_headers(officer), consultation.pk),  # given another consultation
        (session_headers(officer), 999_999),  # no such consultation: the same answer
        (session_headers(unsecured), consultation.pk),  # given it, but without a second factor
    ]
    for headers, page_id in cases:
        assert async_to_sync(attempt)(headers, page_id) == refused


def test_a_stored_response_is_announced_after_commit_without_its_answers(
    consultation, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []

    class Layer:
        async def group_send(self, group, message):
            sent.append((group, message))

    monkeypatch.setattr("youth_voice.dashboard.announce.get_channel_layer", Layer)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = submit_answers(consultation, {"6.1": "Somewhere to go"})
    assert sent == []  # nothing before the transaction commits
    for callback in callbacks:
        callback()
    assert sent == [(f"dashboard.{response.consultation_id}", {"type": "dashboard.changed"})]
