"""The live session's websockets, through the real `chorus.asgi.application`: phones vote, change
their votes and are refused politely; the presenter hears the counts; comments wait for approval.

Coroutines run through `async_to_sync`, so the consumers' database calls come back to the test's
thread and see its transaction; what waits for a commit is run by django_capture_on_commit_callbacks."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from chorus.asgi import application
from youth_voice.live import services
from youth_voice.models import Answer, Channel, LiveComment, Response, SpeaksFor

from .conftest import ORIGIN, staff_headers, step

pytestmark = pytest.mark.django_db


async def phone(session, headers=(ORIGIN,)):
    """A phone's socket that has said hello: returns (communicator, first question frame)."""
    communicator = WebsocketCommunicator(application, f"/ws/live/{session.join_code}/", headers=list(headers))
    connected, _ = await communicator.connect()
    assert connected
    question = await communicator.receive_json_from()
    await communicator.send_json_to({"type": "hello"})
    welcome = await communicator.receive_json_from()
    assert welcome["type"] == "welcome" and welcome["participant"]
    return communicator, question


async def presenter(session, headers):
    communicator = WebsocketCommunicator(
        application, f"/ws/live/{session.join_code}/presenter/", headers=headers
    )
    connected, _ = await communicator.connect()
    assert connected
    return communicator


async def next_of(communicator, kind):
    while True:
        message = await communicator.receive_json_from(timeout=2)
        if message["type"] == kind:
            return message


def key_of(session, index):
    return session.question_keys[index]


def test_a_phone_sees_the_question_votes_and_a_changed_vote_replaces_the_first(live_session):
    session = step(live_session, "next")  # Q1 open
    key = key_of(session, 0)

    async def run():
        communicator, question = await phone(session)
        await communicator.send_json_to({"type": "vote", "question": key, "option": "yes"})
        first = await communicator.receive_json_from()
        await communicator.send_json_to({"type": "vote", "question": key, "option": "no"})
        second = await communicator.receive_json_from()
        await communicator.disconnect()
        return question, first, second

    question, first, second = async_to_sync(run)()
    assert question["state"] == "open" and question["index"] == 0 and question["count"] == 3
    assert question["question"]["reference"] == "1" and question["question"]["kind"] == "yes_no"
    assert [o["code"] for o in question["question"]["options"]] == ["yes", "no"]
    assert first == second == {"type": "voted", "question": key}
    response = Response.objects.get(live_session=session)
    assert (response.channel, response.speaks_for, response.status) == (
        Channel.LIVE,
        SpeaksFor.INDIVIDUAL,
        "submitted",
    )
    assert list(Answer.objects.filter(response=response).values_list("option", flat=True)) == ["no"]


@pytest.mark.parametrize(
    ("actions", "index", "option", "code"),
    [
        ((), 0, "yes", "not_open"),  # waiting: nothing open yet
        (("next",), 1, "a-week", "not_open"),  # Q6.2 is not the question on screen
        (("next", "lock"), 0, "yes", "not_open"),
        (("next", "end"), 0, "yes", "not_open"),
        (("next",), 0, "maybe", "unknown_option"),
        (("next", "next", "next"), 2, "yes", "wrong_kind"),  # Q6.1 takes comments, not votes
    ],
)
def test_a_vote_that_cannot_be_taken_gets_an_error_and_stores_nothing(
    live_session, actions, index, option, code
):
    session = step(live_session, *actions)

    async def run():
        communicator, _question = await phone(session)
        await communicator.send_json_to(
            {"type": "vote", "question": key_of(session, index), "option": option}
        )
        error = await communicator.receive_json_from()
        await communicator.send_json_to({"type": "vote", "question": 7})  # and still open
        still = await communicator.receive_json_from()
        await communicator.disconnect()
        return error, still

    error, still = async_to_sync(run)()
    assert error["type"] == "error" and error["code"] == code
    assert still["code"] == "invalid"
    assert not Answer.objects.filter(response__live_session=session).exists()


def test_a_vote_before_hello_and_a_forged_participant_are_refused(live_session):
    session = step(live_session, "next")

    async def run():
        communicator = WebsocketCommunicator(application, f"/ws/live/{session.join_code}/", headers=[ORIGIN])
        await communicator.connect()
        await communicator.receive_json_from()
        await communicator.send_json_to({"type": "vote", "question": key_of(session, 0), "option": "yes"})
        before = await communicator.receive_json_from()
        await communicator.send_json_to({"type": "hello", "participant": "1:not-signed"})
        forged = await communicator.receive_json_from()
        await communicator.send_to(text_data="{oops")
        bad_frame = await communicator.receive_json_from()
        await communicator.disconnect()
        return before, forged, bad_frame

    assert [m["code"] for m in async_to_sync(run)()] == ["not_joined", "unknown_participant", "invalid_json"]


def test_an_unknown_code_closes_cleanly_with_a_message():
    async def run():
        communicator = WebsocketCommunicator(application, "/ws/live/ZZZZZZ/", headers=[ORIGIN])
        connected, _ = await communicator.connect()
        error = await communicator.receive_json_from()
        closed = await communicator.receive_output()
        return connected, error, closed

    connected, error, closed = async_to_sync(run)()
    assert connected and error["code"] == "unknown_code"
    assert closed == {"type": "websocket.close", "code": 4404}


def test_a_foreign_origin_is_refused(live_session):
    async def run():
        communicator = WebsocketCommunicator(
            application, f"/ws/live/{live_session.join_code}/", headers=[(b"origin", b"https://evil.example")]
        )
        connected, _ = await communicator.connect()
        return connected

    assert async_to_sync(run)() is False


def test_one_phone_voting_in_a_loop_is_slowed_down(live_session, settings):
    settings.CHORUS_LIMITS = settings.CHORUS_LIMITS | {
        "live_vote_per_participant": {"limit": 3, "seconds": 60}
    }
    session = step(live_session, "next")

    async def run():
        communicator, _question = await phone(session)
        replies = []
        for option in ["yes", "no", "yes", "no"]:
            await communicator.send_json_to(
                {"type": "vote", "question": key_of(session, 0), "option": option}
            )
            replies.append(await communicator.receive_json_from())
        await communicator.disconnect()
        return replies

    replies = async_to_sync(run)()
    assert [r["type"] for r in replies] == ["voted", "voted", "voted", "error"]
    assert replies[-1]["code"] == "rate_limited"
    assert list(Answer.objects.filter(response__live_session=session).values_list("option", flat=True)) == [
        "yes"
    ]


def test_the_presenter_hears_who_joined_and_the_counts_after_each_vote(live_session, officer):
    session = step(live_session, "next", "next")  # Q6.2: a week, a month, three months
    key = key_of(session, 1)
    codes = [o["code"] for o in services.question_message(session)["question"]["options"]]
    headers = staff_headers(officer)

    async def run():
        screen = await presenter(session, headers)
        opening = await next_of(screen, "results")
        phones = [await phone(session) for _ in range(3)]
        for (communicator, _question), code in zip(phones, [codes[0], codes[1], codes[1]], strict=True):
            await communicator.send_json_to({"type": "vote", "question": key, "option": code})
            assert (await communicator.receive_json_from())["type"] == "voted"
        latest = await next_of(screen, "results")
        while latest["answered"] < 3:
            latest = await next_of(screen, "results")
        for communicator, _question in phones:
            await communicator.disconnect()
        await screen.disconnect()
        return opening, latest

    opening, latest = async_to_sync(run)()
    assert opening == {
        "type": "results",
        "question": key,
        "joined": 0,
        "answered": 0,
        "counts": {},
        "comments": [],
        "cloud": [],
    }
    assert latest == {
        "type": "results",
        "question": key,
        "joined": 3,
        "answered": 3,
        "counts": {codes[0]: 1, codes[1]: 2},
        "comments": [],
        "cloud": [],
    }


def test_comments_reach_the_presenter_only_once_approved(
    live_session, officer, django_capture_on_commit_callbacks
):
    session = step(live_session, "next", "next", "next")  # Q6.1, free text
    key = key_of(session, 2)
    headers = staff_headers(officer)

    def approve(text):
        with django_capture_on_commit_callbacks(execute=True):
            services.moderate(LiveComment.objects.get(text=text).pk, session.pk, approve=True, user=officer)

    async def run():
        screen = await presenter(session, headers)
        await next_of(screen, "results")
        communicator, _question = await phone(session)
        for text in ["More youth clubs please", "Buses at night"]:
            await communicator.send_json_to({"type": "comment", "question": key, "text": text})
            assert await communicator.receive_json_from() == {"type": "commented", "question": key}
        await communicator.send_json_to({"type": "comment", "question": key, "text": "   "})
        empty = await communicator.receive_json_from()
        await database_sync_to_async(approve)("More youth clubs please")
        shown = await next_of(screen, "results")
        while not shown["comments"]:
            shown = await next_of(screen, "results")
        await communicator.disconnect()
        await screen.disconnect()
        return empty, shown

    empty, shown = async_to_sync(run)()
    assert empty["code"] == "empty_comment"
    assert shown["comments"] == ["More youth clubs please"]
    assert shown["cloud"] == [["clubs", 1], ["please", 1], ["youth", 1]]
    answer = Answer.objects.get(response__live_session=session)
    assert answer.text == "More youth clubs please\nBuses at night"


def test_a_member_of_staff_who_cannot_work_on_the_consultation_cannot_present(
    live_session, django_user_model
):
    stranger = django_user_model.objects.create_user(username="stranger", password="x")
    headers = staff_headers(stranger)

    async def run():
        communicator = WebsocketCommunicator(
            application, f"/ws/live/{live_session.join_code}/presenter/", headers=headers
        )
        await communicator.connect()
        return await communicator.receive_output()

    assert async_to_sync(run)() == {"type": "websocket.close", "code": 4403}
