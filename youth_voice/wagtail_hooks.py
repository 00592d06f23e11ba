"""Admin wiring for what young people said: the officers' response views, their menu item, and
keeping responses safe from page deletion."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from consultations import converters  # noqa: F401 - registers <id:…>
from consultations.models import ConsultationPage

from . import admin_views
from .models import Response

app_name = "youth_voice_admin"
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
        return request.user.has_perm("youth_voice.view_response")


@hooks.register("register_admin_menu_item")
def register_responses_menu_item():
    return ResponsesMenuItem("Responses", reverse("youth_voice_admin:index"), icon_name="form", order=250)


@hooks.register("register_page_listing_buttons")
def responses_listing_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, ConsultationPage) and user.has_perm("youth_voice.view_response"):
        yield ListingButton("Responses", reverse("youth_voice_admin:summary", args=[page.pk]), priority=15)


@hooks.register("before_delete_page")
def keep_consultations_with_responses(request, page):
    """Young people's responses are never deleted along with a page."""
    if Response.objects.filter(consultation__path__startswith=page.path).exists():
        messages.error(
            request, f"“{page.title}” has responses, so it cannot be deleted. Unpublish it instead."
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


# The officer's workspace (dashboard panel, consultations listing, new, copy, share) registers its own hooks.
from .workspace import admin_hooks  # noqa: E402, F401
