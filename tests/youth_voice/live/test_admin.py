"""The officer's side: starting a session with chosen questions, steering it with plain posts,
moderating comments, and the join QR code."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from youth_voice.access import PARTICIPATION_OFFICERS
from youth_voice.live import services
from youth_voice.models import Answer, CommentStatus, LiveSession, LiveState

from .conftest import step

pytestmark = pytest.mark.django_db


def test_an_officer_starts_a_session_with_the_questions_in_the_consultations_order(
    officer_client, consultation
):
    identities = {i.reference: str(i.question_key) for i in services.askable_questions(consultation)}
    assert sorted(identities) == ["1", "6.1", "6.2", "8"]  # choose any (7) does not fit a phone
    response = officer_client.post(
        f"/admin/live/start/{consultation.pk}/", {"questions": [identities["6.2"], identities["1"]]}
    )
    session = LiveSession.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/live/{session.pk}/"
    assert session.question_keys == [identities["1"], identities["6.2"]]
    assert (session.state, session.started_by.username) == (LiveState.WAITING, "officer")


def test_a_session_without_questions_is_refused_with_a_message(officer_client, consultation):
    response = officer_client.post(f"/admin/live/start/{consultation.pk}/", {})
    assert response.status_code == 200
    assert "Choose at least one question to ask." in response.content.decode()
    assert not LiveSession.objects.exists()


def test_a_closed_consultation_starts_no_session_and_its_open_session_takes_no_more_votes(
    officer_client, consultation, live_session
):
    session = step(live_session, "next")
    key = session.question_keys[0]
    consultation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    consultation.save_revision().publish()

    index = officer_client.get("/admin/live/").content.decode()
    assert f"/admin/live/start/{consultation.pk}/" not in index
    refused = officer_client.post(f"/admin/live/start/{consultation.pk}/", {"questions": [key]})
    assert "a live session cannot collect answers for it" in refused.content.decode()
    assert LiveSession.objects.count() == 1
    with pytest.raises(services.LiveError) as closed:
        services.record_vote(session.pk, uuid.uuid4(), key, "yes")
    assert closed.value.code == "closed"
    assert not Answer.objects.filter(response__live_session=session).exists()


@pytest.mark.parametrize(
    ("actions", "state", "current", "show_results"),
    [
        (["next"], LiveState.OPEN, 0, False),
        (["next", "next", "next", "next"], LiveState.OPEN, 2, False),  # no further than the last
        (["next", "next", "previous", "previous"], LiveState.OPEN, 0, False),
        (["next", "lock"], LiveState.LOCKED, 0, False),
        (["next", "lock", "unlock"], LiveState.OPEN, 0, False),
        (["show_results"], LiveState.WAITING, 0, True),
        (["show_results", "hide_results"], LiveState.WAITING, 0, False),
        (["next", "end", "next", "unlock"], LiveState.ENDED, 0, False),  # an ended session stays ended
        (["explode"], LiveState.WAITING, 0, False),
    ],
)
def test_the_controls_move_the_session(officer_client, live_session, actions, state, current, show_results):
    for action in actions:
        response = officer_client.post(f"/admin/live/{live_session.pk}/", {"action": action})
        assert response.status_code == 302
    live_session.refresh_from_db()
    assert (live_session.state, live_session.current, live_session.show_results) == (
        state,
        current,
        show_results,
    )


def test_only_officers_given_the_consultation_moderate_comments(
    officer_client, live_session, django_user_model
):
    session = step(live_session, "next", "next", "next")
    participant, _signed = services.new_participant(session)
    services.record_comment(session.pk, participant, session.question_keys[2], "More clubs")
    comment = session.comments.get()
    page = officer_client.get(f"/admin/live/{session.pk}/").content.decode()
    assert "Comments waiting for approval" in page and "More clubs" in page

    other = django_user_model.objects.create_user("other", password="x")
    other.groups.add(Group.objects.get(name=PARTICIPATION_OFFICERS))
    from tests.conftest import give_second_factor

    give_second_factor(other)
    officer_client.force_login(other)
    assert "More clubs" not in officer_client.get(f"/admin/live/{session.pk}/").content.decode()
    officer_client.post(f"/admin/live/{session.pk}/", {"comment": comment.pk, "decision": "approve"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING

    officer_client.force_login(session.started_by)
    officer_client.post(f"/admin/live/{session.pk}/", {"comment": comment.pk, "decision": "approve"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    presented = officer_client.get(f"/admin/live/{session.pk}/present/").content.decode()
    assert "More clubs" not in presented  # results are hidden until the facilitator shows them
    officer_client.post(f"/admin/live/{session.pk}/", {"action": "show_results"})
    presented = officer_client.get(f"/admin/live/{session.pk}/present/").content.decode()
    assert "<li>More clubs</li>" in presented and 'live-word live-word--1">clubs<' in presented


def test_the_join_qr_code_is_an_svg_of_the_join_address(officer_client, live_session):
    response = officer_client.get(f"/admin/live/{live_session.pk}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml") and b"<svg" in response.content
    control = officer_client.get(f"/admin/live/{live_session.pk}/").content.decode()
    assert f"http://testserver/join/{live_session.join_code}/" in control
