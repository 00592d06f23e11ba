"""Officers' feedback screens in the Wagtail admin: a consultation's feedback and recommendations,
publishing the feedback and the results (or taking the results back), one recommendation with its
progress, and the board of open ones. Who may do what is decided in youth_voice.access."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations.models import ConsultationPage

from .. import access
from ..models import Recommendation
from .forms import ProgressForm, RecommendationForm
from .results import publish_results, published_results_url, results_published_at, unpublish_results
from .services import publish_feedback, record_progress


def feedback_view(view):
    """Runs the view for a consultation this user works on (its first version); any other is not found."""

    @wraps(view)
    def wrapped(request, page_id, **kwargs):
        consultation = get_object_or_404(ConsultationPage, pk=page_id).answers_page
        if not access.can_work_on_feedback(request.user, consultation):
            raise Http404
        return view(request, consultation, **kwargs)

    return wrapped


def _render(request, template, title, **context):
    return TemplateResponse(
        request,
        f"youth_voice/feedback/{template}",
        {"page_title": title, "header_title": title, "header_icon": "comment", **context},
    )


@feedback_view
def consultation_feedback(request, consultation):
    versions = consultation.get_translations(inclusive=True).specific().order_by("pk")
    return _render(
        request,
        "admin_consultation.html",
        _("Feedback: %(title)s") % {"title": consultation.title},
        consultation=consultation,
        state=consultation.feedback_state(),
        days_overdue=consultation.days_feedback_overdue(),
        versions=[(version, list(version.feedback_items.all())) for version in versions],
        recommendations=consultation.recommendations.all(),
        may_publish=access.can_publish_feedback(request.user, consultation),
        results_published_at=results_published_at(consultation),
        results_url=published_results_url(consultation),
        today=timezone.localdate(),
    )


def publishing_view(view):
    """A POST by someone who may publish the consultation's page: `view` does it and says what it
    did, or refuses with a ValidationError; either way, back to the consultation's feedback screen."""

    @feedback_view  # not found before "use POST": nobody learns of a consultation they do not work on
    @require_POST
    @wraps(view)
    def wrapped(request, consultation):
        if not access.can_publish_feedback(request.user, consultation):
            raise PermissionDenied
        try:
            messages.success(request, view(request, consultation))
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        return redirect("feedback_admin:consultation", consultation.pk)

    return wrapped


@publishing_view
def publish(request, consultation) -> str:
    published = publish_feedback(consultation)
    return _(
        "The feedback is published on %(count)s language versions. Adults who asked are being emailed."
    ) % {"count": published.versions}


@publishing_view
def publish_results_view(request, consultation) -> str:
    publish_results(consultation, by=request.user)
    return _("The results are published on every language version of the page.")


@publishing_view
def unpublish_results_view(request, consultation) -> str:
    unpublish_results(consultation, by=request.user)
    return _("The results are no longer public.")


@feedback_view
def add_recommendation(request, consultation):
    form = RecommendationForm(request.POST or None, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        recommendation = form.save()
        messages.success(request, _("%(label)s added.") % {"label": recommendation.label})
        return redirect("feedback_admin:consultation", consultation.pk)
    return _render(
        request,
        "admin_recommendation_form.html",
        _("New recommendation: %(title)s") % {"title": consultation.title},
        consultation=consultation,
        form=form,
    )


@feedback_view
def recommendation(request, consultation, number):
    """Edit a recommendation, or record its progress (the only way its status changes)."""
    recommendation = get_object_or_404(Recommendation, consultation=consultation, number=number)
    action = request.POST.get("action") if request.method == "POST" else None
    form = RecommendationForm(
        request.POST if action == "edit" else None, instance=recommendation, consultation=consultation
    )
    progress = ProgressForm(
        request.POST if action == "progress" else None, initial={"status_after": recommendation.status}
    )
    if action == "edit" and form.is_valid():
        form.save()
        messages.success(request, _("%(label)s saved.") % {"label": recommendation.label})
        return redirect("feedback_admin:recommendation", consultation.pk, number)
    if action == "progress" and progress.is_valid():
        record_progress(
            recommendation,
            by=request.user,
            note=progress.cleaned_data["note"],
            status=progress.cleaned_data["status_after"],
        )
        messages.success(request, _("Progress on %(label)s recorded.") % {"label": recommendation.label})
        return redirect("feedback_admin:recommendation", consultation.pk, number)
    return _render(
        request,
        "admin_recommendation.html",
        f"{recommendation.label}: {consultation.title}",
        consultation=consultation,
        recommendation=recommendation,
        form=form,
        progress=progress,
        updates=recommendation.updates.select_related("written_by"),
        today=timezone.localdate(),
    )


def board(request):
    """Every open recommendation the user may read, by due date (soonest first, or latest first)."""
    descending = request.GET.get("sort") == "-due"
    consultations = access.consultations_with_recommendations_for(request.user)
    recommendations = (
        Recommendation.objects.open()
        .filter(consultation__in=consultations.values("pk"))
        .select_related("consultation")
        .by_due_date(descending=descending)
    )
    return _render(
        request,
        "admin_board.html",
        _("Recommendations board"),
        recommendations=recommendations,
        descending=descending,
        today=timezone.localdate(),
        editable={c.pk for c in consultations if access.can_work_on_feedback(request.user, c)},
    )
