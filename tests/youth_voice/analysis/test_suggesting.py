"""Suggested themes: computed here, the same every time, and never applied without a person."""

import pytest

from youth_voice.analysis.suggesting import suggest_themes
from youth_voice.models import AnswerTheme, SuggestionDecision, Theme

BUSES = [
    "The buses are always late",
    "More buses in the evening please",
    "Bus fares are too expensive",
    "Cheaper buses for young people",
    "The bus to town never comes",
    "Late buses make me miss school",
    "Free bus passes for students",
    "Buses on Sundays",
]
TALKING = [
    "Someone to talk to at school",
    "A counsellor to talk to",
    "More counsellors in school",
    "Talk to someone who listens",
    "Counselling without a long wait",
    "A school counsellor every day",
    "Someone kind to talk to",
    "Counsellors who understand",
]
CLUBS = [
    "A youth club near me",
    "Youth club open at weekends",
    "Somewhere to go like a youth club",
    "More youth clubs in the villages",
    "The youth club closed",
    "Youth club with sports",
]
ANSWERS = list(enumerate(BUSES + TALKING + CLUBS, start=1))


def test_suggestions_find_the_themes_with_examples_and_are_the_same_every_time():
    first, second = suggest_themes(ANSWERS), suggest_themes(ANSWERS)
    assert first.enough_answers
    assert [(s.words, s.examples, s.strong) for s in first.themes] == [
        (s.words, s.examples, s.strong) for s in second.themes
    ]
    by_first_word = {s.words[0]: s for s in first.themes}
    assert set(by_first_word) == {"youth", "talk", "buses"}
    buses = by_first_word["buses"]
    assert len(buses.examples) == 3
    assert {pk for pk, _text in buses.examples} <= set(range(1, 9))
    assert set(buses.strong) == set(range(1, 9))  # every bus answer, and nothing else
    assert set(by_first_word["youth"].strong) == set(range(17, 23))


def test_a_decided_suggestion_is_not_offered_again():
    decided = next(s for s in suggest_themes(ANSWERS).themes if s.words[0] == "buses")
    again = suggest_themes(ANSWERS, decided=[decided.key])
    assert [s.words[0] for s in again.themes] == ["youth", "talk"]


@pytest.mark.parametrize(
    "answers",
    [
        ANSWERS[:9],  # fewer than ten
        [(pk, "   ") for pk in range(20)],  # empty
        [(pk, "the and of it") for pk in range(20)],  # nothing but stop words
        [(pk, "yn y ac mae") for pk in range(20)],  # nothing but Welsh stop words
        [(pk, "2027 !!") for pk in range(20)],  # numbers and punctuation
    ],
)
def test_too_few_answers_with_words_in_them_give_no_suggestions(answers):
    found = suggest_themes(answers)
    assert (found.enough_answers, found.themes) == (False, [])


def test_one_word_answers_give_one_word_suggestions():
    words = "Buses Music Buses Music Football Buses Music Buses Music Buses Music Football".split()
    found = suggest_themes(list(enumerate(words)))
    assert found.enough_answers
    assert {tuple(s.words) for s in found.themes} <= {("buses",), ("music",), ("football",)}


@pytest.fixture
def many(written):
    return {text: written(text) for text in BUSES + TALKING + CLUBS}


def suggestions_page(client, consultation, identity):
    return client.get(f"/admin/responses/{consultation.pk}/themes/question/{identity.pk}/suggestions/")


def test_showing_suggestions_applies_nothing(officer_client, consultation, identity, many):
    page = suggestions_page(officer_client, consultation, identity)
    assert "Words used together: buses, late" in page.content.decode()
    assert not Theme.objects.exists() and not AnswerTheme.objects.exists()


def test_officer_renames_and_accepts_a_suggestion_tagging_only_the_answers_they_leave_ticked(
    officer_client, consultation, identity, many
):
    buses = next(
        s for s in suggest_themes([(a.pk, a.text) for a in many.values()]).themes if s.words[0] == "buses"
    )
    kept = [many[text].pk for text in BUSES[:5]]
    accepted = officer_client.post(
        f"/admin/responses/{consultation.pk}/themes/question/{identity.pk}/suggestions/",
        {"words": buses.key, "name": "Transport", "description": "", "answers": kept, "accept": "1"},
        follow=True,
    )
    assert "Theme “Transport” added and applied to 5 answers." in accepted.content.decode()
    theme = Theme.objects.get(consultation=consultation)
    assert theme.name == "Transport"
    assert set(theme.tags.values_list("answer", flat=True)) == set(kept)
    assert SuggestionDecision.objects.get(words=buses.key).accepted
    assert "Words used together: buses" not in accepted.content.decode()


def test_officer_rejects_a_suggestion_and_it_is_not_offered_again(
    officer_client, consultation, identity, many
):
    page = suggestions_page(officer_client, consultation, identity).content.decode()
    assert "Words used together: youth, club" in page
    words = next(
        s.key for s in suggest_themes([(a.pk, a.text) for a in many.values()]).themes if s.words[0] == "youth"
    )
    officer_client.post(
        f"/admin/responses/{consultation.pk}/themes/question/{identity.pk}/suggestions/",
        {"words": words, "reject": "1"},
    )
    assert not SuggestionDecision.objects.get(words=words).accepted
    assert (
        "Words used together: youth"
        not in suggestions_page(officer_client, consultation, identity).content.decode()
    )
    assert not Theme.objects.exists()


def test_a_question_with_few_answers_says_there_are_not_enough(
    officer_client, consultation, identity, written
):
    written("Buses")
    page = suggestions_page(officer_client, consultation, identity).content.decode()
    assert "Not enough answers to suggest themes." in page
