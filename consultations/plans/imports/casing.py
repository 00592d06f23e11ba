"""Headings typed in capitals, made into sentences only when the editor asks, without losing names.

`str.capitalize()` turns "HARROWBY VALE PARTNERSHIP – BY MARCH 2011" into "Harrowby vale partnership
– by march 2011" and "LAC" into "Lac". So, by default, the author's capitals are kept as written.
When the editor asks for sentence case, a word keeps its capital when:

- the document itself writes it with a capital in ordinary text ("Harrowby Vale", "the Partnership")
  or in capitals within ordinary text ("LAC", "CAMHS") — the document is the best dictionary of its
  own names;
- it is a month or a day, an acronym Chorus knows from plans (CYP, LAC, NEET, UNCRC…), a word with no
  vowels (LDD), a Roman numeral (II, IV), the pronoun I, or the letter of an annex ("ANNEX A").
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from .lines import Line, without_emphasis

MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
# Acronyms of children's plans (see docs/plan-import.md); the document's own usage adds to these.
KNOWN_ACRONYMS = {
    "ADHD", "ASD", "CAF", "CAMHS", "CYP", "CYPP", "DSL", "EU", "GP", "GCSE", "ICT", "LA", "LAC", "LDD",
    "LSCB", "NEET", "NHS", "PSHE", "RAG", "SEN", "SEND", "UK", "UN", "UNCRC", "YOT",
}  # fmt: skip
_LETTER_AFTER = {"annex", "appendix", "part", "section", "table", "figure", "schedule", "priority", "outcome"}
_ROMAN = re.compile(r"^(?=[IVXLC]{2,}$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_VOWEL = re.compile("[AEIOUY]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_BREAK = (".", "!", "?", ":", "•")


def is_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


@dataclass
class Casing:
    """How the document writes its words: `names` maps a word in lower case to the form the
    document gives it where it is not in capitals throughout (`harrowby` -> `Harrowby`)."""

    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, lines: list[Line]) -> "Casing":
        """Learn the document's capitalised words from its ordinary (not all-capitals) lines: a word
        with a capital that does not start a sentence is a name the author means to capitalise."""
        seen: dict[str, Counter] = {}
        for line in lines:
            text = without_emphasis(line.text)
            if not text.strip() or is_capitals(text) or line.style.startswith(("heading", "title")):
                continue
            after_break = True
            for match in _WORD.finditer(text):
                word = match[0]
                before = text[: match.start()].rstrip()
                after_break = not before or before.endswith(_SENTENCE_BREAK) or before[-1:].isdigit()
                if word[:1].isupper() and (not after_break or word.isupper() and len(word) > 1):
                    seen.setdefault(word.lower(), Counter())[word] += 1
        return cls({lower: forms.most_common(1)[0][0] for lower, forms in seen.items()})

    def sentence(self, text: str) -> str:
        """A heading in capitals as a sentence, keeping names, acronyms, months and days; any other
        heading is returned as written."""
        if not is_capitals(text):
            return text
        pieces: list[str] = []
        position, previous, first = 0, "", True
        for match in _WORD.finditer(text):
            pieces.append(text[position : match.start()])
            word = match[0]
            pieces.append(self.word(word, previous, first))
            previous, first = word.lower(), False
            position = match.end()
        pieces.append(text[position:])
        return "".join(pieces)

    def word(self, word: str, previous: str, first: bool) -> str:
        lower = word.lower()
        if word in KNOWN_ACRONYMS or _ROMAN.match(word) or (len(word) > 1 and not _VOWEL.search(word)):
            return word
        if len(word) == 1 and (previous in _LETTER_AFTER or word == "I"):
            return word
        if lower in self.names:
            return self.names[lower]
        if lower in MONTHS_AND_DAYS:
            return word.capitalize()
        return word.capitalize() if first else lower
