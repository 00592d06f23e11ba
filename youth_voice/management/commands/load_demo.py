from django.core.management.base import BaseCommand

from youth_voice.demo import OFFICER_EMAIL, OFFICER_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Create the Harrowby Vale demo: plan draft, consultation, 48 responses and an officer. Idempotent."

    def handle(self, *args, **options):
        load_demo(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo officer sign-in: {OFFICER_EMAIL} / {OFFICER_PASSWORD}  (sign in at /admin/, "
                "then set up an authenticator app when asked)"
            )
        )
