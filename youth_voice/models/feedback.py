"""Feeding back: "you said, we did" per question, the recommendations a partnership tracks, and
the emails that tell adults who asked when the feedback is published.

"You said, we did" items hang off the consultation page (a child relation), so wagtail-localize
offers their text for translation with the page and the Welsh page shows Welsh feedback; the
question reference and status are synchronised, the same in every language. Recommendations and
their progress are partnership records kept in one language, against the consultation's first
version (where its responses are kept too).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from consultations.references import normalise_question_ref, ref_sort_key


class FeedbackStatus(models.TextChoices):
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    AGREED = "agreed", _("Agreed")
    DONE = "done", _("Done")
    NOT_TAKEN_FORWARD = "not_taken_forward", _("Not taken forward")


REASON_REQUIRED = _("Say why it was not taken forward: people deserve to know.")


class FeedbackItem(TranslatableMixin, Orderable):
    """What young people said about one question, and what the partnership decided and did."""

    page = ParentalKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="feedback_items"
    )
    question_reference = models.CharField(_("question reference"), max_length=20, help_text=_("e.g. 6.1"))
    status = models.CharField(
        _("status"), max_length=20, choices=FeedbackStatus.choices, default=FeedbackStatus.UNDER_CONSIDERATION
    )
    you_said = models.TextField(_("what young people said"))
    key_figures = models.TextField(
        _("key figures"),
        blank=True,
        help_text=_("One per line, from the summary, e.g. 7 in 10 said the wait was too long."),
    )
    we_did = models.TextField(_("what the partnership decided and did"))
    reason = models.TextField(_("why it was not taken forward"), blank=True)
    plain_language = models.TextField(
        _("for young people, in plain words"),
        help_text=_("Two or three short sentences a 10-year-old can read."),
    )

    override_translatable_fields = [
        SynchronizedField("question_reference"),
        SynchronizedField("status"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("question_reference"), FieldPanel("status")]),
        FieldPanel("you_said"),
        FieldPanel("key_figures"),
        FieldPanel("we_did"),
        FieldPanel("reason"),
        FieldPanel("plain_language"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=FeedbackStatus.NOT_TAKEN_FORWARD) | ~models.Q(reason=""),
                name="feedback_not_taken_forward_has_reason",
            )
        ]

    def __str__(self):
        return f"Q{self.question_reference}: {self.get_status_display()}"

    def clean(self):
        super().clean()
        self.question_reference = normalise_question_ref(self.question_reference)
        if self.status == FeedbackStatus.NOT_TAKEN_FORWARD and not self.reason.strip():
            raise ValidationError({"reason": REASON_REQUIRED})

    def figures(self) -> list[str]:
        return [line.strip() for line in self.key_figures.splitlines() if line.strip()]

    def quotes(self) -> list:
        """The quotes officers picked from answers to this question that may be published
        (`Quote.objects.publishable()`: never a confidential, withdrawn, changed or flagged answer),
        newest first; none when none was picked. Any language version reads the same quotes."""
        from .analysis import Quote

        return list(
            Quote.objects.publishable().filter(
                answer__question__consultation_id=self.page.answers_page_id,
                answer__question__reference=self.question_reference,
            )
        )


class RecommendationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    DONE = "done", _("Done")


# Red, amber, green as partnership boards read them; always shown with its word, never colour alone.
RAG = {
    RecommendationStatus.NOT_STARTED: ("red", _("Red")),
    RecommendationStatus.ON_TRACK: ("amber", _("Amber")),
    RecommendationStatus.AT_RISK: ("amber", _("Amber")),
    RecommendationStatus.DONE: ("green", _("Green")),
}


class RecommendationQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=RecommendationStatus.DONE)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def by_due_date(self, descending=False):
        return self.order_by("-due_date" if descending else "due_date", "consultation_id", "number")


class Recommendation(models.Model):
    """R1…Rn of a consultation: numbered in the order they are made, and never renumbered."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField(editable=False)
    text = models.TextField(_("recommendation"))
    owner = models.CharField(
        _("owner"), max_length=200, help_text=_("Who is responsible, e.g. Head of Youth Services")
    )
    due_date = models.DateField(_("due by"))
    status = models.CharField(
        max_length=20, choices=RecommendationStatus.choices, default=RecommendationStatus.NOT_STARTED
    )
    question_references = models.CharField(
        _("question references"),
        max_length=200,
        blank=True,
        help_text=_("The questions it answers, separated by commas, e.g. 6.1, 9"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["consultation_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="one_recommendation_number")
        ]

    def __str__(self):
        return f"{self.label}: {self.text[:60]}"

    @property
    def label(self) -> str:
        return f"R{self.number}"

    @property
    def rag_colour(self) -> str:
        return RAG[self.status][0]

    @property
    def rag_word(self) -> str:
        return RAG[self.status][1]

    def is_overdue(self, today=None) -> bool:
        return self.status != RecommendationStatus.DONE and self.due_date < (today or timezone.localdate())

    def references(self) -> list[str]:
        refs = {normalise_question_ref(ref) for ref in self.question_references.split(",") if ref.strip()}
        return sorted(refs, key=ref_sort_key)

    def plan_paragraphs(self) -> list:
        """The plan paragraphs keyed to the questions it answers."""
        plan = self.consultation.plan_draft
        if plan is None:
            return []
        by_ref = plan.paragraphs_by_ref()
        return [paragraph for ref in self.references() for paragraph in by_ref.get(ref, [])]

    def save(self, *args, **kwargs):
        """Number it after the consultation's last one; the consultation row is locked meanwhile,
        so two made at once cannot take the same number (the constraint would refuse it anyway)."""
        if self.number:
            return super().save(*args, **kwargs)
        from consultations.models import ConsultationPage

        with transaction.atomic():
            ConsultationPage.objects.select_for_update().filter(pk=self.consultation_id).exists()
            last = Recommendation.objects.filter(consultation_id=self.consultation_id).aggregate(
                Max("number")
            )
            self.number = (last["number__max"] or 0) + 1
            return super().save(*args, **kwargs)


class ProgressUpdate(models.Model):
    """A dated note on a recommendation, by whom, and the status it moved it to (if it did)."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="updates")
    written_at = models.DateTimeField(default=timezone.now)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField()
    status_before = models.CharField(max_length=20, choices=RecommendationStatus.choices)
    status_after = models.CharField(max_length=20, choices=RecommendationStatus.choices)

    class Meta:
        ordering = ["-written_at", "-id"]

    def __str__(self):
        return f"{self.recommendation.label} {self.written_at:%Y-%m-%d}"

    @property
    def changed_status(self) -> bool:
        return self.status_before != self.status_after


class FeedbackEmail(models.Model):
    """That the person who sent a response was told the feedback is published: one row per
    response, so nobody is emailed twice, whichever worker sends."""

    response = models.OneToOneField(
        "youth_voice.Response", on_delete=models.CASCADE, related_name="feedback_emailed"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.response} {self.sent_at:%Y-%m-%d}"


class PublishedResults(models.Model):
    """Whether a consultation's results are public (youth_voice.feedback.results): a summary with
    small counts hidden, its quotes, and the responses of those who agreed to publication.

    A record of its own rather than a page field: publishing them is an officer's decision that
    takes effect at once, in every language, never part of a page revision or a translation.
    Kept against the consultation's first language version, where its responses are."""

    consultation = models.OneToOneField(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="published_results"
    )
    published_at = models.DateTimeField(null=True, blank=True)  # None: not (or no longer) published
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self):
        return f"{self.consultation}: {self.published_at or 'not published'}"
