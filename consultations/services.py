"""Writes: one function per use case. Validate, write in a transaction, report the outcome."""

import threading
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import Answer, Channel, Response
from .models.response import new_response_reference


class ConsultationClosed(Exception):
    """The consultation is not open for responses at this moment."""


@dataclass(frozen=True)
class SubmissionOutcome:
    response: Response
    created: bool  # False when the same submission had already been stored


def submit_response(
    consultation,
    answers,
    *,
    submission_key,
    about_you=None,
    channel=Channel.ONLINE,
    language="en-gb",
    at=None,
) -> SubmissionOutcome:
    """Store one response and its answers, exactly once per submission key.

    A resubmission of the same form (double tap, browser retry) returns the stored response
    instead of creating a second one.
    """
    at = at or timezone.now()
    if not consultation.is_open(at):
        existing = _stored(consultation, submission_key)
        if existing:  # sent just before closing, retried just after
            return SubmissionOutcome(existing, created=False)
        raise ConsultationClosed(consultation)

    # Insert first and let the unique constraint catch a resubmission: the common case (a new
    # response) then costs no extra query.
    for _attempt in range(5):
        try:
            with _write_turn(), transaction.atomic():
                response = Response.objects.create(
                    consultation=consultation,
                    reference=new_response_reference(),
                    submission_key=submission_key,
                    submitted_at=at,
                    channel=channel,
                    language=language,
                    **(about_you or {}),
                )
                Answer.objects.bulk_create(_answer_rows(response, answers))
            return SubmissionOutcome(response, created=True)
        except IntegrityError:
            # Either a concurrent copy of this submission won the race, or (rarely) the
            # random reference was taken: the first returns that response, the second retries.
            existing = _stored(consultation, submission_key)
            if existing:
                return SubmissionOutcome(existing, created=False)
    raise RuntimeError("Could not allocate a unique response reference.")


# SQLite lets one connection write at a time, and a writer that finds the database locked
# polls with sleeps of up to 100 ms. Writers in this process queue on a lock instead, so a burst
# of submissions is written back to back. PostgreSQL needs no such help.
_SQLITE_WRITER = threading.Lock()


def _write_turn():
    return _SQLITE_WRITER if connection.vendor == "sqlite" else nullcontext()


def _stored(consultation, submission_key):
    return Response.objects.filter(consultation=consultation, submission_key=submission_key).first()


def _answer_rows(response, answers):
    for answer in answers:
        if answer.choices:
            # The typed follow-up belongs with the first (for yes/no, the only) option.
            yield Answer(
                response=response, question=answer.question, choice=answer.choices[0], text=answer.text
            )
            for choice in answer.choices[1:]:
                yield Answer(response=response, question=answer.question, choice=choice)
        else:
            yield Answer(response=response, question=answer.question, text=answer.text)
