"""A young person answers a consultation through the public form."""

import re
import uuid

import pytest
from wagtail.models import PageViewRestriction

from consultations.forms import ANSWER_MAX_CHARS
from consultations.models import Answer, Response
from tests.conftest import make_consultation


def form_data(questions, answers=None):
    data = {"submission_key": str(uuid.uuid4()), f"q_{questions['1'].pk}": "No"}
    data.update({f"q_{questions[ref].pk}{suffix}": value for (ref, suffix), value in (answers or {}).items()})
    return data


def test_form_shows_every_question_with_its_reference_and_anchor(client, consultation, questions):
    html = client.get(consultation.url).content.decode()
    for ref in questions:
        assert f'id="question-{ref.replace(".", "-")}"' in html
        assert f"Question {ref}" in html
    assert "Keep my response confidential" in html
    assert "What happens to your answers" in html
    assert 'name="submission_key"' in html


def test_young_person_submits_and_gets_a_short_reference(client, consultation, questions):
    data = form_data(
        questions,
        {
            ("1", "_why"): "Too many long words",
            ("6.1", ""): "Someone to talk to",
            ("6.2", ""): "A month",
            ("7", ""): ["Swimming", "Clubs"],
        },
    ) | {"respondent_type": "young_person", "age_band": "13_15"}
    response = client.post(consultation.submit_url, data)
    assert response.status_code == 302
    stored = Response.objects.get()
    assert re.fullmatch(r"[2-9A-Z]{3}-[2-9A-Z]{3}", stored.reference)
    assert response["Location"].endswith(f"/thanks/{stored.reference}/")
    thanks = client.get(response["Location"])
    assert stored.reference in thanks.content.decode()
    assert stored.respondent_type == "young_person" and stored.age_band == "13_15"
    assert stored.channel == "online" and stored.language == "en-gb" and not stored.confidential
    answers = {(a.question.reference, a.choice): a.text for a in stored.answers.all()}
    assert answers == {
        ("1", "No"): "Too many long words",
        ("6.1", ""): "Someone to talk to",
        ("6.2", "A month"): "",
        ("7", "Swimming"): "",
        ("7", "Clubs"): "",
    }


def test_thanks_page_for_an_unknown_reference_is_not_found(client, consultation):
    assert client.get(consultation.url + "thanks/AAA-AAA/").status_code == 404


def test_missing_required_answer_shows_error_summary_and_keeps_what_was_typed(
    client, consultation, questions
):
    data = form_data(questions, {("6.1", ""): "I typed this <carefully>"})
    del data[f"q_{questions['1'].pk}"]
    response = client.post(consultation.submit_url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert f'href="#id_q_{questions["1"].pk}_0"' in html  # the summary links to the field
    assert "I typed this &lt;carefully&gt;" in html
    assert f'value="{data["submission_key"]}"' in html  # the same submission, when sent again
    assert not Response.objects.exists()


def test_over_long_text_is_refused_with_the_limit_and_kept(client, consultation, questions):
    long_text = "x" * (ANSWER_MAX_CHARS + 1)
    response = client.post(consultation.submit_url, form_data(questions, {("6.1", ""): long_text}))
    html = response.content.decode()
    assert "no more than 5,000 characters (you have used 5001)" in html
    assert long_text in html
    assert not Response.objects.exists()


def test_tampered_choice_is_refused_clearly(client, consultation, questions):
    response = client.post(
        consultation.submit_url, form_data(questions, {("6.2", ""): "A decade", ("7", ""): ["Ponies"]})
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice. A decade is not one of the available choices." in html
    assert "Ponies is not one of the available choices" in html
    assert not Response.objects.exists()


@pytest.mark.parametrize("key", ["", "not-a-uuid"])
def test_tampered_submission_key_is_a_bad_request_that_keeps_the_answers(
    client, consultation, questions, key
):
    data = form_data(questions, {("6.1", ""): "keep me"})
    data["submission_key"] = key
    response = client.post(consultation.submit_url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "This form was not sent completely" in html and "keep me" in html
    fresh_key = re.search(r'name="submission_key" value="([^"]+)"', html).group(1)
    assert uuid.UUID(fresh_key)  # a new key, so that sending again works
    assert not Response.objects.exists()


def test_unknown_fields_are_ignored_and_never_stored(client, consultation, questions):
    data = form_data(questions) | {"q_999999": "sneaky", "favourite_colour": "blue"}
    assert client.post(consultation.submit_url, data).status_code == 302
    assert not Answer.objects.filter(text__in=["sneaky", "blue"]).exists()


def test_the_same_form_sent_twice_is_stored_once(client, consultation, questions):
    data = form_data(questions, {("6.1", ""): "double tap"})
    first = client.post(consultation.submit_url, data)
    second = client.post(consultation.submit_url, data)
    assert first["Location"] == second["Location"]
    assert Response.objects.count() == 1
    assert Answer.objects.filter(text="double tap").count() == 1


def test_answers_are_stored_exactly_as_typed_and_escaped_when_shown(
    client, officer_client, consultation, questions
):
    typed = "  <script>alert('hi')</script>\r\n  & spaces kept  "
    client.post(consultation.submit_url, form_data(questions, {("6.1", ""): typed}))
    assert Answer.objects.get(question=questions["6.1"]).text == typed
    html = officer_client.get(f"/admin/responses/{consultation.pk}/summary/").content.decode()
    assert "<script>alert('hi')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in html


def test_malformed_utf8_gets_a_clear_message_not_a_500(client, consultation, questions):
    body = (
        f"submission_key={uuid.uuid4()}&q_{questions['1'].pk}=No&q_{questions['6.1'].pk}=caf%E9%FF".encode()
    )
    response = client.post(consultation.submit_url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "Some characters could not be read" in response.content.decode()
    assert not Response.objects.exists()


def test_text_that_is_only_spaces_does_not_answer_a_required_question(client, home):
    page = make_consultation(home, slug="required-text")
    question = page.questions.get(reference="6.1")
    question.required = True
    question.save()
    data = {
        "submission_key": str(uuid.uuid4()),
        f"q_{page.questions.get(reference='1').pk}": "Yes",
        f"q_{question.pk}": "   ",
    }
    response = client.post(page.submit_url, data)
    assert "This field is required" in response.content.decode()
    assert not Response.objects.exists()


def test_under_13s_are_never_asked_for_or_stored_with_personal_details(client, consultation, questions):
    data = form_data(questions) | {
        "age_band": "11_12",
        "name": "Sam",
        "email": "sam@example.org",
        "organisation": "School",
    }
    client.post(consultation.submit_url, data)
    stored = Response.objects.get()
    assert (stored.name, stored.email, stored.organisation) == ("", "", "")


def test_personal_details_are_optional_and_kept_for_over_13s(client, consultation, questions):
    client.post(
        consultation.submit_url,
        form_data(questions) | {"age_band": "16_18", "name": "Alex", "email": "alex@example.org"},
    )
    stored = Response.objects.get()
    assert (stored.name, stored.email) == ("Alex", "alex@example.org")


def test_invalid_email_is_explained(client, consultation, questions):
    response = client.post(consultation.submit_url, form_data(questions) | {"email": "not an email"})
    assert "Enter a valid email address" in response.content.decode()


def test_confidential_tick_is_stored(client, consultation, questions):
    client.post(consultation.submit_url, form_data(questions) | {"confidential": "on"})
    assert Response.objects.get().confidential


def test_closed_consultation_shows_it_is_closed_and_has_no_form(client, home):
    page = make_consultation(home, slug="closed", opens_delta=-30, closes_delta=-1)
    html = client.get(page.url).content.decode()
    assert "Closed on" in html
    assert "<form" not in html


def test_submission_to_a_closed_consultation_is_refused_and_hands_back_the_text(client, home):
    page = make_consultation(home, slug="closed", opens_delta=-30, closes_delta=-1)
    questions = {q.reference: q for q in page.questions.all()}
    response = client.post(page.submit_url, form_data(questions, {("6.1", ""): "my careful answer"}))
    assert response.status_code == 403
    html = response.content.decode()
    assert "This consultation has closed" in html
    assert "my careful answer" in html
    assert not Response.objects.exists()


def test_consultation_not_yet_open_accepts_nothing(client, home):
    page = make_consultation(home, slug="soon", opens_delta=2, closes_delta=30)
    questions = {q.reference: q for q in page.questions.all()}
    assert "Opens on" in client.get(page.url).content.decode()
    assert client.post(page.submit_url, form_data(questions)).status_code == 403
    assert not Response.objects.exists()


def test_unpublished_consultation_is_not_found(client, home):
    page = make_consultation(home, slug="draft", live=False)
    questions = {q.reference: q for q in page.questions.all()}
    assert client.get("/draft/").status_code == 404
    assert client.post(page.submit_url, form_data(questions)).status_code == 404
    assert not Response.objects.exists()


def test_other_http_methods_are_refused(client, consultation):
    assert client.put(consultation.url).status_code == 405


def test_form_posts_to_the_submission_address_and_a_get_there_goes_to_the_page(client, consultation):
    assert f'action="{consultation.submit_url}"' in client.get(consultation.url).content.decode()
    response = client.get(consultation.submit_url)
    assert (response.status_code, response["Location"]) == (302, consultation.url)


def test_a_form_posted_to_the_page_address_is_still_stored(client, consultation, questions):
    response = client.post(consultation.url, form_data(questions))
    assert response.status_code == 302
    assert response["Location"] == f"{consultation.url}thanks/{Response.objects.get().reference}/"


def test_answers_reach_a_page_renamed_while_the_form_was_open(client, consultation, questions):
    consultation.slug = "renamed"
    consultation.save_revision().publish()
    response = client.post(consultation.submit_url, form_data(questions))
    assert response["Location"].startswith("/renamed/thanks/")
    assert Response.objects.count() == 1


def test_a_password_protected_consultation_takes_no_answers_without_the_password(
    client, consultation, questions
):
    PageViewRestriction.objects.create(
        page=consultation, restriction_type=PageViewRestriction.PASSWORD, password="forum-only"
    )
    response = client.post(consultation.submit_url, form_data(questions))
    assert (response.status_code, response["Location"]) == (302, consultation.url)
    assert not Response.objects.exists()


def test_over_long_email_is_explained_not_a_database_error(client, consultation, questions):
    response = client.post(
        consultation.submit_url, form_data(questions) | {"email": "a" * 250 + "@example.org"}
    )
    assert "Ensure this value has at most 254 characters" in response.content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_made_up_submission_address_is_not_found_however_long_its_number(client, db, method):
    response = getattr(client, method)("/consultations/99999999999999999999999/responses/")
    assert response.status_code == 404
