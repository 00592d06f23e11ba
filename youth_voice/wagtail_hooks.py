"""Admin wiring for what young people said: the officers' response views, their menu item, who
each consultation is given to, and keeping responses safe from page deletion."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from consultations import converters  # noqa: F401 - registers <id:…>
from consultations.models import ConsultationPage

from . import access, admin_views
from .converters import ReferenceConverter  # noqa: F401 - registers <reference:…>
from .dashboard.views import live_dashboard
from .figures import admin_views as figures_views
from .groups import admin_views as group_views
from .models import ConsultationAccess, Response

app_name = "youth_voice_admin"
urlpatterns = [
    path("", admin_views.consultation_index, name="index"),
    path("<id:page_id>/", admin_views.response_list, name="responses"),
    path("<id:page_id>/summary/", admin_views.summary, name="summary"),
    path("<id:page_id>/summary/<id:question_id>/", admin_views.question_texts, name="question_texts"),
    path("<id:page_id>/live/", live_dashboard, name="live"),
    path("<id:page_id>/export.csv", admin_views.export_csv, name="export"),
    path("<id:page_id>/export-codes.csv", admin_views.export_codes, name="export_codes"),
    path("<id:page_id>/groups/new/", group_views.new, name="group_new"),
    path("<id:page_id>/groups/<reference:group_reference>/", group_views.edit, name="group"),
    path("<id:page_id>/groups/<reference:group_reference>/delete/", group_views.delete, name="group_delete"),
    path("<id:page_id>/<reference:reference>/", admin_views.response_detail, name="response"),
    # Cross-tabs and spreadsheets of figures (youth_voice.figures).
    path("<id:page_id>/figures/", figures_views.crosstab_view, name="crosstab"),
    path("<id:page_id>/figures.xlsx", figures_views.figures_xlsx, name="figures_xlsx"),
    path("<id:page_id>/written-answers.xlsx", figures_views.coded_text_xlsx, name="coded_text"),
]


@hooks.register("register_admin_urls")
def register_response_urls():
    return [path("responses/", include((urlpatterns, app_name), namespace=app_name))]


class ResponsesMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_list_figures(request.user)


@hooks.register("register_admin_menu_item")
def register_responses_menu_item():
    return ResponsesMenuItem(_("Responses"), reverse("youth_voice_admin:index"), icon_name="form", order=250)


@hooks.register("register_page_listing_buttons")
def responses_listing_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, ConsultationPage) and access.can_read_responses(user, page):
        yield ListingButton(_("Responses"), reverse("youth_voice_admin:summary", args=[page.pk]), priority=15)


class ConsultationAccessViewSet(ModelViewSet):
    """Site administrators give each consultation to the officers who run it (Settings menu)."""

    model = ConsultationAccess
    icon = "lock"
    add_to_settings_menu = True
    menu_order = 900
    form_fields = ["consultation", "user"]
    list_display = ["consultation", "user", "given_at"]
    list_filter = ["consultation"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        # Each consultation once (its first language version), and only people who read responses.
        if db_field.name == "consultation":
            kwargs["queryset"] = access.first_versions().order_by("title")
        if db_field.name == "user":
            reader = Q(groups__permissions__codename="view_response") | Q(
                user_permissions__codename="view_response"
            )
            kwargs["queryset"] = get_user_model().objects.filter(reader, is_active=True).distinct()
        return super().formfield_for_dbfield(db_field, **kwargs)


@hooks.register("register_admin_viewset")
def register_consultation_access_viewset():
    return ConsultationAccessViewSet("consultation_access")


@hooks.register("before_delete_page")
def keep_consultations_with_responses(request, page):
    """Young people's responses are never deleted along with a page."""
    if Response.objects.filter(consultation__path__startswith=page.path).exists():
        messages.error(
            request, f"“{page.title}” has responses, so it cannot be deleted. Unpublish it instead."
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


# Themes, suggested themes and quotes register their own admin addresses.
from .analysis import wagtail_hooks as analysis_hooks  # noqa: E402, F401

# Safeguarding's admin views, menu item, rule snippet and alert script.
# Feeding back: feedback and recommendation screens, the board, the overdue-feedback panel.
from .feedback import admin_hooks as feedback_hooks  # noqa: E402, F401

# Forums: the facilitators' views and menu item, and the forum settings (docs/forums.md).
from .forums import admin_hooks as forum_hooks  # noqa: E402, F401

# Live sessions: starting one, the facilitator's controls and the presenter screen.
from .live import admin_hooks as live_hooks  # noqa: E402, F401

# Paper and event forms (typed up one at a time, or imported from a file) register their own pages.
from .paper import admin_hooks as paper_hooks  # noqa: E402, F401

# Board papers: editing one and generating it as HTML, PDF and Word.
from .reports import admin_hooks as report_hooks  # noqa: E402, F401
from .safeguarding import wagtail_hooks as safeguarding_hooks  # noqa: E402, F401

# The officer's workspace (dashboard panel, consultations listing, new, copy, share) registers its own hooks.
from .workspace import admin_hooks  # noqa: E402, F401
