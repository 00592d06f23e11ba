"""Importing paper forms from a filled-in template: every row checked as online, all or nothing, once."""

import datetime

import pytest
from django.utils import timezone
from django.utils.translation import override

from tests.conftest import make_consultation
from youth_voice.models import Alert, Answer, Response
from youth_voice.paper.importing import import_file

from .conftest import csv_bytes, rows_as_cells, xlsx_bytes

TODAY = timezone.localdate()
GOOD = [
    {
        "received_on": "2026-11-02",
        "age_band": "13_15",
        "Q1": "yes",
        "Q6.1": "More youth workers",
        "Q7 buses": "1",
    },
    # Labels instead of codes, a Welsh "yes", a tick written as x, an event form, a British date.
    {
        "channel": "event",
        "received_on": "03/11/2026",
        "age_band": "13 to 15",
        "Q1": "Ie",
        "Q6.2": "A month",
        "Q7 swimming": "x",
        "Q7 clubs": "Clubs",
    },
    {"received_on": "2026-11-04", "Q1": "no", "Q1 why": "Too long"},
]


def stored(consultation):
    return {
        response.received_on.isoformat(): (
            response.channel,
            response.age_band,
            sorted((a.question.reference, a.option, a.text) for a in response.answers.all()),
        )
        for response in Response.objects.for_consultation(consultation)
    }


EXPECTED = {
    "2026-11-02": (
        "paper",
        "13_15",
        [("1", "yes", ""), ("6.1", "", "More youth workers"), ("7", "buses", "")],
    ),
    "2026-11-03": (
        "event",
        "13_15",
        [("1", "yes", ""), ("6.2", "a-month", ""), ("7", "clubs", ""), ("7", "swimming", "")],
    ),
    "2026-11-04": ("paper", "", [("1", "", "Too long"), ("1", "no", "")]),
}


def test_a_csv_template_filled_in_is_imported_row_by_row(consultation, officer, csv_file):
    report = import_file(consultation, "forms.csv", csv_file(GOOD), entered_by=officer)
    assert (report.imported, report.rows, report.created, report.existing) == (True, 3, 3, 0)
    assert stored(consultation) == EXPECTED
    assert set(Response.objects.values_list("entered_by", "status", "language")) == {
        (officer.pk, "submitted", "en-gb")
    }


def test_an_xlsx_template_filled_in_is_imported_with_its_dates_and_numbers(consultation, officer):
    lines = rows_as_cells(consultation, GOOD)
    header = lines[0]
    for line in lines[2:]:  # as Excel keeps them: dates as dates, ticks as numbers
        day = line[header.index("received_on")]
        line[header.index("received_on")] = datetime.datetime.strptime(
            day, "%Y-%m-%d" if "-" in day else "%d/%m/%Y"
        )
        if line[header.index("Q7 buses")] == "1":
            line[header.index("Q7 buses")] = 1
    report = import_file(consultation, "forms.xlsx", xlsx_bytes(lines), entered_by=officer)
    assert (report.imported, report.created) == (True, 3)
    assert stored(consultation) == EXPECTED


def test_importing_the_same_file_again_stores_nothing_twice(consultation, officer, csv_file):
    data = csv_file(GOOD)
    import_file(consultation, "forms.csv", data, entered_by=officer)
    again = import_file(consultation, "forms (1).csv", data, entered_by=officer)
    assert (again.created, again.existing) == (0, 3)
    assert Response.objects.count() == 3 and Answer.objects.count() == 9


def test_identical_rows_in_one_file_are_different_children(consultation, officer, csv_file):
    same = {"received_on": "2026-11-02", "Q1": "yes"}
    report = import_file(consultation, "forms.csv", csv_file([same, same, same]), entered_by=officer)
    assert report.created == 3 and Response.objects.count() == 3


def test_a_row_added_to_a_new_file_is_a_new_file(consultation, officer, csv_file):
    """The key is the file's content and the line (docs/paper-responses.md says why)."""
    import_file(consultation, "forms.csv", csv_file(GOOD[:1]), entered_by=officer)
    report = import_file(consultation, "forms.csv", csv_file(GOOD[1:2]), entered_by=officer)
    assert report.created == 1 and Response.objects.count() == 2


def test_every_problem_is_reported_by_line_and_nothing_is_stored(consultation, officer, csv_file):
    rows = [
        GOOD[0],  # line 3: fine
        {"received_on": "2026-11-02", "Q6.2": "Maybe"},
        {"received_on": (TODAY + datetime.timedelta(days=1)).isoformat(), "Q1": "yes"},
        {"received_on": "2026-11-02", "Q7 swimming": "maybe"},
        {"received_on": "2026-11-02", "age_band": "twelve", "Q1": "perhaps"},
        {"received_on": "2026-11-02", "Q8": "x" * 5001},
        {"Q1": "yes"},
        {"received_on": "31/02/2026", "channel": "online"},
    ]
    report = import_file(consultation, "forms.csv", csv_file(rows), entered_by=officer)
    assert [str(problem) for problem in report.problems] == [
        "Line 4, Q6.2: 'Maybe' is not one of A week, A month, Three months",
        f"Line 5, received_on: The date received cannot be in the future: today is {TODAY:%d/%m/%Y}.",
        "Line 6, Q7: 'maybe' under Q7 swimming is not a tick: write 1 if “Swimming” was ticked, or leave it blank.",
        "Line 7, age_band: 'twelve' is not one of Under 11, 11 to 12, 13 to 15, 16 to 18, 19 to 25, Over 25",
        "Line 7, Q1: 'perhaps' is not one of Yes, No",
        "Line 8, Q8: Your answer is too long: please use no more than 5,000 characters (you have used 5001).",
        "Line 9, received_on: This field is required.",
        "Line 10, channel: 'online' is not one of Paper form, At an event",
        "Line 10, received_on: Enter a date, like 20/11/2026 or 2026-11-20.",
    ]
    assert (report.imported, report.rows, report.created) == (False, 8, 0)
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_under_13s_personal_details_are_never_stored(consultation, officer, csv_file):
    row = {"received_on": "2026-11-02", "age_band": "under_11", "name": "Sam", "contact": "sam@example.org"}
    import_file(consultation, "forms.csv", csv_file([row]), entered_by=officer)
    response = Response.objects.get()
    assert (response.age_band, response.name, response.contact) == ("under_11", "", "")


def test_a_closed_consultation_still_takes_its_paper_forms(home, plan, officer):
    closed = make_consultation(home, plan, slug="closed", opens_delta=-30, closes_delta=-1)
    data = csv_bytes(rows_as_cells(closed, [{"received_on": "2026-11-02", "Q1": "yes"}]))
    assert import_file(closed, "forms.csv", data, entered_by=officer).created == 1


def test_imported_answers_are_screened_for_safeguarding(consultation, officer, csv_file):
    row = {"received_on": "2026-11-02", "Q6.1": "my dad hits me when he is drunk"}
    import_file(consultation, "forms.csv", csv_file([row]), entered_by=officer)
    assert Alert.objects.get().response == Response.objects.get()


def test_a_semicolon_csv_in_windows_encoding_is_read(consultation, officer):
    lines = rows_as_cells(consultation, [{"received_on": "02/11/2026", "Q6.1": "Café for teenagers"}])
    report = import_file(consultation, "forms.csv", csv_bytes(lines, "cp1252", ";"), entered_by=officer)
    assert report.created == 1 and Answer.objects.get().text == "Café for teenagers"


@pytest.mark.parametrize("form_as_exported", ["=1+1", "@SUM(A1)"])
def test_a_formula_typed_on_a_form_is_stored_as_text(consultation, officer, csv_file, form_as_exported):
    import_file(
        consultation,
        "forms.csv",
        csv_file([{"received_on": "2026-11-02", "Q6.1": form_as_exported}]),
        entered_by=officer,
    )
    assert Answer.objects.get().text == form_as_exported


def test_an_officer_working_in_welsh_reads_the_report_in_welsh(consultation, officer, csv_file):
    rows = [{"received_on": "2026-11-02", "Q6.2": "Maybe"}]
    with override("cy"):
        report = import_file(consultation, "forms.csv", csv_file(rows), entered_by=officer)
        assert [str(problem) for problem in report.problems] == [
            "Llinell 3, Q6.2: Nid yw 'Maybe' yn un o A week, A month, Three months"
        ]
