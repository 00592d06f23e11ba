"""Welsh on a phone: a young person switches to Welsh, answers and gets a Welsh receipt; the
officer sees one summary counting both languages, and can look at the Welsh answers alone."""

import re

import pytest
from playwright.sync_api import expect

from youth_voice.models import Response, Status

from .helpers import (
    REFERENCE,
    choose,
    demo_consultation,
    expect_to_fit,
    press,
    sent_count,
    sign_in_as_officer,
    stored_answers,
)

pytestmark = pytest.mark.browser


def test_young_person_answers_in_welsh_and_the_officer_counts_both_languages(demo, phone, laptop):
    consultation = demo_consultation()
    before = sent_count(consultation)
    welsh_before = Response.objects.filter(
        consultation=consultation, language="cy", status=Status.SUBMITTED
    ).count()
    assert 0 < welsh_before < before  # the demo has answers in both languages

    page = phone
    page.goto(demo + consultation.url)
    expect(page.locator("html")).to_have_attribute("lang", "en-gb")
    switch = page.get_by_role("navigation", name="Language")
    expect(switch.get_by_role("link")).to_have_text(["Cymraeg", "English"])  # Welsh first
    switch.get_by_role("link", name="Cymraeg").click()

    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dweud eich dweud am Dyfu i Fyny yn Nyffryn Harrowby"
    )
    expect(page.get_by_role("navigation", name="Iaith").get_by_role("link", name="English")).to_be_visible()
    expect(page.locator(".step-count")).to_have_text("Cam 1 o 5")
    expect_to_fit(page)
    press(page, "Nesaf")  # question 1 must be answered: the problem is explained in Welsh
    expect(page.get_by_role("heading", name="Mae problem")).to_be_visible()
    choose(page, "Na")
    page.get_by_label("Os nad ydy, beth ddylai newid?").fill("Geiriau byrrach, os gwelwch yn dda.")
    press(page, "Nesaf")

    expect(page.locator(".step-count")).to_have_text("Cam 2 o 5")
    choose(page, "Lle galw heibio yn y dref")
    press(page, "Nesaf")
    expect(page.locator(".step-count")).to_have_text("Cam 3 o 5")
    press(page, "Nesaf")
    press(page, "Nesaf")
    expect(page.get_by_role("heading", level=2, name="Amdanoch chi")).to_be_visible()
    choose(page, "Person ifanc")
    choose(page, "13 i 15")
    press(page, "Gwirio eich atebion")

    expect(page).to_have_title(re.compile("^Gwirio eich atebion"))
    expect(page.locator(".check-answers")).to_contain_text("Na — Geiriau byrrach, os gwelwch yn dda.")
    press(page, "Anfon fy atebion")

    expect(page.get_by_role("heading", name="Diolch, mae eich atebion wedi’u hanfon")).to_be_visible()
    expect(page.get_by_role("heading", name="Eich cod")).to_be_visible()
    expect_to_fit(page)
    reference = page.locator("#response-reference").inner_text()
    assert REFERENCE.fullmatch(reference)
    response = Response.objects.get(consultation=consultation, reference=reference)
    assert response.language == "cy"
    assert stored_answers(response) == {
        "1": ["no", "Geiriau byrrach, os gwelwch yn dda."],
        "6.2": ["a-drop-in-space-in-town"],
    }

    # Remembered without an account: the site's bare address opens in Welsh next time.
    page.goto(demo + "/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")

    officer = laptop
    sign_in_as_officer(officer, demo + f"/admin/responses/{consultation.pk}/summary/")
    expect(officer.get_by_text(re.compile(rf"^\s*{before + 1} individual responses"))).to_be_visible()
    officer.get_by_label("Language").select_option("cy")
    officer.get_by_role("button", name="Filter").click()
    expect(officer.get_by_text(re.compile(rf"^\s*{welsh_before + 1} responses? matching"))).to_be_visible()
    expect(
        officer.locator("#summary-question-1").get_by_text("Geiriau byrrach, os gwelwch yn dda.")
    ).to_be_visible()
