"""The public page of a consultation's published results (`ConsultationPage.results`, at
`<consultation>/results/`): not found until an officer publishes them after it closes."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.template.response import TemplateResponse

from .results import (
    RESPONSES_PER_PAGE,
    as_published,
    consultation_results,
    published_responses,
    results_are_public,
    results_published_at,
)


def published_results(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    if not results_are_public(page):
        raise Http404("No published results")
    # Any page number, however malformed, gives a page: the first, or the last when past the end.
    responses = Paginator(published_responses(page), RESPONSES_PER_PAGE).get_page(request.GET.get("page"))
    context = page.get_context(request) | {
        "results": consultation_results(page),
        "published_at": results_published_at(page),
        "responses": responses,
        "published": as_published(responses, page),
    }
    return TemplateResponse(request, "youth_voice/feedback/results.html", context)
