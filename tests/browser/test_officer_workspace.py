"""The officer's workspace on a laptop: start a consultation with "New consultation", share the
demo consultation (QR code, link to copy), and copy it with new dates.

Set CHORUS_SCREENSHOTS=1 to save the screenshots docs/officers-guide.md shows (docs/images/).
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultations.models import ConsultationPage

from .helpers import day, demo_consultation, fill_dates, sign_in_as_officer

pytestmark = pytest.mark.browser

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def screenshot(page, name):
    if os.environ.get("CHORUS_SCREENSHOTS"):
        IMAGES.mkdir(exist_ok=True)
        page.screenshot(path=IMAGES / f"{name}.png")


def test_officer_starts_a_consultation_with_new_consultation(demo, laptop):
    page = laptop
    sign_in_as_officer(page, demo + "/admin/")
    screenshot(page, "workspace-dashboard")
    page.get_by_role("link", name="New consultation").first.click()
    page.get_by_label("Title").fill("Have your say on the youth centre")
    fill_dates(page, 10, 5)
    page.get_by_role("button", name="Create and edit").click()
    # Told what is wrong, with nothing typed lost.
    expect(
        page.get_by_role("link", name="The closing date must be on or after the opening date.")
    ).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Have your say on the youth centre")
    fill_dates(page, 1, 40)
    page.get_by_label("Feedback promised by").fill(day(70))
    screenshot(page, "workspace-new")
    page.get_by_role("button", name="Create and edit").click()
    # The editor opens on the new draft.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("#id_title")).to_have_value("Have your say on the youth centre")
    created = ConsultationPage.objects.get(title="Have your say on the youth centre")
    assert not created.live and created.feedback_due == timezone.localdate() + timedelta(days=70)
    # It is the officer's: the dashboard lists it as a draft.
    page.goto(demo + "/admin/")
    panel = page.locator(".workspace-listing")
    expect(panel.get_by_role("link", name="Have your say on the youth centre").first).to_be_visible()
    expect(panel.get_by_text("Draft", exact=True)).to_be_visible()


def test_officer_shares_a_consultation(demo, laptop):
    page = laptop
    consultation = demo_consultation()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in_as_officer(page, demo + "/admin/consultations/")
    expect(page.get_by_role("heading", level=1, name="Consultations")).to_be_visible()
    screenshot(page, "workspace-listing")
    page.locator(f'a[href="/admin/consultations/{consultation.pk}/share/"]').click()
    qr = page.get_by_alt_text(f"QR code for http://localhost/c/{consultation.pk}/")
    expect(qr).to_be_visible()
    assert qr.evaluate("image => image.naturalWidth") > 100  # the SVG loaded
    short = page.get_by_label("Short link")
    expect(short).to_have_value(f"http://localhost/c/{consultation.pk}/")
    page.get_by_role("button", name="Copy Short link").click()
    expect(page.get_by_text("Copied to the clipboard.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == f"http://localhost/c/{consultation.pk}/"
    screenshot(page, "workspace-share")
    page.get_by_role("link", name="Open the poster to print").click()
    expect(page.get_by_role("heading", level=2, name=consultation.title)).to_be_visible()
    expect(page.locator(".poster-qr")).to_be_visible()
    screenshot(page, "workspace-poster")


def test_officer_copies_a_consultation_with_new_dates(demo, laptop):
    page = laptop
    original = demo_consultation()
    sign_in_as_officer(page, demo + "/admin/consultations/")
    page.locator(f'a[href="/admin/consultations/{original.pk}/copy/"]').click()
    expect(page.get_by_label("Title")).to_have_value(f"Copy of {original.title}")
    page.get_by_label("Title").fill("Have your say again next year")
    fill_dates(page, 300, 360)
    screenshot(page, "workspace-copy")
    page.get_by_role("button", name="Copy and edit").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("#id_title")).to_have_value("Have your say again next year")
    expect(page.get_by_text("First published")).to_have_count(0)
    copy = ConsultationPage.objects.get(title="Have your say again next year")
    assert not copy.live and copy.first_published_at is None
    assert timezone.localtime(copy.opens_at).date() == timezone.localdate() + timedelta(days=300)
    assert copy.questions.count() == original.questions.count()
    assert not set(copy.questions.values_list("key", flat=True)) & set(
        original.questions.values_list("key", flat=True)
    )
    assert copy.responses.count() == 0
