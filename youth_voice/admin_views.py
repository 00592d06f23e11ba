"""Officers' views in the Wagtail admin: responses, one response, the summary, written answers, CSV."""

from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from consultations.models import ConsultationPage, QuestionIdentity

from . import access
from .exports import csv_download
from .figures.shared import suppress_summary
from .models import AgeBand, Channel, RespondentType, Response, SpeaksFor, Status
from .models.response import FILTER_FIELDS
from .safeguarding.visibility import redact_for, with_flags
from .summary import questions_in_order, summarise, texts_for

SPEAKS_FOR_CHOICES = [(SpeaksFor.INDIVIDUAL, _lazy("Individuals")), (SpeaksFor.GROUP, _lazy("Groups"))]


def responses_view(allowed=access.can_read_responses, visible=access.can_read_responses):
    """Lets a view run only for a consultation given to this user (youth_voice.access decides).

    A consultation they may not see (`visible`: by default, not given to them) answers 404, as if it
    did not exist, so ids cannot be probed;
    `allowed` is then asked (e.g. may they export?), and refusing it is a 403.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, page_id, **kwargs):
            consultation = _consultation(page_id)
            if not visible(request.user, consultation):
                raise Http404
            if not allowed(request.user, consultation):
                raise PermissionDenied
            return view(request, page_id, **kwargs)

        return wrapped

    return decorator


def _consultation(page_id):
    """The consultation whose responses every language version shares (its first version)."""
    return get_object_or_404(ConsultationPage, pk=page_id).answers_page


@dataclass(frozen=True)
class OfficerFilters:
    """The officer's filters: what the address chose, and the filter bar offering every choice."""

    chosen: dict  # {field: value}: only known values of FILTER_FIELDS
    choices: list  # (field, label, [(value, label)]) in the filter bar's order

    def context(self) -> dict:
        return {
            "filters": self.chosen,
            "filter_query": urlencode({k: v for k, v in self.chosen.items() if v}),
            "filter_choices": self.choices,
        }


def officer_filters(request, consultation) -> OfficerFilters:
    """The filters chosen in the address, combined; a value not offered is ignored."""
    choices = [
        ("speaks_for", _("Individuals or groups"), SPEAKS_FOR_CHOICES),
        ("respondent_type", _("Respondent"), RespondentType.choices),
        ("age_band", _("Age band"), AgeBand.choices),
        ("channel", _("Channel"), Channel.choices),
        ("area", _("Area"), [(area, area) for area in _areas(consultation)]),
        ("language", _("Language"), settings.LANGUAGES),
    ]
    offered = {name: {value for value, _label in values} for name, _label, values in choices}
    chosen = {
        name: request.GET.get(name, "")
        for name in FILTER_FIELDS
        if request.GET.get(name, "") in offered[name]
    }
    return OfficerFilters(chosen, choices)


def _areas(consultation) -> list[str]:
    given = Response.objects.for_consultation(consultation).exclude(area="").values_list("area", flat=True)
    return sorted(set(consultation.area_choices()) | set(given.distinct()))


def _context(consultation, title, filters: OfficerFilters, **extra):
    return {
        "consultation": consultation,
        "page_title": title,
        "header_title": title,
        "header_icon": "form",
        **filters.context(),
        **extra,
    }


def consultation_index(request):
    if not access.may_list_figures(request.user):
        raise PermissionDenied
    consultations = (
        access.consultations_with_figures_for(request.user)  # one row per consultation
        .annotate(response_count=Count("responses", filter=Q(responses__status=Status.SUBMITTED)))
        .order_by("-opens_at")
    )
    title = _("Responses")
    return TemplateResponse(
        request,
        "youth_voice/admin/index.html",
        {"consultations": consultations, "page_title": title, "header_title": title, "header_icon": "form"},
    )


@responses_view()
def response_list(request, page_id):
    consultation = _consultation(page_id)
    filters = officer_filters(request, consultation)
    responses = (
        Response.objects.for_consultation(consultation)
        .submitted()
        .matching(filters.chosen)
        .select_related("forum", "event")
    )
    paginator = Paginator(responses, 50)
    return TemplateResponse(
        request,
        "youth_voice/admin/response_list.html",
        _context(
            consultation,
            _("Responses: %(title)s") % {"title": consultation.title},
            filters,
            page_obj=paginator.get_page(request.GET.get("p")),
            paginator=paginator,
        ),
    )


@responses_view()
def response_detail(request, page_id, reference):
    consultation = _consultation(page_id)
    response = get_object_or_404(
        Response, consultation=consultation, reference=reference, status=Status.SUBMITTED
    )
    answers = {}
    for answer in redact_for(request.user, with_flags(response.answers.order_by("position", "id"))):
        answers.setdefault(answer.question_id, []).append(answer)
    rows = [
        (identity, question, identity.kind_class.describe(identity.options(), answers.get(identity.pk, [])))
        for identity, question in questions_in_order(consultation)
        if question is not None or identity.pk in answers
    ]
    return TemplateResponse(
        request,
        "youth_voice/admin/response_detail.html",
        _context(
            consultation,
            _("Response %(reference)s") % {"reference": response.reference},
            officer_filters(request, consultation),
            response=response,
            rows=rows,
        ),
    )


@responses_view(allowed=access.can_read_figures, visible=access.can_read_figures)
def summary(request, page_id):
    consultation = _consultation(page_id)
    filters = officer_filters(request, consultation)
    summarised = summarise(consultation, filters.chosen)
    # Partnership readers get the figures: never what anyone wrote, nor a way to one response.
    figures_only = not access.can_read_responses(request.user, consultation)
    for item in summarised.questions:
        item.texts = [] if figures_only else redact_for(request.user, item.texts)
        for agreed in item.groups.agreed:
            agreed.rows = [] if figures_only else redact_for(request.user, agreed.rows)
    if not access.sees_exact_figures(request.user, consultation):
        suppress_summary(summarised)  # counts under 5 hidden beyond the officers (youth_voice.figures)
    return TemplateResponse(
        request,
        "youth_voice/admin/summary.html",
        _context(
            consultation,
            _("Summary: %(title)s") % {"title": consultation.title},
            filters,
            summary=summarised,
            figures_only=figures_only,
            reference_check=consultation.reference_check(),
        ),
    )


@responses_view()
def question_texts(request, page_id, question_id):
    consultation = _consultation(page_id)
    identity = get_object_or_404(QuestionIdentity, pk=question_id, consultation=consultation)
    filters = officer_filters(request, consultation)
    paginator = Paginator(texts_for(identity, filters.chosen), 100)
    page_obj = paginator.get_page(request.GET.get("p"))
    page_obj.object_list = redact_for(request.user, page_obj.object_list)
    return TemplateResponse(
        request,
        "youth_voice/admin/question_texts.html",
        _context(
            consultation,
            _("Q%(reference)s: everything written") % {"reference": identity.reference},
            filters,
            identity=identity,
            page_obj=page_obj,
            back_url=reverse("youth_voice_admin:summary", args=[consultation.pk]),
        ),
    )


@responses_view(allowed=access.can_export)
def export_csv(request, page_id):
    """Headers with each question's wording, values as people read them, in the officer's language."""
    return csv_download(_consultation(page_id), request.user)


@responses_view(allowed=access.can_export)
def export_codes(request, page_id):
    """Stable headers and stored codes, for software."""
    return csv_download(_consultation(page_id), request.user, codes=True)
