"""A young person answers a one-page consultation through the public form."""

import re

import pytest
from wagtail.models import PageViewRestriction

from consultations.kinds import ANSWER_MAX_CHARS
from tests.conftest import form_data, make_consultation
from youth_voice.forms import mint_submission_key, read_submission_key
from youth_voice.models import Answer, Response
from youth_voice.summary import summarise


def post(client, consultation, answers=None, **extra):
    data = form_data(consultation, answers or {"1": (["no"], "")})
    for name, value in extra.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return client.post(consultation.submit_url, dict(data.lists()))


def test_form_shows_every_question_with_its_reference_and_anchor(client, consultation, questions):
    html = client.get(consultation.url).content.decode()
    for ref in questions:
        assert f'id="question-{ref.replace(".", "-")}"' in html
        assert f"Question {ref}" in html
    assert "Do not publish my response: keep it confidential" in html
    assert "We keep it safe." in html  # the consultation's own data protection statement
    assert 'name="submission_key"' in html


def test_young_person_submits_and_gets_a_reference_and_a_code(client, consultation):
    response = post(
        client,
        consultation,
        {
            "1": (["no"], "Too many long words"),
            "6.1": "Someone to talk to",
            "6.2": "a-month",
            "7": ["swimming", "clubs"],
        },
        respondent_type="young_person",
        age_band="13_15",
    )
    assert response.status_code == 302
    stored = Response.objects.get()
    assert re.fullmatch(r"[2-9A-Z]{3}-[2-9A-Z]{3}", stored.reference)
    assert response["Location"] == f"/en-gb/consultations/{consultation.pk}/responses/{stored.reference}/"
    receipt = client.get(response["Location"]).content.decode()
    code = re.search(r'id="response-code">([^<]+)<', receipt).group(1)
    assert code.startswith(stored.reference + "-") and stored.secret_matches(code[-4:])
    assert code[-4:] not in stored.secret_hash  # only a keyed hash of the secret is kept
    assert (stored.respondent_type, stored.age_band, stored.channel, stored.language) == (
        "young_person",
        "13_15",
        "online",
        "en-gb",
    )
    assert stored.publication == "without_name" and stored.status == "submitted"
    rows = {(a.question.reference, a.option, a.position): a.text for a in stored.answers.all()}
    assert rows == {
        ("1", "no", 1): "",
        ("1", "", 1): "Too many long words",
        ("6.1", "", 1): "Someone to talk to",
        ("6.2", "a-month", 1): "",
        ("7", "swimming", 1): "",
        ("7", "clubs", 2): "",
    }


def test_the_receipt_of_an_unknown_reference_is_not_found(client, consultation):
    assert client.get(f"/en-gb/consultations/{consultation.pk}/responses/AAA-AAA/").status_code == 404


def test_one_option_posted_five_thousand_times_counts_once(client, consultation):
    response = post(client, consultation, {"7": ["swimming"] * 5000})
    assert response.status_code == 302
    assert Answer.objects.filter(question__reference="7").count() == 1
    figures = next(item for item in summarise(consultation).questions if item.reference == "7").figures
    assert [(c.code, c.percent) for c in figures.choices] == [
        ("swimming", 100.0),
        ("buses", 0.0),
        ("clubs", 0.0),
    ]


def test_the_same_form_sent_twice_is_stored_once(client, consultation):
    data = dict(form_data(consultation, {"6.1": "double tap"}).lists())
    first = client.post(consultation.submit_url, data)
    second = client.post(consultation.submit_url, data)
    assert first["Location"] == second["Location"]
    assert Response.objects.count() == 1 and Answer.objects.filter(text="double tap").count() == 1


def test_the_same_form_sent_again_with_other_answers_says_it_was_already_sent(client, consultation):
    data = form_data(consultation, {"6.1": "first thoughts"})
    client.post(consultation.submit_url, dict(data.lists()))
    data["q_6-1"] = "second thoughts"
    response = client.post(consultation.submit_url, dict(data.lists()))
    html = response.content.decode()
    assert response.status_code == 409
    assert "These answers were already sent" in html and Response.objects.get().reference in html
    assert "use the code you were given" in html and "second thoughts" in html  # nothing typed is lost
    assert list(Answer.objects.values_list("text", flat=True)) == ["first thoughts"]


def test_missing_required_answer_shows_error_summary_and_keeps_what_was_typed(client, home):
    consultation = make_consultation(
        home,
        questions=[
            {"reference": "1", "kind": "yes_no", "prompt": "Clear?", "required": True},
            {"reference": "2", "kind": "free_text", "prompt": "Why?"},
        ],
    )
    data = form_data(consultation, {"2": "I typed this <carefully>"})
    response = client.post(consultation.submit_url, dict(data.lists()))
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_q_1_0"' in html  # the summary links to the field
    assert "I typed this &lt;carefully&gt;" in html
    assert f'value="{data["submission_key"]}"' in html  # the same submission, when sent again
    assert not Response.objects.exists()


def test_text_that_is_only_spaces_does_not_answer_a_required_question(client, home):
    consultation = make_consultation(
        home, questions=[{"reference": "1", "kind": "free_text", "prompt": "Say", "required": True}]
    )
    response = client.post(consultation.submit_url, dict(form_data(consultation, {"1": "   "}).lists()))
    assert "This field is required" in response.content.decode()
    assert not Response.objects.exists()


def test_over_long_text_is_refused_with_the_limit_and_kept(client, consultation):
    long_text = "x" * (ANSWER_MAX_CHARS + 1)
    html = post(client, consultation, {"6.1": long_text}).content.decode()
    assert "no more than 5,000 characters (you have used 5001)" in html
    assert long_text in html
    assert not Response.objects.exists()


def test_tampered_choice_is_refused_clearly(client, consultation):
    html = post(client, consultation, {"6.2": "a-decade", "7": ["ponies"]}).content.decode()
    assert "Select a valid choice. a-decade is not one of the available choices." in html
    assert "ponies is not one of the available choices" in html
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    "key, message",
    [
        ("", "This form was not sent completely"),
        ("not-a-uuid", "This form did not come from this website"),
        (
            "5280d4ac-9fbe-43ec-999d-8d52faa623d7",
            "This form did not come from this website",
        ),  # made up, unsigned
    ],
)
def test_tampered_submission_key_is_a_bad_request_that_keeps_the_answers(client, consultation, key, message):
    response = post(client, consultation, {"6.1": "keep me"}, submission_key=key)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "keep me" in html
    fresh_key = re.search(r'name="submission_key" value="([^"]+)"', html).group(1)
    assert read_submission_key(fresh_key)  # a new key, signed here, so that sending again works
    assert not Response.objects.exists()


def test_unknown_fields_are_ignored_and_never_stored(client, consultation):
    assert (
        post(client, consultation, {"6.1": "ok"}, q_99="sneaky", favourite_colour="blue").status_code == 302
    )
    assert not Answer.objects.filter(text__in=["sneaky", "blue"]).exists()


def test_answers_are_stored_exactly_as_typed_and_escaped_when_shown(client, officer_client, consultation):
    typed = "  <script>alert('hi')</script>\r\n  & spaces kept  "
    post(client, consultation, {"6.1": typed})
    assert Answer.objects.get(question__reference="6.1").text == typed
    html = officer_client.get(f"/admin/responses/{consultation.pk}/summary/").content.decode()
    assert "<script>alert('hi')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in html


def test_raw_bytes_that_are_not_utf8_get_a_clear_message_and_are_never_stored_garbled(client, consultation):
    key = mint_submission_key()
    body = f"submission_key={key}&q_6-1=caf".encode() + b"\xe9 \xff ok"
    response = client.post(consultation.submit_url, body, content_type="application/x-www-form-urlencoded")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Some characters could not be read" in html
    assert "caf" in html and "ok" in html  # what could be read is handed back
    assert not Response.objects.exists()


def test_percent_encoded_bad_utf8_is_explained_too(client, consultation):
    body = f"submission_key={mint_submission_key()}&q_6-1=%E9t%E9"
    response = client.post(consultation.submit_url, body, content_type="application/x-www-form-urlencoded")
    assert "Some characters could not be read" in response.content.decode()


def test_closed_consultation_shows_it_is_closed_and_has_no_form(client, home):
    consultation = make_consultation(home, slug="closed", opens_delta=-9, closes_delta=-1)
    html = client.get(consultation.url).content.decode()
    assert "Closed on" in html and "<form" not in html


def test_submission_to_a_closed_consultation_is_refused_and_hands_back_the_text(client, home):
    consultation = make_consultation(home, slug="closed", opens_delta=-9, closes_delta=-1)
    response = post(client, consultation, {"6.1": "my careful words"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "This consultation has closed" in html and "my careful words" in html
    assert not Response.objects.exists()


def test_a_consultation_open_until_further_notice_takes_answers(client, home):
    consultation = make_consultation(home, slug="open-ended", closes_delta=None)
    assert "Open for your views until further notice" in client.get(consultation.url).content.decode()
    assert post(client, consultation, {"6.1": "still open"}).status_code == 302


def test_consultation_not_yet_open_accepts_nothing(client, home):
    consultation = make_consultation(home, slug="soon", opens_delta=1)
    assert "Opens on" in client.get(consultation.url).content.decode()
    assert post(client, consultation, {"6.1": "early"}).status_code == 403
    assert not Response.objects.exists()


def test_unpublished_consultation_is_not_found(client, home):
    consultation = make_consultation(home, slug="draft", live=False)
    assert client.post(consultation.submit_url, {}).status_code == 404


def test_other_http_methods_are_refused(client, consultation):
    assert client.put(consultation.url).status_code == 405
    assert client.post(consultation.url, {}).status_code == 405  # one address receives submissions


def test_a_get_of_the_submission_address_goes_to_the_page(client, consultation):
    assert client.get(consultation.submit_url)["Location"] == consultation.url


def test_answers_reach_a_page_renamed_while_the_form_was_open(client, consultation):
    data = dict(form_data(consultation, {"6.1": "moved"}).lists())
    consultation.slug = "renamed"
    consultation.save_revision().publish()
    assert client.post(consultation.submit_url, data).status_code == 302
    assert Answer.objects.filter(text="moved").exists()


def test_a_password_protected_consultation_takes_no_answers_without_the_password(client, consultation):
    PageViewRestriction.objects.create(page=consultation, restriction_type="password", password="secret")
    response = post(client, consultation, {"6.1": "let me in"})
    assert response.status_code == 302 and response["Location"] == consultation.url
    assert not Response.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_made_up_submission_address_is_not_found_however_long_its_number(client, db, method):
    for address in (
        "/en-gb/consultations/99999999999999999999/responses/",
        "/cy/consultations/12/responses/",
    ):
        assert getattr(client, method)(address).status_code == 404


def test_related_documents_can_be_links(client, consultation):
    from consultations.models import ConsultationDocument

    ConsultationDocument.objects.create(
        page=consultation, link_url="https://example.org/easy-read.pdf", label="Easy read"
    )
    html = client.get(consultation.url).content.decode()
    assert '<a href="https://example.org/easy-read.pdf">Easy read</a>' in html


def test_a_restriction_added_after_answers_arrived_is_honoured_at_once(client, consultation):
    assert post(client, consultation, {"6.1": "before"}).status_code == 302
    PageViewRestriction.objects.create(
        page=consultation.get_parent(), restriction_type="password", password="pw"
    )
    response = post(client, consultation, {"6.1": "after"})
    assert response.status_code == 302 and response["Location"] == consultation.url
    assert not Answer.objects.filter(text="after").exists()


def test_answers_to_a_page_under_an_alias_of_a_restricted_page_are_checked_by_wagtail(
    client, home, consultation
):
    from consultations.models.consultation import paths_needing_view_checks

    alias = home.create_alias(update_slug="home-alias")
    assert alias.path in paths_needing_view_checks()


def test_a_fresh_screen_shows_the_plan_as_published_now(client, home):
    from tests.conftest import make_plan

    plan = make_plan(home)
    consultation = make_consultation(home, plan, slug="fresh")
    assert "Help children build friendships." in client.get(consultation.url).content.decode()
    draft = plan.get_latest_revision_as_object()
    draft.body[0].value["paragraphs"][0]["text"] = (
        draft.body[0].value["paragraphs"][0]["text"].__class__("<p>Help children make friends at school.</p>")
    )
    draft.save_revision().publish()
    html = client.get(consultation.url).content.decode()
    assert "Help children make friends at school." in html and "build friendships" not in html


def test_a_visitors_query_string_is_never_served_to_others(client, consultation):
    client.get(consultation.url + "?ref=somebody-elses-link")
    assert "somebody-elses-link" not in client.get(consultation.url).content.decode()
