import pytest
from django.core.exceptions import ValidationError

from consultations.references import normalise_question_ref, number_anchor, ref_anchor, ref_sort_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("6.1", "6.1"),
        ("Q 6.1", "6.1"),
        ("Q6.1", "6.1"),
        ("q6.1", "6.1"),
        ("  Q  6.1 ", "6.1"),
        ("Question 6.1", "6.1"),
        ("Ref – Q 6.1 Consultation Questionnaire", "6.1"),
        ("Ref - Q1", "1"),
        ("Ref – Q2", "2"),
        ("Q 11.2", "11.2"),
        ("12.8.", "12.8"),
        ("3A", "3a"),
    ],
)
def test_references_written_many_ways_normalise_to_one(raw, expected):
    assert normalise_question_ref(raw) == expected


@pytest.mark.parametrize("raw", ["", "Q", "Ref – Q", "six", "6..1", "<b>6</b>", "1.2.3.4.5"])
def test_text_that_is_not_a_reference_is_rejected_with_a_clear_message(raw):
    with pytest.raises(ValidationError) as error:
        normalise_question_ref(raw)
    assert "is not a question reference" in error.value.messages[0]


def test_anchors_are_stable_and_readable():
    assert ref_anchor("6.1") == "question-6-1"
    assert number_anchor("9.2.1") == "para-9-2-1"


def test_references_sort_by_number_not_text():
    assert sorted(["10", "6.10", "2", "6.2"], key=ref_sort_key) == ["2", "6.2", "6.10", "10"]
