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

    @property
    def current_key(self) -> str | None:
        """The key of the question on screen now, or None before any question or without one."""
        if not self.question_keys or self.current >= len(self.question_keys):
            return None
        return self.question_keys[self.current]

    @property
    def accepts_votes(self) -> bool:
        return self.state == LiveState.OPEN


class LiveParticipant(models.Model):
    """A phone that joined a session: a random id and when, nothing about the young person.

    Counted for the presenter's "joined" figure, from the database, so every process agrees."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="participants")
    participant = models.UUIDField()
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="one_row_per_live_participant")
        ]


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a facilitator")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class LiveCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)

    def pending(self):
        return self.filter(status=CommentStatus.PENDING)

    def on(self, question_key):
        return self.filter(question_key=question_key)


class LiveComment(models.Model):
    """A comment sent to a free-text question during a session. It reaches the presenter screen
    only once a facilitator approves it; the same words are the participant's stored answer."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="comments")
    question_key = models.CharField(max_length=36)
    participant = models.UUIDField()
    text = models.TextField()
    status = models.CharField(max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = LiveCommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("live comment")
        verbose_name_plural = _("live comments")

    def __str__(self):
        return self.text[:50]
