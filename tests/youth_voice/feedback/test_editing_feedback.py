"""Officers write "you said, we did" in the page editor; a reason is required for "not taken forward"."""

from wagtail.test.utils.form_data import inline_formset

from tests.consultations.test_editing import current_rows, edit_data
from youth_voice.models import FeedbackItem

ITEM = {
    "question_reference": "Q 6.1",
    "status": "not_taken_forward",
    "you_said": "More counsellors.",
    "key_figures": "",
    "we_did": "We asked for funding.",
    "reason": "",
    "plain_language": "We could not pay for more counsellors this year.",
}


def post_item(admin_client, consultation, item):
    data = edit_data(consultation, current_rows(consultation), feedback_items=inline_formset([item]))
    return admin_client.post(f"/admin/pages/{consultation.pk}/edit/", data)


def test_not_taken_forward_without_a_reason_is_refused_next_to_the_field(admin_client, consultation):
    refused = post_item(admin_client, consultation, ITEM)
    text = refused.content.decode()
    assert refused.status_code == 200
    assert "Say why it was not taken forward: people deserve to know." in text
    assert "We could not pay for more counsellors this year." in text  # what was typed is kept
    assert not FeedbackItem.objects.exists()


def test_an_item_is_saved_with_its_reference_normalised(admin_client, consultation):
    saved = post_item(admin_client, consultation, ITEM | {"reason": "The budget is spent."})
    assert saved.status_code == 302
    item = FeedbackItem.objects.get()
    assert (item.question_reference, item.reason, item.page_id) == (
        "6.1",
        "The budget is spent.",
        consultation.pk,
    )
