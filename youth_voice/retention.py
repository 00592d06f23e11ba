"""Retention and erasure: personal data is kept only as long as it is needed, and a young person
can delete their own response at any time (docs/security.md, "Retention and erasure").

Both keep the figures: ticked options, numbers, rankings, age bands and who answered stay, so a
summary already published stays true. What a person wrote in their own words becomes "[removed]"
(so "how many wrote something" stays true too), a group response's notes are emptied, and
their contact details are emptied. Every
removal is written to the append-only DataRemoval record, which holds counts, never people.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from consultations.models import ConsultationPage

from .models import Answer, DataRemoval, Quote, RemovalKind, Response, Status
from .services import BY_RESPONDENT, PERSONAL_FIELDS, _write_turn

logger = logging.getLogger(__name__)

REMOVED = "[removed]"
# Emptied when a consultation's retention period ends. The area (a coarse place, chosen from the
# consultation's list) and the age band and kind of respondent stay: the figures are filtered by them.
CONTACT_FIELDS = tuple(name for name in PERSONAL_FIELDS if name != "area")


def _remove(responses, fields, at, **also) -> tuple[int, int]:
    """Replace the free text of `responses` (a queryset) with REMOVED and empty `fields`; returns
    (responses changed, answers changed). Responses already treated are left alone."""
    ids = list(responses.filter(removed_at__isnull=True).values_list("pk", flat=True))
    if not ids:
        return 0, 0
    texts = Answer.objects.filter(response_id__in=ids).exclude(text="").exclude(text=REMOVED)
    answers = texts.update(text=REMOVED)
    Quote.objects.filter(answer__response_id__in=ids).delete()  # a quote is a copy of their words
    # A group response's notes are its facilitator's free text: removed as its answers' are.
    Response.objects.filter(pk__in=ids).update(
        removed_at=at, draft_data={}, notes="", **dict.fromkeys(fields, ""), **also
    )
    return len(ids), answers


def expired_consultations(at=None) -> list[ConsultationPage]:
    """The consultations (the version holding the responses) whose retention period has ended."""
    at = at or timezone.now()
    holding = Response.objects.values("consultation_id").distinct()
    pages = ConsultationPage.objects.filter(pk__in=holding)
    return [page for page in pages if (page.responses_expire_at() or at) < at]


def apply_retention(*, at=None, by="command apply_retention") -> list[DataRemoval]:
    """Remove contact details and free text from every response whose retention period has ended,
    and delete unsent drafts of those consultations. Writes one audit record per consultation
    changed, or one saying nothing was due, so every run shows in the record."""
    at = at or timezone.now()
    records = []
    for page in expired_consultations(at):
        responses = Response.objects.filter(consultation_id=page.pk)
        with _write_turn(), transaction.atomic():
            # Withdrawn responses hold nothing any more: only sent ones are treated.
            changed, answers = _remove(responses.filter(status=Status.SUBMITTED), CONTACT_FIELDS, at)
            _total, deleted = responses.filter(status=Status.DRAFT).delete()
            drafts = deleted.get(Response._meta.label, 0)
            if changed or drafts:
                records.append(
                    DataRemoval.record(RemovalKind.RETENTION, by, page.pk, changed + drafts, answers, at=at)
                )
    if not records:
        records.append(DataRemoval.record(RemovalKind.RETENTION, by, at=at))
    logger.info("Retention run by %s: %d consultation(s) changed", by, sum(1 for r in records if r.responses))
    return records


@task()
def apply_retention_task():
    """The retention run, as a task for the worker (`manage.py db_worker`)."""
    return [record.pk for record in apply_retention(by="task apply_retention_task")]


def erase_response(response, *, at=None) -> DataRemoval:
    """A young person deletes their response with their code.

    A sent response keeps only its figures (see the module's docstring): everything they wrote
    and everything about them is removed, and their code stops working, so nothing left can be
    linked back to them. An unsent draft is deleted outright: it was never counted."""
    at = at or timezone.now()
    consultation_id = response.consultation_id
    with _write_turn(), transaction.atomic():
        locked = Response.objects.select_for_update().get(pk=response.pk)
        if locked.status == Status.DRAFT:
            locked.delete()
            changed, answers = 1, 0
        else:
            changed, answers = _remove(
                Response.objects.filter(pk=locked.pk), PERSONAL_FIELDS, at, secret_hash="", changed_at=at
            )
        return DataRemoval.record(
            RemovalKind.ERASURE, BY_RESPONDENT, consultation_id, changed, answers, at=at
        )
