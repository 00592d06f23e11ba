"""A young person reads on a phone what happened because of what young people said, in English
and in Welsh, and the page says honestly when feedback is late."""

import pytest
from playwright.sync_api import expect

from consultations.models import ConsultationPage

pytestmark = pytest.mark.browser


def test_young_person_reads_you_said_we_did_on_a_phone(demo, phone):
    published = ConsultationPage.objects.get(slug="buses-2026", locale__language_code="en-gb")
    page = phone

    page.goto(demo + published.url)
    expect(page.get_by_role("heading", name="You said, we did")).to_be_visible()
    fares = page.locator("#feedback-2")
    expect(fares).to_contain_text("Bus fares for under-19s will be £1 from April.")
    expect(fares).to_contain_text("Agreed")
    # The quotes an officer picked for question 2, each with who said it.
    picked = fares.locator("figure.feedback-quote")
    expect(picked).to_have_count(2)
    expect(picked.filter(has_text="Buses that turn up").locator("figcaption")).to_contain_text(
        "A young person"
    )
    late_bus = page.locator("#feedback-3")
    expect(late_bus).to_contain_text("Not taken forward")
    expect(late_bus).to_contain_text("No company would run it")
    # Nothing wider than the phone: no sideways scrolling to read it.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.get_by_role("link", name="Cymraeg").click()
    expect(page.get_by_role("heading", name="Dywedoch chi, gwnaethon ni")).to_be_visible()
    expect(page.locator("#feedback-2")).to_contain_text(
        "Bydd tocyn bws i bobl dan 19 oed yn £1 o fis Ebrill."
    )


def test_the_page_says_when_feedback_is_late(demo, phone):
    late = ConsultationPage.objects.get(slug="youth-clubs-2026", locale__language_code="en-gb")
    phone.goto(demo + late.url)
    expect(phone.locator(".feedback-late")).to_contain_text("It is late; we are sorry.")


def test_young_person_reads_the_published_results_on_a_phone(demo, phone):
    published = ConsultationPage.objects.get(slug="buses-2026", locale__language_code="en-gb")
    page = phone

    page.goto(demo + published.url)
    page.get_by_role("link", name="Read the published results: what everyone said").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Results: {published.title}")
    question = page.locator("#results-question-1")
    expect(question.get_by_role("img", name="Answers to question 1 as a bar chart")).to_be_visible()
    expect(question.get_by_role("table")).to_contain_text("Individuals: answers")
    expect(page.locator(".results-quote").first).to_be_visible()
    responses = page.locator(".published-response")
    expect(responses.first).to_be_visible()
    assert responses.count() == 10  # a page of them; the rest on the next
    expect(page.get_by_role("link", name="Next page")).to_be_visible()
    # Nothing wider than the phone: wide tables scroll inside themselves, charts shrink.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.get_by_role("link", name="Cymraeg").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Canlyniadau: Dweud eich dweud am fysiau a theithio (2026)"
    )
    expect(page.get_by_role("heading", name="Ymatebion a gyhoeddwyd")).to_be_visible()
