"""Editors manage consultations and their questionnaires in the Wagtail admin."""

from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from consultations.models import ConsultationPage, Question


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
        "related_documents": inline_formset([]),
        "questions": inline_formset(questions, initial=consultation.questions.count()),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def question_row(question, **overrides):
    row = {
        "id": question.pk,
        "reference": question.reference,
        "prompt": question.prompt,
        "help_text": question.help_text,
        "kind": question.kind,
        "options": question.options,
        "follow_up_prompt": question.follow_up_prompt,
        "ORDER": question.sort_order,
    }
    if question.required:
        row["required"] = "on"
    return row | overrides


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
            "options": "",
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
    assert "Question 6.1 appears twice" in response.content.decode()
    assert ConsultationPage.objects.get(pk=consultation.pk).questions.filter(reference="6.2").exists()


def test_a_question_with_answers_cannot_be_removed(admin_client, consultation, answer):
    answer({"6.1": "kept forever"})
    rows = current_rows(consultation)
    rows[1]["DELETE"] = "on"
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 200
    assert "Question 6.1 already has answers, so it cannot be removed" in response.content.decode()
    assert consultation.questions.filter(reference="6.1").exists()


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
