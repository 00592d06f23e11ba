"""Officers' pages for paper and event forms: type one up, download the template, import a file."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .. import access
from ..admin_views import _consultation, responses_view
from ..forms import mint_submission_key, read_submission_key
from ..models import Channel
from .columns import questionnaire_form
from .forms import ImportUploadForm, PaperDetailsForm
from .importing import WrongColumns, import_file
from .reading import MAX_BYTES, UnreadableFile, too_big
from .services import store_paper_form
from .template import csv_template, xlsx_template

paper_view = responses_view(allowed=access.can_enter_responses)


@require_http_methods(["GET", "POST"])
@paper_view
def enter(request, page_id):
    consultation = _consultation(page_id)
    questions = list(consultation.questions.all())
    status = 200
    if request.method == "POST":
        data = _with_usable_key(request.POST)
        details = PaperDetailsForm(data)
        form = questionnaire_form(consultation, data, questions)
        if details.is_valid() & form.is_valid():  # both checked, so every problem shows at once
            outcome = store_paper_form(consultation, form, details, entered_by=request.user)
            words = {"reference": outcome.response.reference}
            if outcome.created:
                messages.success(request, _("Saved paper response %(reference)s. Enter another") % words)
            else:
                messages.warning(
                    request,
                    _("This form was saved already, as paper response %(reference)s: it was not saved twice.")
                    % words,
                )
            return redirect("paper_responses:enter", page_id=consultation.pk)
        status = 400
    else:
        details = PaperDetailsForm(initial={"channel": Channel.PAPER, "received_on": timezone.localdate()})
        form = questionnaire_form(consultation, questions=questions)
    rows = [
        (question, [form[name] for name in question.kind_class.field_names(question, question.field_name)])
        for question in form.questions
    ]
    title = _("Enter a paper form: %(title)s") % {"title": consultation.title}
    return TemplateResponse(
        request,
        "youth_voice/paper/enter.html",
        _context(consultation, title, details=details, form=form, forms=[details, form], rows=rows),
        status=status,
    )


def _with_usable_key(posted):
    """The posted form, with a fresh submission key if its own is expired or damaged: an officer's
    page left open overnight still saves (once) when they press the button."""
    try:
        read_submission_key(posted.get("submission_key"))
    except ValidationError:
        posted = posted.copy()
        posted["submission_key"] = mint_submission_key()
    return posted


@require_http_methods(["GET", "POST"])
@paper_view
def import_forms(request, page_id):
    """Upload a filled-in template; the report is the answer to the upload, so the file need not be
    sent again to read it (and sending it again stores nothing twice)."""
    consultation = _consultation(page_id)
    report, status = None, 200
    upload = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload.is_valid():
        file = upload.cleaned_data["file"]
        try:
            if file.size > MAX_BYTES:  # refused before it is read into memory
                raise too_big(file.size)
            report = import_file(consultation, file.name, file.read(), entered_by=request.user)
        except WrongColumns as wrong:
            for message in wrong.messages:
                upload.add_error("file", message)
        except UnreadableFile as unreadable:
            upload.add_error("file", unreadable.message)
    if request.method == "POST" and (upload.errors or (report and not report.imported)):
        status = 400
    title = _("Import paper forms: %(title)s") % {"title": consultation.title}
    return TemplateResponse(
        request,
        "youth_voice/paper/import.html",
        _context(consultation, title, upload=upload, report=report),
        status=status,
    )


@require_GET
@paper_view
def template_csv(request, page_id):
    return csv_template(_consultation(page_id))


@require_GET
@paper_view
def template_xlsx(request, page_id):
    return xlsx_template(_consultation(page_id))


def _context(consultation, title, **extra):
    return {
        "consultation": consultation,
        "page_title": title,
        "header_title": title,
        "header_icon": "doc-full",
        **extra,
    }
