"""Codes on a phone: save and finish on another device, change answers after sending, withdraw."""

import re

import pytest
from playwright.sync_api import expect

from youth_voice.models import Response, Status

from .helpers import (
    CODE,
    choose,
    demo_consultation,
    expect_step,
    press,
    sent_count,
    sign_in_as_officer,
    stored_answers,
)

pytestmark = pytest.mark.browser

LISTENED = "What would show you that partners have listened to young people?"
COPING = "What would help you or your friends cope when things get tough?"


def enter_code(page, address, code):
    page.goto(address)
    page.get_by_role("link", name="Have a code? Finish or change your answers").click()
    page.get_by_label("Your code").fill(code)
    press(page, "Continue")


def send_a_short_response(page, address, coping, **about_you):
    """Answer question 1 and 6.1, say who you are, and send; returns the code on the receipt."""
    page.goto(address)
    choose(page, "Yes")
    press(page, "Next")
    page.get_by_label(COPING).fill(coping)
    press(page, "Next")
    press(page, "Next")
    press(page, "Next")
    expect_step(page, 5, "About you")
    choose(page, "A young person")
    choose(page, about_you.get("age", "13 to 15"))
    for label, value in about_you.get("details", {}).items():
        page.get_by_role("textbox", name=label).fill(value)
    press(page, "Check your answers")
    press(page, "Send my answers")
    expect(page.locator("#response-code")).to_have_text(CODE)
    return page.locator("#response-code").inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["with_javascript", "without_javascript"])
def test_young_person_saves_and_finishes_on_another_phone(demo, devices, javascript):
    consultation = demo_consultation()
    sent_before, all_before = sent_count(consultation), consultation.responses.count()
    page = devices(javascript=javascript)
    page.goto(demo + consultation.url)
    choose(page, "Yes")
    page.get_by_label(LISTENED).fill("Tell us what you did with our answers.")
    press(page, "Next")
    expect_step(page, 2, "Mental health and emotional well-being")
    page.get_by_label(COPING).fill("Someone to talk to at lunchtime")
    choose(page, "Online support at night")
    press(page, "Save and come back later")

    expect(page.get_by_role("heading", name="Your answers are saved")).to_be_visible()
    code = page.locator("#resume-code").inner_text()
    assert CODE.fullmatch(code)
    draft = Response.objects.get(consultation=consultation, reference=code[:7])
    assert (draft.status, draft.draft_step, draft.answers.count()) == (Status.DRAFT, 2, 0)
    assert sent_count(consultation) == sent_before  # a draft is never counted

    other = devices(javascript=javascript)  # another phone: nothing carried over but the code, written down
    enter_code(other, demo + consultation.url, code.lower().replace("-", " "))
    expect(other.get_by_text("You are finishing the answers you saved")).to_be_visible()
    expect_step(other, 2, "Mental health and emotional well-being")
    expect(other.get_by_label(COPING)).to_have_value("Someone to talk to at lunchtime")
    expect(other.get_by_role("checkbox", name="Online support at night")).to_be_checked()
    press(other, "Back")
    expect_step(other, 1, "The plan as a whole")
    expect(other.get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    expect(other.get_by_label(LISTENED)).to_have_value("Tell us what you did with our answers.")
    press(other, "Next")
    press(other, "Next")
    expect_step(other, 3, "Active and healthy lives")
    choose(other, "Very easy")
    press(other, "Next")
    press(other, "Next")
    choose(other, "A young person")
    choose(other, "13 to 15")
    press(other, "Check your answers")
    expect(other.locator(".check-answers")).to_contain_text("Someone to talk to at lunchtime")
    press(other, "Send my answers")

    expect(other.locator("#response-reference")).to_have_text(code[:7])
    expect(other.locator("#response-code")).to_have_text(code)
    draft.refresh_from_db()
    assert (draft.status, draft.draft_data) == (Status.SUBMITTED, {})
    assert stored_answers(draft) == {
        "1": ["yes"],
        "4": ["Tell us what you did with our answers."],
        "6.1": ["Someone to talk to at lunchtime"],
        "6.2": ["online-support-at-night"],
        "7.1": ["very-easy"],
    }
    assert (draft.respondent_type, draft.age_band) == ("young_person", "13_15")
    assert consultation.responses.count() == all_before + 1  # the draft became the response
    assert sent_count(consultation) == sent_before + 1


def test_young_person_changes_their_answers_and_the_officer_sees_the_latest(demo, phone, devices, laptop):
    consultation = demo_consultation()
    code = send_a_short_response(phone, demo + consultation.url, "More clubs")
    reference = code[:7]
    sent_before = sent_count(consultation)

    other = devices()
    enter_code(other, demo + consultation.url, code)
    expect(other.get_by_text("You are changing the answers you sent on")).to_be_visible()
    expect_step(other, 1, "The plan as a whole")
    expect(other.get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    press(other, "Next")
    expect(other.get_by_label(COPING)).to_have_value("More clubs")
    other.get_by_label(COPING).fill("More clubs, open later")
    press(other, "Next")
    press(other, "Next")
    press(other, "Next")
    expect(other.get_by_role("radio", name="13 to 15")).to_be_checked()
    press(other, "Check your answers")
    expect(other.locator(".check-answers")).to_contain_text("More clubs, open later")
    press(other, "Send my answers")

    expect(other.locator("#response-reference")).to_have_text(reference)
    expect(other.locator("#response-code")).to_have_text(code)
    response = Response.objects.get(consultation=consultation, reference=reference)
    assert (response.status, response.times_changed) == (Status.SUBMITTED, 1)
    assert stored_answers(response) == {"1": ["yes"], "6.1": ["More clubs, open later"]}
    assert sent_count(consultation) == sent_before  # changed, not added

    sign_in_as_officer(laptop, demo + f"/admin/responses/{consultation.pk}/{reference}/")
    expect(laptop.get_by_role("definition").filter(has_text="1 time")).to_contain_text(
        "This is the latest version"
    )
    expect(laptop.get_by_text("More clubs, open later")).to_be_visible()
    expect(laptop.get_by_text("More clubs", exact=True)).to_have_count(0)
    laptop.goto(demo + f"/admin/responses/{consultation.pk}/")
    row = laptop.get_by_role("row").filter(has=laptop.get_by_role("link", name=reference))
    expect(row).to_contain_text(re.compile(r"1 time, last"))


def test_young_person_withdraws_their_response(demo, phone, devices):
    consultation = demo_consultation()
    code = send_a_short_response(
        phone,
        demo + consultation.url,
        "Please delete this later",
        age="16 to 18",
        details={"Name (optional)": "Sam", "Email or telephone (optional)": "sam@example.org"},
    )
    response = Response.objects.get(consultation=consultation, reference=code[:7])
    assert (response.name, response.contact) == ("Sam", "sam@example.org")
    sent_before = sent_count(consultation)

    other = devices()
    enter_code(other, demo + consultation.url, code)
    press(other, "Withdraw my response")
    expect(other.get_by_role("heading", name="Withdraw your response?")).to_be_visible()
    press(other, "Yes, withdraw my response")
    expect(other.get_by_role("heading", name="Your response has been withdrawn")).to_be_visible()

    response.refresh_from_db()
    assert response.status == Status.WITHDRAWN
    assert not response.answers.exists()
    assert (response.name, response.contact) == ("", "")
    assert sent_count(consultation) == sent_before - 1

    enter_code(other, demo + consultation.url, code)
    expect(other.get_by_role("alert")).to_contain_text("That code does not match")


def test_young_person_who_saves_then_goes_back_can_save_again_and_send(demo, phone):
    consultation = demo_consultation()
    sent_before = sent_count(consultation)
    page = phone
    page.goto(demo + consultation.url)
    choose(page, "Yes")
    press(page, "Next")
    page.get_by_label(COPING).fill("Somewhere to go after school")
    press(page, "Save and come back later")
    code = page.locator("#resume-code").inner_text()

    page.go_back()  # "I'll finish it now after all"
    expect_step(page, 2, "Mental health and emotional well-being")
    expect(page.get_by_label(COPING)).to_have_value("Somewhere to go after school")
    press(page, "Save and come back later")
    # The code cannot be shown again (only its hash is kept), but it is never shown blank.
    expect(page.get_by_role("heading", name="Your answers are saved")).to_be_visible()
    expect(page.locator("#draft-reference")).to_have_text(code[:7])
    expect(page.get_by_text("saved under the code you were given when you first saved them")).to_be_visible()

    page.go_back()
    expect_step(page, 2, "Mental health and emotional well-being")
    press(page, "Next")
    press(page, "Next")
    press(page, "Next")
    press(page, "Check your answers")
    press(page, "Send my answers")

    # Sent, not "already sent": the draft saved from this very form is the response.
    expect(page.get_by_role("heading", name="Thank you, your answers have been sent")).to_be_visible()
    expect(page.locator("#response-reference")).to_have_text(code[:7])
    response = Response.objects.get(consultation=consultation, reference=code[:7])
    assert (response.status, response.draft_data) == (Status.SUBMITTED, {})
    assert stored_answers(response) == {"1": ["yes"], "6.1": ["Somewhere to go after school"]}
    assert sent_count(consultation) == sent_before + 1
