"""python manage.py import_welsh_plan_draft PATH --plan ID [--publish]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from consultations.models import PlanDraftPage
from consultations.plans.imports import PlanImportError
from consultations.plans.welsh_version import import_welsh_version


class Command(BaseCommand):
    help = "Import a plan draft written in Welsh as the Welsh version of an existing plan draft."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--plan", type=int, required=True, help="the id of the English plan draft")
        parser.add_argument("--publish", action="store_true", help="publish the Welsh version")

    def handle(self, path, plan, publish, **options):
        english = PlanDraftPage.objects.filter(pk=plan).first()
        if english is None:
            raise CommandError(f"There is no plan draft {plan}.")
        try:
            report = import_welsh_version(english, Path(path).name, Path(path).read_bytes(), publish=publish)
        except (OSError, PlanImportError) as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            f"Welsh version: {report.version.url or '(not published)'} (page {report.version.pk})"
        )
