"""What people do in the browser, said once: press a button, sign in, read what was stored."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from consultations.models import ConsultationPage
from youth_voice.demo import OFFICER_EMAIL, OFFICER_PASSWORD
from youth_voice.models import Response, Status

CODE = re.compile(r"[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{4}")
REFERENCE = re.compile(r"[2-9A-Z]{3}-[2-9A-Z]{3}")


def demo_consultation():
    return ConsultationPage.objects.get(slug="have-your-say-2027-2030")


def sent_count(consultation) -> int:
    return (
        Response.objects.for_consultation(consultation).filter(status=Status.SUBMITTED).individual().count()
    )


def press(page, button):
    page.get_by_role("button", name=button, exact=True).click()


def expect_step(page, number, heading, of=5):
    expect(page.locator(".step-count")).to_have_text(f"Step {number} of {of}")
    expect(page.get_by_role("heading", level=2, name=heading, exact=True)).to_be_visible()
    expect_to_fit(page)


def expect_to_fit(page):
    """Nothing sticks out sideways: on a phone, a page that scrolls sideways hides half a question."""
    wider = page.evaluate(
        """() => [...document.querySelectorAll("main *")]
            .filter(element => element.getBoundingClientRect().right > window.innerWidth + 1)
            .map(element => element.outerHTML.slice(0, 80))"""
    )
    assert not wider, f"wider than the screen: {wider[:3]}"


def day(days_from_today: int) -> str:
    """A date as a date field takes it, so many days from today."""
    return (timezone.localdate() + timedelta(days=days_from_today)).isoformat()


def fill_dates(page, opens, closes):
    """Fill in the opening and closing dates of New consultation or Copy, in days from today."""
    page.get_by_label("Opening date").fill(day(opens))
    page.get_by_label("Closing date").fill(day(closes))


def choose(page, name):
    """Tick a radio button or a box by what it says (faces and scales too: their names are words)."""
    page.get_by_role("radio", name=name, exact=True).or_(
        page.get_by_role("checkbox", name=name, exact=True)
    ).check()


def stored_answers(response) -> dict[str, list[str]]:
    """A response's answer rows as {question reference: [option code, text or number, …]}."""
    stored = {}
    for answer in response.answers.select_related("question").order_by(
        "question__reference", "position", "id"
    ):
        if answer.option:
            value = answer.option
        elif answer.text:
            value = answer.text
        else:
            value = format(answer.number.normalize(), "f")
        stored.setdefault(answer.question.reference, []).append(value)
    return stored


def sign_in_as_officer(page, address):
    """Open an officer's page; sign in when asked, then give the authenticator app's code, or set
    one up (confirming the password first) as an officer does at their first sign-in."""
    from tests.conftest import totp_code

    page.goto(address)
    page.get_by_label("Email").fill(OFFICER_EMAIL)
    page.get_by_label("Password").fill(OFFICER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if "/accounts/2fa/authenticate/" in page.url:
        page.locator("input[name=code]").fill(totp_code(_demo_authenticator["secret"]))
        page.locator("form[action='/accounts/2fa/authenticate/'] button[type=submit]").first.click()
        return
    if "/accounts/reauthenticate/" in page.url:
        page.locator("input[name=password]").fill(OFFICER_PASSWORD)
        page.locator("form[action='/accounts/reauthenticate/'] button[type=submit]").click()
    if "/accounts/2fa/totp/activate/" in page.url:
        _demo_authenticator["secret"] = page.locator("#authenticator_secret").input_value()
        page.locator("input[name=code]").fill(totp_code(_demo_authenticator["secret"]))
        page.locator("form[action='/accounts/2fa/totp/activate/'] button[type=submit]").click()
        expect(page.get_by_text(re.compile("recovery codes", re.IGNORECASE)).first).to_be_visible()
        page.goto(address)


_demo_authenticator = {}  # the demo officer's authenticator secret, once set up
