"""“You said, we did” on the public pages: only after closing and publishing, in the reader's
language, beside the plan paragraphs that ask about it, and for a young person with their code."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations.models import ConsultationPage
from consultations.translating import segments_to_translate, translate
from tests.conftest import submit_answers
from tests.consultations.test_translations import WELSH
from tests.youth_voice.feedback.conftest import close_with_feedback
from youth_voice.analysis.services import pick_quote, redact_words
from youth_voice.feedback.services import publish_feedback, published_feedback
from youth_voice.models import FeedbackItem, Response

FEEDBACK_WELSH = {
    "Most of you want someone to talk to at school.": "Mae’r rhan fwyaf ohonoch eisiau rhywun i siarad ag ef yn yr ysgol.",
    "You asked for someone to talk to. Every school will have one.": "Gofynnoch chi am rywun i siarad ag ef. Bydd gan bob ysgol un.",
}


def test_feedback_is_not_shown_before_it_is_published(client, closed):
    text = client.get(closed.url).content.decode()
    assert "You said, we did" not in text
    assert "Every secondary school will name a well-being lead" not in text
    assert published_feedback(closed) == []


def test_feedback_is_not_shown_while_the_consultation_is_open(client, closed):
    ConsultationPage.objects.filter(pk=closed.pk).update(
        closes_at=timezone.now() + timedelta(days=3), feedback_published_at=timezone.now()
    )
    closed.refresh_from_db()
    text = client.get(closed.url).content.decode()
    assert "Every secondary school will name a well-being lead" not in text
    assert published_feedback(closed) == []


def test_published_feedback_is_on_the_page_with_its_plain_words_and_reason(client, closed):
    publish_feedback(closed)
    text = client.get(closed.url).content.decode()
    assert "You said, we did" in text
    assert "You asked for someone to talk to. Every school will have one." in text
    assert "Every secondary school will name a well-being lead from September." in text
    assert "<li>7 in 10 asked for a named adult</li>" in text
    assert "Not taken forward" in text
    assert "The pools are closed for repairs until 2028." in text
    assert "It is late" not in text


def test_not_taken_forward_needs_a_reason(closed):
    item = FeedbackItem(
        page=closed, question_reference="8", status="not_taken_forward", you_said="x", we_did="y"
    )
    item.plain_language = "z"
    with pytest.raises(ValidationError) as refused:
        item.full_clean(exclude=["locale", "translation_key"])
    assert refused.value.message_dict["reason"] == [
        "Say why it was not taken forward: people deserve to know."
    ]


def test_translators_are_offered_the_feedback_text_but_not_its_reference_or_status(closed):
    offered = segments_to_translate(closed)
    assert "Most of you want someone to talk to at school." in offered
    assert "You asked for someone to talk to. Every school will have one." in offered
    assert "6.1" not in offered
    assert "agreed" not in offered


def test_the_welsh_page_shows_welsh_feedback(client, closed):
    welsh = translate(closed, "cy", WELSH | FEEDBACK_WELSH)
    publish_feedback(closed)
    welsh.refresh_from_db()
    assert welsh.feedback_published_at is not None
    text = client.get(welsh.url).content.decode()
    assert "Gofynnoch chi am rywun i siarad ag ef. Bydd gan bob ysgol un." in text
    assert "Mae’r rhan fwyaf ohonoch eisiau rhywun i siarad ag ef yn yr ysgol." in text
    assert "You asked for someone to talk to." not in text
    english = client.get(closed.url).content.decode()
    assert "You asked for someone to talk to. Every school will have one." in english


def test_each_plan_paragraph_says_what_changed_once_its_question_has_feedback(client, closed, plan):
    before = client.get(plan.url).content.decode()
    assert "What changed because of what you said" not in before
    publish_feedback(closed)
    text = client.get(plan.url).content.decode()
    # 9.1 and 9.2 ask question 6.1, 10.1 asks question 7; 9.19 asks 6.2, which has no feedback.
    assert text.count("What changed because of what you said") == 3
    assert text.count("You asked for someone to talk to. Every school will have one.") == 2
    assert text.count("Free swimming cannot happen yet: the pools are being mended.") == 1
    assert f'href="{closed.url}#feedback-61"' in text


def test_a_young_person_with_their_code_sees_what_happened(client, home, plan):
    page = close_with_feedback(home, plan, slug="coded")
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() + timedelta(days=1))
    page.refresh_from_db()
    response = submit_answers(page, {"6.1": "A teacher who listens"})
    secret = response.set_secret()
    response.save()
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() - timedelta(days=1))
    page.refresh_from_db()
    publish_feedback(page)
    seen = client.post(page.code_url, {"code": response.code(secret), "then": "see"})
    text = seen.content.decode()
    assert seen.status_code == 200
    assert "A teacher who listens" in text
    assert "You asked for someone to talk to. Every school will have one." in text


def test_an_item_shows_the_publishable_quotes_picked_for_its_question_and_no_others(
    client, home, plan, officer
):
    page = close_with_feedback(home, plan, slug="quoted")
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() + timedelta(days=1))
    page.refresh_from_db()
    written = {
        text: submit_answers(
            page, {ref: text}, publication="without_name", age_band="16_18", respondent_type="young_person"
        )
        for ref, text in [
            ("6.1", "A teacher who listens, like Mr Jones"),
            ("6.1", "A counsellor at lunch"),
            ("6.1", "Someone who listens"),  # picked, then made confidential
            ("6.1", "Nobody picked this one"),
            ("8", "Buses after ten"),  # picked, but for another question
        ]
    }
    picked = {
        text: pick_quote(response.answers.get(), "", officer)
        for text, response in written.items()
        if text != "Nobody picked this one"
    }
    redact_words(picked["A teacher who listens, like Mr Jones"], "Mr Jones", "name", officer)
    Response.objects.filter(pk=written["A counsellor at lunch"].pk).update(
        publication="with_name", name="Sam"
    )
    Response.objects.filter(pk=written["Someone who listens"].pk).update(publication="confidential")
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() - timedelta(days=1))
    page.refresh_from_db()
    publish_feedback(page)

    cope, swimming = published_feedback(page)
    assert [q.published_text() for q in cope.quotes()] == [
        "A counsellor at lunch",
        "A teacher who listens, like [name removed]",
    ]
    assert swimming.quotes() == []  # none picked for question 7: nothing, and no typed text
    text = client.get(page.url).content.decode()
    assert (
        "<blockquote><p>A counsellor at lunch</p></blockquote>"
        "<figcaption>Sam (A young person, 16 to 18)</figcaption>"
    ) in text
    assert "<blockquote><p>A teacher who listens, like [name removed]</p></blockquote>" in text
    assert text.count("<blockquote>") == 2
    for never in ["Mr Jones", "Someone who listens", "Nobody picked this one", "Buses after ten"]:
        assert never not in text


def test_the_welsh_page_shows_the_same_picked_quotes(client, home, plan, officer):
    page = close_with_feedback(home, plan, slug="quoted-cy")
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() + timedelta(days=1))
    page.refresh_from_db()
    response = submit_answers(page, {"6.1": "Athro sy'n gwrando"}, publication="without_name")
    pick_quote(response.answers.get(), "", officer)
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() - timedelta(days=1))
    page.refresh_from_db()
    welsh = translate(page, "cy", WELSH | FEEDBACK_WELSH)
    publish_feedback(page)
    welsh.refresh_from_db()
    (cope, _swimming) = published_feedback(welsh)
    assert [q.published_text() for q in cope.quotes()] == ["Athro sy'n gwrando"]
    assert "<blockquote><p>Athro sy&#x27;n gwrando</p></blockquote>" in client.get(welsh.url).content.decode()
