"""Wires the workspace into the Wagtail admin: its screens, its menu item, the dashboard panel that
replaces the page count, Wagtail's Copy of a consultation, and avatars drawn without any outside
service. Imported by youth_voice.wagtail_hooks (Wagtail only looks for that module)."""

from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import ListingButton

from consultations.models import ConsultationPage

from . import views
from .listing import workspace_rows

app_name = "workspace"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<id:page_id>/copy/", views.copy, name="copy"),
    path("<id:page_id>/share/", views.share, name="share"),
    re_path(r"^(?P<page_id>[0-9]{1,10})/qr\.(?P<kind>svg|png)$", views.qr_code, name="qr"),
    path("<id:page_id>/poster/", views.poster, name="poster"),
    path("<id:page_id>/phone/", views.phone_preview, name="phone_preview"),
    path("<id:page_id>/phone/frame/", views.phone_preview_frame, name="phone_preview_frame"),
    re_path(r"^avatars/(?P<initials>[^/.]{1,2})\.svg$", views.initials_avatar, name="initials_avatar"),
]
# How many of the officer's own consultations the dashboard lists before "All consultations".
DASHBOARD_ROWS = 8


@hooks.register("register_admin_urls")
def register_workspace_urls():
    return [path("consultations/", include((urlpatterns, app_name), namespace=app_name))]


@hooks.register("register_admin_menu_item")
def register_workspace_menu_item():
    return MenuItem(_("Consultations"), reverse("workspace:index"), icon_name="doc-full-inverse", order=240)


class MyConsultationsPanel(Component):
    """The admin home: the officer's consultations first, with "New consultation"."""

    name = "my_consultations"
    template_name = "youth_voice/admin/workspace_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        rows = workspace_rows(request.user, mine=True)
        return {"rows": rows[:DASHBOARD_ROWS], "more": len(rows) > DASHBOARD_ROWS, "request": request}


@hooks.register("construct_homepage_panels")
def my_consultations_first(request, panels):
    panels.insert(0, MyConsultationsPanel())


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail's own add theirs
def no_page_count(request, summary_items):
    """ "5 Pages" says nothing an officer needs: the panel below says what is open and answered."""
    summary_items.clear()


@hooks.register("before_copy_page")
def copy_consultations_with_new_dates(request, page):
    return views.copy_instead(request, page)


@hooks.register("register_page_listing_buttons")
def share_listing_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, ConsultationPage):
        yield ListingButton(_("Share"), reverse("workspace:share", args=[page.pk]), priority=16)


def initials(user) -> str:
    """Up to two letters: first and last name, else the start of the email address or username."""
    names = [name for name in (user.first_name, user.last_name) if name and name[0].isalpha()]
    if names:
        return "".join(name[0] for name in names).upper()
    fallback = next((c for c in (user.email or user.get_username() or "") if c.isalpha()), "")
    return fallback.upper() or "?"


@hooks.register("get_avatar_url")
def avatar_without_outside_services(user, size):
    """The picture the user uploaded (Account → Profile), else their initials, drawn by Chorus.

    WAGTAIL_GRAVATAR_PROVIDER_URL is None too, so nothing would be fetched even without this."""
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None  # Wagtail then shows the uploaded picture
    letters = initials(user)
    if not letters.isalpha():
        return None  # Wagtail's own default picture, served from the site
    return reverse("workspace:initials_avatar", args=[letters])
