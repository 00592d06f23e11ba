"""The workspace's screens: they read the request, call `listing`, `creating` and `sharing`, and
render. Admin screens are registered in `admin_hooks`; the short link is public."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.admin.views.pages.preview import ViewDraftView
from wagtail.utils.decorators import xframe_options_sameorigin_override

from consultations.models import ConsultationPage

from .. import access
from . import sharing
from .creating import copy_consultation, create_consultation
from .forms import ConsultationDatesForm, NewConsultationForm
from .listing import status_counts, workspace_rows
from .status import WorkspaceStatus


def _admin_page(request, template, title, **context):
    return TemplateResponse(
        request,
        f"youth_voice/admin/{template}",
        {"page_title": title, "header_title": title, "header_icon": "form", **context},
    )


def _consultation(page_id) -> ConsultationPage:
    return get_object_or_404(ConsultationPage, pk=page_id)


def _workable(request, page_id) -> ConsultationPage:
    """A consultation this user may share, preview or copy; any other is not found."""
    page = _consultation(page_id)
    if not access.can_work_on(request.user, page):
        raise Http404
    return page


def index(request):
    mine = request.GET.get("mine") == "1"
    status = request.GET.get("status", "")
    if status not in WorkspaceStatus.values:
        status = ""
    every = workspace_rows(request.user, mine=mine)
    return _admin_page(
        request,
        "workspace_index.html",
        _("My consultations") if mine else _("Consultations"),
        rows=[row for row in every if not status or row.status == status],
        counts=status_counts(every),
        statuses=WorkspaceStatus.choices,
        mine=mine,
        status=status,
    )


def new(request):
    form = NewConsultationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        page = create_consultation(
            request.user, form.cleaned_data["parent"], form.cleaned_data["title"], form.dates
        )
        messages.success(
            request,
            _("“%(title)s” is ready as a draft: write its overview and questions.") % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return _admin_page(
        request,
        "workspace_dates_form.html",
        _("New consultation"),
        form=form,
        submit_label=_("Create and edit"),
    )


def copy(request, page_id):
    page = _workable(request, page_id)
    initial = {"title": _("Copy of %(title)s") % {"title": page.title}}
    form = ConsultationDatesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not page.permissions_for_user(request.user).can_copy_to(page.get_parent()):
            raise PermissionDenied
        copied = copy_consultation(page, request.user, form.cleaned_data["title"], form.dates)
        messages.success(
            request,
            _("“%(title)s” is a new draft with the same questions and no responses.")
            % {"title": copied.title},
        )
        return redirect("wagtailadmin_pages:edit", copied.pk)
    return _admin_page(
        request,
        "workspace_dates_form.html",
        _("Copy “%(title)s”") % {"title": page.title},
        form=form,
        source=page,
        submit_label=_("Copy and edit"),
    )


def share(request, page_id):
    page = _workable(request, page_id)
    return _admin_page(
        request,
        "workspace_share.html",
        _("Share “%(title)s”") % {"title": page.title},
        consultation=page,
        versions=sharing.language_versions(page, request),
        short_url=sharing.short_url(page, request),
    )


@require_GET
def qr_code(request, page_id, kind):
    page = _workable(request, page_id)
    url = sharing.short_url(page, request)
    if kind == "svg":
        return HttpResponse(sharing.qr_svg(url, title=url), content_type="image/svg+xml")
    response = HttpResponse(sharing.qr_png(url), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-qr.png"'
    return response


def poster(request, page_id):
    page = _workable(request, page_id)
    versions = sharing.language_versions(page, request)
    url = sharing.short_url(page, request)
    return TemplateResponse(
        request,
        "youth_voice/admin/workspace_poster.html",
        {
            "consultation": page,
            "versions": versions,
            "any_live": any(version.live for version in versions),
            "short_url": url,
            "short_url_display": url.split("://", 1)[-1],
        },
    )


def phone_preview(request, page_id):
    page = _workable(request, page_id)
    return _admin_page(
        request,
        "workspace_phone_preview.html",
        _("On a phone: “%(title)s”") % {"title": page.title},
        consultation=page,
    )


# The page as it would be published, in the frame of the phone preview (the admin's own draft view
# refuses to be framed).
phone_preview_frame = xframe_options_sameorigin_override(ViewDraftView.as_view())


@require_GET
@cache_control(private=True, max_age=86400)
def initials_avatar(request, initials):
    """A round avatar with the user's initials, drawn here: no picture service is ever asked."""
    if not 1 <= len(initials) <= 2 or not initials.isalpha():
        raise Http404
    return TemplateResponse(
        request,
        "youth_voice/admin/workspace_initials.svg",
        {"initials": initials},
        content_type="image/svg+xml",
    )


@require_GET
def short_link(request, page_id):
    """The short link on posters: the consultation in the visitor's language."""
    version = sharing.version_for_visitor(_consultation(page_id), request)
    if version is None:
        raise Http404(_("This consultation is not published."))
    return redirect(version.get_url(request))


def copy_instead(request, page):
    """Wagtail's own Copy, for a consultation, asks for a new title and dates here instead."""
    if isinstance(page.specific_deferred, ConsultationPage):
        return redirect(reverse("workspace:copy", args=[page.pk]))
    return None
