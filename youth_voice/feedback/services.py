"""Writes and reads of feeding back: publishing the feedback, recording progress on a
recommendation, and what the public pages show of it."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from consultations.models import ConsultationPage
from consultations.models.consultation import forget_page_state

from ..models import FeedbackItem, ProgressUpdate, Recommendation, RecommendationStatus
from .promise import FeedbackState


def published_feedback(consultation) -> list[FeedbackItem]:
    """The "you said, we did" items the public may read on this language version of a consultation
    (none before it has closed and its feedback is published). Forums' own space shows these too."""
    if consultation is None or not consultation.shows_feedback:
        return []
    return list(consultation.feedback_items.all())


def feedback_by_reference(consultation) -> dict[str, FeedbackItem]:
    """Published feedback keyed by question reference, for the plan paragraphs that ask it."""
    return {item.question_reference: item for item in published_feedback(consultation)}


@dataclass(frozen=True)
class Published:
    at: object
    versions: int


def publish_feedback(consultation, *, at=None) -> Published:
    """Publish the feedback of every language version of a closed consultation, then tell the
    adults who asked (by a background task, once the publishing is committed).

    Set on the pages and on their latest revisions alike, so an editor publishing a draft later does
    not take it back. Raises ValidationError when it cannot be published."""
    from .tasks import send_feedback_emails

    at = at or timezone.now()
    with transaction.atomic():
        versions = list(
            ConsultationPage.objects.select_for_update()
            .filter(translation_key=consultation.translation_key)
            .order_by("pk")
        )
        first = versions[0]  # where the responses are kept, read again under the lock
        if first.feedback_state() == FeedbackState.PUBLISHED:
            raise ValidationError(_("The feedback is already published."))
        if first.status != "closed":
            raise ValidationError(_("Feedback can be published once the consultation has closed."))
        if not first.feedback_items.exists():
            raise ValidationError(_("Add at least one “you said, we did” item to the page first."))
        for version in versions:
            version.feedback_published_at = at
            version.save(update_fields=["feedback_published_at"], clean=False)
            revision = version.latest_revision
            if revision is not None:
                revision.content["feedback_published_at"] = at.isoformat()
                revision.save(update_fields=["content"])
        forget_page_state(Page)
        transaction.on_commit(lambda: send_feedback_emails.enqueue(first.pk))
    consultation.feedback_published_at = at
    return Published(at=at, versions=len(versions))


def record_progress(recommendation, *, by, note: str, status: str, at=None) -> ProgressUpdate:
    """A dated note on a recommendation, moving it to `status` (the same status: no change)."""
    if status not in RecommendationStatus.values:
        raise ValidationError(_("Choose a status."))
    with transaction.atomic():
        locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        update = ProgressUpdate.objects.create(
            recommendation=locked,
            written_at=at or timezone.now(),
            written_by=by,
            note=note,
            status_before=locked.status,
            status_after=status,
        )
        if locked.status != status:
            locked.status = status
            locked.save(update_fields=["status"])
    recommendation.status = status
    return update


def overdue_for_feedback(consultations, today=None):
    """Of these consultations, those closed whose promised feedback date has passed unpublished."""
    today = today or timezone.localdate()
    return consultations.filter(
        closes_at__lt=timezone.now(), feedback_due__lt=today, feedback_published_at__isnull=True
    ).order_by("feedback_due")
