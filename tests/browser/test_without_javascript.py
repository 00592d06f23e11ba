"""The same journey with JavaScript off: every step works, follow-ups say when to answer them, and
mistakes are shown in the error summary with every typed answer kept."""

import re

import pytest
from playwright.sync_api import expect

from youth_voice.models import Response, Status

from .helpers import CODE, choose, demo_consultation, expect_step, press, sent_count, stored_answers

pytestmark = pytest.mark.browser


def expect_error(page, message, field_id):
    """The error summary names the problem and links to the field; the link takes you there."""
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("Your answers are still here")
    summary.get_by_role("link", name=re.compile(re.escape(message))).click()
    expect(page).to_have_url(re.compile(f"#{field_id}$"))
    expect(page.locator(f"#{field_id}")).to_be_in_viewport()


def test_young_person_without_javascript_fixes_mistakes_and_keeps_every_answer(
    demo, phone_without_javascript
):
    page = phone_without_javascript
    consultation = demo_consultation()
    before = sent_count(consultation)
    page.goto(demo + consultation.url)

    expect_step(page, 1, "The plan as a whole")
    page.get_by_label("What would show you that partners have listened to young people?").fill(
        "Put our words in the board papers."
    )
    press(page, "Next")  # question 1 must be answered
    expect_error(page, "This field is required.", "id_q_1_0")
    expect(
        page.get_by_label("What would show you that partners have listened to young people?")
    ).to_have_value("Put our words in the board papers.")
    choose(page, "No")
    page.get_by_label("If not, what should change?").fill("Fewer long words.")
    press(page, "Next")

    expect_step(page, 2, "Mental health and emotional well-being")
    coping = page.get_by_label("What would help you or your friends cope when things get tough?")
    coping.fill("Teachers who notice when you are quiet")
    for option in (
        "Shorter waits for mental health support",
        "A drop-in space in town",
        "Online support at night",
    ):
        choose(page, option)
    choose(page, "Very sad")
    press(page, "Next")
    expect_error(page, "Choose at most 2 (you chose 3).", "id_q_6-2_0")
    expect_step(page, 2, "Mental health and emotional well-being")
    expect(coping).to_have_value("Teachers who notice when you are quiet")
    expect(page.get_by_role("radio", name="Very sad")).to_be_checked()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(3)
    page.get_by_role("checkbox", name="Online support at night").uncheck()
    press(page, "Next")

    # Without JavaScript the follow-up is always there, and says when to answer it.
    expect_step(page, 3, "Active and healthy lives")
    follow_up = page.locator("#question-7-4")
    expect(follow_up).to_be_visible()
    expect(follow_up).to_contain_text(
        "Answer this if you answered “Quite hard” or “Very hard” to question 7.1."
    )
    choose(page, "Very hard")
    page.get_by_label("What makes it hard?").fill("Nothing is open on Sundays.")
    choose(page, "Yes")
    page.get_by_label("Free swimming", exact=True).select_option("1")
    page.get_by_label("Free sports pitches").select_option("1")
    minutes = page.get_by_label("About how many minutes does it take you")
    minutes.fill("999")
    press(page, "Next")
    expect_error(page, "Enter a number of at most 300.", "id_q_7-5")
    # The ranking's mistake is named by its question, not by the first option it lists.
    expect_error(
        page,
        "Put these in order: which would make the most difference to you?: Give each place to only one option.",
        "id_q_7-3_rank_buses-in-the-evening",
    )
    expect(minutes).to_have_value("999")
    expect(page.get_by_role("radio", name="Very hard")).to_be_checked()
    expect(page.get_by_label("What makes it hard?")).to_have_value("Nothing is open on Sundays.")
    expect(page.get_by_label("Free swimming", exact=True)).to_have_value("1")
    expect(page.get_by_label("Free sports pitches")).to_have_value("1")
    page.get_by_label("Free sports pitches").select_option("2")
    minutes.fill("40")
    press(page, "Next")

    expect_step(page, 4, "Anything else")
    choose(page, "3")
    page.get_by_label("Is there anything else we have not asked about?").fill("Cost of travel to college.")
    press(page, "Back")
    expect_step(page, 3, "Active and healthy lives")
    expect(minutes).to_have_value("40")
    press(page, "Next")
    expect(page.get_by_role("radio", name="3", exact=True)).to_be_checked()
    press(page, "Next")

    expect_step(page, 5, "About you")
    choose(page, "A parent or carer")
    choose(page, "Over 25")
    press(page, "Check your answers")
    answers = page.locator(".check-answers")
    for answer in [
        "No — Fewer long words.",
        "Very sad",
        "Nothing is open on Sundays.",
        "1. Free swimming; 2. Free sports pitches",
        "40",
    ]:
        expect(answers.get_by_role("definition").filter(has_text=answer).first).to_be_visible()
    press(page, "Send my answers")

    expect(page.locator("#response-code")).to_have_text(CODE)
    response = Response.objects.get(
        consultation=consultation, reference=page.locator("#response-reference").inner_text()
    )
    assert response.status == Status.SUBMITTED
    assert stored_answers(response) == {
        "1": ["no", "Fewer long words."],
        "4": ["Put our words in the board papers."],
        "6.1": ["Teachers who notice when you are quiet"],
        "6.2": ["shorter-waits-for-mental", "a-drop-in-space-in-town"],
        "6.3": ["1"],
        "7.1": ["very-hard"],
        "7.2": ["yes"],
        "7.3": ["free-swimming", "free-sports-pitches"],
        "7.4": ["Nothing is open on Sundays."],
        "7.5": ["40"],
        "8": ["3"],
        "9": ["Cost of travel to college."],
    }
    assert (response.respondent_type, response.age_band) == ("parent_carer", "over_25")
    assert sent_count(consultation) == before + 1


def test_follow_up_answered_without_javascript_is_not_kept_when_it_does_not_apply(
    demo, phone_without_javascript
):
    page = phone_without_javascript
    consultation = demo_consultation()
    page.goto(demo + consultation.url + "?step=3")
    expect_step(page, 3, "Active and healthy lives")
    page.get_by_label("What makes it hard?").fill("Typed before reading the hint")
    choose(page, "Very easy")
    press(page, "Next")
    press(page, "Next")
    press(page, "Check your answers")
    expect(page.locator(".check-answers")).not_to_contain_text("Typed before reading the hint")
    expect(page.locator(".check-answers")).not_to_contain_text("What makes it hard?")
    press(page, "Change your answers in “The plan as a whole”")
    choose(page, "Yes")
    press(page, "Next")
    press(page, "Next")
    press(page, "Next")
    press(page, "Next")
    press(page, "Check your answers")
    press(page, "Send my answers")

    response = Response.objects.get(
        consultation=consultation, reference=page.locator("#response-reference").inner_text()
    )
    assert stored_answers(response) == {"1": ["yes"], "7.1": ["very-easy"]}
