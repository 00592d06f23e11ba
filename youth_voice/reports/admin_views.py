"""Editing a consultation's board paper in the Wagtail admin, then generating it as HTML, PDF or
Word. Who may do so is decided in youth_voice.access."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..feedback.admin_views import feedback_view
from .docx import render_board_paper_docx
from .forms import BoardPaperForm
from .paper import board_paper_for, paper_content
from .pdf import render_board_paper_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@feedback_view
def edit(request, consultation):
    paper = board_paper_for(consultation)
    form = BoardPaperForm(request.POST or None, instance=paper)
    if request.method == "POST" and form.is_valid():
        form.instance.updated_at = timezone.now()
        form.save()
        messages.success(request, _("Board paper saved."))
        return redirect("reports_admin:edit", consultation.pk)
    title = _("Board paper: %(title)s") % {"title": consultation.title}
    return TemplateResponse(
        request,
        "youth_voice/reports/edit.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "doc-full",
            "consultation": consultation,
            "form": form,
            "saved": paper.pk is not None,
        },
    )


@feedback_view
def paper_html(request, consultation):
    content = paper_content(board_paper_for(consultation))
    return TemplateResponse(request, "youth_voice/reports/paper.html", {"paper": content})


def _download(body, consultation, extension, content_type):
    response = HttpResponse(body, content_type=content_type)
    name = f"board-paper-{slugify(consultation.slug)}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@feedback_view
def paper_pdf(request, consultation):
    body = render_board_paper_pdf(paper_content(board_paper_for(consultation)))
    return _download(body, consultation, "pdf", "application/pdf")


@feedback_view
def paper_docx(request, consultation):
    body = render_board_paper_docx(paper_content(board_paper_for(consultation)))
    return _download(body, consultation, "docx", DOCX_TYPE)
