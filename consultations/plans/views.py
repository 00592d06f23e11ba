"""Public views of a plan draft beyond the page itself: large print, PDF, versions, aims coverage."""

import hashlib

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import get_language

from .coverage import coverage_for
from .models import PlanVersion
from .pdf import render_plan_pdf
from .versions import compare_pages

PDF_CACHE_SECONDS = 7 * 24 * 3600


def large_print(request, page):
    context = page.get_context(request) | {"large_print": True}
    return TemplateResponse(request, page.get_template(request), context)


def pdf(request, page, *, large_print):
    """The published page as a PDF, built once for what it shows and then served from cache."""
    if getattr(request, "is_preview", False):
        raise Http404("PDFs are made from the published page")
    page_url = request.build_absolute_uri(page.get_url(request))  # as the reader reached it
    question_urls = page.question_urls()  # the consultation may open, change or close later
    subtitle = _subtitle(page)
    inputs = repr(
        (
            page.pk,
            page.live_revision_id,
            large_print,
            page_url,
            sorted(question_urls.items()),
            subtitle,
            get_language(),  # its labels ("Contents", "Page 3 of 40")
        )
    )
    key = "plan-pdf:" + hashlib.sha256(inputs.encode()).hexdigest()
    document = cache.get(key)
    if document is None:
        document = render_plan_pdf(
            title=page.title,
            subtitle=subtitle,
            introduction_html=page.introduction,
            chapters=page.chapters(question_urls),
            page_url=page_url,
            large_print=large_print,
        )
        cache.set(key, document, timeout=PDF_CACHE_SECONDS)
    filename = slugify(page.title) + ("-large-print" if large_print else "") + ".pdf"
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _subtitle(page) -> str:
    parts = [page.get_stage_display(), page.plan_period]
    version = page.versions.first()
    if version:
        parts.append(str(version))
    return " · ".join(part for part in parts if part)


def coverage(request, page):
    context = page.reader_context(request) | {"coverage": coverage_for(page)}
    return TemplateResponse(request, "consultations/plan_coverage.html", context)


def version_list(request, page):
    context = page.reader_context(request) | {"versions": page.versions.all()}
    return TemplateResponse(request, "consultations/plan_versions.html", context)


def version_detail(request, page, number):
    """An earlier (or the current) version, exactly as it was published, at a URL that never changes."""
    version = get_object_or_404(PlanVersion, page=page, number=number)
    shown = version.as_page()
    context = page.reader_context(request) | {
        "version": version,
        "shown": shown,
        "chapters": shown.chapters(),
    }
    return TemplateResponse(request, "consultations/plan_version.html", context)


def version_changes(request, page, number):
    """What changed from the version before this one, paragraph by paragraph."""
    version = get_object_or_404(PlanVersion, page=page, number=number)
    previous = page.versions.filter(number__lt=number).first()
    if previous is None:
        raise Http404("The first version has nothing to compare with")
    comparison = compare_pages(previous.as_page(), version.as_page())
    context = page.reader_context(request) | {
        "version": version,
        "previous": previous,
        "comparison": comparison,
    }
    return TemplateResponse(request, "consultations/plan_changes.html", context)
