"""Review of issue 7: answers must never move to a different question."""

from tests.consultations.test_editing import current_rows, post_edit, question_row
from youth_voice.summary import summarise


def texts_under(consultation, reference):
    item = next(i for i in summarise(consultation).questions if i.reference == reference and not i.retired)
    return item.prompt, [a.text for a in item.texts]


def test_a_new_question_cannot_take_the_reference_of_a_dropped_answered_one(
    admin_client, consultation, answer
):
    answer({"6.1": "Talking to my friends"})
    rows = current_rows(consultation)
    rows[1]["DELETE"] = "on"
    new = question_row(consultation.questions.get(reference="6.1"), id="", prompt="What is your address?")
    new["ORDER"] = 99
    rows.append(new)
    response = post_edit(admin_client, consultation, rows)
    if response.status_code == 302:
        # Accepted: then the new question must not inherit the old question's answers.
        prompt, texts = texts_under(consultation, "6.1")
        assert not (prompt == "What is your address?" and texts == ["Talking to my friends"]), (
            "the answer to 'What would help you cope?' is now shown as an answer to 'What is your address?'"
        )


def test_publishing_swapped_references_of_answered_questions_does_not_swap_their_answers(
    consultation, answer
):
    answer({"6.1": "Talking to my friends", "8": "No more to say"})
    page = consultation.get_latest_revision_as_object()
    questions = list(page.questions.all())
    by_ref = {q.reference: q for q in questions}
    by_ref["6.1"].reference, by_ref["8"].reference = "8", "6.1"
    page.questions = questions
    page.save_revision().publish()  # as workflow approval of a draft saved before anyone answered
    prompt, texts = texts_under(consultation, "6.1")
    assert prompt == "Anything else?"
    assert texts != ["Talking to my friends"], "answers now read under another question's wording"


def test_scheduled_publishing_of_a_refused_revision_does_not_stop_other_pages(consultation, answer, home):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from tests.conftest import make_consultation

    answer({"6.2": "a-week"})
    page = consultation.get_latest_revision_as_object()
    for question in page.questions.all():
        if question.reference == "6.2":
            question.kind = "free_text"
    soon = timezone.now() - timedelta(minutes=1)
    page.go_live_at = soon
    page.save_revision(approved_go_live_at=soon)

    other = make_consultation(home, slug="other")
    other_page = other.get_latest_revision_as_object()
    other_page.title = "Renamed by schedule"
    other_page.go_live_at = soon
    other_page.save_revision(approved_go_live_at=soon)

    call_command("publish_scheduled_pages")  # cron runs this: one refused revision must not stop it
    other.refresh_from_db()
    assert other.title == "Renamed by schedule"
