"""Live sessions: an officer asks some of a consultation's questions at an event; young people
vote on their phones at /join, and a presenter screen shows the results as they arrive.

Each participant's votes are stored as one individual response (channel "live", this session)
to the consultation's own questions, so they appear in the same summaries and exports.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: read off a projector and typed on a phone.
JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
JOIN_CODE_LENGTH = 6


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class LiveState(models.TextChoices):
    WAITING = "waiting", _("Waiting to start")
    OPEN = "open", _("Voting open")
    LOCKED = "locked", _("Voting locked")
    ENDED = "ended", _("Ended")


class LiveSession(models.Model):
    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.PROTECT, related_name="live_sessions"
    )
    event = models.ForeignKey(
        "youth_voice.ForumEvent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="live_sessions",
    )
    join_code = models.CharField(
        max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code, editable=False
    )
    # The questions asked, in order: QuestionIdentity keys (stable across edits of the wording).
    question_keys = models.JSONField(default=list, blank=True)
    current = models.PositiveSmallIntegerField(default=0)  # index into question_keys
    state = models.CharField(max_length=10, choices=LiveState.choices, default=LiveState.WAITING)
    show_results = models.BooleanField(default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")

    def __str__(self):
        return self.join_code
