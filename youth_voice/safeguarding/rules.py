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

from .text import FUZZIER_FROM, FUZZY_FROM, normalise, squeeze, word_matches, words

ANY_WORD = "*"
UP_TO_THREE = "**"
GAP = 3


@dataclass(frozen=True)
class Rule:
    """What the matcher needs of a rule (a SafeguardingRule's fields, or one made up in a test)."""

    pk: int | None
    category: str
    kind: str
    text: str


@dataclass(frozen=True)
class Match:
    rule: Rule
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


def _deletions(word: str, depth: int) -> set[str]:
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


class Vocabulary:
    """Which rule words each written word matches, worked out once per distinct written word.

    Misspellings are found through deletions (the "symmetric delete" method): two words within one
    or two edits share a form with up to that many letters deleted from each, so only those few
    candidates are checked with the real distance, instead of every rule word against every word.
    """

    def __init__(self, tokens):
        self.exact = {t for t in tokens if not t.endswith("*") and t not in (ANY_WORD, UP_TO_THREE)}
        self.prefixes = {t for t in tokens if t.endswith("*") and t not in (ANY_WORD, UP_TO_THREE)}
        self.by_deletion = {}
        for token in self.exact:
            if len(token) >= FUZZY_FROM:
                for form in _deletions(token, 2 if len(token) >= FUZZIER_FROM else 1):
                    self.by_deletion.setdefault(form, set()).add(token)

    def matches(self, word: str) -> frozenset:
        found = {word} & self.exact
        found |= {t for t in self.prefixes if word.startswith(t[:-1])}
        for form in _deletions(word, 2 if len(word) >= FUZZIER_FROM - 1 else 1):
            found |= {t for t in self.by_deletion.get(form, ()) if word_matches(t, word)}
        return frozenset(found)


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
    if token == ANY_WORD or token in written[start][1]:
        return _match_at(tokens, written, i + 1, start + 1)
    return None


def find_phrase(tokens, written) -> tuple[int, int] | None:
    """Where the phrase first matches in `written`: (word, rule words it matches) pairs."""
    if not tokens:
        return None
    for start, (_word, matched) in enumerate(written):
        if tokens[0] not in matched:
            continue
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

    def search(self, written, joined: str) -> Match | None:
        if self.regex is not None:
            found = self.regex.search(joined)
            return Match(self.rule, self.category, found.group(0)) if found else None
        span = find_phrase(self.tokens, written)
        if span is None:
            return None
        return Match(self.rule, self.category, " ".join(word for word, _ in written[span[0] : span[1]]))


class RuleSet:
    """Compiled rules, checked in order; the first rule that matches is the one reported."""

    def __init__(self, rules):
        self.rules = [CompiledRule(rule) for rule in rules]
        self.vocabulary = Vocabulary({t for rule in self.rules if rule.tokens for t in rule.tokens})

    def screen(self, text: str) -> Match | None:
        plain = words(text)
        if not plain:
            return None
        known = {word: self.vocabulary.matches(word) for word in set(plain)}
        written = [(word, known[word]) for word in plain]
        joined = " ".join(plain)
        for rule in self.rules:
            found = rule.search(written, joined)
            if found is not None:
                return found
        return None


__all__ = ["Match", "Rule", "RuleSet", "normalise", "phrase_tokens", "squeeze"]
