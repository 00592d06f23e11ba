"""An append-only record of personal data removed: by a retention run, or by a young person
(including a forum member leaving).

It says what was done, when, to how many responses and answers, and by whom or which task: never
whose response it was (no reference, no code, nothing typed), so the record itself holds no
personal data.
"""

from django.db import models
from django.utils import timezone


class RemovalKind(models.TextChoices):
    RETENTION = "retention", "Retention period ended: contact details and free text removed"
    ERASURE = "erasure", "Deleted by the young person with their code"
    WITHDRAWAL = "withdrawal", "Withdrawn by the young person with their code"
    DELETION = "deletion", "A group response deleted by an officer"
    MEMBER_LEFT = (
        "member_left",
        "A forum member left or was removed from their last forum: alias, sign-in and consent erased",
    )


class AppendOnly(Exception):
    """Audit records are never changed or deleted."""


class RemovalQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Audit records are never changed.")

    def delete(self):
        raise AppendOnly("Audit records are never deleted.")


class DataRemoval(models.Model):
    at = models.DateTimeField(default=timezone.now, editable=False)
    kind = models.CharField(max_length=12, choices=RemovalKind.choices, editable=False)
    # Kept as a plain id: the record outlives anything it counts.
    consultation_id = models.PositiveIntegerField(null=True, editable=False)
    responses = models.PositiveIntegerField(default=0, editable=False)
    # Answers whose text became "[removed]" (retention, erasure), or answer rows deleted (withdrawal).
    answers = models.PositiveIntegerField(default=0, editable=False)
    by = models.CharField(max_length=100, editable=False)  # e.g. "task apply_retention", "the respondent"

    objects = RemovalQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "personal data removal"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.responses} response(s), {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, kind, by, consultation_id=None, responses=0, answers=0, *, at=None):
        return cls.objects.create(
            at=at or timezone.now(),
            kind=kind,
            by=by,
            consultation_id=consultation_id,
            responses=responses,
            answers=answers,
        )

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("Audit records are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit records are never deleted.")
