"""Editors preview pages before they are first saved: nothing may assume the page exists yet."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

NEW_PLAN = {
    "title": "New plan",
    "slug": "new-plan",
    "plan_period": "2028–2031",
    "stage": "drafting",
    "aims_framework": "",
    "introduction": rich_text("<p>Our next plan.</p>"),
    "body": streamfield([]),
}
NEW_HEADLINES = {
    "title": "The headlines",
    "slug": "headlines",
    "vision": rich_text("<p>Everyone heard.</p>"),
    "priorities": streamfield([]),
}
NEW_CONSULTATION = {
    "title": "Tell us",
    "slug": "tell-us",
    "overview": rich_text("<p>Tell us what you think.</p>"),
    "how_to_respond": rich_text(""),
    "contact_details": rich_text(""),
    "data_protection": rich_text("<p>Only our staff read it.</p>"),
    "opens_at": "2026-01-01 10:00",
    "retention_months": 12,
    "closes_at": "2030-01-01 10:00",
    "audience": "",
    "related_documents": inline_formset([]),
    "feedback_items": inline_formset([]),
    "questions": inline_formset(
        [
            {
                "reference": "6.1",
                "prompt": "What would help?",
                "kind": "free_text",
                "options": streamfield([]),
                "follow_up_prompt": "",
                "help_text": "",
                "uncrc_articles": "",
                "ORDER": 1,
            }
        ]
    ),
}


@pytest.mark.parametrize(
    "model,parent_name,data,shown",
    [
        ("plandraftpage", "home", NEW_PLAN, "Our next plan."),
        ("planheadlinespage", "plan", NEW_HEADLINES, "Everyone heard."),
        ("consultationpage", "home", NEW_CONSULTATION, "What would help?"),
    ],
)
def test_editor_previews_a_page_not_saved_yet(admin_client, home, plan, model, parent_name, data, shown):
    parent = {"home": home, "plan": plan}[parent_name]
    if model == "consultationpage":
        data = data | {"plan_draft": plan.pk}
    url = f"/admin/pages/add/consultations/{model}/{parent.pk}/preview/"
    assert admin_client.post(url, nested_form_data(data)).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    assert shown in response.content.decode()
