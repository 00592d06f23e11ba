"""Responses and their answers: one row per response, one row per answer (per option chosen).

Answers are rows keyed to their question, not a JSON blob, so per-question counts are single
database aggregates.
"""

import secrets

from django.db import models
from django.utils import timezone

# No 0/O, 1/I/L or U/V: references are read aloud and copied by hand.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"


def new_response_reference() -> str:
    """A short, unguessable reference such as `K7M-4QD` (29^6 ≈ 600 million of them)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{chars[:3]}-{chars[3:]}"


class RespondentType(models.TextChoices):
    YOUNG_PERSON = "young_person", "A young person"
    PARENT_CARER = "parent_carer", "A parent or carer"
    PROFESSIONAL = "professional", "Someone who works with children and young people"
    ORGANISATION = "organisation", "Responding for an organisation"
    OTHER = "other", "Other"


class AgeBand(models.TextChoices):
    UNDER_11 = "under_11", "Under 11"
    AGE_11_12 = "11_12", "11 to 12"
    AGE_13_15 = "13_15", "13 to 15"
    AGE_16_18 = "16_18", "16 to 18"
    AGE_19_25 = "19_25", "19 to 25"
    OVER_25 = "over_25", "Over 25"

    @classmethod
    def under_13(cls) -> set[str]:
        return {cls.UNDER_11, cls.AGE_11_12}


class Channel(models.TextChoices):
    ONLINE = "online", "Online"
    EVENT = "event", "At an event"
    PAPER = "paper", "Paper form"
    FORUM = "forum", "Youth forum"
    LIVE = "live", "Live session"


class ResponseQuerySet(models.QuerySet):
    def for_consultation(self, consultation):
        return self.filter(consultation=consultation)

    def of_type(self, respondent_type):
        return self.filter(respondent_type=respondent_type) if respondent_type else self


class Response(models.Model):
    # No index of its own: the (consultation, …) indexes below serve every lookup by it, and
    # each index is one more write per submission.
    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.PROTECT, related_name="responses", db_index=False
    )
    reference = models.CharField(max_length=7, unique=True, editable=False)
    # Set when the form is first shown: the same form posted twice is one response.
    submission_key = models.UUIDField(editable=False)
    submitted_at = models.DateTimeField(default=timezone.now)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    respondent_type = models.CharField(max_length=20, choices=RespondentType.choices, blank=True)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    confidential = models.BooleanField(
        default=False, help_text="Never published or quoted, not even without the name."
    )
    language = models.CharField(max_length=10, default="en-gb")
    name = models.CharField(max_length=100, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        permissions = [("export_response", "Can export responses as CSV")]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "submission_key"], name="one_response_per_submission"
            )
        ]
        indexes = [models.Index(fields=["consultation", "submitted_at"])]

    def __str__(self):
        return self.reference


class AnswerQuerySet(models.QuerySet):
    def for_consultation(self, consultation):
        return self.filter(question__page=consultation)

    def for_question(self, consultation, ref):
        return self.filter(question__page=consultation, question__reference=ref)

    def of_respondent_type(self, respondent_type):
        return self.filter(response__respondent_type=respondent_type) if respondent_type else self

    def with_text(self):
        return self.exclude(text="")


class Answer(models.Model):
    """An answer to one question: the option chosen (one row per option) and/or typed text.

    A yes/no answer is one row with choice "Yes" or "No" and the "if not, why?" in `text`.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    # Indexed by (question, choice) below, which also serves lookups by question alone.
    question = models.ForeignKey(
        "consultations.Question", on_delete=models.PROTECT, related_name="answers", db_index=False
    )
    choice = models.CharField(max_length=255, blank=True)
    text = models.TextField(blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["question", "choice"])]

    def __str__(self):
        return f"{self.response} Q{self.question.reference}"
