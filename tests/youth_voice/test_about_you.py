""" "About you", chosen per consultation, and publication consent: nothing personal is ever required
of a young person, and nothing personal is ever asked of, refused over or stored for an under-13."""

import pytest

from consultations.about_you import AboutYouField
from tests.conftest import form_data, make_consultation
from youth_voice.models import Response


def send(client, consultation, answers=None, **about):
    return client.post(
        consultation.submit_url, dict(form_data(consultation, answers or {"6.1": "hi"}, **about).lists())
    )


@pytest.fixture
def government(home):
    """A consultation that asks adults and organisations for their details, as government ones do."""
    return make_consultation(
        home,
        slug="government",
        about_you_asked=list(AboutYouField.values),  # every "about you" question
        about_you_required=["respondent_type", "name", "contact"],
        respondent_types=["young_person", "professional", "organisation"],
        areas="North\nSouth",
    )


def test_the_officer_chooses_what_is_asked(client, home):
    consultation = make_consultation(home, about_you_asked=["age_band"], respondent_types=["young_person"])
    html = client.get(consultation.url).content.decode()
    assert "My age" in html
    assert "I am" not in html and "Email or telephone" not in html and "Name" not in html


def test_respondent_types_offered_are_the_consultations_own(client, government):
    html = client.get(government.url).content.decode()
    assert "Responding for an organisation" in html and "A parent or carer" not in html
    assert '<option value="North">North</option>' in html
    response = send(client, government, respondent_type="parent_carer")
    assert "Select a valid choice" in response.content.decode()


def test_required_details_are_required_of_adults_only(client, government):
    adult = send(client, government, respondent_type="professional")
    html = adult.content.decode()
    assert adult.status_code == 200 and "we need it from adults and organisations" in html
    assert send(client, government, respondent_type="young_person", age_band="16_18").status_code == 302
    assert (
        send(
            client, government, respondent_type="professional", name="Dr Jones", contact="01632 960000"
        ).status_code
        == 302
    )


def test_a_required_non_personal_question_is_required_of_everyone(client, government):
    html = send(client, government).content.decode()
    assert "I am: This field is required." in html


def test_an_under_13_who_typed_a_bad_email_first_is_never_refused_and_nothing_personal_is_kept(
    client, government
):
    response = send(
        client,
        government,
        respondent_type="young_person",
        age_band="11_12",
        name="Ellie",
        contact="not an email",
        postal_address="1 High Street",
        publication="with_name",
    )
    assert response.status_code == 302
    stored = Response.objects.get()
    assert (stored.name, stored.contact, stored.postal_address) == ("", "", "")
    assert stored.publication == "without_name"  # no name is ever published for an under-13


def test_personal_details_are_hidden_from_under_13s_on_the_page(client, government):
    html = client.get(government.url).content.decode()
    assert '<div class="personal-details">' in html


def test_contact_must_be_an_email_or_a_telephone_number(client, consultation):
    html = send(client, consultation, contact="call me maybe").content.decode()
    assert "Enter an email address, like name@example.com, or a telephone number." in html
    assert send(client, consultation, contact="07700 900123").status_code == 302


def test_an_over_long_contact_is_explained_not_a_database_error(client, consultation):
    html = send(client, consultation, contact="a" * 250 + "@example.org").content.decode()
    assert "at most 254 characters" in html
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("choice", "name", "stored"),
    [
        ("with_name", "Sam", "with_name"),
        ("with_name", "", "without_name"),
        ("confidential", "", "confidential"),
        ("", "", "without_name"),
    ],
)
def test_publication_consent_is_stored_as_chosen(client, consultation, choice, name, stored):
    about = {"age_band": "16_18", "name": name} | ({"publication": choice} if choice else {})
    assert send(client, consultation, **about).status_code == 302
    assert Response.objects.get().publication == stored


def test_consent_is_shown_to_officers_everywhere(client, officer_client, consultation):
    send(client, consultation, {"6.1": "keep this private"}, publication="confidential")
    response = Response.objects.get()
    for address in ("summary/", "", f"{response.reference}/"):
        html = officer_client.get(f"/admin/responses/{consultation.pk}/{address}").content.decode()
        assert "Confidential" in html or "confidential" in html
