"""Admin views: upload a plan draft written in Welsh as the Welsh version of an English plan draft.

The same work as `manage.py import_welsh_plan_draft` (`consultations.plans.welsh_version`), for
editors. Registered by consultations.wagtail_hooks under /admin/plan-drafts/import/welsh/ (namespace
`welsh_plan_import`), next to the plan-import screen. Who may do it follows Wagtail's page
permissions: editing the English plan draft lets you import its Welsh version as a draft; publishing
it needs permission to publish the plan draft
(https://docs.wagtail.org/en/stable/topics/permissions.html#page-permissions).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from consultations.choosers import IdChoiceField
from consultations.models import PlanDraftPage
from home.models import default_locale

from ..welsh_version import WelshVersionReport, import_welsh_version
from .admin import CHOOSE_AGAIN, admin_context, clean_upload, file_field, plan_drafts_for, show_report
from .readers import MAX_UPLOAD_BYTES, PlanImportError, megabytes

SESSION_KEY = "welsh_plan_import_report"
WELSH = "cy"


def english_plan_drafts_for(user) -> list:
    """Plan drafts in the site's default language the user may edit: the ones a Welsh document can
    become the Welsh version of."""
    default = default_locale()
    return [page for page in plan_drafts_for(user) if page.locale_id == default.pk]


def can_import_welsh(user) -> bool:
    return user.is_authenticated and bool(english_plan_drafts_for(user))


class WelshPlanImportForm(forms.Form):
    plan = IdChoiceField(
        queryset=PlanDraftPage.objects.none(),
        label=_("English plan draft"),
        empty_label=_("Choose the plan draft this document translates"),
        help_text=_("Its chapters and paragraphs are matched to the Welsh document's by number."),
    )
    file = file_field(_("Welsh plan draft document"))
    publish = forms.BooleanField(
        required=False,
        label=_("Publish the Welsh version straight away"),
        help_text=_(
            "Otherwise it is saved as a draft for you to check in the translation editor and publish."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["plan"].queryset = PlanDraftPage.objects.filter(
            pk__in=[page.pk for page in english_plan_drafts_for(user)]
        ).order_by("title")
        if self.is_bound:
            self.fields["file"].help_text = CHOOSE_AGAIN

    def clean_file(self):
        return clean_upload(self.cleaned_data["file"])

    def clean(self):
        cleaned_data = super().clean()
        plan = cleaned_data.get("plan")
        if (
            cleaned_data.get("publish")
            and plan is not None
            and not plan.permissions_for_user(self.user).can_publish()
        ):
            self.add_error(
                "publish",
                gettext("You may not publish “%(title)s”; import its Welsh version as a draft instead.")
                % {"title": plan.title},
            )
        return cleaned_data


def report_data(report: WelshVersionReport) -> dict:
    """The report as plain data, kept in the session for the page shown after the import."""
    version = report.version
    return {
        "title": version.title,
        "page_id": version.pk,
        "live": version.live,
        "url": version.url if version.live else "",
        "translated": report.translated,
        "only_in_welsh": report.only_in_welsh,
        "only_in_english": report.only_in_english,
        "split_differently": report.split_differently,
    }


@require_http_methods(["GET", "POST"])
def import_view(request):
    if not can_import_welsh(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = WelshPlanImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            upload, plan = form.cleaned_data["file"], form.cleaned_data["plan"]
            try:
                report = import_welsh_version(
                    plan,
                    upload.name,
                    upload.read(),
                    publish=form.cleaned_data["publish"],
                    language_code=WELSH,
                )
            except PlanImportError as error:
                details = error.messages if len(error.messages) > 1 else []
                form.add_error("file", [error.message, *details])
            else:
                # Shown after a redirect, so reloading the page never imports the file twice.
                request.session[SESSION_KEY] = report_data(report) | {"filename": upload.name}
                return redirect("welsh_plan_import:report")
    else:
        initial = {}
        plan = request.GET.get("plan", "")
        if plan.isdigit():
            initial["plan"] = int(plan)
        form = WelshPlanImportForm(user=request.user, initial=initial)
    return TemplateResponse(
        request,
        "consultations/admin/welsh_plan_import.html",
        admin_context(
            gettext("Import a Welsh plan draft"),
            form=form,
            max_size=megabytes(MAX_UPLOAD_BYTES),
            language_name=dict(settings.LANGUAGES).get(WELSH, WELSH),
        ),
    )


@require_http_methods(["GET"])
def report_view(request):
    """What the last import matched and what it could not, after the redirect."""
    return show_report(
        request,
        allowed=can_import_welsh,
        session_key=SESSION_KEY,
        import_url="welsh_plan_import:import",
        template="consultations/admin/welsh_plan_import_report.html",
        title=gettext("Welsh version imported"),
    )


urlpatterns = [
    path("", import_view, name="import"),
    path("report/", report_view, name="report"),
]
