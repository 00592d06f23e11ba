"""The dashboard lists exactly the consultations whose promised feedback is late, for the people
who work on them."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.conftest import give_second_factor
from tests.youth_voice.feedback.conftest import close_with_feedback
from youth_voice.access import PARTNERSHIP_READERS
from youth_voice.feedback.admin_hooks import overdue_rows
from youth_voice.feedback.services import publish_feedback


def world(home, plan):
    late = close_with_feedback(home, plan, slug="late", title="Late one", due_in_days=-4)
    very_late = close_with_feedback(home, plan, slug="very-late", title="Very late one", due_in_days=-9)
    published = close_with_feedback(home, plan, slug="published", title="Published one", due_in_days=-4)
    publish_feedback(published)
    close_with_feedback(home, plan, slug="due", title="Due one", due_in_days=3)
    close_with_feedback(home, plan, slug="no-date", title="No date one", feedback_due=None)
    still_open = close_with_feedback(home, plan, slug="open", title="Open one", due_in_days=40)
    still_open.closes_at = timezone.now() + timedelta(days=5)
    still_open.save_revision().publish()
    unpublished = close_with_feedback(home, plan, slug="unpublished", title="Unpublished one", due_in_days=-4)
    unpublished.unpublish()
    return late, very_late


def test_the_panel_lists_exactly_the_late_consultations_with_days_overdue(admin_user, home, plan):
    late, very_late = world(home, plan)
    assert overdue_rows(admin_user) == [(very_late, 9), (late, 4)]


def test_the_dashboard_shows_the_panel_in_words(admin_client, home, plan):
    world(home, plan)
    text = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Feedback overdue" in text
    assert "Very late one" in text and "9 days" in text
    assert "Late one" in text and "4 days" in text
    for not_late in ("Published one", "Due one", "No date one", "Open one", "Unpublished one"):
        assert not_late not in text


def test_someone_who_does_not_work_on_them_sees_no_panel(client, home, plan, django_user_model):
    world(home, plan)
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    reader.groups.add(Group.objects.get(name=PARTNERSHIP_READERS))
    give_second_factor(reader)
    client.force_login(reader)
    assert overdue_rows(reader) == []
    assert "Feedback overdue" not in client.get(reverse("wagtailadmin_home")).content.decode()
