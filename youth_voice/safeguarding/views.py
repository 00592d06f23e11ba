"""The safeguarding lead's admin views: the alerts, and one alert with the answer in full."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import ActionForm
from .handling import acknowledge, alert_viewed, record_action
from .models import PERMISSION, Alert

handles_safeguarding = permission_required(PERMISSION, raise_exception=True)


def _page(title, **extra):
    return {"page_title": title, "header_title": title, "header_icon": "warning", **extra}


@handles_safeguarding
def alert_list(request):
    show_all = request.GET.get("show") == "all"
    alerts = Alert.objects.select_related("response", "acknowledged_by")
    if not show_all:
        alerts = alerts.filter(action_at__isnull=True)
    paginator = Paginator(alerts, 50)
    return TemplateResponse(
        request,
        "youth_voice/safeguarding/alert_list.html",
        _page(_("Safeguarding alerts"), page_obj=paginator.get_page(request.GET.get("p")), show_all=show_all),
    )


@handles_safeguarding
@require_http_methods(["GET", "POST"])
def alert_detail(request, alert_id):
    alert = get_object_or_404(
        Alert.objects.select_related("response__consultation", "question", "acknowledged_by"), pk=alert_id
    )
    form = ActionForm()
    if request.method == "POST":
        if "acknowledge" in request.POST:
            if acknowledge(alert, request.user):
                messages.success(request, _("Alert acknowledged. Record what you did when you have acted."))
            return redirect("safeguarding_admin:alert", alert.pk)
        form = ActionForm(request.POST)
        if form.is_valid():
            record_action(alert, request.user, form.cleaned_data["action"])
            messages.success(request, _("Action recorded."))
            return redirect("safeguarding_admin:alert", alert.pk)
    else:
        alert_viewed(alert, request.user)
    return TemplateResponse(
        request,
        "youth_voice/safeguarding/alert_detail.html",
        _page(
            _("Safeguarding alert %(reference)s") % {"reference": alert.response.reference},
            alert=alert,
            form=form,
            audit=alert.audit.select_related("user"),
        ),
        status=400 if form.errors else 200,
    )
