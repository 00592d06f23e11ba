"""Rules compiled for matching, and the matcher itself.

A *phrase* rule is words, normalised like the answers (see `text.py`), matched in order:
  - a word matches itself or, from five letters, a misspelling of it (one edit; two from nine);
  - `word*` matches any word starting with `word` (`hit*`: hit, hits, hitting) and is never fuzzy;
  - `*` stands for exactly one word, `**` for up to three words (or none).
A *pattern* rule is a Python regular expression searched in the normalised text (single spaces
between words, no punctuation, letters squeezed: "kill" is written "kil" there).
"""

import re
from dataclasses import dataclass

from .text import normalise, squeeze, word_matches, words

ANY_WORD = "*"
UP_TO_THREE = "**"
GAP = 3


@dataclass(frozen=True)
class Match:
    rule: object  # the SafeguardingRule (or anything with .pk, .category, .text)
    category: str
    words: str  # what was written that matched, normalised

    @property
    def rule_label(self) -> str:
        return f"{self.category}: {self.rule.text}"


def phrase_tokens(phrase: str) -> list[str]:
    """A phrase rule as tokens: normalised words, keeping `*`, `**` and `prefix*` markers."""
    tokens = []
    for part in phrase.split():
        if part in (ANY_WORD, UP_TO_THREE):
            tokens.append(part)
        elif part.endswith("*") and part.strip("*"):
            tokens.extend(f"{word}*" for word in words(part.rstrip("*"))[:1])
        else:
            tokens.extend(words(part))
    while tokens and tokens[0] in (ANY_WORD, UP_TO_THREE):
        tokens.pop(0)
    while tokens and tokens[-1] in (ANY_WORD, UP_TO_THREE):
        tokens.pop()
    return tokens


def _token_matches(token: str, word: str) -> bool:
    if token.endswith("*"):
        return word.startswith(token[:-1])
    return word_matches(token, word)


def _match_at(tokens, written, i, start) -> int | None:
    """Where a match of tokens[i:] beginning at written[start] ends, or None."""
    if i == len(tokens):
        return start
    token = tokens[i]
    if token == UP_TO_THREE:
        for skip in range(GAP + 1):
            end = _match_at(tokens, written, i + 1, start + skip)
            if end is not None:
                return end
        return None
    if start >= len(written):
        return None
    if token == ANY_WORD or _token_matches(token, written[start]):
        return _match_at(tokens, written, i + 1, start + 1)
    return None


def find_phrase(tokens, written) -> tuple[int, int] | None:
    if not tokens:
        return None
    for start in range(len(written)):
        end = _match_at(tokens, written, 0, start)
        if end is not None:
            return start, end
    return None


class CompiledRule:
    def __init__(self, rule):
        self.rule = rule
        self.category = rule.category
        if rule.kind == "pattern":
            self.regex, self.tokens = re.compile(rule.text), None
        else:
            self.regex, self.tokens = None, phrase_tokens(rule.text)

    def search(self, written: list[str], joined: str) -> Match | None:
        if self.regex is not None:
            found = self.regex.search(joined)
            return Match(self.rule, self.category, found.group(0)) if found else None
        span = find_phrase(self.tokens, written)
        if span is None:
            return None
        return Match(self.rule, self.category, " ".join(written[span[0] : span[1]]))


class RuleSet:
    """Compiled rules, checked in order; the first rule that matches is the one reported."""

    def __init__(self, rules):
        self.rules = [CompiledRule(rule) for rule in rules]

    def screen(self, text: str) -> Match | None:
        written = words(text)
        if not written:
            return None
        joined = " ".join(written)
        for rule in self.rules:
            found = rule.search(written, joined)
            if found is not None:
                return found
        return None


__all__ = ["Match", "RuleSet", "normalise", "phrase_tokens", "squeeze"]
