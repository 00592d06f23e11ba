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
from youth_voice.feedback.services import publish_feedback, published_feedback
from youth_voice.models import FeedbackItem

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
    assert "<blockquote>Someone who listens.</blockquote>" in text
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
