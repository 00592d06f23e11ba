"""Emailing the people who asked, as a django-tasks task: publishing enqueues it, and the worker
(`manage.py db_worker` in production; at once in tests and development) sends the emails."""

from django_tasks import task

from consultations.models import ConsultationPage


@task()
def send_feedback_emails(consultation_id: int) -> int:
    from .notifications import send_feedback_emails as send

    consultation = ConsultationPage.objects.filter(pk=consultation_id).first()
    return send(consultation) if consultation else 0
