"""What people do, in a real browser on a phone-sized screen."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from consultations.models import ConsultationPage, PlanDraftPage
from youth_voice.demo import OFFICER_EMAIL, OFFICER_PASSWORD
from youth_voice.models import Response

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    call_command("load_demo")
    return live_server.url


def test_young_person_answers_on_phone_and_officer_sees_it_counted(demo, phone):
    page = phone
    plan = PlanDraftPage.objects.get()
    consultation = ConsultationPage.objects.get()
    before = Response.objects.count()

    page.goto(demo + plan.url)
    page.get_by_role("link", name="Have your say on this — Question 6.1").first.click()
    expect(page).to_have_url(re.compile(r"#question-6-1$"))

    page.get_by_label("What would help you or your friends cope when things get tough?").fill(
        "A quiet room at school at lunchtime"
    )
    page.get_by_role("group", name=re.compile("How much do you agree with our vision")).get_by_label(
        "Agree", exact=True
    ).check()
    page.get_by_label("A young person").check()
    page.get_by_label("13 to 15").check()
    expect(page.get_by_label("Name")).to_be_visible()
    page.get_by_label("11 to 12").check()  # under-13s are not asked for personal details
    expect(page.get_by_label("Name")).to_be_hidden()
    expect(page.get_by_label("Email")).to_be_hidden()
    page.get_by_role("button", name="Send my answers").click()

    reference = page.locator("#response-reference").inner_text()
    assert re.fullmatch(r"[2-9A-Z]{3}-[2-9A-Z]{3}", reference)
    assert Response.objects.count() == before + 1
    assert Response.objects.get(reference=reference).age_band == "11_12"

    page.goto(demo + f"/admin/responses/{consultation.pk}/summary/")
    page.get_by_label("Email").fill(OFFICER_EMAIL)
    page.get_by_label("Password").fill(OFFICER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"{before + 1} responses")).to_be_visible()
    section = page.locator("#summary-question-6-1")
    expect(section.get_by_text("A quiet room at school at lunchtime")).to_be_visible()
    expect(section.get_by_role("link", name=reference)).to_be_visible()


def test_young_person_without_javascript_fixes_a_mistake_and_keeps_their_words(
    demo, phone_without_javascript
):
    page = phone_without_javascript
    consultation = ConsultationPage.objects.get()
    page.goto(demo + consultation.url)
    page.get_by_label("What would help you or your friends cope when things get tough?").fill("My words stay")
    page.get_by_label("Email").fill("not an email")
    page.get_by_role("button", name="Send my answers").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    summary.get_by_role("link", name=re.compile("Email")).click()
    expect(page).to_have_url(re.compile("#id_email$"))
    expect(
        page.get_by_label("What would help you or your friends cope when things get tough?")
    ).to_have_value("My words stay")

    page.get_by_label("Email").fill("")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator("#response-reference")).to_be_visible()
