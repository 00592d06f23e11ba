"""The escalation timer, as django-tasks tasks.

Each alert enqueues `escalate_alert` to run when it falls due (the database backend keeps it until
then; run its worker with `manage.py db_worker`). Where the backend cannot defer a task (the
immediate backend of the tests, say), nothing is enqueued and `manage.py safeguarding_escalate`
from cron does the same work; running both is harmless, since an alert is escalated once.
"""

from django.utils import timezone
from django_tasks import default_task_backend, task

from .alerts import escalate, escalate_due
from .models import Alert


@task()
def escalate_alert(alert_id: int) -> bool:
    alert = Alert.objects.filter(pk=alert_id).first()
    return bool(alert) and escalate(alert)


@task()
def escalate_due_alerts() -> int:
    return escalate_due(timezone.now())


def schedule_escalation(alert) -> bool:
    """Enqueue the alert's escalation for its due time, if the task backend can defer tasks."""
    if not default_task_backend.supports_defer:
        return False
    escalate_alert.using(run_after=alert.due_at).enqueue(alert.pk)
    return True
