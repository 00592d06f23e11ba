"""A Welsh plan draft marks its paragraphs with the same question references, written in Welsh."""

import pytest

from tests.consultations.test_plan_parser import parse_text


@pytest.mark.parametrize(
    ("marker", "refs"),
    [
        ("Cyf – C 6.1", ["6.1"]),
        ("Cyf - C6.1 Holiadur yr Ymgynghoriad", ["6.1"]),
        (". Cyfeirnod – Cwestiwn 11.2", ["11.2"]),
        ("Cyf: C 6.1 a C 6.2", ["6.1", "6.2"]),
        ("(Cyf – C 7)", ["7"]),
    ],
)
def test_welsh_question_markers_are_read_like_english_ones(marker, refs):
    plan = parse_text(f"9 IECHYD MEDDWL\n9.1 Helpu plant i wneud ffrindiau.\n9.2 {marker}\n")
    assert plan.refs == refs
    assert plan.marker_count == len(refs)


def test_a_welsh_marker_without_a_number_is_refused_like_an_english_one():
    from consultations.plans.imports import PlanImportError

    with pytest.raises(PlanImportError):
        parse_text("9 IECHYD MEDDWL\n9.1 Cyf – C\n")


def test_welsh_words_that_only_look_like_markers_are_text():
    plan = parse_text("9 IECHYD MEDDWL\n9.1 Cyfle i 12 o bobl ifanc: cyfarfod C2 yn y coleg.\n")
    assert plan.refs == [] and plan.marker_count == 0
