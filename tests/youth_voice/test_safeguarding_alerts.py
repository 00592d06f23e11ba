"""A flagged answer: hidden from general views and exports, the lead alerted and emailed, handled,
escalated when nobody acknowledges it, and the young person shown where to get help."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.conftest import OFFICER_PASSWORD, give_second_factor
from youth_voice.models import ConsultationAccess
from youth_voice.safeguarding.alerts import escalate_due
from youth_voice.safeguarding.models import Alert, AuditEntry, AuditEvent, FlaggedAnswer
from youth_voice.safeguarding.visibility import FLAGGED_PLACEHOLDER
from youth_voice.safeguarding.working_days import add_working_days
from youth_voice.services import change_response

DISCLOSURE = "My stepdad hits me when mum is out"
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def lead(db, django_user_model, consultation):
    """A safeguarding lead who is also an officer of the consultation, so reads its responses."""
    user = django_user_model.objects.create_user(
        username="lead", email="lead@example.org", password=OFFICER_PASSWORD
    )
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_response", "export_response", "handle_safeguarding"]
        )
    )
    give_second_factor(user)
    ConsultationAccess.objects.create(consultation=consultation.answers_page, user=user)
    return user


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password=OFFICER_PASSWORD
    )


@pytest.fixture
def flagged(answer, lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return answer({"8": DISCLOSURE, "6.1": "More counsellors"})


def test_a_flagged_answer_raises_an_alert_audits_it_and_emails_the_lead(flagged, lead):
    alert = Alert.objects.get()
    assert (alert.response, alert.text, alert.category, alert.question.reference) == (
        flagged,
        DISCLOSURE,
        "abuse",
        "8",
    )
    assert FlaggedAnswer.objects.get().answer.text == DISCLOSURE
    assert [m.to for m in mail.outbox] == [["lead@example.org"]]
    assert DISCLOSURE not in mail.outbox[0].body  # the email says where to read it, not what was written
    assert reverse("safeguarding_admin:alert", args=[alert.pk]) in mail.outbox[0].body
    events = list(alert.audit.values_list("event", flat=True))
    assert events == [AuditEvent.RAISED, AuditEvent.NOTIFIED, AuditEvent.EMAILED]


def test_ordinary_answers_raise_nothing(answer, lead):
    answer({"8": "the bus is killing me its so slow", "6.1": "I'd die for a skate park"})
    assert not Alert.objects.exists() and not FlaggedAnswer.objects.exists() and not mail.outbox


def test_the_audit_cannot_be_changed_or_deleted(flagged):
    entry = AuditEntry.objects.first()
    entry.detail = "changed"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(detail="x")


def test_officers_without_the_permission_see_a_notice_instead_of_the_answer(
    flagged, officer_client, consultation
):
    question = flagged.answers.get(text=DISCLOSURE).question
    pages = [
        reverse("youth_voice_admin:response", args=[consultation.pk, flagged.reference]),
        reverse("youth_voice_admin:summary", args=[consultation.pk]),
        reverse("youth_voice_admin:question_texts", args=[consultation.pk, question.pk]),
    ]
    for url in pages:
        page = officer_client.get(url).content.decode()
        assert DISCLOSURE not in page and str(FLAGGED_PLACEHOLDER) in page, url
    assert "More counsellors" in officer_client.get(pages[0]).content.decode()
    exported = b"".join(
        officer_client.get(reverse("youth_voice_admin:export", args=[consultation.pk])).streaming_content
    )
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"))))
    assert DISCLOSURE not in str(rows) and str(FLAGGED_PLACEHOLDER) in rows[1]


def test_the_lead_sees_the_answer_everywhere(flagged, lead, client, consultation):
    client.force_login(lead)
    page = client.get(reverse("youth_voice_admin:response", args=[consultation.pk, flagged.reference]))
    assert DISCLOSURE in page.content.decode()


def test_officers_cannot_open_the_alerts(flagged, officer_client):
    """Wagtail turns the refusal into a redirect to the dashboard with a message."""
    alert = Alert.objects.get()
    for url in (reverse("safeguarding_admin:alerts"), reverse("safeguarding_admin:alert", args=[alert.pk])):
        refused = officer_client.get(url)
        assert refused.status_code in (302, 403) and DISCLOSURE not in refused.content.decode()
    assert not alert.audit.filter(event=AuditEvent.VIEWED).exists()


def test_the_lead_reads_acknowledges_and_records_an_action(flagged, lead, client):
    client.force_login(lead)
    alert = Alert.objects.get()
    listing = client.get(reverse("safeguarding_admin:alerts")).content.decode()
    assert flagged.reference in listing and DISCLOSURE not in listing
    url = reverse("safeguarding_admin:alert", args=[alert.pk])
    assert DISCLOSURE in client.get(url).content.decode()
    assert client.post(url, {"acknowledge": "1"}).status_code == 302
    refused = client.post(url, {"record": "1", "action": "   "})
    assert refused.status_code == 400 and "Write what you did" in refused.content.decode()
    client.post(url, {"record": "1", "action": "Rang the school's DSL; referral made."})
    alert.refresh_from_db()
    assert alert.acknowledged_by == lead and alert.action == "Rang the school's DSL; referral made."
    events = [(e.event, e.user) for e in alert.audit.all()][-3:]
    assert events == [
        (AuditEvent.VIEWED, lead),
        (AuditEvent.ACKNOWLEDGED, lead),
        (AuditEvent.ACTION, lead),
    ]
    assert flagged.reference not in client.get(reverse("safeguarding_admin:alerts")).content.decode()
    assert (
        flagged.reference in client.get(reverse("safeguarding_admin:alerts") + "?show=all").content.decode()
    )


@pytest.mark.parametrize(
    ("raised", "due"),
    [
        (datetime(2026, 11, 25, 15, 0), datetime(2026, 11, 26, 15, 0)),  # Wednesday → Thursday
        (datetime(2026, 11, 27, 15, 0), datetime(2026, 11, 30, 15, 0)),  # Friday → Monday
        (datetime(2026, 11, 28, 10, 0), datetime(2026, 12, 1, 0, 0)),  # Saturday → counts from Monday
    ],
)
def test_one_working_day_skips_weekends(raised, due):
    assert add_working_days(raised.replace(tzinfo=LONDON), 1) == due.replace(tzinfo=LONDON)


def test_unacknowledged_alerts_are_escalated_once_to_the_administrators(flagged, admin_user):
    alert = Alert.objects.get()
    mail.outbox.clear()
    assert escalate_due(alert.due_at - timedelta(minutes=1)) == 0
    assert escalate_due(alert.due_at) == 1
    assert escalate_due(alert.due_at + timedelta(days=3)) == 0
    alert.refresh_from_db()
    assert alert.escalated_at == alert.due_at
    assert [m.to for m in mail.outbox] == [["admin@example.org"]]
    assert "not been acknowledged" in mail.outbox[0].body
    assert alert.audit.filter(event=AuditEvent.ESCALATED).count() == 1


def test_acknowledged_alerts_are_not_escalated_and_the_command_runs_due_escalations(
    flagged, lead, admin_user, capsys
):
    from youth_voice.safeguarding.handling import acknowledge

    acknowledge(Alert.objects.get(), lead)
    call_command("safeguarding_escalate")
    assert capsys.readouterr().out.strip() == "0 alert(s) escalated."
    Alert.objects.update(acknowledged_at=None, due_at=timezone.now() - timedelta(minutes=1))
    call_command("safeguarding_escalate")
    assert capsys.readouterr().out.strip() == "1 alert(s) escalated."


def test_escalation_is_enqueued_for_its_due_time_where_the_backend_can_defer(flagged, settings):
    from django_tasks import task_backends

    from youth_voice.safeguarding.tasks import schedule_escalation

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # resets backends
    alert = Alert.objects.get()
    assert schedule_escalation(alert)
    (result,) = task_backends["default"].results
    assert result.task.run_after == alert.due_at and result.args == [alert.pk]
    assert result.task.func(alert.pk) is False  # not due yet


def test_changing_other_answers_keeps_one_alert_and_the_flag(
    flagged, consultation, django_capture_on_commit_callbacks
):
    from tests.conftest import form_data
    from youth_voice.journey import Journey

    form = Journey(
        consultation, form_data(consultation, {"8": DISCLOSURE, "6.1": "Shorter waits"})
    ).full_form()
    assert form.is_valid()
    with django_capture_on_commit_callbacks(execute=True):
        change_response(flagged, form.answers())
    assert Alert.objects.count() == 1
    assert FlaggedAnswer.objects.get().answer.text == DISCLOSURE


def test_the_young_person_is_shown_help_on_the_receipt(client, consultation, lead):
    from tests.conftest import form_data

    data = form_data(consultation, {"8": "i wanna kms tbh"})
    sent = client.post(consultation.submit_url, data)
    receipt = client.get(sent["Location"]).content.decode()
    assert "0800 1111" in receipt and "childline.org.uk" in receipt


def test_no_help_box_on_an_ordinary_receipt(client, consultation):
    from tests.conftest import form_data

    sent = client.post(consultation.submit_url, form_data(consultation, {"8": "more buses"}))
    assert "0800 1111" not in client.get(sent["Location"]).content.decode()


def test_every_form_states_the_limits_of_confidentiality_before_the_questions(client, consultation):
    page = client.get(consultation.url).content.decode()
    statement = "we will have to tell someone whose job is to help keep you safe"
    assert statement in page
    assert page.index(statement) < page.index('class="response-form"')


def test_a_welsh_disclosure_is_flagged_and_the_help_is_in_welsh(client, home):
    from consultations.translating import translate
    from tests.conftest import form_data
    from tests.youth_voice.test_in_welsh import assert_no_english, press, welsh_source

    welsh = translate(welsh_source(home), "cy", {})
    assert "bydd rhaid i ni ddweud wrth rywun" in client.get(welsh.url).content.decode()
    answers = form_data(welsh, {"2": "Dw i ddim eisiau byw rhagor"}, age_band="11_12")
    sent = press(client, welsh, answers, "send", 5)
    receipt = client.get(sent["Location"]).content.decode()
    assert Alert.objects.get().category == "suicide"
    assert "0800 1111" in receipt and "Diolch am ddweud wrthon ni" in receipt
    assert_no_english(receipt, "receipt with help")
