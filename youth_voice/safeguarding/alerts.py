"""Telling people: the safeguarding leads at once (websocket notification and email), and the site
administrators when an alert is not acknowledged in time.

Neither message carries what the young person wrote: the email and the notification say that an
answer was flagged, its category and where to read it in the admin, behind sign-in.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from ..roles import SITE_ADMINISTRATORS
from .models import PERMISSION, Alert, AuditEvent, record

logger = logging.getLogger(__name__)

LEADS_GROUP = "safeguarding-leads"
ADMINS_GROUP = "safeguarding-admins"


def safeguarding_leads():
    """Active users who hold the permission (directly, by group, or as superusers)."""
    return (
        get_user_model()
        .objects.with_perm(PERMISSION, backend="django.contrib.auth.backends.ModelBackend")
        .filter(is_active=True)
    )


def site_administrators():
    """Superusers and the members of the Site administrators role (youth_voice.roles)."""
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=SITE_ADMINISTRATORS), is_active=True)
        .distinct()
    )


def alert_url(alert) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("safeguarding_admin:alert", args=[alert.pk])


def alert_message(alert, *, escalated=False) -> dict:
    """What a connected browser is sent: no answer text, only what is needed to open the alert."""
    return {
        "type": "safeguarding.escalated" if escalated else "safeguarding.alert",
        "alert": alert.pk,
        "category": alert.category,
        "reference": alert.response.reference,
        "url": reverse("safeguarding_admin:alert", args=[alert.pk]),
        "raised_at": alert.raised_at.isoformat(timespec="seconds"),
    }


def _broadcast(group, message):
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group, {"type": "safeguarding.message", "message": message})


def _email(alert, recipients, subject, body) -> None:
    addresses = sorted({user.email for user in recipients if user.email})
    if not addresses:
        record(alert, AuditEvent.EMAIL_FAILED, detail="Nobody to send it to: no address on record.")
        return
    try:
        send_mail(subject, body, None, addresses)
    except OSError as error:  # an unreachable mail relay must not lose the alert
        logger.exception("Safeguarding email for alert %s could not be sent", alert.pk)
        record(alert, AuditEvent.EMAIL_FAILED, detail=str(error))
        return
    record(alert, AuditEvent.EMAILED, detail=", ".join(addresses))


def _mail_text(alert, escalated):
    with override(settings.LANGUAGE_CODE):
        values = {
            "category": alert.get_category_display(),
            "consultation": alert.response.consultation.title,
            "reference": alert.response.reference,
            "raised": timezone.localtime(alert.raised_at).strftime("%d/%m/%Y %H:%M"),
            "url": alert_url(alert),
        }
        if escalated:
            subject = _("Safeguarding alert not acknowledged: %(category)s") % values
            body = (
                _(
                    "A safeguarding alert raised at %(raised)s (%(category)s, response %(reference)s to "
                    "“%(consultation)s”) has not been acknowledged by a safeguarding lead in time.\n\n"
                    "Please make sure someone handles it today: %(url)s"
                )
                % values
            )
        else:
            subject = _("Safeguarding alert: %(category)s") % values
            body = (
                _(
                    "An answer in response %(reference)s to “%(consultation)s” was flagged at %(raised)s "
                    "(%(category)s).\n\nRead it, acknowledge it and record what you did: %(url)s\n\n"
                    "For the young person's privacy this email does not contain what they wrote."
                )
                % values
            )
    return subject, body


def notify_leads(alert_ids) -> None:
    """Alert every connected lead and email every lead; then start each alert's escalation timer."""
    from .tasks import schedule_escalation

    for alert in Alert.objects.filter(pk__in=alert_ids).select_related("response__consultation"):
        _broadcast(LEADS_GROUP, alert_message(alert))
        record(alert, AuditEvent.NOTIFIED)
        _email(alert, safeguarding_leads(), *_mail_text(alert, escalated=False))
        schedule_escalation(alert)


def notify_after_commit(alerts) -> None:
    ids = [alert.pk for alert in alerts]
    if ids:
        transaction.on_commit(lambda: notify_leads(ids))


def escalate(alert, at=None) -> bool:
    """Escalate one alert to the site administrators if it is still unacknowledged and due."""
    at = at or timezone.now()
    with transaction.atomic():
        locked = Alert.objects.select_for_update().select_related("response__consultation").get(pk=alert.pk)
        if locked.acknowledged_at or locked.escalated_at or locked.due_at > at:
            return False
        locked.escalated_at = at
        locked.save(update_fields=["escalated_at"])
        record(locked, AuditEvent.ESCALATED, at=at)
    _broadcast(ADMINS_GROUP, alert_message(locked, escalated=True))
    _email(locked, site_administrators(), *_mail_text(locked, escalated=True))
    return True


def escalate_due(at=None) -> int:
    """Escalate every alert whose time is up; returns how many were escalated."""
    at = at or timezone.now()
    return sum(escalate(alert, at) for alert in Alert.objects.due_for_escalation(at))
