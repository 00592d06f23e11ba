"""The participation loop on a phone: a young person steps through the demo questionnaire and sends
it; the officer sees it counted. Also: from the plan to its question, and an under-13's details."""

import re

import pytest
from playwright.sync_api import expect

from consultations.models import PlanDraftPage
from youth_voice.models import Response, Status

from .helpers import (
    CODE,
    REFERENCE,
    choose,
    demo_consultation,
    expect_step,
    expect_to_fit,
    press,
    sent_count,
    sign_in_as_officer,
    stored_answers,
)

pytestmark = pytest.mark.browser


def test_young_person_steps_through_the_questionnaire_on_a_phone(demo, phone, laptop):
    page = phone
    consultation = demo_consultation()
    before = sent_count(consultation)
    page.goto(demo + consultation.url)

    expect_step(page, 1, "The plan as a whole")
    choose(page, "No")
    page.get_by_label("If not, what should change?").fill("Shorter words, please.")
    choose(page, "Agree")
    page.get_by_label("What would show you that partners have listened to young people?").fill(
        "Come back and tell us what changed."
    )
    press(page, "Next")

    expect_step(page, 2, "Mental health and emotional well-being")
    coping = page.get_by_label("What would help you or your friends cope when things get tough?")
    coping.fill("A quiet room at school at lunchtime")
    choose(page, "A drop-in space in town")
    choose(page, "More school counsellors")
    choose(page, "Happy")
    press(page, "Back")

    # Back keeps what was typed on both screens.
    expect_step(page, 1, "The plan as a whole")
    expect(page.get_by_role("radio", name="No", exact=True)).to_be_checked()
    expect(page.get_by_label("If not, what should change?")).to_have_value("Shorter words, please.")
    expect(page.get_by_role("radio", name="Agree", exact=True)).to_be_checked()
    expect(
        page.get_by_label("What would show you that partners have listened to young people?")
    ).to_have_value("Come back and tell us what changed.")
    press(page, "Next")
    expect_step(page, 2, "Mental health and emotional well-being")
    expect(coping).to_have_value("A quiet room at school at lunchtime")
    expect(page.get_by_role("checkbox", name="A drop-in space in town")).to_be_checked()
    expect(page.get_by_role("checkbox", name="More school counsellors")).to_be_checked()
    expect(page.get_by_role("radio", name="Happy", exact=True)).to_be_checked()
    press(page, "Next")

    # The follow-up appears in place, and only for the answers it follows.
    expect_step(page, 3, "Active and healthy lives")
    hard = page.get_by_label("What makes it hard?")
    expect(hard).to_be_hidden()
    choose(page, "Quite easy")
    expect(hard).to_be_hidden()
    choose(page, "Quite hard")
    expect(hard).to_be_visible()
    hard.fill("The last bus is at six.")
    page.get_by_label("Buses in the evening").select_option("1")
    page.get_by_label("Youth clubs open later").select_option("2")
    page.get_by_label("About how many minutes does it take you").fill("25")
    press(page, "Next")

    expect_step(page, 4, "Anything else")
    choose(page, "7")
    press(page, "Next")

    expect_step(page, 5, "About you")
    choose(page, "A young person")
    choose(page, "16 to 18")
    page.get_by_label("Where I live").select_option("North Vale")
    press(page, "Check your answers")

    expect(page).to_have_title(re.compile("^Check your answers"))
    expect(page.get_by_text(re.compile(r"Step \d of"))).to_have_count(0)
    expect_to_fit(page)
    answers = page.locator(".check-answers")
    for answer in [
        "No — Shorter words, please.",
        "A quiet room at school at lunchtime",
        "A drop-in space in town; More school counsellors",
        "Happy",
        "Quite hard",
        "The last bus is at six.",
        "1. Buses in the evening; 2. Youth clubs open later",
        "25",
        "7",
        "16 to 18",
        "North Vale",
    ]:
        expect(answers.get_by_role("definition").filter(has_text=answer).first).to_be_visible()

    # Change goes back to that section, with everything still there.
    press(page, "Change your answers in “Mental health and emotional well-being”")
    expect_step(page, 2, "Mental health and emotional well-being")
    expect(coping).to_have_value("A quiet room at school at lunchtime")
    coping.fill("A quiet room at school, and someone to talk to")
    press(page, "Next")
    expect(page.get_by_label("What makes it hard?")).to_have_value("The last bus is at six.")
    press(page, "Next")
    press(page, "Next")
    expect(page.get_by_role("radio", name="16 to 18")).to_be_checked()
    press(page, "Check your answers")
    expect(answers).to_contain_text("A quiet room at school, and someone to talk to")
    press(page, "Send my answers")

    expect(page.get_by_role("heading", name="Thank you, your answers have been sent")).to_be_visible()
    expect_to_fit(page)
    reference = page.locator("#response-reference").inner_text()
    assert REFERENCE.fullmatch(reference)
    expect(page.locator("#response-code")).to_have_text(CODE)
    assert page.locator("#response-code").inner_text().startswith(reference)

    response = Response.objects.get(consultation=consultation, reference=reference)
    assert response.status == Status.SUBMITTED
    assert (response.respondent_type, response.age_band, response.area) == (
        "young_person",
        "16_18",
        "North Vale",
    )
    assert stored_answers(response) == {
        "1": ["no", "Shorter words, please."],
        "2": ["4"],
        "4": ["Come back and tell us what changed."],
        "6.1": ["A quiet room at school, and someone to talk to"],
        "6.2": ["a-drop-in-space-in-town", "more-school-counsellors"],
        "6.3": ["4"],
        "7.1": ["quite-hard"],
        "7.3": ["buses-in-the-evening", "youth-clubs-open-later"],
        "7.4": ["The last bus is at six."],
        "7.5": ["25"],
        "8": ["7"],
    }
    assert sent_count(consultation) == before + 1

    officer = laptop
    sign_in_as_officer(officer, demo + f"/admin/responses/{consultation.pk}/summary/")
    expect(officer.get_by_text(re.compile(rf"^\s*{before + 1} individual responses"))).to_be_visible()
    written = officer.locator("#summary-question-6-1")
    expect(written.get_by_text("A quiet room at school, and someone to talk to")).to_be_visible()
    expect(written.get_by_role("link", name=reference)).to_be_visible()


def test_young_person_follows_the_plan_to_a_question_on_a_later_step(demo, phone):
    page = phone
    plan = PlanDraftPage.objects.get(locale__language_code="en-gb")
    page.goto(demo + plan.url)
    page.get_by_role("link", name="Have your say on this — Question 6.1").first.click()

    expect(page).to_have_url(re.compile(r"#question-6-1$"))
    expect_step(page, 2, "Mental health and emotional well-being")
    question = page.get_by_label("What would help you or your friends cope when things get tough?")
    expect(question).to_be_in_viewport()


@pytest.mark.parametrize("javascript", [True, False], ids=["with_javascript", "without_javascript"])
def test_under_13_is_not_asked_for_or_refused_over_personal_details(demo, devices, javascript):
    page = devices(javascript=javascript)
    consultation = demo_consultation()
    page.goto(demo + consultation.url)
    choose(page, "Yes")
    for _ in range(4):
        press(page, "Next")
    expect_step(page, 5, "About you")
    choose(page, "A young person")
    # Typed first, while they were shown; then the age band that hides them.
    page.get_by_role("textbox", name="Name").fill("Alex")
    contact = page.get_by_role("textbox", name="Email or telephone")
    contact.fill("not an email")
    choose(page, "11 to 12")
    expect(contact).to_be_hidden()
    expect(page.get_by_role("textbox", name="Name")).to_be_hidden()
    expect(page.get_by_role("radio", name="Publish my response with my name")).to_be_hidden()
    press(page, "Check your answers")

    expect(page).to_have_title(re.compile("^Check your answers"))
    about = page.locator(".check-answers")
    expect(about).to_contain_text("11 to 12")
    expect(about).not_to_contain_text("Alex")
    expect(about).not_to_contain_text("not an email")
    press(page, "Send my answers")

    reference = page.locator("#response-reference").inner_text()
    response = Response.objects.get(consultation=consultation, reference=reference)
    assert response.age_band == "11_12"
    assert (response.name, response.organisation, response.contact, response.postal_address) == (
        "",
        "",
        "",
        "",
    )
    assert response.publication == "without_name"


def test_young_person_reads_what_the_plan_says_beside_a_question(demo, phone):
    page = phone
    page.goto(demo + demo_consultation().url + "?step=2")
    question = page.locator("#question-6-2")
    question.get_by_text("What the plan says").click()
    expect(question.locator(".plan-context")).to_contain_text("from twelve weeks to four", timeout=2_000)
    expect(question.locator(".plan-context")).to_contain_text(
        "the young people's mental health service", timeout=2_000
    )
