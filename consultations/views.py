"""Public views of a consultation page: the response form and its confirmation."""

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from .forms import ResponseForm
from .models import ConsultationPage, Response
from .services import ConsultationClosed, submit_response


def respond(request, page):
    """Show the consultation with its questionnaire; store a valid response (POST)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    questions = page.questions.all()
    status = 200
    if request.method == "POST":
        form = ResponseForm(questions, request.POST)
        if form.is_valid():
            try:
                outcome = submit_response(
                    page,
                    form.answers(),
                    submission_key=form.cleaned_data["submission_key"],
                    about_you=form.about_you(),
                    language=get_language() or "en-gb",
                )
            except ConsultationClosed:
                return _render(request, page, form, closed_with_answers=True, status=403)
            thanks_path = page.reverse_subpage("thanks", args=[outcome.response.reference])
            return redirect(page.url + thanks_path)
        # A missing or altered hidden key is tampering, not a slip: say so, keep the answers.
        status = 400 if "submission_key" in form.errors else 200
        if not page.is_open():
            return _render(request, page, form, closed_with_answers=True, status=403)
    else:
        form = ResponseForm(questions)
    return _render(request, page, form, status=status)


def submit(request, page_id):
    """Where the response form posts: the page found by id rather than by its place in the tree.

    A page moved or renamed while someone is answering still receives their answers, and the
    write skips Wagtail's path routing (several queries per request). Anything but a POST goes
    to the page itself, as do requests its view restrictions (password, login) turn away.
    """
    page = get_object_or_404(ConsultationPage.objects.live(), pk=page_id)
    if page.url is None:  # live, but under no site: nobody can have been shown its form
        raise Http404("No such consultation")
    if request.method != "POST" or not page.accepts_request(request):
        return redirect(page.url)
    return respond(request, page)


def _render(request, page, form, *, closed_with_answers=False, status=200):
    context = page.get_context(request)
    paragraphs = page.plan_paragraphs_by_ref
    context |= {
        "form": form,
        "rows": [(q, field, why, paragraphs.get(q.reference, [])) for q, field, why in form.question_rows()],
        "closed_with_answers": closed_with_answers,
    }
    return TemplateResponse(request, page.get_template(request), context, status=status)


def thanks(request, page, reference):
    """The confirmation: the response reference, and nothing of what was said."""
    if not Response.objects.filter(consultation=page, reference=reference).exists():
        raise Http404("No such response")
    context = page.get_context(request) | {"reference": reference}
    return TemplateResponse(request, "consultations/consultation_thanks.html", context)
