"""The import page: the templates to download, the upload, and the report, with never a 500."""

import io
import zipfile

import pytest
from openpyxl import load_workbook

from tests.conftest import make_consultation
from youth_voice.models import ConsultationAccess, Response
from youth_voice.paper import reading

from .conftest import csv_bytes, rows_as_cells, xlsx_bytes

HEADER = [
    "channel", "received_on", "respondent_type", "age_band", "name", "organisation", "contact", "feedback_email",
    "publication",
    "Q1", "Q1 why", "Q6.1", "Q6.2", "Q7 swimming", "Q7 buses", "Q7 clubs", "Q8",
]  # fmt: skip


def import_url(consultation):
    return f"/admin/paper-forms/{consultation.pk}/import/"


def upload(client, consultation, name, content):
    return client.post(import_url(consultation), {"file": _named(name, content)})


def _named(name, content):
    file = io.BytesIO(content)
    file.name = name
    return file


def test_both_templates_have_the_consultations_columns_and_a_notes_row(officer_client, consultation):
    as_csv = officer_client.get(f"/admin/paper-forms/{consultation.pk}/template.csv")
    lines = as_csv.content.decode("utf-8-sig").splitlines()
    assert as_csv["Content-Disposition"] == 'attachment; filename="consultation-paper-forms-template.csv"'
    assert lines[0].split(",") == HEADER
    assert lines[1].startswith("# How it reached us: paper or event; blank means paper,")
    assert "Q6.2 How long is too long to wait?: one of a-week (A week), a-month (A month)" in lines[1]
    as_xlsx = officer_client.get(f"/admin/paper-forms/{consultation.pk}/template.xlsx")
    sheet = load_workbook(io.BytesIO(as_xlsx.content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER and rows[1][0] == lines[1].split(",")[0]


def test_a_template_never_starts_a_cell_with_a_formula(officer_client, home, plan, officer):
    risky = make_consultation(
        home,
        plan,
        slug="risky",
        questions=[
            {
                "reference": "1",
                "kind": "single_choice",
                "prompt": '=HYPERLINK("x")',
                "options": ["=1+1", "+2"],
            },
            {"reference": "2", "kind": "multiple_choice", "prompt": "@SUM(A1)", "options": ["-3", "=A1"]},
        ],
    )
    ConsultationAccess.objects.create(consultation=risky, user=officer)
    content = officer_client.get(f"/admin/paper-forms/{risky.pk}/template.xlsx").content
    workbook = load_workbook(io.BytesIO(content))
    cells = [cell for row in workbook.active.iter_rows() for cell in row if cell.value]
    assert cells and all(cell.data_type == "s" and cell.value[0] not in "=+-@" for cell in cells)
    text = officer_client.get(f"/admin/paper-forms/{risky.pk}/template.csv").content.decode("utf-8-sig")
    assert all(cell[:1] not in "=+-@" for line in text.splitlines() for cell in line.split(","))


def test_an_upload_is_imported_and_reported_and_a_second_upload_adds_nothing(officer_client, consultation):
    rows = [{"received_on": "2026-11-02", "Q1": "yes"}, {"received_on": "2026-11-03", "Q1": "no"}]
    content = xlsx_bytes(rows_as_cells(consultation, rows))
    first = upload(officer_client, consultation, "forms.xlsx", content)
    assert first.status_code == 200 and "2 new, 0 already imported." in first.content.decode()
    second = upload(officer_client, consultation, "forms.xlsx", content)
    assert "0 new, 2 already imported." in second.content.decode() and Response.objects.count() == 2


def test_a_file_with_problems_shows_the_report_and_saves_nothing(officer_client, consultation):
    rows = [
        {"received_on": "2026-11-02", "Q1": "yes"},
        {"received_on": "2026-11-02", "Q6.2": "=cmd|' /C calc'!A0"},
    ]
    page = upload(officer_client, consultation, "forms.csv", csv_bytes(rows_as_cells(consultation, rows)))
    html = page.content.decode()
    assert page.status_code == 400 and Response.objects.count() == 0
    assert "Nothing was imported" in html and "2 rows checked: there is 1 problem to put right." in html
    assert (
        "Line 4, Q6.2: &#x27;=cmd|&#x27; /C calc&#x27;!A0&#x27; is not one of A week, A month, Three months"
        in html
    )


def _zip(**files):
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return content.getvalue()


def header_only(*names):
    return csv_bytes([list(names)])


FILES = [
    ("forms.csv", b"", "The file is empty. Fill in the template, save it and upload it again."),
    ("forms.csv", b"\n\n ,,\n", "The file has nothing in it. Fill in the template, save it and upload it again."),
    ("forms.txt", b"channel\npaper", "Chorus can import .csv and .xlsx files only"),
    ("forms.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "This is an old-style Excel file (.xls)."),
    ("forms.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 40, "This is not a CSV file (it looks like a program or a picture)."),
    ("forms.csv", bytes(range(256)) * 40, "Chorus cannot read the characters in this file."),
    ("forms.xlsx", b"channel,received_on\npaper,2026-11-02", "This is not an Excel workbook (.xlsx), though its name says so."),
    ("forms.xlsx", b"PK\x03\x04 not really a zip", "This Excel workbook is damaged."),
    ("forms.xlsx", _zip(**{"hello.txt": "not a workbook"}), "This Excel workbook is damaged."),
    ("forms.csv", b'channel,received_on\n"paper,' + b"x" * 200_000 + b'"\n', "Line 2 of the CSV file cannot be read"),
    ("forms.csv", b"\xff\xfe\x00", "Chorus cannot read the characters in this file."),
    ("forms.csv", header_only(*HEADER), "The file has a header but no rows of answers."),
    ("forms.csv", header_only(*HEADER[:-2]), "These columns are missing: Q7 clubs, Q8."),
    ("forms.csv", header_only(*HEADER, "Q99", "favourite colour"), "These columns are not in this consultation's template: Q99, favourite colour."),
    ("forms.csv", header_only(*HEADER, "q1"), "These columns appear twice: q1."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "message"), FILES)
def test_a_file_that_cannot_be_imported_gets_a_clear_message(
    officer_client, consultation, name, content, message
):
    page = upload(officer_client, consultation, name, content)
    assert page.status_code == 400 and message in page.content.decode().replace("&#x27;", "'")
    assert Response.objects.count() == 0


def test_the_columns_of_a_codes_export_that_a_paper_form_has_no_use_for_are_left_out(
    officer_client, consultation
):
    lines = rows_as_cells(consultation, [{"received_on": "2026-11-02", "Q1": "yes"}])
    lines[0] += ["reference", "submitted_at"]
    lines[2] += ["K7M-4QD", "2026-11-01T10:00:00+00:00"]
    html = upload(officer_client, consultation, "forms.csv", csv_bytes(lines)).content.decode()
    assert "1 new, 0 already imported." in html
    assert "Columns left out (an export's, not a paper form's): reference, submitted_at." in html


@pytest.mark.parametrize(("limit", "setting", "message"), [
    ("MAX_ROWS", 2, "The file has more than 2 rows. Split it into files of at most 2 rows each."),
    ("MAX_BYTES", 100, "The file is 0 MB; the largest file Chorus can import is 0 MB."),
])  # fmt: skip
def test_files_over_the_limits_are_refused(
    officer_client, consultation, monkeypatch, limit, setting, message
):
    monkeypatch.setattr(reading, limit, setting)
    monkeypatch.setattr("youth_voice.paper.admin_views.MAX_BYTES", reading.MAX_BYTES)
    rows = [{"received_on": "2026-11-02", "Q1": "yes"}] * 3
    page = upload(officer_client, consultation, "forms.csv", csv_bytes(rows_as_cells(consultation, rows)))
    assert page.status_code == 400 and message in page.content.decode()
    assert Response.objects.count() == 0


def test_a_huge_cell_in_a_workbook_is_a_problem_of_its_line_not_a_crash(officer_client, consultation):
    rows = [{"received_on": "2026-11-02", "Q6.1": "x" * 32_767}]  # the most Excel holds in a cell
    page = upload(officer_client, consultation, "forms.xlsx", xlsx_bytes(rows_as_cells(consultation, rows)))
    assert page.status_code == 400 and Response.objects.count() == 0
    assert (
        "Line 3, Q6.1: Your answer is too long: please use no more than 5,000 characters (you have used 32767)."
        in page.content.decode()
    )
