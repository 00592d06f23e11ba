from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from youth_voice.demo import OFFICER_EMAIL, OFFICER_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Create the Harrowby Vale demo: plan draft, consultation, 48 responses and an officer. Idempotent."

    def handle(self, *args, **options):
        if settings.CHORUS_PRODUCTION:
            raise CommandError(
                "load_demo refuses to run under production settings: the demo creates an officer "
                "whose password is public. Use it on a local copy only "
                "(DJANGO_SETTINGS_MODULE=chorus.settings.dev)."
            )
        load_demo(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo officer sign-in: {OFFICER_EMAIL} / {OFFICER_PASSWORD}  (sign in at /admin/, "
                "then set up an authenticator app when asked)"
            )
        )
