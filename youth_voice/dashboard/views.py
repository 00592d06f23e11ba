"""The live dashboard page: a normal admin page (with a refresh link) that a script keeps current."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..admin_views import _consultation, responses_view
from .figures import dashboard_figures


@responses_view()
def live_dashboard(request, page_id):
    consultation = _consultation(page_id)
    title = _("Live: %(title)s") % {"title": consultation.title}
    return TemplateResponse(
        request,
        "youth_voice/dashboard/live.html",
        {
            "consultation": consultation,
            "figures": dashboard_figures(consultation, request.user),
            "page_title": title,
            "header_title": title,
            "header_icon": "form",
        },
    )
