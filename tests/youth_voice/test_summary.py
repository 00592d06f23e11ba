"""Officers see the answers summarised per question."""

import uuid

import pytest

from consultations.kinds import AnswerRow
from tests.conftest import make_consultation
from youth_voice.services import ConsultationClosed, submit_response
from youth_voice.summary import summarise


@pytest.fixture
def answered(answer):
    answer(
        {"1": (["no"], "Too long"), "6.2": "a-week", "7": ["swimming", "buses"], "6.1": "A friend"},
        respondent_type="young_person",
    )
    answer(
        {"1": (["yes"], ""), "6.2": "a-week", "7": ["swimming"]},
        respondent_type="young_person",
        publication="confidential",
    )
    answer({"1": (["no"], ""), "6.2": "three-months", "6.1": "Time"}, respondent_type="parent_carer")
    answer({"8": "Only this"})


def by_ref(summary):
    return {item.reference: item for item in summary.questions}


def counts(item):
    return {c.label: (c.count, c.percent) for c in item.figures.choices}


def test_counts_and_percentages_per_choice(consultation, answered):
    summary = by_ref(summarise(consultation))
    assert summary["1"].figures.respondents == 3
    assert counts(summary["1"]) == {"Yes": (1, 33.3), "No": (2, 66.7)}
    assert counts(summary["6.2"]) == {"A week": (2, 66.7), "A month": (0, 0.0), "Three months": (1, 33.3)}


def test_multiple_choice_counts_people_not_ticks(consultation, answered):
    item = by_ref(summarise(consultation))["7"]
    assert item.figures.respondents == 2
    assert counts(item) == {"Swimming": (2, 100.0), "Buses": (1, 50.0), "Clubs": (0, 0.0)}


def test_free_text_answers_are_all_listed(consultation, answered):
    summary = by_ref(summarise(consultation))
    assert sorted(a.text for a in summary["6.1"].texts) == ["A friend", "Time"]
    assert summary["6.1"].figures.text_count == 2
    assert summary["6.1"].figures.choices == []
    assert [a.text for a in summary["1"].texts] == ["Too long"]  # the "if not, why?" follow-ups


def test_filter_by_respondent_type(consultation, answered):
    summary = summarise(consultation, {"respondent_type": "young_person"})
    assert summary.total_responses == 2
    items = by_ref(summary)
    assert counts(items["1"]) == {"Yes": (1, 50.0), "No": (1, 50.0)}
    assert [a.text for a in items["6.1"].texts] == ["A friend"]
    assert items["8"].figures.respondents == 0


def test_totals_count_every_response(consultation, answered):
    assert summarise(consultation).total_responses == 4


def test_summary_of_a_consultation_without_responses(consultation):
    summary = summarise(consultation)
    assert summary.total_responses == 0
    assert all(item.figures.respondents == 0 for item in summary.questions)


def test_submitting_twice_with_one_key_stores_once(consultation, questions):
    key = uuid.uuid4()
    first = submit_response(consultation, [(questions["6.1"], [AnswerRow(text="hi")])], submission_key=key)
    again = submit_response(consultation, [(questions["6.1"], [AnswerRow(text="hi")])], submission_key=key)
    assert first.created and not again.created and not again.differs
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
    monkeypatch.setattr("youth_voice.services.new_response_reference", lambda: next(fresh))
    outcome = submit_response(
        consultation, [(questions["6.1"], [AnswerRow(text="second")])], submission_key=uuid.uuid4()
    )
    assert outcome.created and outcome.response.reference == "ZZZ-ZZZ"
    assert outcome.response.answers.get().text == "second"


def test_drafts_and_withdrawn_responses_are_never_counted(consultation, answer):
    from youth_voice.services import save_draft, withdraw_response

    save_draft(consultation, {"q_6-1": ["unfinished"]}, 1, submission_key=uuid.uuid4())
    withdraw_response(answer({"6.1": "taken back"}))
    answer({"6.1": "counted"})
    summary = summarise(consultation)
    assert summary.total_responses == 1
    assert [a.text for a in by_ref(summary)["6.1"].texts] == ["counted"]
