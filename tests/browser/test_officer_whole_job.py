"""Issue 13's "Done when": an officer does the whole job through the admin on a laptop.

Sign in (as a member of the Participation officers group, with an authenticator), start a
consultation with "New consultation", write five questions of different kinds in the question
editor, publish, share it (QR code, poster), have it answered twice on phones, read the summary,
try to remove an answered question, and copy the consultation with new dates.

Set CHORUS_SCREENSHOTS=1 to save the screenshots docs/officers-guide.md shows (docs/images/).
"""

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from consultations.models import ConsultationPage
from youth_voice.demo import OFFICER_EMAIL
from youth_voice.models import ConsultationAccess
from youth_voice.roles import FORUM_FACILITATORS, PARTICIPATION_OFFICERS

from .helpers import choose, fill_dates, press, sent_count, sign_in_as_officer, stored_answers

pytestmark = pytest.mark.browser

LAPTOP = {"viewport": {"width": 1366, "height": 768}}
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
TITLE = "Your say on the skate park"
# (reference, kind, prompt, options or None): five kinds, each with the fields it uses.
QUESTIONS = [
    ("1", "yes_no", "Do you use the skate park?", None),
    ("2", "single_choice", "How do you get there?", ["Walk", "Bus", "Bike"]),
    ("3", "multiple_choice", "What should we add?", ["Lights", "Shelter", "Water fountain"]),
    ("4", "rating", "How safe do you feel there?", None),
    ("5", "free_text", "Anything else we should know?", None),
]
# What two young people answer: Q1 to Q5 as they are ticked or typed, then their age.
ANSWERS = [
    ("Yes", "Bus", ["Lights", "Shelter"], "4", "Open it later in summer.", "13 to 15"),
    ("No", "Walk", ["Lights"], "2", "It is too dark in winter.", "16 to 18"),
]


def screenshot(page, name, top=None):
    """The visible part of the page, scrolled to `top` (a locator) if given."""
    if os.environ.get("CHORUS_SCREENSHOTS"):
        if top is not None:
            top.evaluate("element => element.scrollIntoView({block: 'start'})")
        IMAGES.mkdir(exist_ok=True)
        page.screenshot(path=IMAGES / f"{name}.png")


# Counts the editor's autosaves (Wagtail's w-autosave events) and notes the last edit, so the test
# publishes once the form is still: the test's live server shares one SQLite connection between its
# threads, where an autosave answered while Publish is saving breaks both.
COUNT_AUTOSAVES = """
window.autosaves = {started: 0, ended: 0, last: 0};
const note = (key) => () => { if (key) autosaves[key] += 1; autosaves.last = performance.now(); };
document.addEventListener("w-autosave:save", note("started"));
document.addEventListener("w-autosave:success", note("ended"));
document.addEventListener("w-autosave:error", note("ended"));
document.addEventListener("input", note(null), true);
document.addEventListener("change", note(null), true);
"""
STILL = "() => autosaves.started === autosaves.ended && performance.now() - autosaves.last > 1500"


def write_rich_text(page, field, text):
    editor = page.locator(f'[data-contentpath="{field}"] [contenteditable="true"]')
    editor.click()
    editor.press_sequentially(text)


def write_question(page, index, reference, kind, prompt, options):
    page.locator("#id_questions-ADD").click()
    panel = page.locator(f"#inline_child_questions-{index}")
    panel.get_by_label("Kind").select_option(kind)
    panel.locator(f"#id_questions-{index}-reference").fill(reference)
    panel.locator(f"#id_questions-{index}-prompt").fill(prompt)
    options_field = panel.locator('[data-contentpath="options"]')
    if options is None:
        expect(options_field).to_be_hidden()
        return panel
    expect(options_field).to_be_visible()
    for number, label in enumerate(options):
        options_field.get_by_role("button", name="Insert a block").last.click()
        options_field.locator(f'input[name="questions-{index}-options-{number}-value-label"]').fill(label)
    return panel


def answer_on_a_phone(page, address, answers):
    yes_no, one, many, rating, text, age = answers
    page.goto(address)
    choose(page, yes_no)
    choose(page, one)
    for option in many:
        choose(page, option)
    choose(page, rating)
    page.get_by_label(QUESTIONS[4][2]).fill(text)
    # With no section headings, the questions and "About you" are one screen, sent at once.
    choose(page, "A young person")
    choose(page, age)
    press(page, "Send my answers")
    expect(page.get_by_role("heading", name="Thank you, your answers have been sent")).to_be_visible()


def test_officer_does_the_whole_job(demo, devices):
    officer = get_user_model().objects.get(email=OFFICER_EMAIL)
    # A participation officer who also runs the demo's youth forums: nothing more.
    assert set(officer.groups.values_list("name", flat=True)) == {PARTICIPATION_OFFICERS, FORUM_FACILITATORS}
    assert not officer.is_superuser and not officer.user_permissions.exists()
    page = devices(**LAPTOP)
    page.add_init_script(COUNT_AUTOSAVES)

    # Sign in (the first time: set up an authenticator) and start with "New consultation".
    sign_in_as_officer(page, demo + "/admin/")
    page.get_by_role("link", name="New consultation").first.click()
    page.get_by_label("Title").fill(TITLE)
    fill_dates(page, 0, 30)
    page.get_by_role("button", name="Create and edit").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    consultation = ConsultationPage.objects.get(title=TITLE)
    # Whoever starts a consultation reads its responses.
    assert ConsultationAccess.objects.filter(consultation=consultation, user=officer).exists()

    # The page's words, and five questions of five kinds.
    write_rich_text(page, "overview", "Tell us what would make the skate park better.")
    write_rich_text(page, "data_protection", "The council keeps your answers for two years.")
    for index, question in enumerate(QUESTIONS):
        panel = write_question(page, index, *question)
    expect(panel.locator("[data-panel-heading-text]")).to_have_text(f"Q5 – {QUESTIONS[4][2]}")
    screenshot(page, "question-editor", page.locator("#inline_child_questions-1"))

    # Publishing is one visible click.
    page.wait_for_function(STILL)
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text(f"Page '{TITLE}' has been published.")).to_be_visible()
    consultation.refresh_from_db()
    assert consultation.live
    assert [(q.reference, q.kind) for q in consultation.questions.all()] == [q[:2] for q in QUESTIONS]

    # Share: the QR code loads, the poster opens.
    page.goto(demo + "/admin/consultations/")
    page.locator(f'a[href="/admin/consultations/{consultation.pk}/share/"]').click()
    qr = page.get_by_alt_text(f"QR code for http://localhost/c/{consultation.pk}/")
    expect(qr).to_be_visible()
    assert qr.evaluate("image => image.naturalWidth") > 100
    page.get_by_role("link", name="Open the poster to print").click()
    expect(page.get_by_role("heading", level=2, name=TITLE)).to_be_visible()
    expect(page.locator(".poster-qr")).to_be_visible()
    page.go_back()

    # Two young people answer on their phones.
    for answers in ANSWERS:
        answer_on_a_phone(devices(), demo + consultation.url, answers)
    assert sent_count(consultation) == 2

    # The summary shows their answers, with charts.
    page.goto(demo + f"/admin/responses/{consultation.pk}/summary/")
    expect(page.get_by_text(re.compile(r"^\s*2 responses"))).to_be_visible()
    added = page.locator("#summary-question-3")
    expect(added.locator("figure svg[role=img]")).to_be_visible()
    expect(added.get_by_role("row", name="Lights 2 100.0%", exact=True)).to_be_visible()
    expect(added.get_by_role("row", name="Shelter 1 50.0%", exact=True)).to_be_visible()
    expect(page.get_by_text("It is too dark in winter.")).to_be_visible()
    screenshot(page, "summary-chart")

    # An answered question cannot be removed: its bin is disabled, the reason beside it.
    page.goto(demo + f"/admin/pages/{consultation.pk}/edit/")
    first = page.locator("#inline_child_questions-0")
    expect(first.locator("#id_questions-0-DELETE-button")).to_be_disabled()
    expect(first.locator("#questions-0-removal-reason")).to_contain_text(
        "answers: this question can't be removed"
    )
    screenshot(page, "question-answered", first)

    # Copy it with new dates: a draft with the same questions and no responses.
    page.goto(demo + f"/admin/consultations/{consultation.pk}/copy/")
    page.get_by_label("Title").fill(f"{TITLE}, next year")
    fill_dates(page, 365, 395)
    page.get_by_role("button", name="Copy and edit").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_text("First published")).to_have_count(0)
    copy = ConsultationPage.objects.get(title=f"{TITLE}, next year")
    assert not copy.live and copy.first_published_at is None
    assert [(q.reference, q.kind, q.prompt) for q in copy.questions.all()] == [q[:3] for q in QUESTIONS]
    assert copy.responses.count() == 0
    assert stored_answers(consultation.responses.order_by("pk").first())["3"] == ["lights", "shelter"]
