"""The phone's pages, without an account: /join for the code, /join/<CODE>/ for the question.

They work with plain form posts (post, redirect, get) and a refresh link; live-participant.js
upgrades them to the websocket when it can. A phone is known by a signed cookie holding a random
participant id, and nothing else.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..models import LiveState
from .forms import AnswerForm, JoinForm
from .services import (
    LiveError,
    cookie_name,
    join,
    new_participant,
    notify_presenters,
    own_answer,
    question_message,
    read_participant,
    record_comment,
    record_vote,
    session_by_code,
)

COOKIE_SECONDS = 24 * 3600  # a session is one event


@require_http_methods(["GET", "POST"])
def join_form(request):
    form = JoinForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        return redirect("youth_voice:live_participant", code=form.cleaned_data["code"])
    return TemplateResponse(
        request, "youth_voice/live/join.html", {"form": form}, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def participant(request, code):
    session = session_by_code(code)
    if session is None:
        form = JoinForm({"code": code})
        form.is_valid()
        return TemplateResponse(request, "youth_voice/live/join.html", {"form": form}, status=404)
    participant_id, signed = _participant(request, session)
    message = question_message(session)
    form, answered = None, own_answer(session, participant_id)
    if request.method == "POST" and request.POST.get("question") != session.current_key:
        # Answered on a phone left open while the facilitator moved on: show what is on screen now.
        messages.warning(request, _("That question has closed. Here is the one on the screen now."))
        return _remember(redirect(request.path), session, signed)
    if message["question"] and session.state == LiveState.OPEN:
        form = AnswerForm(message["question"], request.POST or None, initial={"option": answered})
        if request.method == "POST" and form.is_valid():
            try:
                _record(session, participant_id, form)
            except LiveError as refused:
                form.add_error(form.answer_field if refused.code != "not_open" else None, refused.message)
            else:
                return _remember(redirect(request.path + "?sent=1"), session, signed)
    elif request.method == "POST":  # voting locked while the phone was answering
        return _remember(redirect(request.path), session, signed)
    context = {
        "session": session,
        "message": message,
        "form": form,
        "answer_field": form[form.answer_field] if form else None,
        "answered": answered,
        "sent": request.GET.get("sent") == "1",
        "signed_participant": signed,
    }
    status = 400 if form is not None and form.errors else 200
    return _remember(
        TemplateResponse(request, "youth_voice/live/participant.html", context, status=status),
        session,
        signed,
    )


def _participant(request, session):
    """This phone's participant id (and its signed form), given one on its first visit and counted in."""
    signed = request.COOKIES.get(cookie_name(session), "")
    participant_id = read_participant(session, signed)
    if participant_id is None:
        participant_id, signed = new_participant(session)
    if join(session, participant_id):
        notify_presenters(session.pk)
    return participant_id, signed


def _record(session, participant_id, form):
    key = form.cleaned_data["question"]
    if form.answer_field == "text":
        record_comment(session.pk, participant_id, key, form.cleaned_data["text"])
    else:
        record_vote(session.pk, participant_id, key, form.cleaned_data["option"])
        notify_presenters(session.pk)


def _remember(response, session, signed):
    response.set_cookie(
        cookie_name(session),
        signed,
        max_age=COOKIE_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response
