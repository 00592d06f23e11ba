"""The phone's pages without JavaScript: join with the code, vote with a plain post (then
redirected back), change the vote, and be told clearly what went wrong."""

import pytest

from youth_voice.live import services
from youth_voice.models import Answer, Channel, LiveParticipant, Response

from .conftest import step

pytestmark = pytest.mark.django_db


def page(session):
    return f"/en-gb/join/{session.join_code}/"


@pytest.mark.parametrize(
    ("typed", "status", "message"),
    [
        ("", 400, "Enter the code shown on the screen."),
        (
            "QQQQQQ",
            400,
            "There is no live session with that code. Check the code on the screen and try again.",
        ),
    ],
)
def test_a_wrong_code_is_explained_next_to_the_field_and_kept(client, live_session, typed, status, message):
    response = client.post("/en-gb/join/", {"code": typed})
    assert response.status_code == status
    assert message in response.content.decode()
    assert f'value="{typed}"' in response.content.decode() or not typed


def test_the_code_is_read_however_it_is_typed(client, live_session):
    typed = " ".join(live_session.join_code.lower())
    response = client.post("/en-gb/join/", {"code": typed})
    assert response.status_code == 302 and response["Location"] == page(live_session)


def test_an_unknown_code_in_the_address_is_not_found_with_the_join_form(client, db):
    response = client.get("/en-gb/join/ZZZZZZ/")
    assert response.status_code == 404
    assert "There is no live session with that code." in response.content.decode()


def test_a_phone_votes_changes_its_vote_and_is_one_live_response(client, live_session):
    session = step(live_session, "next")
    key = session.question_keys[0]
    shown = client.get(page(session))
    assert shown.status_code == 200 and "Is the draft clear?" in shown.content.decode()
    assert LiveParticipant.objects.filter(session=session).count() == 1
    first = client.post(page(session), {"question": key, "option": "yes"})
    assert first.status_code == 302 and first["Location"] == page(session) + "?sent=1"
    client.post(page(session), {"question": key, "option": "no"})
    again = client.get(page(session)).content.decode()
    assert (
        'value="no" required id="id_option_1" checked' in again
        or 'value="no"' in again
        and "checked" in again
    )
    response = Response.objects.get(live_session=session)
    assert response.channel == Channel.LIVE and response.changed_at is not None
    assert list(Answer.objects.filter(response=response).values_list("option", flat=True)) == ["no"]
    assert LiveParticipant.objects.filter(session=session).count() == 1  # the cookie kept it one phone


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose an answer before sending it."),
        ({"option": "maybe"}, "Select a valid choice. maybe is not one of the available choices."),
    ],
)
def test_a_vote_that_is_missing_or_wrong_is_explained(client, live_session, data, message):
    session = step(live_session, "next")
    response = client.post(page(session), {"question": session.question_keys[0], **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Answer.objects.exists()


def test_a_vote_for_a_question_no_longer_on_screen_says_so(client, live_session):
    session = step(live_session, "next", "next")
    response = client.post(
        page(session), {"question": session.question_keys[0], "option": "yes"}, follow=True
    )
    assert response.redirect_chain == [(page(session), 302)]
    shown = response.content.decode()
    assert "That question has closed. Here is the one on the screen now." in shown
    assert "How long is too long to wait?" in shown
    assert not Answer.objects.exists()


def test_a_comment_is_kept_for_approval_and_the_typed_text_is_kept_when_too_long(client, live_session):
    session = step(live_session, "next", "next", "next")
    key = session.question_keys[2]
    assert client.post(page(session), {"question": key, "text": "More clubs"}).status_code == 302
    assert session.comments.pending().get().text == "More clubs"
    long = "x" * 501
    refused = client.post(page(session), {"question": key, "text": long})
    assert refused.status_code == 400 and long in refused.content.decode()
    assert "Ensure this value has at most 500 characters (it has 501)." in refused.content.decode()


@pytest.mark.parametrize(
    ("actions", "words"),
    [
        ((), "The first question will appear here when it starts."),
        (("next", "lock"), "Voting on this question has closed"),
        (("next", "end"), "Thank you for taking part. The session has ended."),
    ],
)
def test_the_phone_says_where_the_session_is(client, live_session, actions, words):
    session = step(live_session, *actions)
    response = client.get(page(session))
    assert words in response.content.decode()
    assert '<form method="post" class="live-form"' not in response.content.decode()


def test_the_join_page_fits_the_budget_with_its_css_and_script(client, live_session, settings):
    from pathlib import Path

    session = step(live_session, "next")
    html = client.get(page(session)).content
    static = Path(settings.BASE_DIR) / "site" / "static"
    assets = sum(
        (static / name).stat().st_size
        for name in ("css/chorus.css", "css/live.css", "js/live-participant.js")
    )
    assert len(html) + assets <= 14_336


def test_word_cloud_counts_words_without_stop_words():
    cloud = services.word_cloud(
        ["More youth clubs", "youth clubs and buses", "Mwy o glybiau ieuenctid yn y dref"]
    )
    assert [(w.word, w.count, w.size) for w in cloud] == [
        ("buses", 1, 1),
        ("clubs", 2, 5),
        ("dref", 1, 1),
        ("glybiau", 1, 1),
        ("ieuenctid", 1, 1),
        ("mwy", 1, 1),
        ("youth", 2, 5),
    ]
