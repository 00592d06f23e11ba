"""Admin wiring: the alerts views and menu item, the rule set as a snippet, and the small script that
keeps a lead's admin pages listening for alerts."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import PERMISSION, SafeguardingRule

app_name = "safeguarding_admin"
urlpatterns = [
    path("", views.alert_list, name="alerts"),
    path("<int:alert_id>/", views.alert_detail, name="alert"),
]


@hooks.register("register_admin_urls")
def register_safeguarding_urls():
    return [path("safeguarding/", include((urlpatterns, app_name), namespace=app_name))]


class SafeguardingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_safeguarding_menu_item():
    return SafeguardingMenuItem(
        _("Safeguarding"), reverse("safeguarding_admin:alerts"), icon_name="warning", order=260
    )


@hooks.register("insert_global_admin_js")
def safeguarding_alerts_js():
    """Every admin page loads it; the server refuses the socket to anyone without the permission,
    and the script then stops."""
    return format_html(
        '<script src="{}" data-socket-path="/ws/safeguarding/" defer></script>',
        static("js/safeguarding-alerts.js"),
    )


class SafeguardingRuleViewSet(SnippetViewSet):
    model = SafeguardingRule
    icon = "warning"
    menu_label = _("Safeguarding rules")
    list_display = ["text", "category", "kind", "language", "enabled"]
    list_filter = ["category", "kind", "enabled"]


register_snippet(SafeguardingRuleViewSet)
