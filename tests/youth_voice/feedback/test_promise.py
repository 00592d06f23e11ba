"""Keeping the promise: a consultation's feedback state, and what its public page says of it."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from consultations.models import ConsultationPage
from tests.youth_voice.feedback.conftest import close_with_feedback
from youth_voice.feedback.services import publish_feedback

TODAY = date(2027, 3, 10)


def at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


@pytest.mark.parametrize(
    ("opens", "closes", "due", "published", "state", "days_overdue"),
    [
        (
            TODAY + timedelta(days=1),
            TODAY + timedelta(days=20),
            TODAY + timedelta(days=40),
            None,
            "not_due",
            0,
        ),
        (
            TODAY - timedelta(days=5),
            TODAY + timedelta(days=20),
            TODAY + timedelta(days=40),
            None,
            "not_due",
            0,
        ),
        (TODAY - timedelta(days=5), None, None, None, "not_due", 0),
        (TODAY - timedelta(days=30), TODAY - timedelta(days=1), None, None, "due", 0),
        (TODAY - timedelta(days=30), TODAY - timedelta(days=1), TODAY + timedelta(days=1), None, "due", 0),
        (TODAY - timedelta(days=30), TODAY - timedelta(days=1), TODAY, None, "due", 0),
        (TODAY - timedelta(days=30), TODAY - timedelta(days=9), TODAY - timedelta(days=1), None, "late", 1),
        (
            TODAY - timedelta(days=60),
            TODAY - timedelta(days=40),
            TODAY - timedelta(days=12),
            None,
            "late",
            12,
        ),
        (
            TODAY - timedelta(days=60),
            TODAY - timedelta(days=40),
            TODAY - timedelta(days=12),
            TODAY,
            "published",
            0,
        ),
    ],
)
def test_feedback_state(opens, closes, due, published, state, days_overdue, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(TODAY))
    page = ConsultationPage(
        opens_at=at(opens),
        closes_at=at(closes) if closes else None,
        feedback_due=due,
        feedback_published_at=at(published) if published else None,
    )
    assert page.feedback_state(TODAY) == state
    assert page.days_feedback_overdue(TODAY) == days_overdue


def test_the_page_says_by_when_feedback_is_promised(client, closed):
    due = closed.feedback_due
    text = client.get(closed.url).content.decode()
    assert f"We will tell you what happened because of what you said by {due.day} {due:%B %Y}." in text
    assert "It is late" not in text


def test_the_page_says_honestly_when_feedback_is_late(client, home):
    late = close_with_feedback(home, slug="late", due_in_days=-3)
    due = late.feedback_due
    text = client.get(late.url).content.decode()
    assert f"We promised feedback by {due.day} {due:%B %Y}. It is late; we are sorry." in text


def test_the_page_says_it_is_late_in_welsh(client, home):
    from consultations.translating import translate
    from tests.consultations.test_translations import WELSH

    late = close_with_feedback(home, slug="late", due_in_days=-3)
    welsh = translate(late, "cy", WELSH)
    text = client.get(welsh.url).content.decode()
    assert "Roedden ni wedi addo adborth erbyn" in text
    assert "mae’n ddrwg gennym" in text


def test_publishing_needs_the_consultation_to_have_closed(home, plan):
    from django.core.exceptions import ValidationError

    open_page = close_with_feedback(home, plan, slug="open")
    ConsultationPage.objects.filter(pk=open_page.pk).update(closes_at=timezone.now() + timedelta(days=1))
    open_page.refresh_from_db()
    with pytest.raises(ValidationError, match="once the consultation has closed"):
        publish_feedback(open_page)
    open_page.refresh_from_db()
    assert open_page.feedback_published_at is None


def test_publishing_twice_is_refused(closed):
    from django.core.exceptions import ValidationError

    publish_feedback(closed)
    with pytest.raises(ValidationError, match="already published"):
        publish_feedback(closed)


def test_a_later_publish_from_the_editor_keeps_the_feedback_published(closed):
    publish_feedback(closed)
    closed.refresh_from_db()
    closed.get_latest_revision().publish()  # an editor publishes the page again
    closed.refresh_from_db()
    assert closed.feedback_published_at is not None
