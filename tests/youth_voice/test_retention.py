"""Retention: when a consultation's responses expire, contact details and free text go, figures stay."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations.models import ConsultationPage
from consultations.models.consultation import add_months
from tests.conftest import make_consultation, submit_answers
from youth_voice.models import Answer, DataRemoval, RemovalKind, Response, Status
from youth_voice.models.audit import AppendOnly
from youth_voice.retention import REMOVED, apply_retention, apply_retention_task, expired_consultations
from youth_voice.services import save_draft, withdraw_response
from youth_voice.summary import summarise

ANSWERS = {"1": (["no"], "Too long"), "6.1": "Talk to my nan", "6.2": "a-month", "7": ["swimming", "clubs"]}
ABOUT = {
    "respondent_type": "parent_carer",
    "age_band": "16_18",
    "name": "Sam Jones",
    "contact": "sam@example.com",
    "postal_address": "1 High Street",
}


def expire(page, months_ago=13):
    ConsultationPage.objects.filter(pk=page.pk).update(
        feedback_published_at=add_months(timezone.now(), -months_ago)
    )


@pytest.mark.parametrize(
    "published, closes, months, expected",
    [
        (datetime(2027, 3, 1, 9, tzinfo=UTC), None, 12, datetime(2028, 3, 1, 9, tzinfo=UTC)),
        (
            datetime(2027, 1, 31, tzinfo=UTC),
            datetime(2026, 1, 1, tzinfo=UTC),
            1,
            datetime(2027, 2, 28, tzinfo=UTC),
        ),
        (
            None,
            datetime(2027, 6, 30, tzinfo=UTC),
            12,
            datetime(2028, 12, 30, tzinfo=UTC),
        ),  # + 6 months' grace
        (None, None, 12, None),  # open until further notice: not known yet
    ],
)
def test_when_responses_expire(published, closes, months, expected):
    page = ConsultationPage(feedback_published_at=published, closes_at=closes, retention_months=months)
    assert page.responses_expire_at() == expected


def test_the_grace_without_feedback_is_a_setting(settings):
    settings.CHORUS_RETENTION_GRACE_MONTHS = 0
    page = ConsultationPage(closes_at=datetime(2027, 6, 30, tzinfo=UTC), retention_months=3)
    assert page.responses_expire_at() == datetime(2027, 9, 30, tzinfo=UTC)


def test_expired_responses_lose_contact_details_and_free_text_but_keep_every_figure(consultation, home):
    kept = make_consultation(home, slug="kept")
    responses = [submit_answers(consultation, ANSWERS, **ABOUT) for _ in range(3)]
    other = submit_answers(kept, ANSWERS, **ABOUT)
    before = summarise(consultation)
    options_before = sorted(Answer.objects.filter(response__in=responses).values_list("option", "position"))
    expire(consultation)

    records = apply_retention()

    assert [(r.kind, r.consultation_id, r.responses, r.answers) for r in records] == [
        (RemovalKind.RETENTION, consultation.pk, 3, 6)  # two texts each: the "why" and 6.1
    ]
    for response in Response.objects.filter(pk__in=[r.pk for r in responses]):
        assert (response.name, response.contact, response.postal_address) == ("", "", "")
        assert (response.respondent_type, response.age_band, response.status) == (
            "parent_carer",
            "16_18",
            Status.SUBMITTED,
        )
        assert response.removed_at is not None
        assert set(response.answers.exclude(text="").values_list("text", flat=True)) == {REMOVED}
    after = summarise(consultation)
    assert after.total_responses == before.total_responses == 3
    assert (
        sorted(Answer.objects.filter(response__in=responses).values_list("option", "position"))
        == options_before
    )
    other.refresh_from_db()
    assert other.contact == "sam@example.com" and other.answers.filter(text="Talk to my nan").exists()


def test_unsent_drafts_are_deleted_and_withdrawn_responses_left_alone(consultation):
    import uuid

    save_draft(consultation, {"q_6-1": ["half done"], "name": ["Sam"]}, 1, submission_key=uuid.uuid4())
    submit_answers(consultation, ANSWERS)
    withdrawn = withdraw_response(submit_answers(consultation, ANSWERS))
    expire(consultation)
    (record,) = DataRemoval.objects.filter(kind=RemovalKind.RETENTION).filter(
        pk__in=[r.pk for r in apply_retention()]
    )
    assert record.responses == 2  # the draft and the sent response
    assert sorted(Response.objects.values_list("status", flat=True)) == [Status.SUBMITTED, Status.WITHDRAWN]
    withdrawn.refresh_from_db()
    assert withdrawn.removed_at is None


def test_a_second_run_changes_nothing_and_still_shows_in_the_audit(consultation):
    submit_answers(consultation, ANSWERS, **ABOUT)
    expire(consultation)
    apply_retention()
    texts = list(Answer.objects.values_list("text", flat=True))
    (record,) = apply_retention(by="task test")
    assert (record.kind, record.consultation_id, record.responses, record.by) == (
        RemovalKind.RETENTION,
        None,
        0,
        "task test",
    )
    assert list(Answer.objects.values_list("text", flat=True)) == texts


def test_nothing_expires_before_its_time(consultation):
    submit_answers(consultation, ANSWERS, **ABOUT)
    expire(consultation, months_ago=11)
    assert expired_consultations() == []
    apply_retention()
    assert Response.objects.get().contact == "sam@example.com"


def test_the_audit_holds_no_personal_data(consultation):
    response = submit_answers(consultation, ANSWERS, **ABOUT)
    expire(consultation)
    (record,) = apply_retention()
    stored = " ".join(str(value) for value in DataRemoval.objects.values().get().values())
    for personal in ("Sam", "sam@example.com", "High Street", "nan", response.reference):
        assert personal not in stored
    assert record.at <= timezone.now()


def test_the_audit_is_append_only(consultation):
    (record,) = apply_retention()
    record.responses = 99
    with pytest.raises(AppendOnly):
        record.save()
    with pytest.raises(AppendOnly):
        record.delete()
    with pytest.raises(AppendOnly):
        DataRemoval.objects.update(responses=5)
    with pytest.raises(AppendOnly):
        DataRemoval.objects.all().delete()
    assert DataRemoval.objects.get().responses == 0


def test_the_task_runs_through_django_tasks(consultation):
    submit_answers(consultation, ANSWERS, **ABOUT)
    expire(consultation)
    result = apply_retention_task.enqueue()  # the immediate backend in tests; the database in production
    assert result.status == "SUCCESSFUL"
    assert DataRemoval.objects.get(pk=result.return_value[0]).by == "task apply_retention_task"
    assert Response.objects.get().contact == ""


@pytest.mark.parametrize("arguments", [[], ["--now"]])
def test_the_cron_command_runs_it(consultation, arguments, capsys):
    submit_answers(consultation, ANSWERS, **ABOUT)
    expire(consultation)
    call_command("apply_retention", *arguments)
    assert Response.objects.get().contact == ""
    assert DataRemoval.objects.get().responses == 1
    out = capsys.readouterr().out
    assert ("queued" in out) if not arguments else (f"Consultation {consultation.pk}: 1 response(s)" in out)


def test_the_retention_fields_are_the_same_in_every_language():
    names = {field.field_name for field in ConsultationPage.override_translatable_fields}
    assert {"feedback_published_at", "retention_months"} <= names


def test_retention_months_are_bounded(consultation):
    from django.core.exceptions import ValidationError

    consultation.retention_months = 0
    with pytest.raises(ValidationError):
        consultation.full_clean()
    assert timedelta(0) < consultation.responses_expire_at() - consultation.closes_at
