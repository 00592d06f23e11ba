"""Officers' screens for live sessions, in the Wagtail admin: the list, starting one, the
facilitator's controls (plain POST forms, then back: no JavaScript needed), the projector's
presenter screen and the join QR code. youth_voice.access decides who may do what."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from consultations.models import ConsultationPage

from .. import access
from ..models import LiveSession
from . import services
from .forms import StartForm
from .qr import join_qr_svg, join_url


def _admin_page(request, template, title, **context):
    return TemplateResponse(
        request,
        f"youth_voice/live/{template}",
        {"page_title": title, "header_title": title, "header_icon": "media", **context},
    )


def _runnable(request, session_id) -> LiveSession:
    """A session this user may run; any other is not found."""
    session = get_object_or_404(LiveSession.objects.select_related("consultation"), pk=session_id)
    if not access.can_run_live_session(request.user, session):
        raise Http404
    return session


def index(request):
    consultations, now = access.consultations_in_workspace_for(request.user), timezone.now()
    sessions = LiveSession.objects.filter(consultation__in=consultations).select_related("consultation")
    return _admin_page(
        request,
        "index.html",
        _("Live sessions"),
        sessions=sessions[:50],
        open_consultations=consultations.filter(opens_at__lte=now)
        .exclude(closes_at__lte=now)
        .order_by("title"),
    )


@require_http_methods(["GET", "POST"])
def start(request, page_id):
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    if not access.can_work_on(request.user, consultation):
        raise Http404
    form = StartForm(consultation, request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        session = services.start_session(
            consultation, form.cleaned_data["questions"], user=request.user, event=form.cleaned_data["event"]
        )
        return redirect("live_admin:control", session.pk)
    title = _("Start a live session: %(title)s") % {"title": consultation.title}
    return _admin_page(request, "start.html", title, form=form, consultation=consultation)


@require_http_methods(["GET", "POST"])
def control(request, session_id):
    session = _runnable(request, session_id)
    may_moderate = access.can_moderate_live_comments(request.user, session)
    if request.method == "POST":
        comment, decision = request.POST.get("comment", ""), request.POST.get("decision")
        if comment.isdigit() and decision in ("approve", "reject") and may_moderate:
            services.moderate(int(comment), session.pk, approve=decision == "approve", user=request.user)
        elif request.POST.get("action") in services.CONTROL_ACTIONS:
            services.control(session.pk, request.POST["action"])
        else:
            messages.error(request, _("That action is not one of the controls."))
        return redirect("live_admin:control", session.pk)
    return _admin_page(
        request,
        "control.html",
        _("Live session %(code)s") % {"code": session.join_code},
        **_screen(session, request),
        pending=session.comments.pending().on(session.current_key) if may_moderate else None,
        may_moderate=may_moderate,
    )


def present(request, session_id):
    session = _runnable(request, session_id)
    return TemplateResponse(request, "youth_voice/live/present.html", _screen(session, request))


def _screen(session, request) -> dict:
    """What the presenter screen and the controls show: the question, its counts as bars
    ((code, label, count) for each option), the word cloud and the join link."""
    message, results = services.question_message(session), services.results_message(session.pk)
    question = message["question"] or {"options": []}
    return {
        "session": session,
        "message": message,
        "results": results,
        "bars": [(o["code"], o["label"], results["counts"].get(o["code"], 0)) for o in question["options"]],
        "cloud": services.word_cloud(results["comments"]),
        "join_url": join_url(session, request),
    }


def qr(request, session_id):
    session = _runnable(request, session_id)
    return HttpResponse(join_qr_svg(session, request), content_type="image/svg+xml")
