"""Suggested redactions for a quote: spans that look like a name, an email address, a UK phone
number, a postcode or street address, or a school, in English or Welsh.

For a quote these are only suggestions: an officer accepts each one (or marks a span of their
own) before anything is removed, because a pattern both misses things and catches things it should
not ("I'm Welsh"). Text published whole, which no officer checks span by span (the published
results' responses), loses every suggested span: `redacted(text)`.
"""

import re
from dataclasses import dataclass

from ..models import RedactionKind
from ..models.analysis import PLACEHOLDERS

UPPER = "A-ZÂÊÎÔÛŴŶÁÉÍÓÚÀÈÌÒÙÄËÏÖÜ"
LOWER = "a-zâêîôûŵŷáéíóúàèìòùäëïöü"
WORD = rf"[{UPPER}](?:[{LOWER}]|['’-][{UPPER}{LOWER}])+"  # a capitalised word: Sam, O’Neill, Siân
WELSH_LINKS = r"(?:y|yr|’r|'r|de|a|ac)\b"

# A small list on purpose: common first names of children in England and Wales, caught even
# without "my name is" before them. Officers mark any others themselves.
FIRST_NAMES = (
    "Alex Amelia Ava Charlie Chloe Dafydd Dylan Elin Ella Emily Ffion Freya George Gethin Grace "
    "Harry Isla Jack Jacob Jordan Leo Lily Megan Mia Mohammed Muhammad Noah Olivia Oliver Osian "
    "Priya Rhys Riley Sam Seren Siân Sophie Cerys Aisha Fatima Tomos Zara"
).split()

# Words that come before a name: "my name is Sam", "I'm Ffion", "fy enw i yw Cerys".
NAME_CUES = (
    "my name is",
    "my name[’']s",
    "i[’']m",
    "i am",
    "call me",
    "called",
    "fy enw i yw",
    "fy enw i ydy",
    "fy enw yw",
)

PATTERNS = [
    (RedactionKind.EMAIL, re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # 07700 900123, +44 7700 900123, (01632) 960 000, 029 2018 0000
    (
        RedactionKind.PHONE,
        re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?(?:[\s-]?\d){6,8}(?!\d)"),
    ),
    # SW1A 1AA, CF10 1AA, ll57 2pw: outward code, space optional, inward code.
    (
        RedactionKind.ADDRESS,
        re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE),
    ),
    # 12 Station Road, 4a Mill Lane; 3 Heol y Parc, 7 Stryd Fawr
    (
        RedactionKind.ADDRESS,
        re.compile(
            rf"\b\d{{1,4}}[a-z]?,?\s+(?:(?:{WORD}\s+){{1,3}}"
            r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Place|Terrace|Gardens|Grove|Hill|View)\b"
            rf"|(?:Heol|Stryd|Ffordd|Lôn|Rhodfa|Cilgant)(?:\s+(?:{WELSH_LINKS}|{WORD})){{1,3}})"
        ),
    ),
    # St Mary’s Primary School, Harrowby Academy; Ysgol y Strade, Ysgol Gyfun Gŵyr
    (
        RedactionKind.SCHOOL,
        re.compile(
            rf"(?:(?:St\.?\s+)?(?:{WORD}\s+){{1,4}}(?:School|Academy|College)\b"
            rf"|\bYsgol(?:\s+(?:{WELSH_LINKS}|{WORD}|[{UPPER}][\w’']*)){{1,4}})"
        ),
    ),
    (RedactionKind.NAME, re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+{WORD}(?:\s+{WORD})?")),
    (
        RedactionKind.NAME,
        re.compile(
            rf"(?i:\b(?:{'|'.join(NAME_CUES)})\s+)"
            rf"({WORD}(?:\s+{WORD})?)"
        ),
    ),
    (RedactionKind.NAME, re.compile(r"\b(?:" + "|".join(FIRST_NAMES) + r")\b")),
]


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    kind: str

    def words(self, text: str) -> str:
        return text[self.start : self.end]


def suggest_redactions(text: str) -> list[Suggestion]:
    """Spans of `text` that may identify someone, in order, none overlapping (the first pattern
    listed wins: an email address is not also a name)."""
    found = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            # A name after "my name is" is the group, not the phrase before it.
            start, end = match.span(1) if pattern.groups else match.span()
            if not any(start < taken.end and taken.start < end for taken in found):
                found.append(Suggestion(start, end, kind))
    return sorted(found, key=lambda suggestion: suggestion.start)


def spans_of(words: str, text: str) -> list[tuple[int, int]]:
    """Every place `words` appear in `text` (an officer marking words to remove wherever they are)."""
    words = words.strip()
    if not words:
        return []
    return [match.span() for match in re.finditer(re.escape(words), text)]


def redacted(text: str) -> str:
    """`text` with every suggested span replaced by what was removed ("[name removed]", in the
    reader's language): removing too much is the safe mistake when nobody checks each one."""
    for suggestion in reversed(suggest_redactions(text)):
        text = text[: suggestion.start] + str(PLACEHOLDERS[suggestion.kind]) + text[suggestion.end :]
    return text
