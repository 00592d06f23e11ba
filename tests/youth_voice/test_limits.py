"""Abuse limits: keys the server signs, rate limits that spare a school, and a honeypot."""

import re
import uuid

import pytest
from django.core import signing

from tests.conftest import form_data, make_consultation
from tests.youth_voice.test_codes import enter, sent_code
from youth_voice import throttle
from youth_voice.forms import mint_submission_key, read_submission_key
from youth_voice.models import Response

SCHOOL = "203.0.113.7"  # one school's address: every phone behind its NAT shares it


@pytest.fixture
def one_question(home):
    return make_consultation(
        home, slug="quick", questions=[{"reference": "6.1", "kind": "free_text", "prompt": "Say"}]
    )


@pytest.fixture
def clock(monkeypatch):
    """Time as the limiter sees it, moved on by the test."""
    now = {"t": 1_800_000_000.0}
    monkeypatch.setattr(throttle, "clock", lambda: now["t"])
    monkeypatch.setattr(throttle, "margin_seconds", 3600)  # counts outlive the test's real minutes
    return now


def send(client, page, text="hello", address=SCHOOL, **extra):
    data = form_data(page, {"6.1": text})
    for name, value in extra.items():
        data.setlist(name, [value])
    return client.post(page.submit_url, dict(data.lists()), REMOTE_ADDR=address)


def limits(settings, **changed):
    settings.CHORUS_LIMITS = settings.CHORUS_LIMITS | {
        name: {"limit": limit, "seconds": seconds} for name, (limit, seconds) in changed.items()
    }


# Keys the server made


def _with_another_uuid(key):
    return key.replace(key.split(":")[0], str(uuid.uuid4()))


def test_the_form_carries_a_key_this_site_signed(client, consultation):
    html = client.get(consultation.url).content.decode()
    key = re.search(r'name="submission_key" value="([^"]+)"', html).group(1)
    assert isinstance(read_submission_key(key), uuid.UUID)


@pytest.mark.parametrize(
    "make_key",
    [
        lambda: str(uuid.uuid4()),  # made up
        lambda: mint_submission_key()[:-2] + "xx",  # signature altered
        lambda: _with_another_uuid(mint_submission_key()),  # someone else's key, re-signed by hand
        lambda: signing.TimestampSigner(salt="another.purpose").sign(str(uuid.uuid4())),
    ],
)
def test_a_made_up_or_tampered_key_is_refused_clearly_and_keeps_every_answer(client, consultation, make_key):
    response = send(client, consultation, "my own words", submission_key=make_key())
    assert response.status_code == 400
    html = response.content.decode()
    assert "This form did not come from this website" in html
    assert "my own words" in html
    assert not Response.objects.exists()


def test_an_expired_key_says_so_and_keeps_the_answers(client, consultation, settings):
    settings.CHORUS_SUBMISSION_KEY_MAX_AGE = -1
    response = send(client, consultation, "still mine")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This form was opened a long time ago" in html and "still mine" in html
    settings.CHORUS_SUBMISSION_KEY_MAX_AGE = 3600
    fresh = re.search(r'name="submission_key" value="([^"]+)"', html).group(1)
    assert send(client, consultation, "still mine", submission_key=fresh).status_code == 302


def test_a_replayed_key_never_duplicates_a_response(client, consultation):
    data = dict(form_data(consultation, {"6.1": "once"}).lists())
    first = client.post(consultation.submit_url, data)
    again = client.post(consultation.submit_url, data)
    assert first.status_code == again.status_code == 302 and first["Location"] == again["Location"]
    changed = data | {"q_6-1": ["twice?"]}
    assert client.post(consultation.submit_url, changed).status_code == 409
    assert Response.objects.count() == 1
    assert Response.objects.get().answers.get().text == "once"


def test_a_key_minted_for_one_consultation_cannot_fake_another_persons_response(client, consultation, home):
    other = make_consultation(home, slug="other")
    key = mint_submission_key()
    assert send(client, consultation, "first", submission_key=key).status_code == 302
    assert send(client, other, "second", submission_key=key).status_code == 302
    assert Response.objects.count() == 2  # keys are unique per consultation: nothing was overwritten


# Rate limits


def test_a_school_of_300_phones_through_one_address_in_10_minutes_is_never_refused(
    client, one_question, clock
):
    statuses = []
    for phone in range(300):
        clock["t"] += 2  # 300 answers in 600 seconds
        statuses.append(send(client, one_question, f"phone {phone}").status_code)
    assert statuses == [302] * 300
    assert Response.objects.filter(consultation=one_question).count() == 300


def test_a_school_sending_class_by_class_is_never_refused(client, one_question, clock):
    """Ten classes of 30, each class pressing Send within the same minute."""
    stored = 0
    for _class in range(10):
        for _pupil in range(30):
            clock["t"] += 2
            stored += send(client, one_question).status_code == 302
    assert stored == 300


def test_500_responses_in_13_seconds_from_one_address_are_largely_refused(client, one_question, clock):
    statuses = []
    for attempt in range(500):
        clock["t"] = 1_800_000_003.0 + attempt * 13 / 500
        statuses.append(send(client, one_question, f"spam {attempt}").status_code)
    stored = Response.objects.filter(consultation=one_question).count()
    assert stored == statuses.count(302)
    assert statuses.count(429) == 500 - stored
    assert stored <= 90  # at most 30 in each 10-second window the 13 seconds touch
    assert stored >= 30  # a person behind the same address got through at first


def test_the_refusal_is_a_429_that_keeps_the_answers_and_says_when_to_try_again(
    client, consultation, settings, clock
):
    limits(settings, submit_per_address_burst=(1, 60))
    clock["t"] = 1_800_000_040.0  # 40 seconds into a minute
    assert send(client, consultation, "first").status_code == 302
    refused = send(client, consultation, "my answer, kept")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "20"
    html = refused.content.decode()
    assert "Your answers have not been sent yet" in html
    assert "Please try again in 20 seconds." in html
    assert "my answer, kept" in html
    key = re.search(r'name="submission_key" value="([^"]+)"', html).group(1)
    clock["t"] += 20
    assert (
        client.post(
            consultation.submit_url, {"submission_key": key, "q_6-1": "my answer, kept"}, REMOTE_ADDR=SCHOOL
        ).status_code
        == 302
    )
    assert Response.objects.count() == 2


def test_a_long_wait_is_said_in_minutes(client, consultation, settings, clock):
    limits(settings, submit_per_address=(1, 600))
    clock["t"] = 1_800_000_200.0  # 200 seconds into a 10-minute window
    send(client, consultation)
    refused = send(client, consultation)
    assert refused.status_code == 429 and "Please try again in 7 minutes." in refused.content.decode()


def test_the_consultation_as_a_whole_is_limited_whatever_the_address(client, consultation, settings, clock):
    limits(settings, submit_per_consultation=(3, 600))
    statuses = [send(client, consultation, address=f"198.51.100.{n}").status_code for n in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Response.objects.count() == 3


def test_a_sender_refused_by_one_limit_uses_up_nothing_of_the_others(client, consultation, settings, clock):
    limits(settings, submit_per_address=(2, 600), submit_per_consultation=(4, 600))
    spammer = [send(client, consultation).status_code for _ in range(6)]
    others = [send(client, consultation, address=f"198.51.100.{n}").status_code for n in range(3)]
    assert spammer == [302, 302, 429, 429, 429, 429]
    assert others == [302, 302, 429]  # the consultation's 4 are the spammer's 2 and two others
    assert Response.objects.count() == 4


def test_one_form_posted_in_a_loop_is_limited(client, consultation, settings, clock):
    limits(settings, submit_per_key=(3, 600))
    data = dict(form_data(consultation, {"6.1": "again"}).lists())
    statuses = [client.post(consultation.submit_url, data).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Response.objects.count() == 1


def test_saving_a_draft_counts_too_and_keeps_what_was_typed(client, consultation, settings, clock):
    limits(settings, submit_per_address_burst=(1, 60))
    send(client, consultation)
    refused = send(client, consultation, "a draft to keep", action="save")
    assert refused.status_code == 429 and "a draft to keep" in refused.content.decode()
    assert Response.objects.count() == 1


def test_wrong_codes_are_limited_per_consultation_too(client, consultation, settings, clock):
    limits(settings, wrong_code_per_consultation=(2, 3600))
    code = sent_code(client, consultation, {"6.1": "mine"})
    for n in range(2):
        client.post(consultation.code_url, {"code": "K7M-4QD-X9PR"}, REMOTE_ADDR=f"198.51.100.{n}")
    refused = client.post(consultation.code_url, {"code": code}, REMOTE_ADDR="198.51.100.9")
    assert refused.status_code == 429
    assert "Please try again in" in refused.content.decode() and refused["Retry-After"]


def test_right_codes_are_never_counted(client, consultation, settings, clock):
    limits(settings, wrong_code_per_address=(1, 3600))
    code = sent_code(client, consultation, {"6.1": "mine"})
    assert all(enter(client, consultation, code).status_code == 200 for _ in range(5))


# The honeypot


def test_the_honeypot_is_hidden_labelled_and_skipped(client, consultation):
    html = client.get(consultation.url).content.decode()
    field = re.search(
        r'<div class="visually-hidden"><label for="id_website">([^<]+)</label><input ([^>]+)>', html
    )
    assert field.group(1) == "Leave this empty"
    assert 'autocomplete="off"' in field.group(2) and 'tabindex="-1"' in field.group(2)


def test_a_filled_honeypot_is_refused_quietly_never_stored_and_counted(client, consultation):
    response = send(client, consultation, "buy now", website="http://spam.example")
    assert response.status_code == 302 and response["Location"] == consultation.url
    assert not Response.objects.exists()
    assert throttle.honeypots_today(consultation.answers_page_id) == 1
    assert send(client, consultation, "a real answer", website="").status_code == 302
    assert Response.objects.count() == 1
