"""Safeguarding records: the editable rule set, alerts, which stored answers are flagged, and the
append-only audit.

An alert keeps a copy of what was written: the answer row it came from is replaced when the young
person changes their response (and deleted if they withdraw it), but what a child disclosed must
stay in front of the safeguarding lead until it is handled.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PERMISSION = "youth_voice.handle_safeguarding"


class Category(models.TextChoices):
    ABUSE = "abuse", _("Abuse")
    SELF_HARM = "self_harm", _("Self-harm")
    SUICIDE = "suicide", _("Suicide")
    NEGLECT = "neglect", _("Neglect")
    EXPLOITATION = "exploitation", _("Exploitation")
    BULLYING = "bullying", _("Bullying")


class RuleKind(models.TextChoices):
    PHRASE = "phrase", _("Phrase")
    PATTERN = "pattern", _("Pattern (regular expression)")


class SafeguardingRuleQuerySet(models.QuerySet):
    def enabled(self):
        return self.filter(enabled=True).order_by("category", "pk")


class SafeguardingRule(models.Model):
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=RuleKind.choices, default=RuleKind.PHRASE)
    text = models.CharField(
        _("phrase or pattern"),
        max_length=300,
        help_text=_(
            "A phrase: words in order; case, accents, punctuation, text-speak and small misspellings "
            "are forgiven. “*” stands for any one word, “**” for up to three words, and “hit*” for "
            "any word starting with “hit”. A pattern: a regular expression over the text written in "
            "lower case with single spaces and doubled letters written once."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("For your own reference: every rule is checked against answers in every language."),
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = SafeguardingRuleQuerySet.as_manager()

    class Meta:
        app_label = "youth_voice"
        ordering = ["category", "pk"]
        verbose_name = _("safeguarding rule")
        verbose_name_plural = _("safeguarding rules")

    def __str__(self):
        return f"{self.get_category_display()}: {self.text}"

    def clean(self):
        from .rules import phrase_tokens

        if self.kind == RuleKind.PATTERN:
            try:
                re.compile(self.text)
            except re.error as error:
                raise ValidationError(
                    {"text": _("This is not a valid regular expression: %(error)s") % {"error": error}}
                ) from error
        elif not [token for token in phrase_tokens(self.text) if token not in ("*", "**")]:
            raise ValidationError({"text": _("A phrase needs at least one word.")})


class AlertQuerySet(models.QuerySet):
    def open(self):
        return self.filter(acknowledged_at__isnull=True)

    def due_for_escalation(self, at):
        return self.open().filter(escalated_at__isnull=True, due_at__lte=at)


class Alert(models.Model):
    response = models.ForeignKey(
        "youth_voice.Response", on_delete=models.PROTECT, related_name="safeguarding_alerts"
    )
    question = models.ForeignKey(
        "consultations.QuestionIdentity", on_delete=models.PROTECT, related_name="safeguarding_alerts"
    )
    text = models.TextField(_("what was written"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    rule = models.ForeignKey(SafeguardingRule, null=True, on_delete=models.SET_NULL, related_name="alerts")
    rule_text = models.CharField(_("rule"), max_length=300)  # as it was when it matched
    matched = models.CharField(_("words that matched"), max_length=300)
    raised_at = models.DateTimeField(_("raised"), default=timezone.now)
    due_at = models.DateTimeField(_("escalated if not acknowledged by"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.TextField(_("action taken"), blank=True)
    action_at = models.DateTimeField(_("action recorded"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        app_label = "youth_voice"
        ordering = ["-raised_at", "-pk"]
        permissions = [("handle_safeguarding", "Can read flagged answers and handle safeguarding alerts")]
        indexes = [models.Index(fields=["acknowledged_at", "due_at"], name="alert_open_due")]

    def __str__(self):
        return f"{self.get_category_display()} – {self.response.reference}"

    @property
    def status(self) -> str:
        if self.action_at:
            return _("Action recorded")
        if self.acknowledged_at:
            return _("Acknowledged")
        if self.escalated_at:
            return _("Escalated, not yet acknowledged")
        return _("New")


class FlaggedAnswer(models.Model):
    """A stored answer the rules flagged: hidden from those who may not read flagged answers."""

    answer = models.OneToOneField(
        "youth_voice.Answer", on_delete=models.CASCADE, related_name="safeguarding_flag"
    )
    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="flags")

    class Meta:
        app_label = "youth_voice"


class AppendOnly(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The safeguarding audit is append-only.")

    def delete(self):
        raise PermissionError("The safeguarding audit is append-only.")


class AuditEvent(models.TextChoices):
    RAISED = "raised", _("Alert raised")
    NOTIFIED = "notified", _("Leads notified")
    EMAILED = "emailed", _("Email sent")
    EMAIL_FAILED = "email_failed", _("Email could not be sent")
    VIEWED = "viewed", _("Alert viewed")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ACTION = "action", _("Action recorded")
    ESCALATED = "escalated", _("Escalated to the site administrators")


class AuditEntry(models.Model):
    """What happened to an alert, who did it and when. Entries are never changed or deleted."""

    alert = models.ForeignKey(Alert, on_delete=models.PROTECT, related_name="audit")
    at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event = models.CharField(max_length=20, choices=AuditEvent.choices)
    detail = models.TextField(blank=True)

    objects = AppendOnly.as_manager()

    class Meta:
        app_label = "youth_voice"
        ordering = ["at", "pk"]
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.event}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The safeguarding audit is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The safeguarding audit is append-only.")


def record(alert, event, *, user=None, detail="", at=None) -> AuditEntry:
    return AuditEntry.objects.create(
        alert=alert,
        event=event,
        user=user if user is not None and user.is_authenticated else None,
        detail=detail,
        at=at or timezone.now(),
    )
