"""Admin views: upload a plan draft, preview what it imports as, then import it.

Registered by consultations.wagtail_hooks under /admin/plan-drafts/import/ (namespace
`plan_import`). Who may do what follows Wagtail's page permissions: create a plan draft under a page
where they may add subpages, import a new version of a plan draft they may edit, publish only where
they may publish, draft questions only in consultations they may edit
(https://docs.wagtail.org/en/stable/topics/permissions.html#page-permissions).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods

from consultations.choosers import IdChoiceField
from consultations.models import ConsultationPage, PlanDraftPage
from home.models import HomePage

from .importer import ImportReport, import_plan_draft
from .readers import MAX_UPLOAD_BYTES, SUPPORTED_EXTENSIONS, PlanImportError, megabytes, too_large_message

SESSION_KEY = "plan_import_report"
ENCODINGS = [("", "UTF-8 (most files)"), ("cp1252", "Windows-1252 (text saved by older Windows programs)")]
CHOOSE_AGAIN = "Choose the file again: a browser does not keep a chosen file once the form is sent."


# --- Permissions -----------------------------------------------------------------------------------


def parents_for(user) -> list:
    """Pages the user may create a plan draft under."""
    return [
        page
        for page in HomePage.objects.all()
        if PlanDraftPage.can_create_at(page) and page.permissions_for_user(user).can_add_subpage()
    ]


def plan_drafts_for(user) -> list:
    """Plan drafts the user may import a new version of."""
    return [page for page in PlanDraftPage.objects.all() if page.permissions_for_user(user).can_edit()]


def consultations_for(user) -> list:
    return [page for page in ConsultationPage.objects.all() if page.permissions_for_user(user).can_edit()]


def can_import(user) -> bool:
    return user.is_authenticated and bool(parents_for(user) or plan_drafts_for(user))


def can_publish(user, *, parent=None, replace=None) -> bool:
    if replace is not None:
        return replace.permissions_for_user(user).can_publish()
    return parent is not None and parent.permissions_for_user(user).can_publish_subpage()


# --- Form ------------------------------------------------------------------------------------------


class PlanImportForm(forms.Form):
    file = forms.FileField(
        label="Plan draft document",
        allow_empty_file=True,  # the importer's message for an empty file says what to do
        help_text=f"A {', '.join(SUPPORTED_EXTENSIONS)} file of at most {megabytes(MAX_UPLOAD_BYTES)}.",
    )
    replace = IdChoiceField(
        queryset=PlanDraftPage.objects.none(),
        required=False,
        label="New version of",
        empty_label="None: create a new plan draft",
        help_text="Choose a plan draft to save the document as its new version (a new revision).",
    )
    parent = IdChoiceField(
        queryset=HomePage.objects.none(),
        required=False,
        label="Create under",
        help_text="Where a new plan draft goes. Not used for a new version, which stays where it is.",
    )
    title = forms.CharField(
        required=False,
        max_length=255,
        help_text="Leave empty to use the document's title, or else its file name (a new version keeps "
        "its page's title).",
    )
    plan_period = forms.CharField(
        required=False,
        max_length=50,
        label="Plan period",
        help_text="For example 2027–2030. Leave empty to read it from the title or the document's first "
        "lines (a new version keeps its page's period).",
    )
    consultation = IdChoiceField(
        queryset=ConsultationPage.objects.none(),
        required=False,
        label="Draft questions for",
        empty_label="None",
        help_text="Links this consultation to the plan draft, adds a question to review for each reference "
        "it does not ask yet, and lists its questions the draft no longer refers to.",
    )
    sentence_case = forms.BooleanField(
        required=False,
        label="Make headings in capitals sentences",
        help_text="“MENTAL HEALTH IN HARROWBY VALE” becomes “Mental health in Harrowby Vale”: names, "
        "acronyms, months and days the document capitalises are kept. Otherwise headings stay as written.",
    )
    headlines = forms.BooleanField(
        required=False,
        label="Draft a headlines page",
        help_text="A draft, never published, of the plan's priorities (chapter titles and first sentences) "
        "for you to rewrite in plain words.",
    )
    encoding = forms.ChoiceField(
        choices=ENCODINGS, required=False, label="Text encoding", help_text="Only for .txt and .md files."
    )
    publish = forms.BooleanField(
        required=False,
        label="Publish straight away",
        help_text="Otherwise the plan draft is saved as a draft for you to review and publish.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        parents = parents_for(user)
        self.fields["parent"].queryset = HomePage.objects.filter(pk__in=[page.pk for page in parents])
        self.fields["parent"].empty_label = None if parents else "You may not create plan drafts"
        self.fields["replace"].queryset = PlanDraftPage.objects.filter(
            pk__in=[page.pk for page in plan_drafts_for(user)]
        ).order_by("title")
        self.fields["consultation"].queryset = ConsultationPage.objects.filter(
            pk__in=[page.pk for page in consultations_for(user)]
        ).order_by("-closes_at")
        may_publish = any(can_publish(user, parent=page) for page in parents) or any(
            can_publish(user, replace=page) for page in self.fields["replace"].queryset
        )
        if not may_publish:
            del self.fields["publish"]
        if self.is_bound:
            self.fields["file"].help_text = CHOOSE_AGAIN

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_large_message("The file", upload.size))
        return upload

    def clean(self):
        cleaned_data = super().clean()
        replace, parent = cleaned_data.get("replace"), cleaned_data.get("parent")
        if replace is None and parent is None and "parent" not in self.errors:
            self.add_error("parent", "Choose where to create the plan draft, or a plan draft to replace.")
        if cleaned_data.get("publish") and not can_publish(self.user, parent=parent, replace=replace):
            target = f"“{replace.title}”" if replace is not None else "there"
            self.add_error("publish", f"You may not publish {target}; import it as a draft instead.")
        return cleaned_data


# --- Views -----------------------------------------------------------------------------------------


def _context(title, **extra) -> dict:
    return {"page_title": title, "header_title": title, "header_icon": "upload", **extra}


def report_data(report: ImportReport) -> dict:
    """The report as plain data: rendered on a preview, kept in the session after an import."""
    return {
        "filename": report.filename,
        "title": report.title,
        "plan_period": report.plan_period,
        "outcome": report.outcome(),
        "dry_run": report.dry_run,
        "page_id": report.page.pk if report.page is not None else None,
        "counts": [
            ("Chapters", report.chapters),
            ("Paragraphs", report.paragraphs),
            ("Question markers", report.markers),
            ("Question references", report.refs),
            ("Paragraphs not placed for certain", report.unplaced),
        ],
        "chapters": [
            {
                "name": f"{chapter.number} {chapter.heading}".strip(),
                "paragraphs": chapter.paragraphs,
                "refs": ", ".join(chapter.refs),
            }
            for chapter in report.chapter_summaries
        ],
        # A heading ("Questionnaire of …:"), then one line per finding.
        "questionnaire": [line.strip() for line in report.reconciliation.lines()]
        if report.reconciliation
        else [],
        "numbering": report.numbering.line(),
        "headlines": report.headlines_note,
        "warnings": report.warnings,
        "to_do": report.to_do(),
        "summary_line": report.summary_line(),
    }


@require_http_methods(["GET", "POST"])
def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    report = None
    if request.method == "POST":
        form = PlanImportForm(request.POST, request.FILES, user=request.user)
        dry_run = "preview" in request.POST
        if form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            try:
                result = import_plan_draft(
                    filename=upload.name,
                    data=upload.read(),
                    encoding=data["encoding"] or None,
                    parent=data["parent"],
                    title=data["title"],
                    plan_period=data["plan_period"],
                    replace=data["replace"],
                    consultation=data["consultation"],
                    publish=data.get("publish", False),
                    dry_run=dry_run,
                    sentence_case=data["sentence_case"],
                    headlines=data["headlines"],
                    user=request.user,
                )
            except PlanImportError as error:
                details = error.messages if len(error.messages) > 1 else []
                form.add_error("file", [error.message, *details])
            else:
                if dry_run:
                    report = report_data(result)
                else:
                    # Shown after a redirect, so reloading the page never imports the file twice.
                    request.session[SESSION_KEY] = report_data(result)
                    return redirect("plan_import:report")
    else:
        initial = {"parent": _default_parent(request.user)}
        replace = request.GET.get("replace", "")
        if replace.isdigit():
            initial["replace"] = int(replace)
        form = PlanImportForm(user=request.user, initial=initial)
    return TemplateResponse(
        request,
        "consultations/admin/plan_import.html",
        _context("Import plan draft", form=form, report=report, max_size=megabytes(MAX_UPLOAD_BYTES)),
    )


def _default_parent(user):
    """The site's home page when the user may add to it, else the first page they may add to."""
    parents = sorted(parents_for(user), key=lambda page: not page.is_site_root())
    return parents[0] if parents else None


@require_http_methods(["GET"])
def report_view(request):
    """The report of the last import, after the redirect that keeps a reload from importing again."""
    if not can_import(request.user):
        raise PermissionDenied
    report = request.session.get(SESSION_KEY)
    if report is None:
        return redirect("plan_import:import")
    return TemplateResponse(
        request,
        "consultations/admin/plan_import_report.html",
        _context(
            "Plan draft imported",
            report=report,
            edit_url=reverse("wagtailadmin_pages:edit", args=[report["page_id"]]),
        ),
    )


urlpatterns = [
    path("", import_view, name="import"),
    path("report/", report_view, name="report"),
]
