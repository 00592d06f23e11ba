"""Views for group responses: record one, view and correct it, delete it.

Who may is youth_voice.access's decision: a consultation's officers (every group response), and
the facilitators of the forums it was put to (their own forums' group responses, recorded from
those forums only). Nothing here asks whether the consultation is open: a group's response is
often typed in after it closed.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import access
from ..admin_views import _consultation, responses_view
from .forms import GroupResponseForm, initial_for
from .services import correct_group_response, delete_group_response, record_group_response

group_view = responses_view(
    allowed=access.can_record_group_responses, visible=access.can_record_group_responses
)


def _group(request, consultation, reference):
    return get_object_or_404(
        access.group_responses_for(request.user, consultation).select_related("forum", "event", "entered_by"),
        reference=reference,
    )


def _back_url(request, consultation, forum=None) -> str:
    """Officers go back to the consultation's group responses; a facilitator to their forum's page
    (which lists its group responses), or to their forums when none is known."""
    if access.can_read_responses(request.user, consultation):
        return reverse("youth_voice_admin:responses", args=[consultation.pk]) + "?speaks_for=group"
    if forum is not None:
        return reverse("forums_admin:forum", args=[forum.pk])
    return reverse("forums_admin:index")


def _form(request, consultation, data=None, **kwargs):
    return GroupResponseForm(
        consultation, data, forums=access.group_forums_for(request.user, consultation), **kwargs
    )


def _render(request, consultation, title, form=None, forum=None, **context):
    return TemplateResponse(
        request,
        context.pop("template", "youth_voice/groups/form.html"),
        {
            "consultation": consultation,
            "page_title": title,
            "header_title": title,
            "header_icon": "group",
            "back_url": _back_url(request, consultation, forum),
            "form": form,
            "may_add_forum": request.user.has_perm("youth_voice.add_forum"),
            **context,
        },
    )


def _saved(request, consultation, response, message):
    messages.success(request, message % {"reference": response.reference, "size": response.group_size})
    return redirect(_back_url(request, consultation, response.forum))


@group_view
def new(request, page_id):
    consultation = _consultation(page_id)
    if request.method == "POST":
        form = _form(request, consultation, request.POST)
        if form.is_valid():
            outcome = record_group_response(
                consultation,
                **form.contents(),
                submission_key=form.cleaned_data["submission_key"],
                entered_by=request.user,
            )
            if outcome.created:
                return _saved(
                    request,
                    consultation,
                    outcome.response,
                    _("Group response %(reference)s saved: it speaks for %(size)s young people."),
                )
            return _saved(
                request,
                consultation,
                outcome.response,
                _("Group response %(reference)s was saved already; it is saved once."),
            )
    else:
        form = _form(
            request,
            consultation,
            initial={
                "submission_key": GroupResponseForm.new_submission_key(),
                "forum": request.GET.get("forum", ""),
            },
        )
    return _render(
        request,
        consultation,
        _("Record a group response: %(title)s") % {"title": consultation.title},
        form=form,
        forum=form.chosen_forum(),
    )


@group_view
def edit(request, page_id, group_reference):
    consultation = _consultation(page_id)
    response = _group(request, consultation, group_reference)
    if request.method == "POST":
        form = _form(request, consultation, request.POST, new=False)
        if form.is_valid():
            correct_group_response(response, **form.contents())
            response.refresh_from_db()
            return _saved(
                request,
                consultation,
                response,
                _("Group response %(reference)s corrected: it speaks for %(size)s young people."),
            )
    else:
        form = _form(request, consultation, initial=initial_for(response), new=False)
    return _render(
        request,
        consultation,
        _("Group response %(reference)s") % {"reference": response.reference},
        form=form,
        forum=response.forum,
        response=response,
    )


@group_view
def delete(request, page_id, group_reference):
    consultation = _consultation(page_id)
    response = _group(request, consultation, group_reference)
    if request.method == "POST":
        delete_group_response(response)
        messages.success(
            request, _("Group response %(reference)s deleted.") % {"reference": response.reference}
        )
        return redirect(_back_url(request, consultation, response.forum))
    return _render(
        request,
        consultation,
        _("Delete group response %(reference)s?") % {"reference": response.reference},
        template="youth_voice/groups/delete.html",
        forum=response.forum,
        response=response,
    )
