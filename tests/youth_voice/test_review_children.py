"""Review of issue 7: under-13s and contact details."""

from tests.conftest import make_consultation


def test_contact_details_are_not_asked_where_nobody_can_say_they_are_under_13(client, home):
    page = make_consultation(home, slug="no-age", about_you_asked=["respondent_type", "name", "contact"])
    html = client.get(page.url).content.decode()
    assert 'name="contact"' not in html and 'name="name"' not in html


def test_editors_are_told_to_ask_the_age_band_with_contact_details(admin_client, consultation):
    from tests.consultations.test_editing import current_rows, edit_data

    data = edit_data(consultation, current_rows(consultation)) | {"about_you_asked": ["name", "contact"]}
    response = admin_client.post(f"/admin/pages/{consultation.pk}/edit/", data)
    assert "Ask the age band too" in response.content.decode()
