"""A young person reads the plan's headlines on a phone and follows them to the full draft and the question."""

import re

import pytest
from playwright.sync_api import expect

from consultations.models import PlanHeadlinesPage

pytestmark = pytest.mark.browser


def test_young_person_follows_a_priority_to_the_plan_and_then_to_the_question(demo, phone):
    headlines = PlanHeadlinesPage.objects.get(locale__language_code="en-gb")
    page = phone

    page.goto(demo + headlines.url)
    expect(page.get_by_role("heading", name="Someone to talk to")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"Read more in the plan: 3\.3")).click()

    expect(page).to_have_url(re.compile(r"#para-3-3$"))
    paragraph = page.locator("#para-3-3")
    expect(paragraph).to_be_in_viewport()
    expect(paragraph).to_contain_text("Cut the wait for a first appointment")
    paragraph.get_by_role("link", name="Have your say on this — Question 6.2").click()

    expect(page).to_have_url(re.compile(r"#question-6-2$"))
    question = page.locator("#question-6-2")
    expect(question).to_be_in_viewport()
    expect(question).to_contain_text("Which of these should come first?")
