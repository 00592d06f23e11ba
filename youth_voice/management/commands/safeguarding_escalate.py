"""Escalate safeguarding alerts that nobody acknowledged in time: run it from cron every few minutes."""

from django.core.management.base import BaseCommand

from youth_voice.safeguarding.alerts import escalate_due


class Command(BaseCommand):
    help = "Escalate unacknowledged safeguarding alerts whose time is up to the site administrators."

    def handle(self, *args, **options):
        count = escalate_due()
        self.stdout.write(f"{count} alert(s) escalated.")
