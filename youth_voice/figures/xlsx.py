"""Spreadsheets (XLSX) of a consultation: its figures, and its written answers for coding.

Both are written with openpyxl's write-only workbook, a row at a time, into a temporary file that
is then streamed to the browser: memory stays flat for any number of responses.

- **Figures**: a sheet per question (its counts and percentages, and a cross-tab when one is
  chosen), exact for the officers, suppressed (`suppression.suppress`) in the shared version and
  for everyone else.
- **Written answers**: every typed answer with its question and who answered (respondent type,
  age band, area, forum, channel, language, individual or group, consent to publish), for coding
  by theme. Flagged answers are replaced for users who may not read them.
"""

import re
import tempfile

from django.db.models import Prefetch
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter

from ..exports import safe_cell
from ..models import Answer, AnswerTheme, Response
from ..safeguarding.visibility import text_for, with_flags
from ..summary import questions_in_order, summarise
from .crosstab import crosstab
from .shared import choices_table
from .suppression import as_seen

SHEET_NAME_UNSAFE = re.compile(r"[\[\]:*?/\\]")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The response fields written beside each answer: who answered, never their name or contact.
RESPONDENT_FIELDS = ("respondent_type", "age_band", "area", "channel", "speaks_for", "publication")


def cell(value):
    """A value for a spreadsheet: numbers stay numbers; text can never run as a formula."""
    if value is None or isinstance(value, int | float):
        return value
    return safe_cell(value)


class CountedSheet:
    """A write-only sheet that counts the rows appended, so a chart can point at a table's cells."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.rows = 0

    def append(self, row):
        self.sheet.append(row)
        self.rows += 1


def _sheet(workbook, title, taken):
    """A new sheet named `title`, made safe (31 characters, no []:*?/\\) and unique."""
    name = SHEET_NAME_UNSAFE.sub(" ", title)[:31]
    number = 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = SHEET_NAME_UNSAFE.sub(" ", title)[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return CountedSheet(workbook.create_sheet(title=name))


def _figure(shown):
    return shown.value if not shown.hidden else str(shown)


def write_table(sheet, table, heading="", *, chart_title=""):
    """A `suppression.Table` as rows: the counts, row and column percentages, and the totals; with
    a bar chart of the counts beside it (a hidden count draws no bar: its cell holds words)."""
    has_row_totals = table.row_totals is not None
    columns = [str(label) for label in table.column_labels]
    header = [heading] + columns + ([_("Total")] if has_row_totals else [])
    sheet.append([cell(value) for value in header])
    _add_chart(sheet, table, header_row=sheet.rows, title=chart_title)
    body = table.body()
    for row in body:
        totals = [_figure(row.total)] if has_row_totals else []
        sheet.append([cell(str(row.label))] + [_figure(c.count) for c in row.cells] + totals)
    sheet.append([cell(_("Total"))] + [_figure(figure) for figure in table.footer()])
    percent_sets = [(_("Percentage of each column"), "column_percent")]
    if has_row_totals:
        percent_sets.append((_("Percentage of each row"), "row_percent"))
    for title, attribute in percent_sets:
        sheet.append([])
        sheet.append([cell(title)] + [cell(column) for column in columns])
        for row in body:
            sheet.append([cell(str(row.label))] + [_figure(getattr(c, attribute)) for c in row.cells])


def _add_chart(sheet, table, *, header_row, title):
    """A clustered bar chart of the table's counts (one series per column), anchored to its right."""
    if not table.row_labels:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    last_row = header_row + len(table.row_labels)
    data = Reference(
        sheet.sheet, min_col=2, max_col=1 + len(table.column_labels), min_row=header_row, max_row=last_row
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet.sheet, min_col=1, min_row=header_row + 1, max_row=last_row))
    sheet.sheet.add_chart(chart, f"{get_column_letter(len(table.column_labels) + 4)}{header_row}")


def figures_workbook(consultation, filters=None, *, exact, dimension=None, identity=None):
    """The figures workbook in a temporary file (read from its start); `dimension` and `identity`
    add that question's cross-tab to its sheet."""
    workbook = Workbook(write_only=True)
    taken = set()
    summary = summarise(consultation, filters, text_sample_size=0)
    for item in summary.questions:
        sheet = _sheet(workbook, f"Q{item.reference}", taken)
        sheet.append([cell(f"Q{item.reference}"), cell(str(item.prompt))])
        table = as_seen(choices_table(item.figures), exact=exact)
        answered = table.shown(("column", 0))
        sheet.append([cell(_("Answered")), _figure(answered)])
        if item.figures.choices:
            sheet.append([])
            write_table(sheet, table, _("Answer"), chart_title=f"Q{item.reference}")
        if identity is not None and dimension is not None and item.identity.pk == identity.pk:
            for caption, crossed in crosstab(identity, dimension, filters).tables:
                sheet.append([])
                sheet.append([cell(_("By %(dimension)s") % {"dimension": dimension.label}), cell(caption)])
                title = f"Q{item.reference}: {caption}" if caption else f"Q{item.reference}"
                write_table(sheet, as_seen(crossed, exact=exact), _("Answer"), chart_title=title)
    return _saved(workbook)


def coded_text_rows(consultation, user):
    """The header, then one row per written answer: its response, question and answer, who
    answered, and the themes officers coded it with (read with each chunk of answers)."""
    labels = {name: Response._meta.get_field(name) for name in RESPONDENT_FIELDS}
    header = [_("Response"), _("Question"), _("Question asked"), _("Answer")]
    header += [str(labels[name].verbose_name).capitalize() for name in RESPONDENT_FIELDS]
    header += [_("Forum"), _("Language"), _("Submitted at"), _("Themes")]
    yield header
    prompts = {identity.pk: (identity, question) for identity, question in questions_in_order(consultation)}
    answers = (
        with_flags(
            Answer.objects.filter(question__in=list(prompts), option="", number__isnull=True).with_text()
        )
        .select_related("response", "response__forum")
        .prefetch_related(Prefetch("themes", queryset=AnswerTheme.objects.select_related("theme__parent")))
        .order_by("question_id", "id")
    )
    # A chunk's answers, their responses and themes are held at once: 500 keeps the workbook of a
    # 100,000-response consultation under 50 MB of memory (`make bench`: export_xlsx_rss_mb).
    for answer in answers.iterator(chunk_size=500):
        identity, question = prompts[answer.question_id]
        response = answer.response
        row = [response.reference, f"Q{identity.reference}", question.prompt if question else identity.prompt]
        row.append(text_for(user, answer))
        row += [_choice_label(response, name) for name in RESPONDENT_FIELDS]
        row += [response.forum.name if response.forum else "", response.language_name]
        row.append(
            timezone.localtime(response.submitted_at).replace(tzinfo=None) if response.submitted_at else None
        )
        row.append("; ".join(sorted(str(tag.theme) for tag in answer.themes.all())))
        yield row


def _choice_label(response, name):
    return str(getattr(response, f"get_{name}_display")()) if getattr(response, name) else ""


def coded_text_workbook(consultation, user):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Written answers")[:31])
    for row in coded_text_rows(consultation, user):
        sheet.append([value if hasattr(value, "isoformat") else cell(value) for value in row])
    return _saved(workbook)


def _saved(workbook):
    spooled = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the FileResponse that streams it
    workbook.save(spooled)
    spooled.seek(0)
    return spooled


def xlsx_download(file, consultation, name) -> FileResponse:
    filename = f"{consultation.slug}-{name}-{timezone.localdate():%Y-%m-%d}.xlsx"
    return FileResponse(file, as_attachment=True, filename=filename, content_type=XLSX)
