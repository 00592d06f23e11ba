"""A young person sees and deletes their own response with their code; withdrawal stays distinct."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import form_data
from tests.youth_voice.test_codes import saved_code, sent_code
from youth_voice.models import DataRemoval, RemovalKind, Response, Status
from youth_voice.retention import REMOVED
from youth_voice.summary import summarise

ANSWERS = {"1": (["no"], "Too many long words"), "6.1": "My own private words", "7": ["swimming"]}
ABOUT = {"respondent_type": "parent_carer", "age_band": "16_18", "contact": "sam@example.com"}


def see(client, page, code):
    return client.post(page.code_url, {"code": code, "then": "see"})


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def press(client, page, html, action):
    """Press a button of the form on a see-or-delete page (the address its form posts to)."""
    url = re.search(r'<form method="post" action="([^"]*/my-response/)"', html).group(1)
    return client.post(
        url,
        {
            "response_code": hidden(html, "response_code"),
            "code_pass": hidden(html, "code_pass"),
            "action": action,
        },
    )


def test_a_young_person_sees_their_answers_with_their_code(client, consultation):
    code = sent_code(client, consultation, ANSWERS, **ABOUT)
    page = see(client, consultation, code)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Your answers" in html and "My own private words" in html and "sam@example.com" in html
    assert "Swimming" in html
    assert "withdraw" in html  # open: withdrawing is offered as the other choice
    assert code not in page.request["PATH_INFO"]


def test_they_can_still_see_them_after_the_consultation_closed(client, consultation):
    code = sent_code(client, consultation, ANSWERS)
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save_revision().publish()
    html = see(client, consultation, code).content.decode()
    assert "My own private words" in html and "withdraw" not in html
    closed = client.post(consultation.code_url, {"code": code}).content.decode()
    assert "You can still see or delete them" in closed


def test_deleting_removes_their_words_and_details_keeps_the_ticks_and_kills_the_code(client, consultation):
    code = sent_code(client, consultation, ANSWERS, **ABOUT)
    html = see(client, consultation, code).content.decode()
    confirm = press(client, consultation, html, "erase")
    assert confirm.status_code == 200 and "Delete your response?" in confirm.content.decode()
    assert Response.objects.get().contact == "sam@example.com"  # nothing happens before confirming

    done = press(client, consultation, confirm.content.decode(), "erase_confirmed")
    assert "Your response has been deleted" in done.content.decode()
    response = Response.objects.get()
    assert response.status == Status.SUBMITTED and response.contact == "" and response.removed_at
    assert set(response.answers.exclude(text="").values_list("text", flat=True)) == {REMOVED}
    assert set(response.answers.exclude(option="").values_list("option", flat=True)) == {"no", "swimming"}
    assert summarise(consultation).total_responses == 1  # published figures stay true
    assert see(client, consultation, code).status_code == 403  # the code opens nothing now
    record = DataRemoval.objects.get()
    assert (record.kind, record.responses, record.answers) == (RemovalKind.ERASURE, 1, 2)
    assert record.by == "the young person, with their code"


def test_a_saved_draft_is_deleted_outright(client, consultation):
    data = form_data(consultation, {"6.1": "half done"})
    data["action"] = "save"
    code = saved_code(client.post(consultation.submit_url, dict(data.lists())).content.decode())
    html = see(client, consultation, code).content.decode()
    assert "half done" in html and "have not been sent" in html
    press(
        client, consultation, press(client, consultation, html, "erase").content.decode(), "erase_confirmed"
    )
    assert not Response.objects.exists()
    assert DataRemoval.objects.get().kind == RemovalKind.ERASURE


def test_no_keeps_it(client, consultation):
    code = sent_code(client, consultation, ANSWERS)
    confirm = press(client, consultation, see(client, consultation, code).content.decode(), "erase")
    kept = press(client, consultation, confirm.content.decode(), "see")
    assert "My own private words" in kept.content.decode()
    assert not DataRemoval.objects.exists()


@pytest.mark.parametrize("code", ["", "K7M-4QD-X9PR", "nonsense"])
def test_a_wrong_or_missing_code_deletes_nothing(client, consultation, code):
    sent_code(client, consultation, ANSWERS)
    url = f"/en-gb/consultations/{consultation.pk}/my-response/"
    refused = client.post(url, {"response_code": code, "action": "erase_confirmed"})
    assert refused.status_code == 403
    assert Response.objects.get().answers.filter(text="My own private words").exists()
    assert client.get(url).status_code == 302


def test_withdrawing_is_audited_too(client, consultation):
    code = sent_code(client, consultation, ANSWERS)
    client.post(consultation.submit_url, {"response_code": code, "action": "withdraw_confirmed"})
    record = DataRemoval.objects.get()
    assert (record.kind, record.responses) == (RemovalKind.WITHDRAWAL, 1)
    assert record.answers == 4  # the rows deleted: no, its reason, 6.1 and swimming


def test_seeing_and_deleting_are_in_welsh(client, home, settings):
    from consultations.translating import translate
    from tests.youth_voice.test_in_welsh import assert_no_english, welsh_source
    from tests.youth_voice.test_limits import limits

    welsh = translate(welsh_source(home), "cy", {})
    code = sent_code(client, welsh, {"2": "Mwy o fysiau"}, age_band="11_12")
    html = see(client, welsh, code).content.decode()
    assert_no_english(html, "see my answers")
    assert "Mwy o fysiau" in html
    confirm = press(client, welsh, html, "erase").content.decode()
    assert_no_english(confirm, "delete?")
    assert_no_english(press(client, welsh, confirm, "erase_confirmed").content.decode(), "deleted")
    limits(settings, submit_per_address_burst=(0, 60))
    data = form_data(welsh, {"2": "Eto"})
    limited = client.post(welsh.submit_url, dict(data.lists()))
    assert limited.status_code == 429
    assert_no_english(limited.content.decode(), "too many")
