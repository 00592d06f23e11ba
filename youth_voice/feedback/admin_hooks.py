"""Wires feeding back into the Wagtail admin: its screens, the board's menu item, a Feedback button
on each consultation, and the dashboard panel of consultations whose feedback is late. Imported
by youth_voice.wagtail_hooks (Wagtail only looks for that module)."""

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import ListingButton

from consultations.models import ConsultationPage

from .. import access
from . import admin_views
from .services import overdue_for_feedback

app_name = "feedback_admin"
urlpatterns = [
    path("recommendations/", admin_views.board, name="board"),
    path("<id:page_id>/", admin_views.consultation_feedback, name="consultation"),
    path("<id:page_id>/publish/", admin_views.publish, name="publish"),
    path("<id:page_id>/results/publish/", admin_views.publish_results_view, name="publish_results"),
    path("<id:page_id>/results/unpublish/", admin_views.unpublish_results_view, name="unpublish_results"),
    path("<id:page_id>/recommendations/new/", admin_views.add_recommendation, name="add_recommendation"),
    path("<id:page_id>/recommendations/<int:number>/", admin_views.recommendation, name="recommendation"),
]


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [path("feedback/", include((urlpatterns, app_name), namespace=app_name))]


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return MenuItem(_("Recommendations"), reverse("feedback_admin:board"), icon_name="list-ul", order=260)


@hooks.register("register_page_listing_buttons")
def feedback_listing_button(page, user, next_url=None):
    consultation = page.specific_deferred
    if isinstance(consultation, ConsultationPage) and access.can_work_on_feedback(user, consultation):
        yield ListingButton(
            _("Feedback"), reverse("feedback_admin:consultation", args=[page.pk]), priority=17
        )


def overdue_rows(user, today=None) -> list[tuple]:
    """(consultation, days overdue) for each consultation this user works on whose feedback is late."""
    today = today or timezone.localdate()
    overdue = overdue_for_feedback(access.consultations_in_workspace_for(user).filter(live=True), today)
    return [(consultation, (today - consultation.feedback_due).days) for consultation in overdue]


class OverdueFeedbackPanel(Component):
    """Keeping the promise: the consultations whose feedback is late, shown only when there are some."""

    name = "overdue_feedback"
    template_name = "youth_voice/feedback/overdue_panel.html"
    order = 40

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows}


@hooks.register("construct_homepage_panels", order=10)  # after the workspace's: above its panel
def overdue_feedback_first(request, panels):
    rows = overdue_rows(request.user)
    if rows:
        panels.insert(0, OverdueFeedbackPanel(rows))
