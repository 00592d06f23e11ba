"""Editors manage consultations and their questionnaires in the Wagtail admin."""

import pytest
from django.db import IntegrityError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from consultations.models import ConsultationPage, Question, QuestionIdentity
from youth_voice.summary import summarise


def edit_data(consultation, questions, **overrides):
    data = {
        "title": consultation.title,
        "slug": consultation.slug,
        "overview": rich_text("<p>Overview</p>"),
        "how_to_respond": rich_text(""),
        "contact_details": rich_text(""),
        "data_protection": rich_text("<p>Safe</p>"),
        "opens_at": timezone.localtime(consultation.opens_at).strftime("%Y-%m-%d %H:%M"),
        "closes_at": timezone.localtime(consultation.closes_at).strftime("%Y-%m-%d %H:%M"),
        "audience": "",
        "plan_draft": consultation.plan_draft_id or "",
        "areas": consultation.areas,
        "retention_months": consultation.retention_months,
        "related_documents": inline_formset([]),
        "feedback_items": inline_formset([]),
        "questions": inline_formset(questions, initial=consultation.questions.count()),
        "action-publish": "publish",
    }
    data.update(overrides)
    # Tick-box lists are posted as repeated fields, which nested_form_data would number instead.
    return nested_form_data(data) | {
        "about_you_asked": list(consultation.about_you_asked),
        "about_you_required": list(consultation.about_you_required),
        "respondent_types": list(consultation.respondent_types),
    }


def question_row(question, **overrides):
    row = {
        "id": question.pk,
        "reference": question.reference,
        "prompt": question.prompt,
        "help_text": question.help_text,
        "kind": question.kind,
        "options": options_data([(o.label, o.code) for o in question.option_list()]),
        "follow_up_prompt": question.follow_up_prompt,
        "ORDER": question.sort_order,
    }
    if question.required:
        row["required"] = "on"
    return row | overrides


def options_data(options):
    return streamfield([("option", {"label": label, "code": code}) for label, code in options])


def post_edit(admin_client, consultation, rows, **overrides):
    return admin_client.post(
        f"/admin/pages/{consultation.pk}/edit/", edit_data(consultation, rows, **overrides)
    )


def current_rows(consultation):
    return [question_row(q) for q in consultation.questions.all()]


def test_editor_publishes_a_change_to_a_question(admin_client, consultation):
    rows = current_rows(consultation)
    rows[1]["prompt"] = "What helps you when things are hard?"
    rows[1]["reference"] = "Q 6.1"
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    question = Question.objects.get(page=consultation, prompt="What helps you when things are hard?")
    assert question.reference == "6.1"


def test_editor_adds_a_question_written_q_form(admin_client, consultation):
    rows = current_rows(consultation) + [
        {
            "id": "",
            "reference": "Q12.8",
            "prompt": "New question",
            "kind": "free_text",
            "options": options_data([]),
            "follow_up_prompt": "",
            "help_text": "",
            "ORDER": 9,
        }
    ]
    assert post_edit(admin_client, consultation, rows).status_code == 302
    assert consultation.questions.filter(reference="12.8").exists()


def test_duplicate_references_are_refused(admin_client, consultation):
    rows = current_rows(consultation)
    rows[2]["reference"] = "Q 6.1"
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 200
    assert "Q6.1 – How long is too long to wait?: reference 6.1 appears twice" in response.content.decode()
    assert ConsultationPage.objects.get(pk=consultation.pk).questions.filter(reference="6.2").exists()


def test_retiring_an_answered_question_stops_asking_it_and_keeps_its_answers(
    admin_client, consultation, answer
):
    answer({"6.1": "kept forever"})
    rows = current_rows(consultation)
    rows[1]["retire"] = "on"
    assert post_edit(admin_client, consultation, rows).status_code == 302
    assert not consultation.questions.filter(reference="6.1").exists()
    identity = QuestionIdentity.objects.get(consultation=consultation, reference="6.1")
    assert identity.retired and identity.answers.count() == 1
    retired = [item for item in summarise(consultation).questions if item.retired]
    assert [(item.reference, item.figures.text_count) for item in retired] == [("6.1", 1)]


def test_an_answered_question_keeps_its_kind(admin_client, consultation, answer):
    answer({"6.2": "a-week"})
    rows = current_rows(consultation)
    rows[2]["kind"] = "multiple_choice"
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 200
    assert (
        "Q6.2 – How long is too long to wait? has 1 answer, so its kind cannot change"
        in response.content.decode()
    )
    assert Question.objects.get(page=consultation, reference="6.2").kind == "single_choice"


def test_an_answered_option_cannot_be_removed_but_can_be_reworded(admin_client, consultation, answer):
    answer({"6.2": "a-week"})
    rows = current_rows(consultation)
    rows[2]["options"] = options_data([("A month", "a-month"), ("Three months", "three-months")])
    response = post_edit(admin_client, consultation, rows)
    assert "Q6.2 – How long is too long to wait?: the options a-week have answers, so they cannot" in (
        response.content.decode()
    )

    rows[2]["options"] = options_data(
        [("Seven days", "a-week"), ("A month", "a-month"), ("Three months", "three-months")]
    )
    assert post_edit(admin_client, consultation, rows).status_code == 302
    figures = next(item for item in summarise(consultation).questions if item.reference == "6.2").figures
    assert [(choice.label, choice.count) for choice in figures.choices] == [
        ("Seven days", 1),
        ("A month", 0),
        ("Three months", 0),
    ]


def test_editor_is_told_what_cannot_change_before_editing_an_answered_questionnaire(
    admin_client, consultation, answer
):
    answer({"6.1": "hello"})
    page = admin_client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert "1 response already answers this questionnaire" in page
    assert "You cannot: change the kind of a question that has answers" in page
    assert "1 answer: this question can't be removed" in page


def test_two_questions_swap_references_in_one_edit(admin_client, consultation):
    rows = current_rows(consultation)
    rows[1]["reference"], rows[2]["reference"] = "6.2", "6.1"
    assert post_edit(admin_client, consultation, rows).status_code == 302
    swapped = dict(consultation.questions.values_list("reference", "prompt"))
    assert swapped["6.1"] == "How long is too long to wait?"
    assert swapped["6.2"] == "What would help you cope?"


def test_the_database_refuses_a_second_question_with_the_same_reference(consultation):
    with pytest.raises(IntegrityError):
        Question.objects.create(page=consultation, reference="Q 6.1", prompt="Again", kind="free_text")


def test_a_plain_save_normalises_the_reference(consultation):
    question = Question.objects.create(
        page=consultation, reference="Question 12.8", prompt="New", kind="free_text"
    )
    assert question.reference == "12.8"


def test_publishing_a_revision_without_an_answered_question_retires_it(consultation, answer):
    answer({"6.1": "still counted"})
    page = consultation.get_latest_revision_as_object()
    page.questions = [q for q in page.questions.all() if q.reference != "6.1"]
    page.save_revision().publish()  # as workflow approval or scheduled publishing would
    assert QuestionIdentity.objects.get(consultation=consultation, reference="6.1").retired
    assert not consultation.questions.filter(reference="6.1").exists()


def test_publishing_a_new_kind_for_an_answered_question_by_any_route_retires_its_answers_intact(
    consultation, answer
):
    answer({"6.2": "a-week"})
    page = consultation.get_latest_revision_as_object()
    for question in page.questions.all():
        if question.reference == "6.2":
            question.kind = "free_text"
    page.save_revision().publish()  # as workflow approval or scheduled publishing would: never fails
    old, new = QuestionIdentity.objects.filter(consultation=consultation, reference="6.2").order_by("pk")
    assert (old.retired, old.kind, old.answers.count()) == (True, "single_choice", 1)
    assert (new.retired, new.kind, new.answers.count()) == (False, "free_text", 0)


def test_follow_up_conditions_must_point_at_earlier_questions_and_real_options(admin_client, consultation):
    rows = current_rows(consultation)
    rows[1] |= {"show_if_reference": "7", "show_if_options": "swimming"}
    rows[3] |= {"show_if_reference": "6.2", "show_if_options": "a-year"}
    rows[4] |= {"show_if_reference": "6.1", "show_if_options": "yes"}
    page = post_edit(admin_client, consultation, rows).content.decode()
    assert "Question 7 comes later: a follow-up must come after the question it depends on." in page
    assert "Question 6.2 has no option a-year. Its options are: a-month, a-week, three-months." in page
    assert "Question 6.1 is answered in words or numbers, so it cannot show other questions." in page


def test_questions_that_depend_on_each_other_are_explained(admin_client, consultation):
    rows = current_rows(consultation)
    rows[2] |= {"show_if_reference": "7", "show_if_options": "swimming"}
    rows[3] |= {"show_if_reference": "6.2", "show_if_options": "a-week"}
    page = post_edit(admin_client, consultation, rows).content.decode()
    assert "depend on each other" in page


def test_a_question_without_answers_can_be_removed(admin_client, consultation):
    rows = current_rows(consultation)
    rows[4]["DELETE"] = "on"
    assert post_edit(admin_client, consultation, rows).status_code == 302
    assert not consultation.questions.filter(reference="8").exists()


def test_closing_must_come_after_opening(admin_client, consultation):
    response = post_edit(
        admin_client,
        consultation,
        current_rows(consultation),
        closes_at=timezone.localtime(consultation.opens_at).strftime("%Y-%m-%d %H:%M"),
    )
    assert "The closing time must be after the opening time" in response.content.decode()


def test_a_consultation_with_responses_cannot_be_deleted(admin_client, consultation, answer):
    answer({"6.1": "precious"})
    response = admin_client.post(f"/admin/pages/{consultation.pk}/delete/", follow=True)
    assert "has responses, so it cannot be deleted" in response.content.decode()
    assert ConsultationPage.objects.filter(pk=consultation.pk).exists()


def test_nor_can_the_page_above_it(admin_client, home, consultation, answer):
    answer({"6.1": "precious"})
    admin_client.post(f"/admin/pages/{home.pk}/delete/", follow=True)
    assert ConsultationPage.objects.filter(pk=consultation.pk).exists()


def test_editor_tags_a_question_with_aims_and_articles_and_clears_needs_review(admin_client, consultation):
    from consultations.models import PlanAim

    aims = PlanAim.objects.filter(code__in=["core-aim-3", "core-aim-5"])
    Question.objects.filter(page=consultation, reference="6.1").update(needs_review=True)
    rows = current_rows(consultation)
    rows[1]["uncrc_articles"] = "24 and 12"
    assert "needs_review" not in rows[1]  # the editor unticks it
    assert admin_client.get(f"/admin/pages/{consultation.pk}/edit/").status_code == 200
    data = edit_data(consultation, rows) | {"questions-1-aims": [aim.pk for aim in aims]}  # ticked boxes
    response = admin_client.post(f"/admin/pages/{consultation.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    question = Question.objects.get(page=consultation, reference="6.1")
    assert set(question.aims.values_list("code", flat=True)) == {"core-aim-3", "core-aim-5"}
    assert question.uncrc_articles == "12, 24" and not question.needs_review


def test_a_question_tagged_with_an_article_that_does_not_exist_is_explained(admin_client, consultation):
    rows = current_rows(consultation)
    rows[1]["uncrc_articles"] = "12, 60"
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 200
    assert "“60” is not a UNCRC article" in response.content.decode()
