"""Server errors the fuzz tests found in officer forms, each kept from coming back."""

import pytest

from tests.consultations.test_editing import current_rows, edit_data


@pytest.mark.parametrize("posted", ["x", " ", "\x00", "1e9", "-1", "99999999999999999999999"])
def test_a_plan_draft_id_that_is_not_a_page_is_a_clear_error_not_a_500(admin_client, consultation, posted):
    data = edit_data(consultation, current_rows(consultation), plan_draft=posted)
    response = admin_client.post(f"/admin/pages/{consultation.pk}/edit/", data)
    assert response.status_code == 200
    assert "plan_draft" in response.context["form"].errors
    assert consultation.title in response.content.decode()  # the rest of what was typed is shown again


@pytest.mark.parametrize("posted", ["x", "\x00", "1.5", "99999999999999999999999"])
def test_a_related_document_id_that_is_not_a_document_is_a_clear_error_not_a_500(
    admin_client, consultation, posted
):
    from wagtail.test.utils.form_data import inline_formset

    data = edit_data(
        consultation,
        current_rows(consultation),
        related_documents=inline_formset([{"document": posted, "link_url": "", "label": "Easy read"}]),
    )
    response = admin_client.post(f"/admin/pages/{consultation.pk}/edit/", data)
    assert response.status_code == 200


@pytest.mark.parametrize("field", ["parent", "replace", "consultation"])
@pytest.mark.parametrize("posted", ["99999999999999999999999", "x", "\x00"])
def test_a_plan_import_choice_that_is_no_page_is_a_clear_error_not_a_500(admin_client, home, field, posted):
    from tests.consultations.test_plan_import import IMPORT_URL, upload

    response = admin_client.post(
        IMPORT_URL, {"file": upload(), "parent": home.pk, field: posted, "preview": "1"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field]


@pytest.mark.parametrize("reference", ["\x00", "ABC-DEF\x00", "abc-def", "ABC-DEF-GHIJ", "1O0-IL1"])
def test_an_address_that_is_no_response_reference_is_a_404_not_a_500(
    officer_client, client, consultation, reference
):
    """A NUL in the reference made PostgreSQL refuse the lookup."""
    from urllib.parse import quote

    assert officer_client.get(f"/admin/responses/{consultation.pk}/{quote(reference)}/").status_code == 404
    assert (
        client.get(f"/en-gb/consultations/{consultation.pk}/responses/{quote(reference)}/").status_code == 404
    )
