"""Naughty and generated input on every public form: the questionnaire's screens (every question
kind), about you, check answers, the code page, withdrawing, and the receipt. Never a 500."""

import uuid
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consultations.about_you import AboutYouField
from tests.conftest import form_data, make_consultation
from tests.consultations.test_question_kinds import EVERY_KIND
from tests.fuzz.naughty import FUZZ, NAUGHTY, naughty_text
from tests.youth_voice.test_steps import STEPPED

ACTIONS = ["next", "back", "check", "save", "send", "withdraw", "withdraw_confirmed", "goto-1", "goto-4"]


@pytest.fixture
def every_kind(home):
    return make_consultation(
        home,
        slug="every-kind",
        questions=EVERY_KIND,
        about_you_asked=list(AboutYouField.values),
        about_you_required=["respondent_type", "contact"],
    )


@pytest.fixture
def stepped(home):
    return make_consultation(home, slug="stepped", questions=STEPPED)


def field_names(page) -> list[str]:
    """Every name the questionnaire's form reads, and a few it does not."""
    names = ["action", "step", "submission_key", "response_code", "code_pass", "publication", "unknown"]
    for question in page.questions.all():
        names += question.kind_class.field_names(question, question.field_name)
        names += [question.field_name, question.field_name + "_why"]
    return [*names, *AboutYouField.values]


def posted(data, page, *, valid_key=True):
    names = field_names(page)
    values = st.lists(naughty_text, min_size=1, max_size=2)
    fields = data.draw(st.dictionaries(st.sampled_from(names), values, max_size=len(names)))
    fields.setdefault("action", [data.draw(st.sampled_from(ACTIONS))])
    if valid_key:
        fields["submission_key"] = [str(uuid.uuid4())]
    return fields


def assert_answered(response):
    assert response.status_code < 500, response.content[:500]


@FUZZ
@given(data=st.data())
def test_naughty_answers_to_every_kind_and_about_you_are_never_a_500(client, every_kind, data):
    assert_answered(client.post(every_kind.submit_url, posted(data, every_kind)))


@FUZZ
@given(data=st.data())
def test_naughty_steps_actions_and_keys_on_a_questionnaire_in_sections_are_never_a_500(client, stepped, data):
    assert_answered(
        client.post(stepped.submit_url, posted(data, stepped, valid_key=data.draw(st.booleans())))
    )


@FUZZ
@given(step=naughty_text)
def test_a_naughty_step_in_the_address_is_never_a_500(client, stepped, step):
    assert_answered(client.get(stepped.url, {"step": step}))


@FUZZ
@given(answers=st.lists(naughty_text, min_size=5, max_size=5), action=st.sampled_from(["check", "send"]))
def test_checking_and_sending_naughty_text_answers_is_never_a_500(client, stepped, answers, action):
    """Free text that passes the form is really stored (PostgreSQL included) and shown again."""
    data = form_data(stepped, {})
    for question, text in zip(stepped.questions.all(), answers, strict=False):
        if question.kind == "free_text":
            data[question.field_name] = text
        data[question.field_name + "_why"] = text
    data["action"] = action
    data["step"] = "4"
    assert_answered(client.post(stepped.submit_url, dict(data.lists())))


@FUZZ
@given(code=naughty_text, code_pass=naughty_text)
def test_a_naughty_code_is_never_a_500(client, stepped, code, code_pass):
    assert_answered(client.post(stepped.code_url, {"code": code}))
    assert_answered(client.get(stepped.code_url, {"code": code}))
    data = {"response_code": code, "code_pass": code_pass, "submission_key": str(uuid.uuid4())}
    for action in ("withdraw", "withdraw_confirmed", "next", "send"):
        assert_answered(client.post(stepped.submit_url, {**data, "action": action}))


@FUZZ
@given(reference=st.sampled_from(NAUGHTY), query=naughty_text)
def test_a_naughty_receipt_address_is_never_a_500(client, stepped, reference, query):
    address = f"/en-gb/consultations/{stepped.pk}/responses/{quote(reference, safe='')}/"
    assert_answered(client.get(address, {"code": query, "secret": query}))


@pytest.mark.parametrize(
    "body",
    [
        b"action=send&4=%ED%A0%80",  # an encoded lone surrogate
        b"action=send&4=%FF%FE&name=%C0%AF",  # bytes that are not UTF-8 at all
        b"action=check&step=%00&submission_key=%00",
        b"action=goto-%00&step=1",
        b"\xff\xfe\x00=\x00",
        b"%%%%&&&===",
    ],
)
def test_raw_bytes_that_are_not_utf8_are_never_a_500(client, every_kind, body):
    response = client.post(every_kind.submit_url, body, content_type="application/x-www-form-urlencoded")
    assert_answered(response)
