"""Review of issue 7: saving drafts."""

from tests.conftest import form_data


def test_a_nul_character_typed_in_a_draft_is_not_a_500(client, consultation):
    data = form_data(consultation, {"6.1": "half an answer\x00"})
    data["action"] = "save"
    response = client.post(consultation.submit_url, dict(data.lists()))
    assert response.status_code < 500
