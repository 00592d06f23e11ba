"""`manage.py import_plan_draft PATH`: import a plan draft document as a PlanDraftPage.

Prints a report (chapters, references, warnings) and, as its last line,
`imported: chapters=<n> paragraphs=<n> markers=<n> refs=<n> unplaced=<n>`. Bad input stops with a
message and a non-zero exit, having written nothing. See consultations.plans.imports.importer.
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Page

from consultations.models import ConsultationPage, PlanDraftPage
from consultations.plans.imports.importer import import_plan_draft
from consultations.plans.imports.readers import MAX_UPLOAD_BYTES, PlanImportError, too_large_message


class Command(BaseCommand):
    help = (
        "Import a plan draft (.docx, .odt, .txt or .md) as an unpublished plan draft page, or as a new "
        "version of one (--replace), and optionally draft the questions it refers to (--consultation)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The plan draft document: .docx, .odt, .txt or .md")
        parser.add_argument(
            "--parent", type=int, metavar="PAGE_ID", help="Create the page here (default: home)"
        )
        parser.add_argument(
            "--title", help="Page title (default: the document's title, or file name; --replace keeps it)"
        )
        parser.add_argument(
            "--period", help="Plan period, e.g. 2027–2030 (default: read from the title or document)"
        )
        parser.add_argument(
            "--replace", type=int, metavar="PAGE_ID", help="Save a new version of this plan draft page"
        )
        parser.add_argument(
            "--consultation",
            type=int,
            metavar="PAGE_ID",
            help="Link this consultation to the plan draft, draft a question for each new reference and "
            "report unreferenced ones",
        )
        parser.add_argument(
            "--link-anyway",
            action="store_true",
            help="With --consultation: link even where the plan's references match questions that exist "
            "with different wording (default: report them and leave the consultation unchanged)",
        )
        parser.add_argument(
            "--sentence-case",
            action="store_true",
            help="Make headings typed in capitals sentences, keeping names, acronyms, months and days "
            "(default: keep the author's capitals)",
        )
        parser.add_argument(
            "--headlines",
            action="store_true",
            help="Also draft an unpublished headlines page (chapter titles and first sentences) to rewrite",
        )
        parser.add_argument("--encoding", help="Encoding of a .txt or .md file, e.g. cp1252 (default: UTF-8)")
        parser.add_argument(
            "--publish", action="store_true", help="Publish the draft (default: leave it a draft)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be imported; write nothing"
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the report and its messages, e.g. cy for Welsh (default: %(default)s)",
        )

    def handle(self, *args, language, **options):
        with translation.override(language):
            self.import_plan(**options)

    def import_plan(self, *, path, **options):
        if options["parent"] is not None and options["replace"] is not None:
            raise CommandError("Use --parent or --replace, not both: a new version stays where its page is.")
        parent = self._page(options["parent"], "--parent") if options["parent"] is not None else None
        replace = self._page(options["replace"], "--replace", PlanDraftPage)
        consultation = self._page(options["consultation"], "--consultation", ConsultationPage)
        data = self._read(path)
        try:
            report = import_plan_draft(
                filename=os.path.basename(path),
                data=data,
                encoding=options["encoding"],
                parent=parent,
                title=options["title"],
                plan_period=options["period"],
                replace=replace,
                consultation=consultation,
                publish=options["publish"],
                dry_run=options["dry_run"],
                sentence_case=options["sentence_case"],
                headlines=options["headlines"],
                link_anyway=options["link_anyway"],
            )
        except PlanImportError as error:
            hint = ""
            if "Windows-1252" in str(error) and not options["encoding"]:
                hint = " On the command line, give --encoding cp1252."
            raise CommandError(f"{path}: {error}{hint}") from None
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(report.summary_line())

    def _page(self, page_id, option, model=None):
        if page_id is None:
            return None
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(f"There is no page with id {page_id} ({option}).")
        page = page.specific
        if model is not None and not isinstance(page, model):
            raise CommandError(
                f"Page {page_id} (“{page.title}”) is a {page.specific_class._meta.verbose_name}, not a "
                f"{model._meta.verbose_name} ({option})."
            )
        return page

    def _read(self, path) -> bytes:
        """The file's bytes, checking its size before reading it."""
        try:
            size = os.stat(path).st_size
            if not os.path.isfile(path):
                raise CommandError(f"{path} is not a file.")
            if size > MAX_UPLOAD_BYTES:
                raise CommandError(too_large_message(size, path))
            with open(path, "rb") as file:
                return file.read(MAX_UPLOAD_BYTES + 1)
        except FileNotFoundError:
            raise CommandError(f"There is no file {path}.") from None
        except OSError as error:
            raise CommandError(f"{path} cannot be read: {error.strerror}.") from None
