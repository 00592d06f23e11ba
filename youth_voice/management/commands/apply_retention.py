from django.core.management.base import BaseCommand

from youth_voice.retention import apply_retention, apply_retention_task


class Command(BaseCommand):
    help = (
        "Remove contact details and free text from responses whose retention period has ended, keeping "
        "the figures. Run it daily from cron; it queues the task for `manage.py db_worker` (or, with "
        "--now, runs it here). See docs/security.md, 'Retention and erasure'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run here and now instead of queueing the task."
        )

    def handle(self, *args, now=False, **options):
        if not now:
            result = apply_retention_task.enqueue()
            self.stdout.write(f"Retention run queued as task {result.id} ({result.status}).")
            return
        for record in apply_retention(by="command apply_retention"):
            self.stdout.write(
                f"Consultation {record.consultation_id or '-'}: {record.responses} response(s), "
                f"{record.answers} answer(s) removed."
            )
