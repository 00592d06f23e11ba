"""Officers see the answers summarised per question."""

import uuid

import pytest

from consultations.forms import AnswerInput
from consultations.services import ConsultationClosed, submit_response
from consultations.summary import summarise
from tests.conftest import make_consultation


@pytest.fixture
def answered(answer):
    answer(
        {"1": (["No"], "Too long"), "6.2": ["A week"], "7": ["Swimming", "Buses"], "6.1": "A friend"},
        respondent_type="young_person",
    )
    answer(
        {"1": (["Yes"], ""), "6.2": ["A week"], "7": ["Swimming"]},
        respondent_type="young_person",
        confidential=True,
    )
    answer({"1": (["No"], ""), "6.2": ["Three months"], "6.1": "Time"}, respondent_type="parent_carer")
    answer({"8": "Only this"})


def by_ref(summary):
    return {item.question.reference: item for item in summary.questions}


def counts(item):
    return {c.label: (c.count, c.percent) for c in item.choices}


def test_counts_and_percentages_per_choice(consultation, answered):
    summary = by_ref(summarise(consultation))
    assert summary["1"].respondents == 3
    assert counts(summary["1"]) == {"Yes": (1, 33.3), "No": (2, 66.7)}
    assert counts(summary["6.2"]) == {"A week": (2, 66.7), "A month": (0, 0.0), "Three months": (1, 33.3)}


def test_multiple_choice_counts_people_not_ticks(consultation, answered):
    item = by_ref(summarise(consultation))["7"]
    assert item.respondents == 2
    assert counts(item) == {"Swimming": (2, 100.0), "Buses": (1, 50.0), "Clubs": (0, 0.0)}


def test_free_text_answers_are_all_listed(consultation, answered):
    summary = by_ref(summarise(consultation))
    assert sorted(a.text for a in summary["6.1"].texts) == ["A friend", "Time"]
    assert summary["6.1"].text_count == 2
    assert summary["6.1"].choices == []
    assert [a.text for a in summary["1"].texts] == ["Too long"]  # the "if not, why?" follow-ups


def test_filter_by_respondent_type(consultation, answered):
    summary = summarise(consultation, "young_person")
    assert summary.total_responses == 2
    items = by_ref(summary)
    assert counts(items["1"]) == {"Yes": (1, 50.0), "No": (1, 50.0)}
    assert [a.text for a in items["6.1"].texts] == ["A friend"]
    assert items["8"].respondents == 0


def test_totals_count_every_response(consultation, answered):
    assert summarise(consultation).total_responses == 4


def test_answers_to_a_renamed_option_still_count(consultation, questions, answered):
    question = questions["6.2"]
    question.options = "Seven days\nA month\nThree months"
    question.save()
    item = by_ref(summarise(consultation))["6.2"]
    assert counts(item)["A week"] == (2, 66.7)  # shown after the current options
    assert [c.label for c in item.choices] == ["Seven days", "A month", "Three months", "A week"]


def test_summary_of_a_consultation_without_responses(consultation):
    summary = summarise(consultation)
    assert summary.total_responses == 0
    assert all(item.respondents == 0 for item in summary.questions)


def test_submitting_twice_with_one_key_stores_once(consultation, questions):
    key = uuid.uuid4()
    first = submit_response(consultation, [AnswerInput(questions["6.1"], text="hi")], submission_key=key)
    again = submit_response(consultation, [AnswerInput(questions["6.1"], text="hi")], submission_key=key)
    assert first.created and not again.created
    assert first.response.pk == again.response.pk
    assert consultation.responses.count() == 1


def test_service_refuses_a_closed_consultation(home):
    page = make_consultation(home, slug="closed", opens_delta=-9, closes_delta=-1)
    with pytest.raises(ConsultationClosed):
        submit_response(page, [], submission_key=uuid.uuid4())
    assert not page.responses.exists()


def test_a_taken_reference_is_retried_not_lost(consultation, questions, monkeypatch, answer):
    taken = answer({"6.1": "first"}).reference
    fresh = iter([taken, "ZZZ-ZZZ"])
    monkeypatch.setattr("consultations.services.new_response_reference", lambda: next(fresh))
    outcome = submit_response(
        consultation, [AnswerInput(questions["6.1"], text="second")], submission_key=uuid.uuid4()
    )
    assert outcome.created and outcome.response.reference == "ZZZ-ZZZ"
    assert outcome.response.answers.get().text == "second"
