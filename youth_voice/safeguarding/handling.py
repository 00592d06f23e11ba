"""What a safeguarding lead does with an alert: read it, acknowledge it, record an action. Audited."""

from django.db import transaction
from django.utils import timezone

from .models import Alert, AuditEvent, record


def alert_viewed(alert, user) -> None:
    record(alert, AuditEvent.VIEWED, user=user)


def acknowledge(alert, user, *, at=None) -> bool:
    """Acknowledge an alert (stopping its escalation); False if it was acknowledged already."""
    at = at or timezone.now()
    with transaction.atomic():
        updated = Alert.objects.filter(pk=alert.pk, acknowledged_at__isnull=True).update(
            acknowledged_at=at, acknowledged_by=user
        )
        if updated:
            record(alert, AuditEvent.ACKNOWLEDGED, user=user, at=at)
    alert.refresh_from_db()
    return bool(updated)


def record_action(alert, user, action: str, *, at=None) -> None:
    """Record what was done (acknowledging the alert too, if nobody had)."""
    at = at or timezone.now()
    with transaction.atomic():
        acknowledge(alert, user, at=at)
        Alert.objects.filter(pk=alert.pk).update(action=action, action_at=at)
        record(alert, AuditEvent.ACTION, user=user, detail=action, at=at)
    alert.refresh_from_db()
