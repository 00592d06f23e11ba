"""The officer edits the live demo questionnaire on a laptop: each kind shows only its own fields,
panels are named by reference and prompt, and an answered question cannot be removed by accident."""

import pytest
from playwright.sync_api import expect

from .helpers import demo_consultation, sign_in_as_officer

pytestmark = pytest.mark.browser


def test_officer_edits_a_live_questionnaire(demo, laptop):
    consultation = demo_consultation()
    questions = list(consultation.questions.all())
    sign_in_as_officer(laptop, demo + f"/admin/pages/{consultation.pk}/edit/")

    # An answered question: its bin is disabled, with the reason shown beside it.
    first = laptop.locator("#inline_child_questions-0")
    expect(first.locator("#id_questions-0-DELETE-button")).to_be_disabled()
    reason = first.locator("#questions-0-removal-reason")
    expect(reason).to_be_visible()
    expect(reason).to_contain_text("answers: this question can't be removed")
    expect(first.get_by_label("Stop asking this question")).to_be_visible()
    expect(first.locator("[data-panel-heading-text]")).to_have_text(
        f"Q{questions[0].reference} – {questions[0].prompt[:59]}", use_inner_text=True
    )

    # Each existing question shows its own kind's fields only.
    yes_no = next(i for i, q in enumerate(questions) if q.kind == "yes_no")
    panel = laptop.locator(f"#inline_child_questions-{yes_no}")
    expect(panel.locator('[data-contentpath="follow_up_prompt"]')).to_be_visible()
    expect(panel.locator('[data-contentpath="options"]')).to_be_hidden()
    expect(panel.locator('[data-contentpath="min_value"]')).to_be_hidden()

    # A new question: choosing its kind shows the right fields at once.
    laptop.locator("#id_questions-ADD").click()
    new = laptop.locator(f"#inline_child_questions-{len(questions)}")
    new.get_by_label("Kind").select_option("number")
    expect(new.locator('[data-contentpath="min_value"]')).to_be_visible()
    expect(new.locator('[data-contentpath="max_value"]')).to_be_visible()
    expect(new.locator('[data-contentpath="options"]')).to_be_hidden()
    expect(new.locator('[data-contentpath="follow_up_prompt"]')).to_be_hidden()
    new.get_by_label("Kind").select_option("single_choice")
    expect(new.locator('[data-contentpath="options"]')).to_be_visible()
    expect(new.locator('[data-contentpath="min_value"]')).to_be_hidden()
    expect(new.locator(f"#id_questions-{len(questions)}-DELETE-button")).to_be_enabled()

    # Its panel is named as it is written.
    new.locator(f"#id_questions-{len(questions)}-reference").fill("Q 14")
    new.locator(f"#id_questions-{len(questions)}-prompt").fill("Which bus routes do you use?")
    expect(new.locator("[data-panel-heading-text]")).to_have_text("Q14 – Which bus routes do you use?")
