"""Making sense of free text: a codebook of themes per consultation, the answers tagged with them,
the suggestions officers decided on, and the quotes picked for reports with their redactions.

Themes nest one level only (a theme under a theme that has no parent): the model refuses more, and
so does the database (triggers added by migration 0009, on SQLite and PostgreSQL).
A confidential response is never quoted: `Quote.clean`, the service that picks quotes and
`QuoteQuerySet.quotable()` all refuse it, because no constraint can look across tables.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.about_you import Publication

from ..safeguarding.models import FlaggedAnswer
from .response import Status


def _staff_member():
    """Who did something: kept if their account goes, as a blank."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )


class Theme(models.Model):
    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="themes"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Optional: a broader theme this one belongs to. Themes nest one level only."),
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    created_by = _staff_member()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(
                "consultation",
                Lower("name"),
                name="one_theme_name_per_consultation",
                violation_error_message=_("That theme is already in the codebook."),
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="theme_not_its_own_parent"
            ),
        ]

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def clean(self):
        if self.parent_id is None:
            return
        parent = self.parent
        if parent.parent_id is not None:
            raise ValidationError(
                {
                    "parent": _("Themes nest one level only: “%s” is already inside another theme.")
                    % parent.name
                }
            )
        if parent.consultation_id != self.consultation_id:
            raise ValidationError({"parent": _("Choose a theme of this consultation.")})
        if self.pk and (parent.pk == self.pk or self.children.exists()):
            raise ValidationError(
                {"parent": _("A theme with themes inside it cannot go inside another theme.")}
            )


class AnswerTheme(models.Model):
    """An answer tagged with a theme by an officer (never by the machine on its own)."""

    answer = models.ForeignKey("youth_voice.Answer", on_delete=models.CASCADE, related_name="themes")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tags")
    tagged_by = _staff_member()
    tagged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "theme"], name="one_tag_per_answer_and_theme")
        ]

    def __str__(self):
        return f"{self.answer_id} → {self.theme}"


class SuggestionDecision(models.Model):
    """A suggested theme an officer accepted or rejected, remembered by its top words so the same
    suggestion is not offered again."""

    question = models.ForeignKey(
        "consultations.QuestionIdentity", on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    words = models.CharField(max_length=300)  # the suggestion's top words, space-separated
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    accepted = models.BooleanField()
    decided_by = _staff_member()
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "words"], name="one_decision_per_suggestion")
        ]

    def __str__(self):
        return self.words


class QuoteQuerySet(models.QuerySet):
    def quotable(self):
        """Quotes of answers that may be quoted: never a confidential response's, nor an answer
        flagged for safeguarding."""
        return self.exclude(answer__response__publication=Publication.CONFIDENTIAL).filter(
            answer__safeguarding_flag__isnull=True
        )

    def publishable(self):
        """Quotes a report or the published results may show: quotable, of a response still sent
        and not emptied by retention, and still an excerpt of what the person now says."""
        return (
            self.quotable()
            .filter(
                answer__response__status=Status.SUBMITTED,
                answer__response__removed_at__isnull=True,
                answer__text__contains=models.F("excerpt"),
            )
            .select_related("answer__response__forum")
            .prefetch_related("redactions")
        )


class Quote(models.Model):
    answer = models.ForeignKey("youth_voice.Answer", on_delete=models.CASCADE, related_name="quotes")
    excerpt = models.TextField(
        _("excerpt"), help_text=_("The words to quote: all of the answer, or part of it copied exactly.")
    )
    chosen_by = _staff_member()
    chosen_at = models.DateTimeField(default=timezone.now)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["-chosen_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "excerpt"], name="one_quote_per_excerpt"),
            models.CheckConstraint(condition=~models.Q(excerpt=""), name="quote_not_empty"),
        ]

    def __str__(self):
        return self.excerpt[:60]

    def clean(self):
        if self.answer.response.confidential:
            raise ValidationError(_("This response is confidential: it can never be quoted."))
        if FlaggedAnswer.objects.filter(answer_id=self.answer_id).exists():
            raise ValidationError(_("This answer is flagged for the safeguarding lead: it cannot be quoted."))
        if not self.excerpt.strip() or self.excerpt not in self.answer.text:
            raise ValidationError(
                {
                    "excerpt": _(
                        "The excerpt must be copied exactly from the answer (part of it, or all of it)."
                    )
                }
            )

    def published_text(self) -> str:
        """The excerpt with every accepted redaction replaced by what was removed ("[name removed]")."""
        text = self.excerpt
        for redaction in sorted(self.redactions.all(), key=lambda r: r.start, reverse=True):
            text = text[: redaction.start] + str(redaction.placeholder) + text[redaction.end :]
        return text

    def attribution(self) -> str:
        """Who said it, as a report may print it (`Response.attribution`)."""
        return self.answer.response.attribution()


class RedactionKind(models.TextChoices):
    NAME = "name", _("Name")
    EMAIL = "email", _("Email address")
    PHONE = "phone", _("Phone number")
    ADDRESS = "address", _("Address or postcode")
    SCHOOL = "school", _("School")
    OTHER = "other", _("Something else that identifies someone")


PLACEHOLDERS = {
    RedactionKind.NAME: _("[name removed]"),
    RedactionKind.EMAIL: _("[email removed]"),
    RedactionKind.PHONE: _("[phone number removed]"),
    RedactionKind.ADDRESS: _("[address removed]"),
    RedactionKind.SCHOOL: _("[school removed]"),
    RedactionKind.OTHER: _("[removed]"),
}


class Redaction(models.Model):
    """A span of a quote's excerpt that is never published, and the log of who removed it and when.

    The log keeps the span's place and kind, never the words removed: the answer itself still
    holds them for officers, and the log should not become a second copy of personal details.
    """

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="redactions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(_("kind"), max_length=10, choices=RedactionKind.choices)
    redacted_by = _staff_member()
    redacted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="redaction_not_empty"),
            models.UniqueConstraint(fields=["quote", "start"], name="one_redaction_per_start"),
        ]

    def __str__(self):
        return f"{self.kind} {self.start}–{self.end}"

    @property
    def placeholder(self):
        return PLACEHOLDERS[RedactionKind(self.kind)]
