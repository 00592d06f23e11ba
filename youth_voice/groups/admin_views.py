"""Officers' views for group responses: record one, view and correct it, delete it.

Who may is youth_voice.access's decision (the officers a consultation is given to), through the
same decorator as every response view. Nothing here asks whether the consultation is open: a
group's response is often typed in after it closed.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from ..admin_views import _consultation, responses_view
from ..models import Response, SpeaksFor, Status
from .forms import GroupResponseForm, initial_for
from .services import correct_group_response, delete_group_response, record_group_response


def _group(consultation, reference):
    return get_object_or_404(
        Response.objects.select_related("forum", "event", "entered_by"),
        consultation=consultation,
        reference=reference,
        speaks_for=SpeaksFor.GROUP,
        status=Status.SUBMITTED,
    )


def _render(request, consultation, title, **context):
    return TemplateResponse(
        request,
        context.pop("template", "youth_voice/groups/form.html"),
        {
            "consultation": consultation,
            "page_title": title,
            "header_title": title,
            "header_icon": "group",
            "back_url": reverse("youth_voice_admin:responses", args=[consultation.pk]) + "?speaks_for=group",
            **context,
        },
    )


def _saved(request, consultation, response, message):
    messages.success(request, message % {"reference": response.reference, "size": response.group_size})
    return redirect(reverse("youth_voice_admin:responses", args=[consultation.pk]) + "?speaks_for=group")


@responses_view()
def new(request, page_id):
    consultation = _consultation(page_id)
    if request.method == "POST":
        form = GroupResponseForm(consultation, request.POST)
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
        form = GroupResponseForm(
            consultation, initial={"submission_key": GroupResponseForm.new_submission_key()}
        )
    return _render(
        request,
        consultation,
        _("Record a group response: %(title)s") % {"title": consultation.title},
        form=form,
    )


@responses_view()
def edit(request, page_id, group_reference):
    consultation = _consultation(page_id)
    response = _group(consultation, group_reference)
    if request.method == "POST":
        form = GroupResponseForm(consultation, request.POST, new=False)
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
        form = GroupResponseForm(consultation, initial=initial_for(response), new=False)
    return _render(
        request,
        consultation,
        _("Group response %(reference)s") % {"reference": response.reference},
        form=form,
        response=response,
    )


@responses_view()
def delete(request, page_id, group_reference):
    consultation = _consultation(page_id)
    response = _group(consultation, group_reference)
    if request.method == "POST":
        delete_group_response(response)
        messages.success(
            request, _("Group response %(reference)s deleted.") % {"reference": response.reference}
        )
        return redirect(reverse("youth_voice_admin:responses", args=[consultation.pk]) + "?speaks_for=group")
    return _render(
        request,
        consultation,
        _("Delete group response %(reference)s?") % {"reference": response.reference},
        template="youth_voice/groups/delete.html",
        response=response,
    )
