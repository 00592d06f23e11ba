"""Keeping the promise: each consultation says when its feedback will be published, and whether it
was, is still to come, or is late. Mixed into ConsultationPage (consultations.models), so this
module imports nothing from the apps' models."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel


class FeedbackState(models.TextChoices):
    NOT_DUE = "not_due", _("Not due yet")
    DUE = "due", _("Due")
    LATE = "late", _("Late")
    PUBLISHED = "published", _("Published")


class FeedbackPromise:
    """What a consultation promised about feedback, and how it stands."""

    # Edited with the page, so translators translate them with it (wagtail-localize).
    feedback_panels = [
        InlinePanel(
            "feedback_items",
            label=_("You said, we did"),
            heading=_("Feedback: you said, we did"),
            help_text=_(
                "One item per question. Shown on the page once it has closed and the feedback is published."
            ),
        )
    ]

    def feedback_state(self, today=None) -> FeedbackState:
        """Published; not due while it is open (or not yet open); due once closed, until the
        promised date has passed: then late."""
        if self.feedback_published_at:
            return FeedbackState.PUBLISHED
        if self.status != "closed":
            return FeedbackState.NOT_DUE
        today = today or timezone.localdate()
        if self.feedback_due and self.feedback_due < today:
            return FeedbackState.LATE
        return FeedbackState.DUE

    def days_feedback_overdue(self, today=None) -> int:
        if self.feedback_state(today) != FeedbackState.LATE:
            return 0
        return ((today or timezone.localdate()) - self.feedback_due).days

    @property
    def shows_feedback(self) -> bool:
        """Feedback is public only after the consultation closed and once it was published."""
        return bool(self.feedback_published_at) and self.status == "closed"
