"""Admin wiring: the officers' response views, plan-draft import, their menu items, and keeping
responses safe."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from . import admin_views, converters  # noqa: F401 - converters registers <id:…>
from .models import ConsultationPage, PlanDraftPage, Response
from .plans.imports import admin as plan_import_admin

app_name = "consultations_admin"
urlpatterns = [
    path("", admin_views.consultation_index, name="index"),
    path("<id:page_id>/", admin_views.response_list, name="responses"),
    path("<id:page_id>/summary/", admin_views.summary, name="summary"),
    path("<id:page_id>/summary/<id:question_id>/", admin_views.question_texts, name="question_texts"),
    path("<id:page_id>/export.csv", admin_views.export_csv, name="export"),
    path("<id:page_id>/<str:reference>/", admin_views.response_detail, name="response"),
]


@hooks.register("register_admin_urls")
def register_response_urls():
    return [path("responses/", include((urlpatterns, app_name), namespace=app_name))]


class ResponsesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("consultations.view_response")


@hooks.register("register_admin_menu_item")
def register_responses_menu_item():
    return ResponsesMenuItem("Responses", reverse("consultations_admin:index"), icon_name="form", order=250)


@hooks.register("register_page_listing_buttons")
def responses_listing_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, ConsultationPage) and user.has_perm("consultations.view_response"):
        yield ListingButton("Responses", reverse("consultations_admin:summary", args=[page.pk]), priority=15)


@hooks.register("before_delete_page")
def keep_consultations_with_responses(request, page):
    """Young people's responses are never deleted along with a page."""
    if Response.objects.filter(consultation__path__startswith=page.path).exists():
        messages.error(
            request,
            f"“{page.title}” has responses, so it cannot be deleted. Unpublish it instead.",
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


# --- Importing plan drafts from documents (views in consultations.plans.imports.admin) ---


@hooks.register("register_admin_urls")
def register_plan_import_urls():
    return [
        path(
            "plan-drafts/import/",
            include((plan_import_admin.urlpatterns, "plan_import"), namespace="plan_import"),
        )
    ]


class PlanImportMenuItem(MenuItem):
    def is_shown(self, request):
        return plan_import_admin.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_plan_import_menu_item():
    return PlanImportMenuItem(
        "Import plan draft", reverse("plan_import:import"), icon_name="upload", order=260
    )


@hooks.register("register_page_listing_buttons")
def plan_import_listing_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, PlanDraftPage) and page.permissions_for_user(user).can_edit():
        url = f"{reverse('plan_import:import')}?replace={page.pk}"
        yield ListingButton("Import a new version", url, priority=20)
