"""Writes: one function per use case. Validate, write in a transaction, report the outcome.

`answers` everywhere is a list of (question, rows): the questionnaire's question and the
`AnswerRow`s its kind made of what was typed.
"""

import threading
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .dashboard.announce import announce_after_commit
from .models import Answer, Channel, DataRemoval, RemovalKind, Response, Status
from .models.response import new_response_reference
from .safeguarding.screening import screen_answers


class ConsultationClosed(Exception):
    """The consultation is not open for responses at this moment."""


@dataclass(frozen=True)
class SubmissionOutcome:
    response: Response
    created: bool  # False when this submission had already been stored
    secret: str = ""  # the secret half of the person's code, known only when it was just made
    differs: bool = False  # stored before with other answers: they were not changed


# SQLite lets one connection write at a time, and a writer that finds the database locked
# polls with sleeps of up to 100 ms. Writers in this process queue on a lock instead, so a burst
# of submissions is written back to back. PostgreSQL needs no such help. Reentrant: a write
# that opens a response inside its own transaction (a live vote) takes its turn once.
_SQLITE_WRITER = threading.RLock()


def _write_turn():
    return _SQLITE_WRITER if connection.vendor == "sqlite" else nullcontext()


@contextmanager
def write_turn():
    """One transaction that writes, taking its turn with this process's other writers (SQLite)."""
    with _write_turn(), transaction.atomic():
        yield


def _answer_rows(response, answers, identities):
    for question, rows in answers:
        for row in rows:
            yield Answer(
                response=response,
                question_id=identities[question.reference],
                option=row.option,
                position=row.position,
                number=row.number,
                text=row.text,
            )


def store_answers(response, answer_objects, *, at=None):
    """The one place answer rows are written, for every channel: stored, then screened for
    safeguarding in the same transaction (see youth_voice/safeguarding/); officers' live
    dashboards are told once it commits (youth_voice/dashboard/). Each row carries who answered,
    copied from the response as it is now (`Response.who_answered`)."""
    who_answered = response.who_answered()
    for answer in answer_objects:
        for attname, value in who_answered.items():
            setattr(answer, attname, value)
    stored = Answer.objects.bulk_create(answer_objects)
    screen_answers(response, stored, at=at)
    announce_after_commit(response.consultation_id)
    return stored


def _fingerprint(answer_objects) -> set:
    return {(a.question_id, a.option, a.position, a.number, a.text) for a in answer_objects}


def submit_response(
    consultation,
    answers,
    *,
    submission_key,
    about_you=None,
    channel=Channel.ONLINE,
    language="en-gb",
    at=None,
    entered_by=None,
    received_on=None,
) -> SubmissionOutcome:
    """Store one response and its answers, exactly once per submission key.

    A resubmission of the same form (double tap, browser retry) returns the stored response; one
    with different answers changes nothing and says so (`differs`), so that nobody's answers are
    replaced without their code.

    `entered_by`: the officer typing up a paper or event form, received on `received_on`. Forms
    handed in before closing are often typed up after it, so closing does not refuse them.
    """
    at = at or timezone.now()
    identities = consultation.identity_ids()
    if entered_by is None and not consultation.is_open(at):
        existing = _stored(consultation, submission_key)
        if existing:  # sent just before closing, retried just after
            return _resubmitted(existing, answers, identities)
        raise ConsultationClosed(consultation)

    response = Response(
        consultation_id=consultation.answers_page_id,  # every language version's answers together
        submission_key=submission_key,
        status=Status.SUBMITTED,
        created_at=at,
        submitted_at=at,
        channel=channel,
        language=language,
        entered_by=entered_by,
        received_on=received_on,
        **(about_you or {}),
    )
    secret = _insert(response, answers, identities)
    if secret is None:  # a retry, a race, or a saved draft sent without its code
        return _resubmitted(_stored(consultation, submission_key), answers, identities)
    return SubmissionOutcome(response, created=True, secret=secret)


def _insert(response, answers=(), identities=None, also_store=None) -> str | None:
    """Insert a new response and its answers under a fresh reference; returns its secret, or None
    when its submission key was stored already. `also_store(response)` writes any other rows of
    it (a group's tallies) in the same transaction.

    Insert first and let the unique constraints catch a resubmission: the common case (a new
    response) then costs no extra query. A taken reference (rare) is simply drawn again.
    """
    for _attempt in range(5):
        response.pk, response.reference = None, new_response_reference()
        secret = response.set_secret()
        try:
            with _write_turn(), transaction.atomic():
                response.save(force_insert=True)
                store_answers(
                    response, list(_answer_rows(response, answers, identities)), at=response.submitted_at
                )
                if also_store:
                    also_store(response)
            return secret
        except IntegrityError:
            if _stored(response.consultation, response.submission_key):
                return None
    raise RuntimeError("Could not allocate a unique response reference.")


def open_response(response) -> tuple[Response, bool]:
    """A response whose answers arrive one by one (a live session's phone), locked until the
    caller's `write_turn()` ends so that one respondent's writes take turns: the stored one with
    its submission key (False), or `response` inserted with no answers yet (True)."""
    stored = Response.objects.select_for_update().filter(
        consultation_id=response.consultation_id, submission_key=response.submission_key
    )
    if (found := stored.first()) is not None:
        return found, False
    if _insert(response) is None:  # another of the respondent's sockets was a moment quicker
        return stored.get(), False
    return response, True


def _stored(consultation, submission_key):
    return Response.objects.filter(
        consultation_id=consultation.answers_page_id, submission_key=submission_key
    ).first()


def _resubmitted(existing, answers, identities) -> SubmissionOutcome:
    new = _fingerprint(_answer_rows(existing, answers, identities))
    differs = existing.status != Status.SUBMITTED or new != _fingerprint(existing.answers.all())
    return SubmissionOutcome(existing, created=False, differs=differs)


def save_draft(consultation, data: dict, step: int, *, submission_key, draft=None, language="en-gb", at=None):
    """Keep what was typed so far, to finish later with a code. Returns (draft, secret or "")."""
    at = at or timezone.now()
    if not consultation.is_open(at):
        raise ConsultationClosed(consultation)
    if draft is not None:
        draft.draft_data, draft.draft_step, draft.changed_at = data, step, at
        draft.save(update_fields=["draft_data", "draft_step", "changed_at"])
        return draft, ""
    draft = Response(
        consultation_id=consultation.answers_page_id,
        submission_key=submission_key,
        status=Status.DRAFT,
        created_at=at,
        language=language,
        draft_data=data,
        draft_step=step,
    )
    secret = _insert(draft)
    if secret is not None:
        return draft, secret
    existing = _stored(consultation, submission_key)
    if existing.status != Status.DRAFT:
        raise AlreadySent(existing)
    return save_draft(consultation, data, step, submission_key=submission_key, draft=existing, at=at)


class ResponseWithdrawn(Exception):
    """The response was withdrawn before this change of it arrived."""


class AlreadySent(Exception):
    """The form being saved as a draft was sent already."""

    def __init__(self, response):
        super().__init__(response.reference)
        self.response = response


def send_draft(draft, answers, *, about_you=None, at=None, new_code=False) -> SubmissionOutcome:
    """A saved draft, finished and sent: it becomes a response like any other.

    `new_code`: sent from its form without its code (only its hash is kept, so it cannot be shown
    again), the response gets a new secret to show on the receipt; the draft's code stops working.
    """
    at = at or timezone.now()
    if not draft.consultation.is_open(at):
        raise ConsultationClosed(draft.consultation)
    identities = draft.consultation.identity_ids()
    with _write_turn(), transaction.atomic():
        locked = Response.objects.select_for_update().get(pk=draft.pk)
        if locked.status != Status.DRAFT:  # sent twice, e.g. a double tap
            return _resubmitted(locked, answers, identities)
        _apply(locked, about_you)
        secret = locked.set_secret() if new_code else ""
        locked.status, locked.submitted_at, locked.draft_data = Status.SUBMITTED, at, {}
        locked.save()
        store_answers(locked, list(_answer_rows(locked, answers, identities)), at=at)
    return SubmissionOutcome(locked, created=True, secret=secret)


def change_response(response, answers, *, about_you=None, at=None) -> SubmissionOutcome:
    """Replace a sent response's answers with new ones (the person's own change, with their code)."""
    at = at or timezone.now()
    if not response.consultation.is_open(at):
        raise ConsultationClosed(response.consultation)
    identities = response.consultation.identity_ids()
    with _write_turn(), transaction.atomic():
        locked = Response.objects.select_for_update().get(pk=response.pk)
        if locked.status != Status.SUBMITTED:  # withdrawn meanwhile, on another device
            raise ResponseWithdrawn(locked)
        new = list(_answer_rows(locked, answers, identities))
        # Answers to questions no longer asked (retired) cannot be shown or changed: keep them.
        current = locked.answers.filter(question__retired=False)
        if _fingerprint(new) == _fingerprint(current) and not _differs(locked, about_you):
            return SubmissionOutcome(locked, created=False)
        current.delete()
        _apply(locked, about_you)  # first: the new answers copy who answered from it
        store_answers(locked, new, at=at)
        locked.changed_at, locked.times_changed = at, locked.times_changed + 1
        locked.save()
    return SubmissionOutcome(locked, created=True)


def withdraw_response(response, *, at=None) -> Response:
    """The person takes their response back: its answers and details are deleted, the reference kept."""
    at = at or timezone.now()
    with _write_turn(), transaction.atomic():
        locked = Response.objects.select_for_update().get(pk=response.pk)
        answers, _ = locked.answers.all().delete()
        _apply(locked, dict.fromkeys(PERSONAL_FIELDS, ""))
        locked.status, locked.changed_at, locked.draft_data = Status.WITHDRAWN, at, {}
        locked.save()
        DataRemoval.record(RemovalKind.WITHDRAWAL, BY_RESPONDENT, locked.consultation_id, 1, answers, at=at)
    return locked


BY_RESPONDENT = "the young person, with their code"
PERSONAL_FIELDS = ("name", "organisation", "contact", "postal_address", "school_or_group", "area")


def _apply(response, about_you):
    for name, value in (about_you or {}).items():
        setattr(response, name, value)


def _differs(response, about_you) -> bool:
    return any(getattr(response, name) != value for name, value in (about_you or {}).items())
