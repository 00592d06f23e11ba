"""The question editor in the consultation page editor: fields by kind, questions named by
reference and prompt, Publish as the main action, and drafts that keep whatever was typed."""

import json
import re

from wagtail.test.utils.form_data import rich_text

from consultations.kinds import KINDS, SETTINGS_FIELDS, settings_by_kind
from consultations.models import ConsultationPage, Question
from tests.conftest import make_consultation
from tests.consultations.test_editing import current_rows, edit_data, options_data, post_edit


def edit_page(client, consultation) -> str:
    return client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()


def blank_row(order, **fields):
    """A question panel added and only partly filled in: here, its kind chosen."""
    row = {
        "id": "",
        "reference": "",
        "prompt": "",
        "help_text": "",
        "kind": "single_choice",
        "options": options_data([]),
        "follow_up_prompt": "",
        "ORDER": order,
    }
    return row | fields


def test_the_editor_learns_each_kinds_fields_from_the_kinds_registry(admin_client, consultation):
    page = edit_page(admin_client, consultation)
    given = re.search(r'name="questions-0-kind" data-kind-settings="([^"]+)"', page).group(1)
    assert json.loads(given.replace("&quot;", '"')) == settings_by_kind()
    assert set(settings_by_kind()) == set(KINDS)
    question_fields = {field.name for field in Question._meta.get_fields()}
    assert set(SETTINGS_FIELDS) <= question_fields
    assert settings_by_kind()["yes_no"] == ["follow_up_prompt"]
    assert settings_by_kind()["number"] == ["min_value", "max_value"]
    for name in SETTINGS_FIELDS:  # without JavaScript every field shows
        assert f'data-contentpath="{name}"' in page


def test_the_tags_are_in_a_collapsed_section(admin_client, consultation):
    page = edit_page(admin_client, consultation)
    tags = re.search(r'<section class="w-panel[^"]*"[^>]*>(?:(?!</section>).)*?Tags', page, re.S)
    assert tags and "collapsed" in tags.group(0)


def test_leftovers_of_another_kind_are_neither_refused_nor_kept(admin_client, consultation):
    rows = current_rows(consultation)
    # 6.2 (choose one, unanswered) becomes free text: its options are left in the hidden field.
    rows[2] |= {"kind": "free_text", "max_choices": "9", "min_value": "5", "max_value": "1"}
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    question = Question.objects.get(page=consultation, reference="6.2")
    assert question.kind == "free_text"
    assert (list(question.options), question.max_choices, question.min_value, question.max_value) == (
        [],
        None,
        None,
        None,
    )
    assert question.follow_up_prompt == ""
    assert Question.objects.get(page=consultation, reference="1").follow_up_prompt == "If not, why?"


def test_panels_are_named_by_reference_and_prompt(admin_client, consultation):
    page = edit_page(admin_client, consultation)
    names = re.findall(r"data-question-name>([^<]+)<", page)
    assert names == [
        "Q1 – Is the draft clear?",
        "Q6.1 – What would help you cope?",
        "Q6.2 – How long is too long to wait?",
        "Q7 – What should come first?",
        "Q8 – Anything else?",
    ]


def test_errors_name_the_question_by_reference_and_prompt(admin_client, consultation):
    rows = current_rows(consultation)
    rows[3]["max_choices"] = "9"  # Q7 has three options
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 200
    summary = response.context["form"].non_field_errors()
    assert summary == [
        "Q7 – What should come first?: Max choices: "
        "The most people may choose cannot be more than the number of options."
    ]
    assert "Q7 – What should come first?: Max choices" in response.content.decode()


def test_publish_is_the_main_action_for_consultations_and_save_draft_stays(admin_client, consultation, plan):
    page = edit_page(admin_client, consultation)
    footer = page[page.index('<footer class="footer') :]
    main, more = footer.split('class="w-dropdown__content"', 1)
    assert 'name="action-publish"' in main and "action-save" not in main
    assert ">Save draft<" in more and 'data-w-kbd-key-value="mod+s"' in more  # and Ctrl+S saves a draft
    # Other pages keep Wagtail's order.
    plan_page = admin_client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    plan_footer = plan_page[plan_page.index('<footer class="footer') :]
    assert "action-save" in plan_footer.split('class="w-dropdown__content"', 1)[0]


def draft_with_a_blank_row(consultation, **overrides):
    rows = current_rows(consultation) + [blank_row(6, help_text="Half-written help text")]
    data = edit_data(
        consultation, rows, data_protection=rich_text("<p>We keep responses for two years.</p>"), **overrides
    )
    del data["action-publish"]  # Save draft, as autosave does
    return data


def test_a_draft_saves_with_a_blank_question_row_and_keeps_the_statement(admin_client, consultation):
    response = admin_client.post(
        f"/admin/pages/{consultation.pk}/edit/", draft_with_a_blank_row(consultation)
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    draft = ConsultationPage.objects.get(pk=consultation.pk).get_latest_revision_as_object()
    assert "We keep responses for two years." in draft.data_protection
    assert [q.help_text for q in draft.questions.all()][-1] == "Half-written help text"
    assert consultation.questions.count() == 5  # the live questionnaire is untouched


def test_autosave_succeeds_with_a_blank_question_row(admin_client, consultation):
    response = admin_client.post(
        f"/admin/pages/{consultation.pk}/edit/",
        draft_with_a_blank_row(consultation),
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["success"] is True
    draft = ConsultationPage.objects.get(pk=consultation.pk).get_latest_revision_as_object()
    assert "We keep responses for two years." in draft.data_protection


def test_a_draft_of_an_unpublished_consultation_keeps_rows_being_written_out_of_the_table(admin_client, home):
    consultation = make_consultation(home, slug="not-yet", live=False)
    data = draft_with_a_blank_row(consultation)
    response = admin_client.post(f"/admin/pages/{consultation.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    assert consultation.questions.count() == 5
    draft = ConsultationPage.objects.get(pk=consultation.pk).get_latest_revision_as_object()
    assert len(draft.questions.all()) == 6
    preview = admin_client.post(f"/admin/pages/{consultation.pk}/edit/preview/", data)
    assert preview.status_code == 200 and preview.json()["is_valid"]


def test_publishing_with_a_blank_question_row_is_refused_naming_the_row(admin_client, consultation):
    data = draft_with_a_blank_row(consultation) | {"action-publish": "publish"}
    response = admin_client.post(f"/admin/pages/{consultation.pk}/edit/", data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Question row 6 (no reference yet): give it a reference and a prompt, or remove it."
    ]
    assert consultation.questions.count() == 5
