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
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from consultations.choosers import IdChoiceField
from consultations.models import ConsultationPage, PlanDraftPage
from home.models import HomePage

from .importer import ImportReport, import_plan_draft
from .readers import MAX_UPLOAD_BYTES, SUPPORTED_EXTENSIONS, PlanImportError, megabytes, too_large_message

SESSION_KEY = "plan_import_report"
ENCODINGS = [
    ("", _("UTF-8 (most files)")),
    ("cp1252", _("Windows-1252 (text saved by older Windows programs)")),
]
CHOOSE_AGAIN = _("Choose the file again: a browser does not keep a chosen file once the form is sent.")


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


def file_field(label) -> forms.FileField:
    """The document to import: any file the readers take, up to the upload limit."""
    return forms.FileField(
        label=label,
        allow_empty_file=True,  # the importer's message for an empty file says what to do
        help_text=format_lazy(
            _("A {extensions} file of at most {size}."),
            extensions=", ".join(SUPPORTED_EXTENSIONS),
            size=megabytes(MAX_UPLOAD_BYTES),
        ),
    )


def clean_upload(upload):
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(too_large_message(upload.size))
    return upload


class PlanImportForm(forms.Form):
    file = file_field(_("Plan draft document"))
    replace = IdChoiceField(
        queryset=PlanDraftPage.objects.none(),
        required=False,
        label=_("New version of"),
        empty_label=_("None: create a new plan draft"),
        help_text=_("Choose a plan draft to save the document as its new version (a new revision)."),
    )
    parent = IdChoiceField(
        queryset=HomePage.objects.none(),
        required=False,
        label=_("Create under"),
        help_text=_("Where a new plan draft goes. Not used for a new version, which stays where it is."),
    )
    title = forms.CharField(
        required=False,
        max_length=255,
        label=_("Title"),
        help_text=_(
            "Leave empty to use the document's title, or else its file name (a new version keeps "
            "its page's title)."
        ),
    )
    plan_period = forms.CharField(
        required=False,
        max_length=50,
        label=_("Plan period"),
        help_text=_(
            "For example 2027–2030. Leave empty to read it from the title or the document's first "
            "lines (a new version keeps its page's period)."
        ),
    )
    consultation = IdChoiceField(
        queryset=ConsultationPage.objects.none(),
        required=False,
        label=_("Draft questions for"),
        empty_label=_("None"),
        help_text=_(
            "Links this consultation to the plan draft, adds a question to review for each reference "
            "it does not ask yet, and lists its questions the draft no longer refers to."
        ),
    )
    link_anyway = forms.BooleanField(
        required=False,
        label=_("Link even where the wording differs"),
        help_text=_(
            "Only if the preview warned that the plan's references match questions that already exist "
            "with different wording, and you have checked that they are the same questions. They are "
            "never changed."
        ),
    )
    sentence_case = forms.BooleanField(
        required=False,
        label=_("Make headings in capitals sentences"),
        help_text=_(
            "“MENTAL HEALTH IN HARROWBY VALE” becomes “Mental health in Harrowby Vale”: names, "
            "acronyms, months and days the document capitalises are kept. Otherwise headings stay as written."
        ),
    )
    headlines = forms.BooleanField(
        required=False,
        label=_("Draft a headlines page"),
        help_text=_(
            "A draft, never published, of the plan's priorities (chapter titles and first sentences) "
            "for you to rewrite in plain words."
        ),
    )
    encoding = forms.ChoiceField(
        choices=ENCODINGS,
        required=False,
        label=_("Text encoding"),
        help_text=_("Only for .txt and .md files."),
    )
    publish = forms.BooleanField(
        required=False,
        label=_("Publish straight away"),
        help_text=_("Otherwise the plan draft is saved as a draft for you to review and publish."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        parents = parents_for(user)
        self.fields["parent"].queryset = HomePage.objects.filter(pk__in=[page.pk for page in parents])
        self.fields["parent"].empty_label = None if parents else gettext("You may not create plan drafts")
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
        return clean_upload(self.cleaned_data["file"])

    def clean(self):
        cleaned_data = super().clean()
        replace, parent = cleaned_data.get("replace"), cleaned_data.get("parent")
        if replace is None and parent is None and "parent" not in self.errors:
            self.add_error(
                "parent", gettext("Choose where to create the plan draft, or a plan draft to replace.")
            )
        if cleaned_data.get("publish") and not can_publish(self.user, parent=parent, replace=replace):
            if replace is not None:
                message = gettext("You may not publish “%(title)s”; import it as a draft instead.") % {
                    "title": replace.title
                }
            else:
                message = gettext("You may not publish there; import it as a draft instead.")
            self.add_error("publish", message)
        return cleaned_data


# --- Views -----------------------------------------------------------------------------------------


def admin_context(title, **extra) -> dict:
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
            (gettext("Chapters"), report.chapters),
            (gettext("Paragraphs"), report.paragraphs),
            (gettext("Question markers"), report.markers),
            (gettext("Question references"), report.refs),
            (gettext("Paragraphs not placed for certain"), report.unplaced),
        ],
        "chapters": [
            {
                "name": f"{chapter.number} {chapter.heading}".strip(),
                "paragraphs": chapter.paragraphs,
                "refs": ", ".join(chapter.refs),
            }
            for chapter in report.chapter_summaries
        ],
        "consultation": consultation_data(report.reconciliation),
        "numbering": report.numbering.line(),
        "headlines": report.headlines_note,
        "warnings": report.warnings,
        "to_do": report.to_do(),
        "summary_line": report.summary_line(),
    }


def consultation_data(reconciliation) -> dict | None:
    """What changed in the consultation questions were drafted for, with where to see it: its
    editor, a preview of its latest draft, and its public page once it is live."""
    if reconciliation is None:
        return None
    page = reconciliation.consultation
    return {
        "title": page.title,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "preview_url": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "live_url": page.get_url() if page.live else "",
        "findings": reconciliation.findings(),
        "changes": reconciliation.changes(),
        "warning": reconciliation.clash_warning() if reconciliation.clashes else "",
        "clashes": [clash.line() for clash in reconciliation.clashes],
        "held_back": reconciliation.held_back,
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
                    link_anyway=data["link_anyway"],
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
        admin_context(
            gettext("Import plan draft"), form=form, report=report, max_size=megabytes(MAX_UPLOAD_BYTES)
        ),
    )


def _default_parent(user):
    """The site's home page when the user may add to it, else the first page they may add to."""
    parents = sorted(parents_for(user), key=lambda page: not page.is_site_root())
    return parents[0] if parents else None


def show_report(request, *, allowed, session_key, import_url, template, title):
    """The report an import left in the session, after the redirect that keeps a reload from
    importing again; without one, back to the upload form."""
    if not allowed(request.user):
        raise PermissionDenied
    report = request.session.get(session_key)
    if report is None:
        return redirect(import_url)
    return TemplateResponse(
        request,
        template,
        admin_context(
            title, report=report, edit_url=reverse("wagtailadmin_pages:edit", args=[report["page_id"]])
        ),
    )


@require_http_methods(["GET"])
def report_view(request):
    return show_report(
        request,
        allowed=can_import,
        session_key=SESSION_KEY,
        import_url="plan_import:import",
        template="consultations/admin/plan_import_report.html",
        title=gettext("Plan draft imported"),
    )


urlpatterns = [
    path("", import_view, name="import"),
    path("report/", report_view, name="report"),
]
