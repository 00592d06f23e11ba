"""Safe edits on a live questionnaire: answered questions are retired, never removed by accident,
and editors are told what rewording does to the answers."""

import re

from consultations.models import Question, QuestionIdentity
from consultations.questionnaire import AnsweredQuestions
from tests.consultations.test_editing import current_rows, options_data, post_edit


def delete_input(html, number) -> str:
    return re.search(rf'<input type="hidden" name="questions-{number}-DELETE"[^>]*>', html).group(0)


def test_removing_an_answered_question_is_refused_and_its_panel_stays(admin_client, consultation, answer):
    answer({"6.1": "kept forever"})
    answer({"6.1": "and this"})
    rows = current_rows(consultation)
    rows[1]["DELETE"] = "1"  # what Wagtail's bin sets
    rows[4]["prompt"] = "Anything else you want to say?"  # and the rest of the edit is kept
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 200
    refusal = (
        "Q6.1 – What would help you cope? has 2 answers, so it can't be removed. To stop asking it, tick "
        "“Stop asking this question” in its panel: its answers are kept and still shown in the summary."
    )
    assert refusal in response.context["form"].non_field_errors()
    html = response.content.decode()
    assert 'id="inline_child_questions-1"' in html  # the panel is there…
    assert 'value="1"' not in delete_input(html, 1)  # …and not marked deleted (which would hide it)
    assert 'value="Anything else you want to say?"' in html
    assert consultation.questions.filter(reference="6.1").exists()
    assert not QuestionIdentity.objects.get(consultation=consultation, reference="6.1").retired


def test_an_answered_questions_panel_says_why_it_cannot_be_removed_and_offers_retiring(
    admin_client, consultation, answer
):
    answer({"6.1": "one"})
    html = admin_client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    reason = re.search(r'id="questions-1-removal-reason" data-removal-reason>\s*([^<]+)<', html).group(1)
    assert reason.split()[:6] == ["1", "answer:", "this", "question", "can't", "be"]
    assert 'name="questions-1-retire"' in html
    assert 'name="questions-4-retire"' not in html  # unanswered: it can simply be removed
    assert "questions-4-removal-reason" not in html


def test_an_answered_question_tells_beside_its_wording_that_answers_stay(admin_client, consultation, answer):
    answer({"6.2": "a-week"})
    html = admin_client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert "1 answer. If you reword the question, they stay attached to it." in html
    assert "1 answer. If you reword an option, its answers stay with it" in html


def test_rewording_an_answered_question_and_option_says_the_answers_stay(admin_client, consultation, answer):
    answer({"6.2": "a-week"})
    rows = current_rows(consultation)
    rows[2]["prompt"] = "How long is too long to wait for help?"
    rows[2]["options"] = options_data(
        [("Seven days", "a-week"), ("A month", "a-month"), ("Three months", "three-months")]
    )
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 302
    told = [str(message) for message in response.wsgi_request._messages]
    assert (
        "Q6.2 – How long is too long to wait for help? was reworded: its 1 answer stays attached to it."
        in told
    )
    assert (
        "Q6.2 – How long is too long to wait for help?: the option “A week” is now “Seven days”; "
        "its answers stay with it." in told
    )
    question = Question.objects.get(page=consultation, reference="6.2")
    assert QuestionIdentity.objects.get(question_key=question.key, retired=False).answers.count() == 1


def test_unanswered_questions_are_reworded_without_notes(admin_client, consultation):
    rows = current_rows(consultation)
    rows[1]["prompt"] = "What helps?"
    response = post_edit(admin_client, consultation, rows)
    assert response.status_code == 302
    assert not [m for m in response.wsgi_request._messages if "reworded" in str(m)]


def test_answers_are_counted_for_every_question_at_once(consultation, answer, django_assert_num_queries):
    answer({"1": (["no"], "too long"), "6.1": "a", "6.2": "a-week", "7": ["buses", "clubs"], "8": "b"})
    answer({"6.1": "c", "7": ["swimming"]})
    with django_assert_num_queries(2):  # answers per question, then the options answered
        answered = AnsweredQuestions.for_page(consultation)
    counts = {question.reference: answered.count(question) for question in consultation.questions.all()}
    assert counts == {"1": 1, "6.1": 2, "6.2": 1, "7": 2, "8": 1}


def test_an_officer_who_reads_the_admin_in_welsh_is_told_in_welsh(
    admin_client, admin_user, consultation, answer
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "cy"
    profile.save()
    answer({"6.1": "un"})
    html = admin_client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert "C6.1 – What would help you cope?" in html
    assert "1 ateb: ni ellir tynnu’r cwestiwn hwn." in html and "Peidio â gofyn y cwestiwn hwn" in html
    rows = current_rows(consultation)
    rows[1]["DELETE"] = "1"
    response = post_edit(admin_client, consultation, rows)
    assert (
        response.context["form"]
        .non_field_errors()[0]
        .startswith("Mae gan C6.1 – What would help you cope? 1 ateb, felly ni ellir ei dynnu.")
    )
