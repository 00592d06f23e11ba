"""Admin wiring for live sessions: their screens under /admin/live/ and a menu item."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from consultations import converters  # noqa: F401 - registers <id:…>

from . import admin_views

app_name = "live_admin"
urlpatterns = [
    path("", admin_views.index, name="index"),
    path("start/<id:page_id>/", admin_views.start, name="start"),
    path("<int:session_id>/", admin_views.control, name="control"),
    path("<int:session_id>/present/", admin_views.present, name="present"),
    path("<int:session_id>/qr.svg", admin_views.qr, name="qr"),
]


@hooks.register("register_admin_urls")
def register_live_urls():
    return [path("live/", include((urlpatterns, app_name), namespace=app_name))]


@hooks.register("register_admin_menu_item")
def register_live_menu_item():
    return MenuItem(_("Live sessions"), reverse("live_admin:index"), icon_name="media", order=260)
