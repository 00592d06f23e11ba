"""In chromium at a phone's size, the questionnaire journey runs under the strict policy without a
single Content-Security-Policy violation."""

import re

import pytest
from playwright.sync_api import expect

from consultations.models import PlanDraftPage
from tests.browser.conftest import browser, demo, devices, phone, test_database  # noqa: F401 - fixtures
from tests.browser.helpers import choose, demo_consultation, press

pytestmark = pytest.mark.browser

# The browser reports each blocked script, style, image or connection as this event.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("CSP violation: " + event.effectiveDirective + " " + event.blockedURI);
});
"""


def test_young_person_answers_on_a_phone_without_policy_violations(demo, phone):  # noqa: F811
    page = phone
    page.add_init_script(REPORT_VIOLATIONS)
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    headers = []
    page.on("response", lambda response: headers.append(response.headers))

    page.goto(demo + "/en-gb/")
    page.goto(demo + demo_consultation().url)
    choose(page, "Yes")
    choose(page, "Agree")
    for _ in range(4):
        press(page, "Next")
    press(page, "Check your answers")
    expect(page).to_have_title(re.compile("^Check your answers"))
    press(page, "Send my answers")
    expect(page.get_by_role("heading", name="Thank you, your answers have been sent")).to_be_visible()
    plan = PlanDraftPage.objects.filter(locale__language_code="en-gb").first()
    page.goto(demo + plan.url)
    page.goto(demo + plan.url + "versions/")

    documents = [h for h in headers if h.get("content-type", "").startswith("text/html")]
    assert len(documents) >= 8
    assert all("script-src 'self'" in h["content-security-policy"] for h in documents)
    assert all("camera=()" in h["permissions-policy"] for h in documents)
    violations = [m for m in messages if "Content Security Policy" in m or "CSP violation" in m]
    assert violations == []
