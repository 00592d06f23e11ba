"""Files as officers make them: the consultation's template header, its notes row, and rows typed in."""

import csv
import io

import pytest
from openpyxl import Workbook

from youth_voice.paper.template import template_rows


def rows_as_cells(consultation, rows):
    """The template's two rows, then one row per dict of {column: cell}."""
    header, notes = template_rows(consultation)
    return [header, notes] + [[row.get(name, "") for name in header] for row in rows]


def csv_bytes(lines, encoding="utf-8-sig", delimiter=","):
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(lines)
    return text.getvalue().encode(encoding)


def xlsx_bytes(lines):
    workbook = Workbook()
    for line in lines:
        workbook.active.append(line)
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()


@pytest.fixture
def csv_file(consultation):
    def make(rows, **options):
        return csv_bytes(rows_as_cells(consultation, rows), **options)

    return make
