"""Public views: the questionnaire (screen by screen), saving and resuming, changing, the receipt."""

import logging
import math

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, ngettext, override
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consultations.about_you import PERSONAL_DETAILS, RESPONSE_DETAILS
from consultations.models import ConsultationPage
from consultations.models.consultation import published_generation
from consultations.translatable import language_of

from .forms import HONEYPOT, CodeForm, ResponseForm, mint_submission_key, read_submission_key
from .journey import Journey, as_query_dict
from .models import AgeBand, Response, Status, split_code
from .retention import erase_response
from .safeguarding.screening import response_needs_help
from .services import (
    AlreadySent,
    ConsultationClosed,
    ResponseWithdrawn,
    change_response,
    save_draft,
    send_draft,
    submit_response,
    withdraw_response,
)
from .throttle import Limited, code_checks, count, honeypot_filled, over, submission_checks, take

logger = logging.getLogger(__name__)

RECEIPT_COOKIE = "chorus_code"
RECEIPT_SALT = "youth_voice.receipt"
RECEIPT_SECONDS = 3600


def respond(request, page):
    """The consultation page: its first screen, with a fresh submission key."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    # A preview shows the questionnaire being edited; the public page, the published one.
    preview = getattr(request, "is_preview", False)
    journey = Journey(page, questions=None if preview else page.published_questions())
    step = request.GET.get("step", "1")
    # A link to a question in a later section (from the plan draft) opens that section's screen.
    screen = (
        journey.screen(int(step))
        if step.isascii() and step.isdigit() and len(step) < 3
        else journey.screens[0]
    )
    if screen.about_you or screen.check:
        screen = journey.screens[0]
    if (
        not preview
        and set(request.GET) <= {"step"}
        and not request.user.is_authenticated
        and not len(messages.get_messages(request))
    ):
        return _fresh_screen(request, journey, screen)
    return render_screen(
        request,
        journey,
        screen,
        lambda: journey.form_for(screen, bound=False),
        submission_key=ResponseForm.new_submission_key(),
        pristine=not preview,
    )


# Stand-ins for the two parts of a fresh screen that differ per visitor.
FRESH_CSRF_TOKEN, FRESH_SUBMISSION_KEY = "@@csrf-token@@", "@@submission-key@@"


def _fresh_screen(request, journey, screen):
    """A screen nobody has typed in yet is the same page for every visitor but for its CSRF token and
    submission key: render it once per published revision (and status, plan version, language) and
    fill those two in."""
    page = journey.page

    def render():
        response = render_screen(
            request,
            journey,
            screen,
            lambda: journey.form_for(screen, bound=False),
            submission_key=FRESH_SUBMISSION_KEY,
            pristine=True,
            csrf_token=FRESH_CSRF_TOKEN,
        )
        return response.render().content.decode()

    # The address is part of the page (language links and alternates repeat it).
    name = (
        "fresh-screen",
        request.get_full_path(),
        screen.number,
        page.status,
        page.feedback_state(),  # "late" comes with a date, not with a new revision
        published_generation(),
        get_language(),
    )
    html = page.read_once_per_revision(name, render)
    html = html.replace(FRESH_CSRF_TOKEN, get_token(request)).replace(
        FRESH_SUBMISSION_KEY, ResponseForm.new_submission_key()
    )
    return HttpResponse(html)


def posted_data(request) -> QueryDict:
    """The POST as sent. Raw bytes that are not UTF-8 make Django decode the whole body as Latin-1
    and store it garbled; decode it as UTF-8 instead, so the bad characters show as such and the
    form can say it could not read them."""
    if request.content_type == "application/x-www-form-urlencoded":
        try:
            request.body.decode("utf-8")
        except UnicodeDecodeError:
            return QueryDict(request.body.decode("utf-8", errors="replace"))
    return request.POST


def submit(request, page_id):
    """The one address the questionnaire posts to: every button of every screen comes here.

    The page is found by id rather than by its place in the tree, so a page moved or renamed while
    someone is answering still receives their answers. Anything but a POST goes to the page, as do
    requests its view restrictions (password, login) turn away.
    """
    page = _live_consultation(page_id)
    if page.url is None:  # live, but under no site: nobody can have been shown its form
        raise Http404("No such consultation")
    if request.method != "POST" or not page.accepts_request(request):
        return redirect(page.url)
    data = posted_data(request)
    if data.get(HONEYPOT):
        # Filled in by a robot: refused quietly (it learns nothing), stored nowhere, counted.
        honeypot_filled(page.answers_page_id)
        logger.info("Refused a form whose honeypot was filled, for consultation %s", page.answers_page_id)
        return redirect(page.url)
    journey = Journey(page, data, page.published_questions())
    held = _held_response(request, page, data.get("response_code", ""), data.get("code_pass", ""))
    if isinstance(held, Limited):
        return _limited(request, journey, journey.posted_screen, held, code_problem="blocked")
    if held == "wrong":
        # Whatever went wrong with the code, what was typed is shown again, never lost.
        screen = journey.posted_screen
        return render_screen(
            request, journey, screen, journey.form_for(screen), code_problem=held, status=403
        )
    if not page.is_open():
        form = journey.full_form()
        return render_screen(request, journey, journey.screens[0], form, closed_with_answers=True, status=403)

    action = journey.action
    screen = journey.posted_screen
    if action == "save":
        return _save(request, journey, screen, held)
    if action == "back":
        return render_screen(
            request,
            journey,
            journey.screen(screen.number - 1),
            journey.form_for(journey.screen(screen.number - 1), bound=False),
            held=held,
        )
    if action.startswith("goto-"):
        target = journey.screen(int(action[5:]))
        return render_screen(request, journey, target, journey.form_for(target, bound=False), held=held)
    if action in ("withdraw", "withdraw_confirmed"):
        return _withdraw(request, journey, held, confirmed=action == "withdraw_confirmed")
    if action in ("next", "check") and not screen.check:
        form = journey.form_for(screen)
        if not form.is_valid():
            return render_screen(request, journey, screen, form, held=held, status=_status(form))
        following = journey.screen(screen.number + 1)
        return render_screen(request, journey, following, journey.form_for(following, bound=False), held=held)
    return _send(request, journey, held)


def _live_consultation(page_id):
    """The live consultation, read once per published revision and address in this process."""
    found = list(
        ConsultationPage.objects.live().filter(pk=page_id).values_list("live_revision_id", "url_path")[:1]
    )
    if not found:
        raise Http404("No such consultation")
    return ConsultationPage.at_revision(page_id, *found[0])


def _status(form) -> int:
    # A missing or altered hidden key is tampering, not a slip: say so, keep the answers.
    return 400 if "submission_key" in form.errors else 200


def wait_in_words(seconds: int) -> str:
    """When to try again, as a person would say it."""
    if seconds < 90:
        return ngettext(
            "Please try again in %(count)d second.", "Please try again in %(count)d seconds.", seconds
        ) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "Please try again in %(count)d minute.", "Please try again in %(count)d minutes.", minutes
    ) % {"count": minutes}


def _limited(request, journey, screen, limited, *, held=None, **notices):
    """Over a limit: 429, with the screen shown again holding every answer typed, and when to retry."""
    notices.setdefault("rate_limited", True)
    page = render_screen(
        request,
        journey,
        screen,
        journey.form_for(screen),
        held=held,
        status=429,
        retry_in=wait_in_words(limited.retry_after),
        **notices,
    )
    page["Retry-After"] = str(limited.retry_after)
    return page


def _send(request, journey, held):
    page = journey.page
    form = journey.full_form()
    if not form.is_valid():
        screen = journey.first_screen_with_errors(form)
        return render_screen(
            request, journey, screen, journey.form_for(screen), held=held, status=_status(form)
        )
    key = form.cleaned_data["submission_key"]
    try:
        take(submission_checks(request, page.answers_page_id, key))
    except Limited as limited:
        return _limited(request, journey, journey.posted_screen, limited, held=held)
    try:
        if held is None:
            outcome = submit_response(
                page,
                form.answers(),
                submission_key=form.cleaned_data["submission_key"],
                about_you=form.about_you(),
                language=get_language() or "en-gb",
            )
            if outcome.differs and outcome.response.status == Status.DRAFT:
                # The form of a draft saved from this page (sent after the browser's Back button,
                # say): its key already lets it save that draft again, so it sends it too.
                outcome = send_draft(
                    outcome.response, form.answers(), about_you=form.about_you(), new_code=True
                )
        elif held.status == Status.DRAFT:
            outcome = send_draft(held, form.answers(), about_you=form.about_you())
        else:
            outcome = change_response(held, form.answers(), about_you=form.about_you())
    except ConsultationClosed:
        return render_screen(request, journey, journey.screens[0], form, closed_with_answers=True, status=403)
    except ResponseWithdrawn:
        return render_screen(request, journey, journey.screens[0], form, withdrawn_meanwhile=True, status=409)
    if outcome.differs:
        return render_screen(
            request, journey, journey.screens[0], form, already_sent=outcome.response, status=409
        )
    receipt = redirect(reverse("youth_voice:receipt", args=[page.pk, outcome.response.reference]))
    code = (
        outcome.response.code(outcome.secret) if outcome.secret else data_code(journey.data, outcome.response)
    )
    if code:
        keep_receipt(request, receipt, page, outcome.response.reference, code)
    return receipt


def receipt_cookie_name(language: str) -> str:
    """One cookie per language, so both can be set at once: each is scoped to the receipt's address
    under its own language prefix, which is where the language switch leads."""
    return f"{RECEIPT_COOKIE}_{language.replace('-', '_')}"


def keep_receipt(request, response, page, reference, code) -> None:
    """Lets this browser, and only this one, see the receipt in either language."""
    for language, _name in settings.LANGUAGES:
        with override(language):
            path = reverse("youth_voice:receipt", args=[page.pk, reference])
        response.set_signed_cookie(
            receipt_cookie_name(language),
            code,
            salt=RECEIPT_SALT,
            max_age=RECEIPT_SECONDS,
            path=path,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )


def data_code(data, response) -> str:
    """The code a person already holds (they resumed or changed with it), to show it again."""
    held = split_code(data.get("response_code", ""))
    return data.get("response_code", "") if held and held[0] == response.reference else ""


def _save(request, journey, screen, held):
    data = journey.draft_data()
    if journey.data.get("age_band") in AgeBand.under_13():
        for name in PERSONAL_DETAILS:  # never kept for under-13s, even in a draft
            data.pop(name, None)
    form = journey.form_for(screen, bound=False)
    try:
        key = read_submission_key(journey.data.get("submission_key"))
    except ValidationError:  # a damaged, made-up or expired key: nothing can be saved under it
        return render_screen(request, journey, screen, journey.form_for(screen), held=held, status=400)
    try:
        take(submission_checks(request, journey.page.answers_page_id, key))
    except Limited as limited:
        return _limited(request, journey, screen, limited, held=held)
    try:
        draft, secret = save_draft(
            journey.page,
            data,
            screen.number,
            submission_key=key,
            draft=held if held is not None and held.status == Status.DRAFT else None,
            language=get_language() or "en-gb",
        )
    except AlreadySent as sent:
        return render_screen(request, journey, screen, form, already_sent=sent.response, status=409)
    code = draft.code(secret) if secret else journey.data.get("response_code", "")
    context = journey.page.get_context(request) | {"code": code, "draft": draft}
    return TemplateResponse(request, "youth_voice/saved.html", context)


def _withdraw(request, journey, held, *, confirmed):
    if held is None or held.status != Status.SUBMITTED:
        return redirect(journey.page.code_url)
    context = journey.page.get_context(request) | {
        "held": held,
        "code": journey.data.get("response_code", ""),
    }
    if not confirmed:
        return TemplateResponse(request, "youth_voice/withdraw_confirm.html", context)
    withdraw_response(held)
    return TemplateResponse(request, "youth_voice/withdrawn.html", context)


def _held_response(request, page, code, code_pass=""):
    """The response a code gives access to: None without a code, "wrong", or Limited (too many
    wrong codes lately).

    Wrong codes are limited per address, per consultation and per response. Someone who already
    entered the right code carries a signed pass, so another person's wrong guesses never lock
    them out mid-way."""
    if not code:
        return None
    parts = split_code(code)
    reference = parts[0] if parts else "-"
    checks = code_checks(request, page.answers_page_id, reference)
    blocked = None if _has_pass(code_pass, reference) else over(checks)
    if blocked:
        return blocked
    response = (
        Response.objects.filter(
            consultation_id=page.answers_page_id,  # a code works in either language
            reference=reference,
            status__in=[Status.DRAFT, Status.SUBMITTED],
        )
        .select_related("consultation")
        .first()
        if parts
        else None
    )
    if response is None or not response.secret_matches(parts[1]):
        count(checks)
        return "wrong"
    return response


CODE_PASS_SALT = "youth_voice.code-pass"  # noqa: S105 - a signing namespace, not a secret
CODE_PASS_SECONDS = 24 * 3600


def _has_pass(code_pass, reference) -> bool:
    try:
        return signing.loads(code_pass, salt=CODE_PASS_SALT, max_age=CODE_PASS_SECONDS) == reference
    except signing.BadSignature:
        return False


def render_screen(request, journey, screen, form, *, held=None, submission_key=None, status=200, **notices):
    """Show one screen. `form` may be a function making it: a fresh screen is usually served from
    the template cache, and then its form is never needed."""
    page = journey.page
    if callable(form):
        form = SimpleLazyObject(form)

    def rows():
        paragraphs = page.plan_paragraphs_by_ref
        on_screen = {question.reference for question in screen.questions}
        return [
            (
                question,
                [form[name] for name in question.kind_class.field_names(question, question.field_name)],
                paragraphs.get(question.reference, []),
                _condition(question, journey.questionnaire.by_reference, on_screen),
            )
            for question in form.questions
        ]

    context = page.get_context(request) | {
        "journey": journey,
        "screen": screen,
        "form": form,
        "rows": rows,
        "carried": journey.carried_fields(screen, form),
        "submission_key": submission_key or _usable_key(journey.data.get("submission_key")),
        "held": held,
        "response_code": journey.data.get("response_code", "") if held else "",
        "check": _check_answers(journey) if screen.check else None,
        **notices,
    }
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _usable_key(posted):
    """The key the form was sent with, or a fresh one if it arrived damaged, made up or expired, so
    sending again works."""
    try:
        read_submission_key(posted)
    except ValidationError:
        return ResponseForm.new_submission_key()
    return posted


def _condition(question, by_reference, on_screen):
    """How a follow-up says when to answer it, and what the script needs to show it in place."""
    source = by_reference.get(question.show_if_reference)
    if source is None:
        return None
    codes = question.show_if_codes()
    labels = [option.label for option in source.kind_class.options(source) if option.code in codes]
    return {
        "reference": source.reference,
        "labels": _(" or ").join(_("“%(label)s”") % {"label": label} for label in labels),
        "field": source.field_name,
        "codes": " ".join(sorted(codes)),
        "same_screen": source.reference in on_screen,
    }


def _check_answers(journey):
    """(screen, [(question, answer in words)]) for the check-your-answers screen, and about you."""
    form = journey.full_form()
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    sections = []
    for screen in journey.screens:
        if screen.check or not screen.questions:  # a one-screen questionnaire has "about you" too
            continue
        answered = []
        for question in journey.visible_on(screen):
            rows = (
                question.kind_class.rows(question, question.field_name, cleaned)
                if question.field_name in cleaned or question.kind == "ranking"
                else []
            )
            answered.append(
                (question, question.kind_class.describe(question.kind_class.options(question), rows))
            )
        sections.append((screen, answered))
    about = [
        (form.fields[name].label, _about_value(form, name))
        for name in form.fields
        if not name.startswith("q_") and name != "submission_key" and cleaned.get(name)
    ]
    return {"sections": sections, "about": about}


def _about_value(form, name) -> str:
    value = form.cleaned_data.get(name)
    choices = dict(getattr(form.fields[name], "choices", []) or [])
    return str(choices.get(value, value))


def _version_in_language(page):
    """The live version of `page` in the language being read, when `page` is in the other one
    (the language switch on a receipt or the code page leads here); None otherwise."""
    language = get_language()
    if language_of(page) == language:
        return None
    version = page.get_translations().live().filter(locale__language_code=language).first()
    return version.specific if version is not None else None


@never_cache
def code_entry(request, page_id):
    """Enter a code to finish a saved draft, or to change or withdraw a sent response."""
    page = get_object_or_404(ConsultationPage.objects.live(), pk=page_id)
    if page.url is None or not page.accepts_request(request):
        raise Http404("No such consultation")
    if request.method != "POST":
        other = _version_in_language(page)
        if other is not None:
            return redirect(other.code_url)
        return _code_page(request, page, CodeForm())
    form = CodeForm(posted_data(request))
    if not form.is_valid():
        return _code_page(request, page, form)
    code = form.cleaned_data["code"]
    held = _held_response(request, page, code)
    refused = _code_refused(request, page, form, held)
    if refused:
        return refused
    # Carried as the receipt writes it (`k7m 4qd x9pr` → `K7M-4QD-X9PR`), so it is shown again as such.
    code = held.code(split_code(code)[1])
    if request.POST.get("then") == "see":  # see or delete: open or closed alike
        return _my_response_page(request, page, held, code)
    if not page.is_open():
        return _code_page(request, page, form, closed=True, status=403)
    data = _held_data(page, held)
    step = held.draft_step if held.status == Status.DRAFT else 1
    data.setlist("submission_key", [mint_submission_key(held.submission_key)])
    data.setlist("response_code", [code])
    data.setlist("code_pass", [_code_pass(held)])
    journey = Journey(page, data)
    screen = journey.screen(step)
    return render_screen(request, journey, screen, journey.form_for(screen, bound=False), held=held)


def _code_refused(request, page, form, held):
    """The code page again when a code opens nothing: too many wrong tries (429), or wrong (403)."""
    if isinstance(held, Limited):
        refused = _code_page(
            request, page, form, blocked=True, retry_in=wait_in_words(held.retry_after), status=429
        )
        refused["Retry-After"] = str(held.retry_after)
        return refused
    if held in ("wrong", None):
        form.add_error(
            "code",
            _(
                "That code does not match a saved or sent response to this consultation. Check it and try again."  # noqa: E501
            ),
        )
        return _code_page(request, page, form, status=403)
    return None


def _code_pass(held) -> str:
    return signing.dumps(held.reference, salt=CODE_PASS_SALT)


def _held_data(page, held) -> QueryDict:
    """What a held response says, as form data: a draft's typed data, or a sent response's answers."""
    if held.status == Status.DRAFT:
        return as_query_dict(held.draft_data)
    return stored_answers_as_data(page, held)


def _my_response_page(request, page, held, code, template="youth_voice/my_response.html"):
    journey = Journey(page, _held_data(page, held))
    context = page.get_context(request) | {
        "held": held,
        "code": code,
        "code_pass": _code_pass(held),
        "check": _check_answers(journey),
        "journey": journey,
    }
    return TemplateResponse(request, template, context)


@never_cache
def my_response(request, page_id):
    """A young person sees, or deletes, their own response with their code (any time, even after the
    consultation closed). The code comes in the POST body, never in an address."""
    page = get_object_or_404(ConsultationPage.objects.live(), pk=page_id)
    if page.url is None or not page.accepts_request(request):
        raise Http404("No such consultation")
    if request.method != "POST":
        return redirect(page.code_url)
    data = posted_data(request)
    code = data.get("response_code", "")
    held = _held_response(request, page, code, data.get("code_pass", ""))
    form = CodeForm({"code": code})
    form.is_valid()
    refused = _code_refused(request, page, form, held)
    if refused:
        return refused
    action = data.get("action", "")
    if action == "erase":
        return _my_response_page(request, page, held, code, template="youth_voice/erase_confirm.html")
    if action == "erase_confirmed":
        erase_response(held)
        context = page.get_context(request) | {"was_draft": held.status == Status.DRAFT}
        return TemplateResponse(request, "youth_voice/erased.html", context)
    return _my_response_page(request, page, held, code)


def stored_answers_as_data(page, response) -> QueryDict:
    """A sent response as form data, to show it again for changing."""
    journey = Journey(page)
    by_identity = {}
    for answer in response.answers.select_related("question"):
        by_identity.setdefault(answer.question.reference, []).append(answer)
    data = QueryDict(mutable=True)
    for question in journey.questionnaire.questions:
        rows = by_identity.get(question.reference, [])
        for name, values in question.kind_class.form_data(question, question.field_name, rows).items():
            data.setlist(name, [v for v in values if v is not None])
    for name in RESPONSE_DETAILS:
        if getattr(response, name):
            data.setlist(name, [getattr(response, name)])
    return data


def _code_page(request, page, form, *, status=200, **notices):
    context = page.get_context(request) | {"form": form, **notices}
    return TemplateResponse(request, "youth_voice/code.html", context, status=status)


def receipt(request, page_id, reference):
    """The confirmation, just after sending: the reference and the code, nothing of what was said.

    Only the browser that sent the response (holding the signed receipt cookie) sees it; for anyone
    else every reference is "not found" alike, so references cannot be tried one by one. Responses
    to every language version are kept under the first one (`answers_page_id`); the receipt is in
    the language of the page the response was sent from."""
    code = request.get_signed_cookie(
        receipt_cookie_name(get_language()), default="", salt=RECEIPT_SALT, max_age=RECEIPT_SECONDS
    )
    if not code.startswith(reference + "-"):
        raise Http404("No such response")
    found = list(ConsultationPage.objects.filter(pk=page_id).values_list("live_revision_id", "url_path")[:1])
    if not found:
        raise Http404("No such response")
    page = ConsultationPage.at_revision(page_id, *found[0])
    sent = Response.objects.filter(
        consultation_id=page.answers_page_id, reference=reference, status=Status.SUBMITTED
    )
    response = sent.first()
    if response is None:
        raise Http404("No such response")
    # Reached through the language switch: the same receipt, told by the version in this language.
    page = _version_in_language(page) or page
    context = page.get_context(request) | {
        "reference": reference,
        "code": code,
        "needs_help": response_needs_help(response),
    }
    return TemplateResponse(request, "youth_voice/receipt.html", context)
