"""Screening: the normaliser, the matcher and the seeded rule set against the recall test sets."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from youth_voice.safeguarding.models import SafeguardingRule
from youth_voice.safeguarding.rules import Rule, RuleSet
from youth_voice.safeguarding.screening import current_rules, screen_text
from youth_voice.safeguarding.text import normalise, word_matches

HERE = Path(__file__).parent
MIN_RECALL = 0.95


def lines(name):
    text = (HERE / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def rule(text, kind="phrase", category="suicide"):
    return Rule(pk=1, category=category, kind=kind, text=text)


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("I'm SO scared!!!", "i am so scared"),
        ("Sumtimes i wanna kms cuz ppl h8 me", "sometimes i want to kil myself because people hate me"),
        ("killlll my self", "kil myself"),
        ("dw i'n brifo fy hun", "dw in brifo fy hun"),
        ("Mae’r tŷ’n oer", "maer tyn oer"),
    ],
)
def test_normalising_forgives_case_accents_punctuation_stretching_and_text_speak(written, normalised):
    assert normalise(written) == normalised


@pytest.mark.parametrize(
    ("expected", "written", "matches"),
    [
        ("scared", "scraed", True),  # two letters swapped
        ("bulied", "buled", True),  # one missing
        ("hit", "hat", False),  # short words must be spelt right
        ("overdose", "overdoes", True),
        ("cutting", "putting", True),  # one edit: why phrases, not single words, are the rules
    ],
)
def test_small_misspellings_of_longer_words_match(expected, written, matches):
    assert word_matches(expected, written) is matches


def test_phrase_wildcards_and_prefixes():
    rules = RuleSet([rule("scared ** go* home"), rule("hit* * head", category="abuse")])
    assert rules.screen("I'm scared to go home").category == "suicide"
    assert rules.screen("im so scared of going home").words == "scared of going home"
    assert rules.screen("he hits my head").category == "abuse"
    assert rules.screen("scared of big hairy spiders, going home now") is None  # more than three between


def test_patterns_search_the_normalised_text():
    rules = RuleSet([rule(r"\bboyfriend is (?:1[89]|[2-9]\d)\b", kind="pattern", category="exploitation")])
    assert rules.screen("My BOYFRIEND is 25!").category == "exploitation"
    assert rules.screen("my boyfriend is 15") is None


@pytest.mark.django_db
def test_a_rule_that_is_not_a_valid_pattern_is_refused_with_a_message():
    with pytest.raises(ValidationError, match="not a valid regular expression"):
        SafeguardingRule(category="abuse", kind="pattern", text="(unclosed").full_clean()
    with pytest.raises(ValidationError, match="needs at least one word"):
        SafeguardingRule(category="abuse", kind="phrase", text="** *").full_clean()


def test_misspellings_are_found_in_long_answers_too():
    rules = RuleSet([rule("overdose"), rule("cyberbulied", category="bullying")])
    filler = "the buses are late and the park is closed " * 100
    assert rules.screen(filler + "i took an overdoes").words == "overdoes"
    assert (
        rules.screen(filler + "i am being cybrebullid online").category == "bullying"
    )  # two edits, 11 letters
    assert rules.screen(filler) is None


@pytest.mark.django_db
def test_a_changed_rule_is_used_at_once():
    assert screen_text("the swings are wobbly") is None
    new = SafeguardingRule.objects.create(category="neglect", kind="phrase", text="wobbly")
    assert screen_text("the swings are wobbly").rule.pk == new.pk
    new.enabled = False
    new.save()
    assert screen_text("the swings are wobbly") is None


@pytest.mark.django_db
def test_disabled_rules_are_not_used():
    SafeguardingRule.objects.update(enabled=False)
    assert screen_text("I want to kill myself") is None


@pytest.mark.django_db
def test_recall_on_the_disclosure_set_and_false_positives_on_ordinary_answers(capsys):
    rules = current_rules()
    disclosures, ordinary = lines("safeguarding_disclosures.txt"), lines("safeguarding_ordinary.txt")
    assert len(disclosures) >= 100 and len(ordinary) >= 100
    missed = [text for text in disclosures if rules.screen(text) is None]
    flagged = [text for text in ordinary if rules.screen(text) is not None]
    recall = 1 - len(missed) / len(disclosures)
    false_positive_rate = len(flagged) / len(ordinary)
    with capsys.disabled():
        print(
            f"\nsafeguarding: recall {recall:.1%} on {len(disclosures)} disclosures (missed: {missed}); "
            f"false positives {false_positive_rate:.1%} of {len(ordinary)} ordinary answers ({flagged})"
        )
    assert recall >= MIN_RECALL
    assert false_positive_rate <= 0.05  # keep it honest: flagging everything would pass recall


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "at_least_caught", "at_most_false"),
    [
        ("safeguarding_heldout.txt", 22, 1),
        ("safeguarding_unseen.txt", 13, 1),
        ("safeguarding_unseen_2.txt", 19, 0),
    ],
)
def test_the_later_sets_are_reported(name, at_least_caught, at_most_false, capsys):
    """Phrasings written after rules existed. Each was clean only until rules were broadened knowing
    it; the clean figures are in docs/safeguarding.md. Here they only guard against regressions."""
    rules = current_rules()
    rows = [line.split("\t", 1) for line in lines(name)]
    disclosures = [text for kind, text in rows if kind == "d"]
    ordinary = [text for kind, text in rows if kind == "o"]
    caught = sum(1 for text in disclosures if rules.screen(text))
    false = sum(1 for text in ordinary if rules.screen(text))
    with capsys.disabled():
        print(f"\n{name}: {caught}/{len(disclosures)} caught, {false}/{len(ordinary)} false positives")
    assert caught >= at_least_caught and false <= at_most_false


@pytest.mark.django_db
def test_the_screen_command_prints_flagged_or_clear_and_the_rule_per_line(tmp_path, capsys):
    sample = tmp_path / "answers.txt"
    sample.write_text("more buses please\nI want to kill myself\n\ndw i eisiau marw\n", encoding="utf-8")
    call_command("safeguarding_screen", str(sample))
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1\tclear"
    assert out[1].startswith("2\tflagged\tsuicide: kill myself")
    assert out[2].startswith("4\tflagged\tsuicide: eisiau marw")


def test_the_screen_command_explains_a_missing_file():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No such file"):
        call_command("safeguarding_screen", "/no/such/file.txt")
