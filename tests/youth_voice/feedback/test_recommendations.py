"""The recommendations tracker: R1…Rn per consultation, red/amber/green in words, progress updates,
and the board of open recommendations."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_consultation
from youth_voice.feedback.services import record_progress
from youth_voice.models import ProgressUpdate, Recommendation


def recommend(consultation, text="Name a well-being lead", due=None, **fields):
    return Recommendation.objects.create(
        consultation=consultation,
        text=text,
        owner=fields.pop("owner", "Head of Youth Services"),
        due_date=due or timezone.localdate() + timedelta(days=30),
        **fields,
    )


def test_recommendations_are_numbered_per_consultation_and_never_renumbered(home, plan, consultation):
    other = make_consultation(home, plan, slug="other")
    first, second, third = (recommend(consultation, f"R {n}") for n in range(3))
    elsewhere = recommend(other)
    assert [first.label, second.label, third.label, elsewhere.label] == ["R1", "R2", "R3", "R1"]
    first.delete()
    second.refresh_from_db()
    assert second.label == "R2"
    assert recommend(consultation).label == "R4"


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        ("not_started", "Not started (Red)"),
        ("on_track", "On track (Amber)"),
        ("at_risk", "At risk (Amber)"),
        ("done", "Done (Green)"),
    ],
)
def test_each_status_is_shown_as_red_amber_or_green_in_words(admin_client, consultation, status, shown):
    made = recommend(consultation, status=status)
    text = admin_client.get(reverse("feedback_admin:consultation", args=[consultation.pk])).content.decode()
    assert shown in text
    assert f'class="rag rag--{made.rag_colour}"' in text


def test_progress_is_dated_signed_and_moves_the_status(consultation, django_user_model):
    officer = django_user_model.objects.create_user("ceri", first_name="Ceri", last_name="Jones")
    made = recommend(consultation)
    update = record_progress(made, by=officer, note="Funding agreed", status="on_track")
    record_progress(made, by=officer, note="Still on track", status="on_track")
    made.refresh_from_db()
    assert made.status == "on_track"
    assert (update.status_before, update.status_after, update.written_by) == (
        "not_started",
        "on_track",
        officer,
    )
    assert [u.changed_status for u in ProgressUpdate.objects.order_by("id")] == [True, False]


def test_an_officer_records_progress_in_the_admin(admin_client, admin_user, consultation):
    made = recommend(consultation)
    address = reverse("feedback_admin:recommendation", args=[consultation.pk, made.number])
    refused = admin_client.post(address, {"action": "progress", "note": "", "status_after": "at_risk"})
    assert refused.status_code == 200
    assert "This field is required." in refused.content.decode()
    done = admin_client.post(
        address, {"action": "progress", "note": "The budget was cut", "status_after": "at_risk"}
    )
    assert done.status_code == 302
    made.refresh_from_db()
    assert made.status == "at_risk"
    text = admin_client.get(address).content.decode()
    assert "Not started → At risk" in text
    assert "The budget was cut" in text


def test_a_recommendation_answers_questions_of_its_consultation_only(admin_client, consultation):
    address = reverse("feedback_admin:add_recommendation", args=[consultation.pk])
    data = {
        "text": "Shorter waits",
        "owner": "CAMHS",
        "due_date": "2027-06-30",
        "question_references": "6.2, 42",
    }
    refused = admin_client.post(address, data)
    assert "This consultation has no question 42." in refused.content.decode()
    assert "Shorter waits</textarea>" in refused.content.decode()  # what was typed is kept
    assert 'value="2027-06-30"' in refused.content.decode()
    assert admin_client.post(address, data | {"question_references": "6.2, 6.1"}).status_code == 302
    made = Recommendation.objects.get()
    assert made.references() == ["6.1", "6.2"]
    # 9.1 and 9.2 are keyed to 6.1, 9.19 to 6.2 (tests.conftest.make_plan)
    assert [p.number for p in made.plan_paragraphs()] == ["9.1", "9.2", "9.19"]


def test_the_board_lists_open_recommendations_by_due_date_and_says_which_are_overdue(
    admin_client, home, plan, consultation
):
    other = make_consultation(home, plan, slug="other", title="Buses")
    today = timezone.localdate()
    recommend(consultation, "Later one", due=today + timedelta(days=60))
    recommend(other, "Overdue one", due=today - timedelta(days=2), status="at_risk")
    recommend(consultation, "Finished one", due=today - timedelta(days=5), status="done")
    text = admin_client.get(reverse("feedback_admin:board")).content.decode()
    assert "Finished one" not in text
    assert text.index("Overdue one") < text.index("Later one")
    assert text.count("Overdue</strong>") == 1
    latest_first = admin_client.get(reverse("feedback_admin:board") + "?sort=-due").content.decode()
    assert latest_first.index("Later one") < latest_first.index("Overdue one")


def test_overdue_is_a_matter_of_the_date_and_not_done(consultation):
    made = recommend(consultation, due=date(2027, 3, 1))
    assert made.is_overdue(date(2027, 3, 2))
    assert not made.is_overdue(date(2027, 3, 1))
    made.status = "done"
    assert not made.is_overdue(date(2027, 3, 2))


def test_the_demo_has_published_feedback_three_recommendations_and_a_late_consultation(
    db, client, django_user_model
):
    from django.core.management import call_command

    from consultations.models import ConsultationPage
    from youth_voice.demo import OFFICER_EMAIL
    from youth_voice.feedback.admin_hooks import overdue_rows

    call_command("load_demo")
    call_command("load_demo")  # twice: nothing new
    published = ConsultationPage.objects.get(slug="buses-2026", locale__language_code="en-gb")
    assert published.feedback_state() == "published"
    assert [r.status for r in published.recommendations.all()] == ["done", "on_track", "at_risk"]
    assert published.recommendations.get(number=1).updates.count() == 2
    assert "Bus fares for under-19s will be £1 from April." in client.get(published.url).content.decode()
    welsh = published.get_translation(
        published.__class__.objects.get(slug="buses-2026", locale__language_code="cy").locale
    )
    assert "Bydd tocyn bws i bobl dan 19 oed yn £1 o fis Ebrill." in client.get(welsh.url).content.decode()
    officer = django_user_model.objects.get(email=OFFICER_EMAIL)
    assert [c.slug for c, _days in overdue_rows(officer)] == ["youth-clubs-2026"]


def test_the_page_explorer_offers_feedback_on_each_consultation(admin_client, home, consultation):
    text = admin_client.get(reverse("wagtailadmin_explore", args=[home.pk])).content.decode()
    assert reverse("feedback_admin:consultation", args=[consultation.pk]) in text
