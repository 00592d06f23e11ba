"""The template's columns are the codes export's: what is imported comes back out under the same headers."""

from tests.conftest import make_consultation
from youth_voice.exports import response_rows
from youth_voice.paper.importing import import_file

from .conftest import csv_bytes, rows_as_cells

EVERY_KIND = [
    {"reference": "1", "kind": "yes_no", "prompt": "Clear?", "follow_up_prompt": "Why not?"},
    {"reference": "2", "kind": "single_choice", "prompt": "When?", "options": ["Mornings", "Evenings"]},
    {"reference": "3", "kind": "multiple_choice", "prompt": "Which?", "options": ["Swimming", "Buses", "Clubs"]},
    {"reference": "4", "kind": "free_text", "prompt": "Anything else?"},
    {"reference": "5", "kind": "number", "prompt": "How many minutes?", "min_value": 0, "max_value": 120},
    {"reference": "6", "kind": "rating", "prompt": "Rate it", "scale_points": 10},
    {"reference": "7", "kind": "agree_scale", "prompt": "Buses are good"},
    {"reference": "8", "kind": "faces", "prompt": "How do you feel?", "scale_points": 3},
    {"reference": "9", "kind": "ranking", "prompt": "Put in order", "options": ["Parks", "Youth clubs", "Sport"]},
]  # fmt: skip

# As written on the forms: codes, labels, a number with decimals; and the codes the export gives back.
TYPED = {
    "Q1": "No", "Q1 why": "Too long", "Q2": "evenings", "Q3 swimming": "1", "Q3 clubs": "x", "Q4": "More buses",
    "Q5": "12.5", "Q6": "9", "Q7": "Agree", "Q8": "Sad", "Q9 rank parks": "2", "Q9 rank sport": "1",
}  # fmt: skip
EXPORTED = {
    "Q1": "no", "Q1 why": "Too long", "Q2": "evenings", "Q3 swimming": "1", "Q3 buses": "", "Q3 clubs": "1",
    "Q4": "More buses", "Q5": "12.5", "Q6": "9", "Q7": "4", "Q8": "1", "Q9 rank parks": "2",
    "Q9 rank youth-clubs": "", "Q9 rank sport": "1",
}  # fmt: skip


def test_every_kind_imported_comes_back_in_the_codes_export_under_the_template_headers(home, plan, officer):
    consultation = make_consultation(home, plan, slug="kinds", questions=EVERY_KIND)
    lines = rows_as_cells(consultation, [{"received_on": "2026-11-02", **TYPED}])
    assert [name for name in lines[0] if name.startswith("Q")] == list(EXPORTED)
    report = import_file(consultation, "forms.csv", csv_bytes(lines), entered_by=officer)
    assert report.problems == [] and report.created == 1
    header, row = list(response_rows(consultation, codes=True))
    exported = dict(zip(header, row, strict=True))
    assert {name: exported[name] for name in EXPORTED} == EXPORTED
    assert (exported["channel"], exported["speaks_for"]) == ("paper", "individual")
