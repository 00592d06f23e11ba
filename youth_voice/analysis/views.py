"""Officers' screens for making sense of free text: the codebook, coding a question's answers,
suggested themes, quotes and their redaction. Each reads the request, calls `coding`,
`suggesting` or `services`, and renders; every one is for officers who may read the
consultation's responses (youth_voice.access, through `analysis_view`)."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultations.models import ConsultationPage, QuestionIdentity

from ..admin_views import responses_view
from ..models import Answer, Quote, SuggestionDecision, Theme
from ..safeguarding.visibility import redact_for
from ..summary import questions_in_order
from . import coding, services
from .forms import (
    AcceptSuggestionForm,
    BulkTagForm,
    CodingFilterForm,
    OwnRedactionForm,
    QuoteForm,
    RedactionForm,
    RejectSuggestionForm,
    ThemeForm,
)
from .redaction import suggest_redactions
from .suggesting import suggest_themes

ANSWERS_PER_PAGE = 50


def analysis_view(view):
    """`responses_view` for these screens; the view is then given the consultation (the version
    its answers are kept against) and, for one question's screens, that question, which must be
    one of the consultation's (any other is not found)."""

    @responses_view()
    @wraps(view)
    def wrapped(request, page_id, question_id=None, **kwargs):
        consultation = get_object_or_404(ConsultationPage, pk=page_id).answers_page
        if question_id is not None:
            kwargs["identity"] = get_object_or_404(
                QuestionIdentity, pk=question_id, consultation=consultation
            )
        return view(request, consultation, **kwargs)

    return wrapped


def _render(request, template, consultation, title, **context):
    return TemplateResponse(
        request,
        f"youth_voice/analysis/{template}",
        {
            "consultation": consultation,
            "page_title": title,
            "header_title": title,
            "header_icon": "tag",
            **context,
        },
    )


def _themes(consultation):
    return coding.in_codebook_order(consultation.themes.select_related("parent"))


def _written_questions(consultation):
    """The questions people write answers to (free text, and follow-ups such as "If not, why?")."""
    written = set(
        Answer.objects.for_consultation(consultation).with_text().values_list("question", flat=True)
    )
    return [identity for identity, _question in questions_in_order(consultation) if identity.pk in written]


@analysis_view
def codebook(request, consultation):
    form = ThemeForm(request.POST or None, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        theme = services.save_theme(form.instance, request.user)
        messages.success(request, _("Theme “%(name)s” added.") % {"name": theme.name})
        return redirect("analysis:codebook", consultation.pk)
    every_answer = {}
    questions = [
        (identity, coding.coded_share(coding.answers_to_code(identity, every_answer)))
        for identity in _written_questions(consultation)
    ]
    return _render(
        request,
        "codebook.html",
        consultation,
        _("Themes: %(title)s") % {"title": consultation.title},
        themes=_themes(consultation),
        questions=questions,
        form=form,
    )


@analysis_view
def theme_edit(request, consultation, theme_id):
    theme = get_object_or_404(Theme, pk=theme_id, consultation=consultation)
    if request.method == "POST" and "delete" in request.POST:
        theme.delete()
        messages.success(
            request, _("Theme “%(name)s” deleted, and taken off every answer.") % {"name": theme.name}
        )
        return redirect("analysis:codebook", consultation.pk)
    form = ThemeForm(request.POST or None, instance=theme, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        services.save_theme(form.instance, request.user)
        messages.success(request, _("Theme “%(name)s” saved.") % {"name": theme.name})
        return redirect("analysis:codebook", consultation.pk)
    return _render(
        request,
        "theme_form.html",
        consultation,
        _("Theme: %(name)s") % {"name": theme.name},
        theme=theme,
        form=form,
        tagged=theme.tags.count(),
    )


@analysis_view
def coding_view(request, consultation, identity):
    filter_form = CodingFilterForm(request.GET, consultation=consultation)
    filters = filter_form.filters()
    tag_form = BulkTagForm(request.POST or None, identity=identity)
    if request.method == "POST" and tag_form.is_valid():
        theme, ids = tag_form.cleaned_data["theme"], [a.pk for a in tag_form.cleaned_data["answers"]]
        if tag_form.cleaned_data["action"] == BulkTagForm.REMOVE:
            count = services.untag_answers(theme, ids)
            text = ngettext(
                "“%(theme)s” taken off %(count)d answer.", "“%(theme)s” taken off %(count)d answers.", count
            )
        else:
            count = services.tag_answers(theme, ids, request.user)
            text = ngettext(
                "“%(theme)s” applied to %(count)d answer.", "“%(theme)s” applied to %(count)d answers.", count
            )
        messages.success(request, text % {"theme": theme.name, "count": count})
        return redirect(request.get_full_path())
    answers = coding.answers_to_code(identity, filters)
    themes = _themes(consultation)
    paginator = Paginator(coding.narrowed(answers, filters), ANSWERS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("p"))
    page_obj.object_list = redact_for(request.user, page_obj.object_list)
    chosen = {int(pk) for pk in tag_form["answers"].value() or [] if str(pk).isdigit()}
    return _render(
        request,
        "coding.html",
        consultation,
        _("Q%(reference)s: coding answers") % {"reference": identity.reference},
        identity=identity,
        filter_form=filter_form,
        filter_query=urlencode({name: request.GET[name] for name in filters}),
        tag_form=tag_form,
        chosen=chosen,
        page_obj=page_obj,
        share=coding.coded_share(answers),
        counts=coding.theme_counts(themes, answers),
        themes=themes,
    )


@analysis_view
def suggestions(request, consultation, identity):
    accept_form = None
    if request.method == "POST" and "reject" in request.POST:
        reject = RejectSuggestionForm(request.POST)
        if reject.is_valid():
            services.reject_suggestion(identity, reject.cleaned_data["words"], request.user)
            messages.success(request, _("Suggestion rejected: it will not be suggested again."))
        return redirect("analysis:suggestions", consultation.pk, identity.pk)
    if request.method == "POST":
        accept_form = AcceptSuggestionForm(request.POST, identity=identity)
        if accept_form.is_valid():
            theme, tagged = services.accept_suggestion(
                identity,
                accept_form.cleaned_data["words"],
                accept_form.instance,
                [answer.pk for answer in accept_form.cleaned_data["answers"]],
                request.user,
            )
            messages.success(
                request,
                ngettext(
                    "Theme “%(name)s” added and applied to %(count)d answer.",
                    "Theme “%(name)s” added and applied to %(count)d answers.",
                    tagged,
                )
                % {"name": theme.name, "count": tagged},
            )
            return redirect("analysis:suggestions", consultation.pk, identity.pk)
    # Flagged answers are for the safeguarding lead, not for themes.
    texts = list(
        Answer.objects.filter(question=identity, safeguarding_flag__isnull=True).with_text().order_by("pk")
    )
    decided = SuggestionDecision.objects.filter(question=identity).values_list("words", flat=True)
    found = suggest_themes([(answer.pk, answer.text) for answer in texts], decided)
    by_pk = {answer.pk: answer for answer in texts}
    offered = []
    for suggestion in found.themes:
        posted = accept_form if accept_form and accept_form.data.get("words") == suggestion.key else None
        form = posted or AcceptSuggestionForm(
            identity=identity,
            initial={"words": suggestion.key, "name": suggestion.name, "answers": suggestion.strong},
        )
        strong = [by_pk[pk] for pk in suggestion.strong]
        offered.append((suggestion, form, strong))
    return _render(
        request,
        "suggestions.html",
        consultation,
        _("Q%(reference)s: suggested themes") % {"reference": identity.reference},
        identity=identity,
        enough_answers=found.enough_answers,
        offered=offered,
    )


@analysis_view
def quote_new(request, consultation, answer_id):
    answer = get_object_or_404(
        Answer.objects.select_related("response", "question"),
        pk=answer_id,
        question__consultation=consultation,
    )
    form = QuoteForm(request.POST or None, answer=answer, initial={"excerpt": answer.text})
    if request.method == "POST" and form.is_valid():
        try:
            quote = services.pick_quote(answer, form.cleaned_data["excerpt"], request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Quote kept. Check it for anything that could identify someone."))
            return redirect("analysis:quote", consultation.pk, quote.pk)
    return _render(
        request,
        "quote_new.html",
        consultation,
        _("Quote an answer to Q%(reference)s") % {"reference": answer.question.reference},
        answer=answer,
        form=form,
        confidential=answer.response.confidential,
    )


@analysis_view
def quotes(request, consultation):
    kept = Quote.objects.filter(answer__question__consultation=consultation).select_related(
        "answer__response__forum", "answer__question"
    )
    publishable = set(kept.publishable().values_list("pk", flat=True))
    return _render(
        request,
        "quotes.html",
        consultation,
        _("Quotes: %(title)s") % {"title": consultation.title},
        rows=[(quote, quote.pk in publishable) for quote in kept.prefetch_related("redactions")],
    )


@analysis_view
def quote_detail(request, consultation, quote_id):
    quote = get_object_or_404(
        Quote.objects.select_related("answer__response__forum", "answer__question"),
        pk=quote_id,
        answer__question__consultation=consultation,
    )
    own_form = OwnRedactionForm(request.POST if "words" in request.POST else None)
    if request.method == "POST" and "delete" in request.POST:
        quote.delete()
        messages.success(request, _("Quote removed."))
        return redirect("analysis:quotes", consultation.pk)
    if request.method == "POST":
        if _redacted(request, quote, own_form):
            return redirect("analysis:quote", consultation.pk, quote.pk)
    taken = [(r.start, r.end) for r in quote.redactions.all()]
    offered = [
        (suggestion, suggestion.words(quote.excerpt))
        for suggestion in suggest_redactions(quote.excerpt)
        if not any(suggestion.start < end and start < suggestion.end for start, end in taken)
    ]
    return _render(
        request,
        "quote_detail.html",
        consultation,
        _("Quote from %(reference)s") % {"reference": quote.answer.response.reference},
        quote=quote,
        offered=offered,
        own_form=own_form,
        log=quote.redactions.select_related("redacted_by").order_by("redacted_at", "pk"),
    )


def _redacted(request, quote, own_form) -> bool:
    """Apply the redaction posted (a suggestion accepted, or the officer's own words); False,
    with the reason on the page, when it cannot be."""
    try:
        if own_form.is_bound:
            if not own_form.is_valid():
                return False
            count = services.redact_words(
                quote, own_form.cleaned_data["words"], own_form.cleaned_data["kind"], request.user
            )
        else:
            form = RedactionForm(request.POST)
            if not form.is_valid():
                raise ValidationError(
                    _("That part of the quote could not be found: reload the page and try again.")
                )
            services.redact(quote, **form.cleaned_data, by=request.user)
            count = 1
    except ValidationError as error:
        if own_form.is_bound:
            own_form.add_error("words", error)
        else:
            messages.error(request, " ".join(error.messages))
        return False
    messages.success(
        request,
        ngettext("Removed from %(count)d place.", "Removed from %(count)d places.", count) % {"count": count},
    )
    return True
