"""Writes for group responses: record one, correct it, delete it. Each validates nothing itself
(the form has), writes in one transaction, and works whether or not the consultation is still
open: groups often meet after it closes, and their facilitator types it in later."""

from django.db import transaction
from django.utils import timezone

from ..models import Channel, DataRemoval, GroupTally, RemovalKind, Response, SpeaksFor, Status
from ..services import (
    SubmissionOutcome,
    _answer_rows,
    _insert,
    _stored,
    _write_turn,
    store_answers,
)

# What an officer may set on a group response (besides its answers and tallies).
DETAIL_FIELDS = ("group_size", "youngest", "oldest", "method", "notes", "publication")
DELETED_BY = "an officer, deleting a group response"


def where_from(forum=None, event=None) -> dict:
    """The forum, event and channel of a group response: an event's forum is its forum."""
    if event is not None:
        return {"forum": event.forum, "event": event, "channel": Channel.EVENT}
    return {"forum": forum, "event": None, "channel": Channel.FORUM}


def _tally_rows(response, tallies, identities):
    for question, counts in tallies:
        for code, count in counts.items():
            yield GroupTally(
                response=response, question_id=identities[question.reference], option=code, count=count
            )


def _store_tallies(response, tallies, identities):
    GroupTally.objects.bulk_create(list(_tally_rows(response, tallies, identities)))


def record_group_response(
    consultation, *, details, where, answers, tallies, submission_key, entered_by, at=None
) -> SubmissionOutcome:
    """Store a group's response exactly once per submission key (a form posted twice is one).

    `details`: DETAIL_FIELDS; `where`: `where_from(...)`; `answers`: (question, rows) agreed
    answers; `tallies`: (question, {option code: count})."""
    at = at or timezone.now()
    identities = consultation.identity_ids()
    response = Response(
        consultation_id=consultation.answers_page_id,
        submission_key=submission_key,
        status=Status.SUBMITTED,
        speaks_for=SpeaksFor.GROUP,
        created_at=at,
        submitted_at=at,
        entered_by=entered_by,
        **where,
        **details,
    )
    secret = _insert(
        response,
        answers,
        identities,
        also_store=lambda stored: _store_tallies(stored, tallies, identities),
    )
    if secret is None:
        return SubmissionOutcome(_stored(consultation, submission_key), created=False)
    return SubmissionOutcome(response, created=True)


def correct_group_response(response, *, details, where, answers, tallies, at=None) -> Response:
    """Replace a group response's details, agreed answers and tallies with an officer's correction."""
    at = at or timezone.now()
    identities = response.consultation.identity_ids()
    with _write_turn(), transaction.atomic():
        locked = Response.objects.select_for_update().get(pk=response.pk, speaks_for=SpeaksFor.GROUP)
        # Answers to questions no longer asked cannot be shown in the form: keep them.
        locked.answers.filter(question__retired=False).delete()
        locked.tallies.filter(question__retired=False).delete()
        for name, value in {**details, **where}.items():  # first: the answers copy its forum and channel
            setattr(locked, name, value)
        store_answers(locked, list(_answer_rows(locked, answers, identities)), at=at)
        _store_tallies(locked, tallies, identities)
        locked.changed_at, locked.times_changed = at, locked.times_changed + 1
        locked.save()
    return locked


def delete_group_response(response, *, at=None) -> Response:
    """Take a group response out of every summary and export: its answers, tallies and notes are
    deleted and the reference kept (as a withdrawn response's is), so a safeguarding alert raised
    by it keeps what it points at."""
    at = at or timezone.now()
    with _write_turn(), transaction.atomic():
        locked = Response.objects.select_for_update().get(pk=response.pk, speaks_for=SpeaksFor.GROUP)
        answers, _ = locked.answers.all().delete()
        locked.tallies.all().delete()
        locked.status, locked.changed_at, locked.notes = Status.WITHDRAWN, at, ""
        locked.save()
        DataRemoval.record(RemovalKind.DELETION, DELETED_BY, locked.consultation_id, 1, answers, at=at)
    return locked
