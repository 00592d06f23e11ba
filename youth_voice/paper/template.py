"""The import template of one consultation, as CSV or XLSX: its header and a row of notes.

Every cell goes through the exports' `safe_cell`, so a question or option an editor wrote
starting with "=" is never run as a formula by the spreadsheet that opens the template.
"""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from ..exports import safe_cell
from .columns import notes, template_columns

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_rows(consultation) -> list[list[str]]:
    columns = template_columns(consultation)
    rows = [[column.name for column in columns], notes(consultation, columns)]
    return [[safe_cell(cell) for cell in row] for row in rows]


def csv_template(consultation) -> HttpResponse:
    text = io.StringIO()
    text.write("\ufeff")  # so Excel reads the file as UTF-8
    csv.writer(text).writerows(template_rows(consultation))
    return _download(consultation, text.getvalue().encode("utf-8"), "csv", "text/csv; charset=utf-8")


def xlsx_template(consultation) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Responses"
    header, row_of_notes = template_rows(consultation)
    sheet.append(header)
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row_of_notes])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(italic=True)
    sheet.freeze_panes = "A3"
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 18
    content = io.BytesIO()
    workbook.save(content)
    return _download(consultation, content.getvalue(), "xlsx", XLSX_TYPE)


def _download(consultation, content: bytes, extension: str, content_type: str) -> HttpResponse:
    filename = f"{consultation.slug}-paper-forms-template.{extension}"
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
