"""Generated answers for every question kind: whatever is posted, the form answers clearly (never a 500),
and what it stores is always an option the question offers."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_consultation
from tests.consultations.test_question_kinds import EVERY_KIND
from youth_voice.forms import mint_submission_key
from youth_voice.models import Answer

JUNK = st.text(max_size=30) | st.sampled_from(
    ["", " ", "0", "-1", "1e9", "NaN", "‮", "\x00", "=1+1", "ＡＢＣ"]
)


def answers_for(question):
    kind, name = question.kind_class, question.field_name
    codes = [option.code for option in kind.options(question)]
    pick = st.sampled_from(codes) | JUNK
    if question.kind == "ranking":
        places = st.sampled_from(["", "1", "2", "3", "9"]) | JUNK
        return st.fixed_dictionaries(
            {kind.rank_name(name, option): st.lists(places, max_size=2) for option in kind.options(question)}
        )
    if question.kind == "number":
        number = st.decimals(
            allow_nan=False, allow_infinity=False, places=2, min_value=-1000, max_value=1000
        ).map(str)
        return st.fixed_dictionaries({name: st.lists(number | JUNK, max_size=2)})
    if question.kind == "free_text":
        return st.fixed_dictionaries({name: st.lists(st.text(max_size=40), max_size=2)})
    answers = {name: st.lists(pick, max_size=4)}
    if question.kind == "yes_no":
        answers[name + "_why"] = st.lists(st.text(max_size=40), max_size=1)
    return st.fixed_dictionaries(answers)


@pytest.fixture
def every_kind(home):
    return make_consultation(home, slug="fuzz", questions=EVERY_KIND)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_answers_to_any_kind_get_a_clear_answer_and_only_valid_rows(client, every_kind, data):
    posted = {"submission_key": [mint_submission_key()]}
    for question in every_kind.questions.all():
        posted |= data.draw(answers_for(question))
    posted["age_band"] = data.draw(st.lists(st.sampled_from(["11_12", "16_18", "x"]) | JUNK, max_size=1))
    response = client.post(every_kind.submit_url, posted)
    assert response.status_code in (200, 302)
    offered = {
        question.reference: {option.code for option in question.kind_class.options(question)} | {""}
        for question in every_kind.questions.all()
    }
    for reference, option, position in Answer.objects.values_list(
        "question__reference", "option", "position"
    ):
        assert option in offered[reference] and position >= 1
