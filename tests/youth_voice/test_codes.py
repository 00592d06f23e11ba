"""Save and come back later, and change or withdraw a sent response, with a code a person writes down."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import form_data
from tests.youth_voice.test_steps import STEPPED, hidden, press
from youth_voice.models import Answer, Response, Status
from youth_voice.summary import summarise


@pytest.fixture
def stepped(home):
    from tests.conftest import make_consultation

    return make_consultation(home, slug="stepped", questions=STEPPED)


def saved_code(html) -> str:
    return re.search(r'id="resume-code">([^<]+)<', html).group(1)


def sent_code(client, consultation, answers, **about):
    """Send answers as a person would; returns the code their receipt shows."""
    data = form_data(consultation, answers, **about)
    receipt = client.get(
        client.post(consultation.submit_url, dict(data.lists()))["Location"]
    ).content.decode()
    return re.search(r'id="response-code">([^<]+)<', receipt).group(1)


def enter(client, page, code):
    return client.post(page.code_url, {"code": code})


def test_a_draft_is_saved_with_a_code_and_never_counted(client, stepped):
    data = form_data(stepped, {"1": (["no"], "Half done")})
    html = press(client, stepped, data, "save", 1).content.decode()
    code = saved_code(html)
    assert re.fullmatch(r"[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{4}", code)
    draft = Response.objects.get()
    assert draft.status == Status.DRAFT and draft.draft_data["q_1_why"] == ["Half done"]
    assert not Answer.objects.exists()
    assert summarise(stepped).total_responses == 0
    assert code[-4:] not in draft.secret_hash


def test_a_draft_is_resumed_on_another_device_and_sent_once(client, stepped):
    from django.test import Client

    data = form_data(stepped, {"1": (["no"], "Half done"), "2": "Buses"})
    code = saved_code(press(client, stepped, data, "save", 2).content.decode())

    other = Client()  # another phone: no cookies, nothing shared but the code
    html = enter(other, stepped, code.lower().replace("-", " ")).content.decode()
    assert "Step 2 of 4" in html and "You are finishing the answers you saved" in html
    carried = hidden(html)
    assert carried["q_1_why"] == "Half done" and carried["response_code"] == code  # as printed

    carried.pop("csrfmiddlewaretoken", None)
    finished = form_data(stepped, {})
    for name, value in carried.items():
        finished.setlist(name, [value])
    finished["q_3"] = "easy"
    response = press(other, stepped, finished, "send", 5)
    assert response.status_code == 302
    sent = Response.objects.get()
    assert sent.status == Status.SUBMITTED and sent.draft_data == {}
    assert sorted(Answer.objects.values_list("question__reference", flat=True)) == ["1", "1", "2", "3"]
    assert press(other, stepped, finished, "send", 5).status_code == 302  # a double tap: still one
    assert Response.objects.count() == 1


def test_saving_again_keeps_one_draft_and_the_same_code(client, stepped):
    data = form_data(stepped, {"1": (["no"], "first")})
    code = saved_code(press(client, stepped, data, "save", 1).content.decode())
    data["response_code"] = code
    data["q_1_why"] = "second"
    again = press(client, stepped, data, "save", 1).content.decode()
    assert saved_code(again) == code
    assert Response.objects.get().draft_data["q_1_why"] == ["second"]


def test_a_sent_response_is_changed_with_its_code_and_officers_see_the_latest(
    client, officer_client, consultation
):
    code = sent_code(client, consultation, {"6.1": "first thoughts", "6.2": "a-week"})

    html = enter(client, consultation, code).content.decode()
    assert "You are changing the answers you sent" in html and "first thoughts</textarea>" in html
    assert re.search(r'value="a-week"[^>]*checked', html)
    changed = form_data(consultation, {"6.1": "second thoughts", "6.2": "a-month"})
    changed["submission_key"] = hidden(html)["submission_key"]
    changed["response_code"] = code
    assert client.post(consultation.submit_url, dict(changed.lists())).status_code == 302

    response = Response.objects.get()
    assert response.times_changed == 1 and response.changed_at
    assert sorted(Answer.objects.values_list("text", "option")) == [("", "a-month"), ("second thoughts", "")]
    listing = officer_client.get(f"/admin/responses/{consultation.pk}/").content.decode()
    assert "1 time, last" in listing
    detail = officer_client.get(f"/admin/responses/{consultation.pk}/{response.reference}/").content.decode()
    assert (
        "second thoughts" in detail
        and "first thoughts" not in detail
        and "This is the latest version" in detail
    )


def test_a_sent_response_is_withdrawn_with_its_code(client, consultation):
    code = sent_code(client, consultation, {"6.1": "take it back"}, name="Sam", age_band="16_18")
    confirm = client.post(
        consultation.submit_url, {"response_code": code, "action": "withdraw"}
    ).content.decode()
    assert "Withdraw your response?" in confirm
    done = client.post(consultation.submit_url, {"response_code": code, "action": "withdraw_confirmed"})
    assert "Your response has been withdrawn" in done.content.decode()
    response = Response.objects.get()
    assert response.status == Status.WITHDRAWN and response.name == "" and not response.answers.exists()
    assert summarise(consultation).total_responses == 0
    assert enter(client, consultation, code).status_code == 403  # the code opens nothing now


def test_a_wrong_code_is_explained(client, consultation):
    response = enter(client, consultation, "K7M-4QD-X9PR")
    assert response.status_code == 403
    assert "That code does not match" in response.content.decode()
    assert "This field is required" in enter(client, consultation, "").content.decode()


def test_guessing_codes_is_limited(client, consultation, settings):
    settings.CHORUS_LIMITS = settings.CHORUS_LIMITS | {"wrong_code_per_address": {"limit": 3, "seconds": 60}}
    answered = client.post(consultation.submit_url, dict(form_data(consultation, {"6.1": "mine"}).lists()))
    reference = answered["Location"].rstrip("/").rsplit("/", 1)[1]
    for guess in ("2222", "3333", "4444"):
        assert enter(client, consultation, f"{reference}-{guess}").status_code == 403
    response = enter(client, consultation, f"{reference}-5555")
    assert response.status_code == 429 and "too many tries" in response.content.decode()


def test_codes_stop_working_when_the_consultation_closes(client, consultation):
    code = sent_code(client, consultation, {"6.1": "mine"})
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save_revision().publish()
    response = enter(client, consultation, code)
    assert response.status_code == 403 and "has closed" in response.content.decode()


def test_changes_that_arrive_after_a_withdrawal_are_explained_and_handed_back(client, consultation):
    code = sent_code(client, consultation, {"6.1": "first"})
    html = enter(client, consultation, code).content.decode()  # changing on this phone…
    client.post(
        consultation.submit_url, {"response_code": code, "action": "withdraw_confirmed"}
    )  # …withdrawn on another
    changed = form_data(consultation, {"6.1": "my new words"})
    for name in ("submission_key", "response_code", "code_pass"):
        changed[name] = hidden(html)[name]
    response = client.post(consultation.submit_url, dict(changed.lists()))
    assert response.status_code in (403, 409)
    page = response.content.decode()
    assert "my new words" in page
