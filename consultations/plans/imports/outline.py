"""What a plan draft's lines look like, and the decisions about its outline that need the whole
document: which heading level starts chapters, which numbers are chapters, which headings are
labels the document repeats, and which the contents page lists as chapters.

See docs/plan-import.md for the rules, in words. The lines passed in are the parser's: each has
`.line` (the reader's Line), `.text`, `.plain` (without emphasis), `.style` and `.position`.
"""

import re
from dataclasses import dataclass, field

from .cleaning import ContentsEntry, normal_title
from .lines import LIST_STYLES, without_emphasis

_NUMBER = re.compile(r"^(?P<number>[1-9]\d?(?:(?:\.|,(?=\d{1,2}\b))\d{1,3}){0,3})\.?(?:\s+(?P<rest>.*))?$")
BULLET = re.compile(r"^(?:[·•●○◦▪■❑❖➢➤►✓✔\uf000-\uf0ff]\s*|[-–*+o]\s+)(?P<text>.*)$")
SPACES = re.compile(r" {2,}")
_SENTENCE_END = (".", ":", ";", ",")
_LIST_LEAD_IN_END = (":-", ":–", ":—")  # `Other elements could include:-`
_LEAD_IN_END = (":", "-", "–", *_LIST_LEAD_IN_END)
# Annexes and appendices are sections of their own, after the chapters, numbered or not.
ANNEX = re.compile(r"^(?:annex(?:e|es)?|appendix|appendices)\b", re.IGNORECASE)
_LABEL_WORDS = 4
_HEADING_WORDS = 12
_CAPITALS_HEADING_WORDS = 20


@dataclass
class PlanNumber:
    """A plan number at the start of a line: `9` (a chapter) or `9.2` (a paragraph)."""

    number: str
    rest: str
    comma_typo: bool

    @classmethod
    def of(cls, text: str) -> "PlanNumber | None":
        match = _NUMBER.match(text)
        if not match:
            return None
        rest = (match["rest"] or "").strip()
        # `3.5 million children` is a quantity, not a paragraph; plan text starts with a capital.
        if rest[:1].islower() or _is_contents_entry(rest):
            return None
        return cls(match["number"].replace(",", "."), rest, "," in match["number"])

    @property
    def is_chapter(self) -> bool:
        return "." not in self.number

    @property
    def chapter(self) -> str:
        return self.number.split(".")[0]


def _is_contents_entry(text: str) -> bool:
    """`Mental health ....... 45` or `Mental health<tab>45`: a contents page names a chapter without
    being one."""
    before_page = text.rstrip("0123456789")
    leader = before_page.rstrip()
    if before_page == text or not leader:
        return False
    return "\t" in before_page[len(leader) :] or leader.endswith(("...", "…"))


@dataclass
class Outline:
    """Decisions that need the whole document.

    - `chapter_level`: the heading style that starts chapters. It is the level of numbered heading
      lines (`# 9 Mental health`) if there are any; none when chapters are plain numbered lines
      with paragraphs under them (then styled headings head sections); else the top level used.
    - `chapters_with_paragraphs`: chapter numbers that paragraph numbers (`9.x`) refer to. In a
      document with heading styles, a plain `1. Be healthy` is a numbered list, not chapter 1,
      unless paragraphs 1.x exist.
    - `plain_headings`: in a plain text file with neither numbers nor heading styles, which lines
      are headings at all.
    - `labels`: short headings the document repeats (`PRIORITY AREA`, `OBJECTIVES`): labels within
      a section, never chapters.
    - `contents_chapters`: the chapter titles of the document's own contents page. In a plan
      without numbers they decide which headings are chapters.
    """

    chapter_level: int | None
    styled: bool
    numbered: bool
    chapters_with_paragraphs: set[str]
    plain_headings: dict[int, str]  # line position -> "chapter" or "section"
    labels: set[str] = field(default_factory=set)
    contents_chapters: set[str] = field(default_factory=set)
    contents_sections: set[str] = field(default_factory=set)  # entries of level 2 and deeper

    @classmethod
    def of(cls, lines: list, contents: list[ContentsEntry] = ()) -> "Outline":
        levels, styled_chapter_levels, plain_chapters, paragraph_chapters = [], [], set(), set()
        headings: dict[str, int] = {}
        for line in lines:
            if line.style in LIST_STYLES or line.line.table and line.line.cells is None:
                continue
            level = heading_level(line.style) if line.text else None
            if level:
                levels.append(level)
            if level or (line.style == "" and is_capitals(line.plain)):
                title = normal_title(line.plain)
                headings[title] = headings.get(title, 0) + 1
            number = PlanNumber.of(line.plain)
            if number is None:
                continue
            if not number.is_chapter:
                paragraph_chapters.add(number.chapter)
            elif level:
                styled_chapter_levels.append(level)
            elif not number.rest or is_heading_text(number.rest):
                plain_chapters.add(number.number)
        if styled_chapter_levels:
            chapter_level = min(styled_chapter_levels)
        elif plain_chapters & paragraph_chapters:
            chapter_level = None
        else:
            chapter_level = min(levels, default=None)
        numbered = bool(styled_chapter_levels or plain_chapters or paragraph_chapters)
        labels = {
            title
            for title, count in headings.items()
            if count >= 2 and 0 < len(title.split()) <= _LABEL_WORDS and not ANNEX.match(title)
        }
        plain_headings = {} if numbered or levels else _plain_headings(lines, labels)
        contents_chapters = {normal_title(entry.title) for entry in contents if entry.level == 1}
        contents_sections = {normal_title(entry.title) for entry in contents if entry.level > 1}
        return cls(
            chapter_level,
            bool(levels),
            numbered,
            paragraph_chapters,
            plain_headings,
            labels,
            contents_chapters,
            contents_sections,
        )

    def is_plain_chapter(self, number: str) -> bool:
        return not self.styled or number in self.chapters_with_paragraphs


def heading_level(style: str) -> int | None:
    return int(style[-1]) if style.startswith("heading") else None


def _plain_headings(lines: list, labels: set[str]) -> dict[int, str]:
    """Headings of a plain text file without numbers: lines in capitals, and short title-like lines
    standing alone between blank lines. Capitals are chapters when there are any (except labels the
    document repeats), the others then head sections within them."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not line.text or BULLET.match(line.plain) or line.style in LIST_STYLES or line.line.table:
            continue
        alone = (index == 0 or not lines[index - 1].line.text.strip()) and (
            index == len(lines) - 1 or not lines[index + 1].line.text.strip()
        )
        if is_capitals(line.plain) and not is_lead_in(line.plain):
            found[line.position] = "label" if normal_title(line.plain) in labels else "capitals"
        elif alone and is_title_like(line.plain):
            found[line.position] = "title"
    top = "capitals" if "capitals" in found.values() else "title"
    return {position: "chapter" if kind == top else "section" for position, kind in found.items()}


def is_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return (
        len(letters) >= 2
        and all(char.isupper() for char in letters)
        and len(text.split()) <= _CAPITALS_HEADING_WORDS
    )


def is_title_like(text: str) -> bool:
    """Short, starting with a capital and not ending like a sentence: `Where are we now?` is one."""
    first_letter = next((char for char in text if char.isalpha()), "")
    return (
        0 < len(text.split()) <= _HEADING_WORDS
        and first_letter.isupper()
        and not text.endswith(_SENTENCE_END)
        and not is_lead_in(text)
    )


def is_lead_in(text: str) -> bool:
    """`Other elements could include:-` introduces a list; it is not a heading. A label in capitals
    may end with a colon (`OUTCOME 1:`) and still head what follows."""
    text = text.rstrip()
    if is_capitals(text):
        return text.endswith(_LIST_LEAD_IN_END)
    return text.endswith(_LEAD_IN_END)


def is_heading_text(text: str) -> bool:
    return (is_capitals(text) or is_title_like(text)) and not is_lead_in(text)


def clean_heading(text: str) -> str:
    return without_emphasis(clean_text(text))


def clean_text(text: str) -> str:
    """Table cells (tab-separated) read as `a | b`, empty ones left out; runs of spaces become one."""
    cells = (SPACES.sub(" ", cell.strip()) for cell in text.split("\t"))
    return " | ".join(cell for cell in cells if cell)


def plain_kind(text: str) -> str:
    """How an unstyled heading looks, so that a heading wrapped over two lines can be recognised."""
    return "capitals" if is_capitals(text) else "title"
