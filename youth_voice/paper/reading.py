"""Read an uploaded CSV or XLSX file into rows of text cells, numbered as a spreadsheet numbers them.

Everything an officer can get wrong with the file itself (a renamed file, an old .xls, a CSV in
another encoding, binary junk, too big, too many rows) raises `UnreadableFile` with a message that
says what to do; no other exception leaves this module.
"""

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import PurePath

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000  # rows of answers; a bigger batch is split into several files
# An XLSX is a zip, which can unpack to far more than it weighs: refuse one that would fill memory.
MAX_UNPACKED_BYTES = 10 * MAX_BYTES
SUPPORTED_EXTENSIONS = (".csv", ".xlsx")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx
_ZIP_MAGIC = b"PK\x03\x04"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class UnreadableFile(Exception):
    """A file that cannot be imported, with a message an officer can act on."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line as the spreadsheet numbers it, cells)


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def read_table(filename: str, data: bytes) -> Table:
    extension = PurePath(filename or "").suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        raise UnreadableFile(_unsupported(extension))
    if not data:
        raise UnreadableFile(_("The file is empty. Fill in the template, save it and upload it again."))
    if len(data) > MAX_BYTES:
        raise too_big(len(data))
    lines = _xlsx_lines(data) if extension == ".xlsx" else _csv_lines(data)
    numbered = [(line, [_text(cell) for cell in cells]) for line, cells in lines]
    filled = [(line, _trimmed(cells)) for line, cells in numbered if any(cells)]
    if not filled:
        raise UnreadableFile(
            _("The file has nothing in it. Fill in the template, save it and upload it again.")
        )
    (_line, header), rows = filled[0], filled[1:]
    return Table(header, rows)


def too_big(size: int) -> UnreadableFile:
    return UnreadableFile(
        _(
            "The file is %(size)s; the largest file Chorus can import is %(limit)s. "
            "Split it into several files."
        )
        % {"size": megabytes(size), "limit": megabytes(MAX_BYTES)}
    )


def _unsupported(extension: str) -> str:
    if extension == ".xls":
        return _(
            "This is an old-style Excel file (.xls). Open it in Excel, choose File › Save As › Excel "
            "Workbook (.xlsx), and upload the .xlsx."
        )
    return _("Chorus can import .csv and .xlsx files only: save the filled-in template as one of these.")


def _xlsx_lines(data: bytes):
    if data.startswith(_OLE_MAGIC):
        raise UnreadableFile(
            _(
                "This file is password-protected or an old-style .xls. Save it as an Excel Workbook "
                "(.xlsx) without a password."
            )
        )
    if not data.startswith(_ZIP_MAGIC):
        raise UnreadableFile(_("This is not an Excel workbook (.xlsx), though its name says so."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except zipfile.BadZipFile:
        raise UnreadableFile(
            _("This Excel workbook is damaged. Open it in Excel, save it again and upload it.")
        ) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            _("This workbook unpacks to too much data. Copy the rows into a fresh template.")
        )
    from openpyxl import load_workbook  # only needed here; keeps every other page's imports light

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        lines = []
        for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            lines.append((line, cells))
            _check_row_count(lines)
        workbook.close()
    except UnreadableFile:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds of error on a damaged file
        raise UnreadableFile(
            _("This Excel workbook is damaged. Open it in Excel, save it again and upload it.")
        ) from None
    return lines


def _csv_lines(data: bytes):
    text = _decoded(data)
    if "\x00" in text or len(_CONTROL_CHARS.findall(text[:10_000])) > 0.05 * min(len(text), 10_000):
        raise UnreadableFile(_("This is not a CSV file (it looks like a program or a picture)."))
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)  # Excel writes ";" where "," is the decimal point
    lines = []
    try:
        for line, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            lines.append((line, cells))
            _check_row_count(lines)
    except csv.Error:
        raise UnreadableFile(
            _("Line %(line)s of the CSV file cannot be read (a cell is too long, or a quote is not closed).")
            % {"line": len(lines) + 1}
        ) from None
    return lines


def _decoded(data: bytes) -> str:
    """UTF-8 (with or without the BOM Excel writes), UTF-16 with a BOM, else Windows' cp1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(
        _(
            "Chorus cannot read the characters in this file. In Excel, choose File › Save As › CSV "
            "UTF-8 and upload that."
        )
    )


def _check_row_count(lines):
    if len(lines) > MAX_ROWS + 2:  # the header and the template's notes row
        raise UnreadableFile(
            _("The file has more than %(limit)s rows. Split it into files of at most %(limit)s rows each.")
            % {"limit": f"{MAX_ROWS:,}"}
        )


def _text(cell) -> str:
    """A cell as text: numbers as typed (1, not 1.0), a date as 2026-11-20."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, bool):
        return "1" if cell else ""
    return str(cell).strip()


def _trimmed(cells: list[str]) -> list[str]:
    """Without the blank cells a spreadsheet leaves at the end of a row."""
    cells = list(cells)
    while cells and not cells[-1]:
        cells.pop()
    return cells
