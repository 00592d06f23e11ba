"""Staff pages of allauth that Chorus uses (sign in, sign out, password reset and change, sign-up
closed, inactive account) and the password-reset email read in Welsh for someone who chose Welsh.

allauth has no Welsh catalogue: these pages are Chorus's own templates and its form labels and
messages come from Chorus's catalogue. The scan looks for Chorus's English interface strings and
for allauth's own English ones, so an allauth string that slips through fails here.
"""

import re
from pathlib import Path

import allauth
import polib
import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.core import mail

from tests.conftest import OFFICER_PASSWORD, totp_code
from tests.youth_voice.test_in_welsh import ENGLISH, visible_text

ALLAUTH_CATALOGUE = Path(allauth.__file__).parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def allauth_english() -> list[str]:
    """allauth's English messages of two words or more (read from a catalogue of its own)."""
    return sorted(
        {entry.msgid for entry in polib.pofile(str(ALLAUTH_CATALOGUE)) if len(entry.msgid.split()) >= 2}
        | {"Remember Me", "Sign In", "Sign Out", "Password Reset"},
        key=len,
        reverse=True,
    )


ALLAUTH_ENGLISH = allauth_english()


def assert_welsh(html_or_text, where):
    # Wagtail's userbar, shown to signed-in staff, is admin interface: in the staff member's own
    # admin language (their Wagtail account preference), not the page's.
    html_or_text = re.sub(
        r'<template id="wagtail-userbar-template">.*</wagtail-userbar>', "", html_or_text, flags=re.S
    )
    text = visible_text(html_or_text) if "<" in html_or_text else html_or_text
    found = [f for f in ENGLISH + ALLAUTH_ENGLISH if re.search(rf"(?<![\w’']){re.escape(f)}(?![\w’'])", text)]
    assert found == [], f"{where}: English in Welsh: {found}\n{text}"


@pytest.fixture
def welsh_client(client, db):
    client.cookies["django_language"] = "cy"  # chosen on a public page, remembered
    return client


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("/accounts/login/", "Mewngofnodi i staff"),
        ("/accounts/password/reset/", "Ailosod eich cyfrinair"),
        ("/accounts/password/reset/done/", "Edrychwch ar eich e-bost"),
        ("/accounts/password/reset/key/1-wrong-token/", "Dydy’r ddolen hon ddim yn gweithio"),
        ("/accounts/password/reset/key/done/", "Cyfrinair wedi newid"),
        ("/accounts/signup/", "Dim cofrestru"),
        ("/accounts/inactive/", "Cyfrif wedi’i ddiffodd"),
    ],
)
def test_the_staff_pages_read_in_welsh(welsh_client, address, expected):
    html = welsh_client.get(address).content.decode()
    assert '<html lang="cy">' in html and expected in html
    assert_welsh(html, address)


def test_signing_in_and_out_in_welsh(welsh_client, officer):
    wrong = welsh_client.post("/accounts/login/", {"login": "officer@example.org", "password": "nope"})
    html = wrong.content.decode()
    assert "Dydy’r cyfeiriad e-bost a’r cyfrinair hynny ddim yn cyfateb i gyfrif staff." in html
    assert "Cofio fi" in html and "Wedi anghofio eich cyfrinair?" in html
    assert_welsh(html, "wrong password")
    welsh_client.post("/accounts/login/", {"login": "officer@example.org", "password": OFFICER_PASSWORD})
    # The officer has an authenticator app (they read responses): the code comes next.
    welsh_client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    change = welsh_client.get("/accounts/password/change/").content.decode()
    assert "Cyfrinair presennol" in change and "Cyfrinair newydd (eto)" in change
    assert_welsh(change, "change password")
    mismatch = welsh_client.post(
        "/accounts/password/change/",
        {"oldpassword": "nope", "password1": "a-long-new-password-1", "password2": "another-one-2"},
    ).content.decode()
    assert (
        "Teipiwch eich cyfrinair presennol." in mismatch
        and "Rhaid i chi deipio’r un cyfrinair bob tro." in mismatch
    )
    assert_welsh(mismatch, "change password errors")
    logout = welsh_client.get("/accounts/logout/").content.decode()
    assert "Ydych chi eisiau allgofnodi o Chorus?" in logout
    assert_welsh(logout, "sign out")


def test_the_password_reset_email_is_in_welsh(welsh_client, officer):
    welsh_client.post("/accounts/password/reset/", {"email": "officer@example.org"})
    welsh_client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    reset, unknown = mail.outbox
    assert reset.subject.endswith("Dewiswch gyfrinair newydd ar gyfer Chorus")
    assert "I ddewis cyfrinair newydd, agorwch y ddolen hon:" in reset.body
    assert "/accounts/password/reset/key/" in reset.body
    assert "Does dim cyfrif staff gyda’r cyfeiriad hwnnw." in unknown.body
    for message in (reset, unknown):
        assert_welsh(message.subject + " " + message.body, message.subject)


def test_a_new_password_is_chosen_in_welsh(welsh_client, officer):
    key = f"{user_pk_to_url_str(officer)}-{default_token_generator.make_token(officer)}"
    form = welsh_client.get(f"/accounts/password/reset/key/{key}/", follow=True)
    html = form.content.decode()
    assert "Dewiswch gyfrinair newydd" in html
    assert_welsh(html, "choose a new password")
