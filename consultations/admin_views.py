"""Officers' views in the Wagtail admin: responses list, per-question summary, CSV export."""

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .exports import response_rows, stream_csv
from .models import ConsultationPage, Question, RespondentType, Response
from .summary import summarise, texts_for

view_responses = permission_required("consultations.view_response", raise_exception=True)


def _respondent_type(request) -> str:
    value = request.GET.get("respondent_type", "")
    return value if value in RespondentType.values else ""


def _context(request, consultation, title, **extra):
    return {
        "consultation": consultation,
        "page_title": title,
        "header_title": title,
        "header_icon": "form",
        "respondent_type": _respondent_type(request),
        "respondent_types": RespondentType.choices,
        **extra,
    }


@view_responses
def consultation_index(request):
    consultations = ConsultationPage.objects.annotate(response_count=Count("responses")).order_by(
        "-closes_at"
    )
    return TemplateResponse(
        request,
        "consultations/admin/index.html",
        {
            "consultations": consultations,
            "page_title": "Responses",
            "header_title": "Responses",
            "header_icon": "form",
        },
    )


@view_responses
def response_list(request, page_id):
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    responses = Response.objects.for_consultation(consultation).of_type(_respondent_type(request))
    paginator = Paginator(responses, 50)
    page_obj = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "consultations/admin/response_list.html",
        _context(
            request, consultation, f"Responses: {consultation.title}", page_obj=page_obj, paginator=paginator
        ),
    )


@view_responses
def response_detail(request, page_id, reference):
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    response = get_object_or_404(Response, consultation=consultation, reference=reference)
    answers = {}
    for answer in response.answers.all():
        answers.setdefault(answer.question_id, []).append(answer)
    rows = [(question, answers.get(question.pk, [])) for question in consultation.questions.all()]
    return TemplateResponse(
        request,
        "consultations/admin/response_detail.html",
        _context(request, consultation, f"Response {response.reference}", response=response, rows=rows),
    )


@view_responses
def summary(request, page_id):
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    return TemplateResponse(
        request,
        "consultations/admin/summary.html",
        _context(
            request,
            consultation,
            f"Summary: {consultation.title}",
            summary=summarise(consultation, _respondent_type(request)),
            reference_check=consultation.reference_check(),
        ),
    )


@view_responses
def question_texts(request, page_id, question_id):
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    question = get_object_or_404(Question, pk=question_id, page=consultation)
    paginator = Paginator(texts_for(question, _respondent_type(request)), 100)
    return TemplateResponse(
        request,
        "consultations/admin/question_texts.html",
        _context(
            request,
            consultation,
            f"Q{question.reference}: everything written",
            question=question,
            page_obj=paginator.get_page(request.GET.get("p")),
            back_url=reverse("consultations_admin:summary", args=[consultation.pk]),
        ),
    )


@view_responses
@permission_required("consultations.export_response", raise_exception=True)
def export_csv(request, page_id):
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    filename = f"{consultation.slug}-responses-{timezone.localdate():%Y-%m-%d}.csv"
    return StreamingHttpResponse(
        stream_csv(response_rows(consultation)),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
