"""Turn a plan draft's lines into chapters, numbered paragraphs and question references.

Plan drafts are typed by many hands: numbers on the text's line or on a line (or table cell) of
their own, headings in capitals or in Word styles, question markers written a dozen ways. The parser
reads them all in one pass over the lines and never drops text: whatever it cannot place for certain
goes into the nearest section and is described in `warnings`, so an editor can check it before
publishing. Only one thing stops an import: a question marker without a question number, because
the paragraph's link to the questionnaire would silently be lost.
"""

import re
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.utils.html import escape

from consultations.references import normalise_question_ref, ref_sort_key

from .readers import Line, PlanImportError

# `Ref – Q 6.1 Consultation Questionnaire` and its variants: hyphen, en or em dash, colon or nothing
# after Ref; Q or Question; any spacing; the number may be missing (an error, reported by line).
# More questions may follow (`Ref – Q 6.1, Q 6.2`). Possessive `*+` keeps long runs of spaces from
# making the search slow.
_MARKER = re.compile(
    r"""
    (?:[(\[]\s*+)?
    \bref(?:erence)?\.?\s*+(?:[-–—:]+\s*+)?
    q(?:uestion)?(?![a-z])\.?\s*+
    (?P<refs>
        \d{1,3}(?:\.\d{1,3})*(?:[a-z](?![a-z]))?
        (?:\s*+(?:,|&|/|and)\s*+q(?:uestion)?\.?\s*+\d{1,3}(?:\.\d{1,3})*(?:[a-z](?![a-z]))?)*
    )?
    (?:\s*+consultation\s++questionnaire)?
    \s*+[)\]]?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_REF = re.compile(r"\d{1,3}(?:\.\d{1,3})*(?:[a-z](?![a-z]))?", re.IGNORECASE)
_SEAM_BEFORE = " \t-–—:;,(["
_SEAM_AFTER = " \t.-–—:;,)]"

# `9`, `9.`, `9.2`, `9.2.1`, `9.2.` and the typo `1,7` (but not `1,000`), then space or the end.
_NUMBER = re.compile(r"^(?P<number>[1-9]\d?(?:(?:\.|,(?=\d{1,2}\b))\d{1,3}){0,3})\.?(?:\s+(?P<rest>.*))?$")
_BULLET = re.compile(r"^(?:[·•●○◦▪■❑❖➢➤►✓✔\uf000-\uf0ff]\s*|[-–*+o]\s+)(?P<text>.*)$")
_SPACES = re.compile(r" {2,}")
_SENTENCE_END = (".", ":", ";", ",")
_HEADING_WORDS = 12
_CAPITALS_HEADING_WORDS = 20


@dataclass
class ParsedParagraph:
    """A numbered paragraph (`9.2`), or an unnumbered one (number "") such as a chapter's intro."""

    number: str = ""
    heading: str = ""
    pieces: list[tuple[str, str]] = field(default_factory=list)
    question_refs: list[str] = field(default_factory=list)
    source_line: int = 0

    def html(self) -> str:
        """Wagtail rich text: a <p> per text piece, each run of bullets in one <ul>."""
        parts: list[str] = []
        bullets: list[str] = []
        for kind, text in self.pieces:
            if kind == "bullet":
                bullets.append(f"<li>{escape(text)}</li>")
                continue
            if bullets:
                parts.append("<ul>" + "".join(bullets) + "</ul>")
                bullets = []
            parts.append(f"<p>{escape(text)}</p>")
        if bullets:
            parts.append("<ul>" + "".join(bullets) + "</ul>")
        return "".join(parts)


@dataclass
class ParsedChapter:
    number: str = ""
    heading: str = ""
    paragraphs: list[ParsedParagraph] = field(default_factory=list)


@dataclass
class ParsedPlan:
    chapters: list[ParsedChapter] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unplaced: int = 0
    title: str = ""  # the document's own title (Word's or OpenDocument's Title style), if it has one

    @property
    def paragraphs(self) -> list[ParsedParagraph]:
        return [paragraph for chapter in self.chapters for paragraph in chapter.paragraphs]

    @property
    def paragraph_count(self) -> int:
        return len(self.paragraphs)

    @property
    def marker_count(self) -> int:
        return sum(len(paragraph.question_refs) for paragraph in self.paragraphs)

    @property
    def refs(self) -> list[str]:
        return sorted(
            {ref for paragraph in self.paragraphs for ref in paragraph.question_refs}, key=ref_sort_key
        )


def parse_plan(lines: list[Line]) -> ParsedPlan:
    """Parse a document's lines into a plan; raises PlanImportError listing every broken marker."""
    title, lines = _take_title(lines)
    marked = [_MarkedLine.of(line, position) for position, line in enumerate(lines)]
    builder = _PlanBuilder(_Outline.of(marked))
    for line in marked:
        builder.add(line)
    plan = builder.finish()
    plan.title = title
    return plan


def _take_title(lines: list[Line]) -> tuple[str, list[Line]]:
    """The first Title-styled line names the document rather than belonging to its text; any later
    one is read as a top-level heading."""
    title, rest = "", []
    for line in lines:
        if line.style == "title" and not title and line.text.strip():
            title = _SPACES.sub(" ", line.text.strip())
        else:
            rest.append(replace(line, style="heading1") if line.style == "title" else line)
    return title, rest


@dataclass
class _MarkedLine:
    """A line with its question markers taken out: what is left of the text, and what they said."""

    line: Line
    position: int  # index in the document's lines (line numbers are for messages only)
    text: str
    refs: list[str]
    errors: list[str]  # one message per marker that cannot be read

    @classmethod
    def of(cls, line: Line, position: int) -> "_MarkedLine":
        matches = list(_MARKER.finditer(line.text))
        if not matches:
            return cls(line, position, line.text.strip(), [], [])
        refs, errors = [], []
        for match in matches:
            if not match["refs"]:
                errors.append(
                    f"{_where(line)}: this question marker has no question number. "
                    "Write it like “Ref – Q 6.1”."
                )
            for ref in _REF.findall(match["refs"] or ""):
                try:
                    refs.append(normalise_question_ref(ref))
                except ValidationError as error:
                    errors.append(f"{_where(line)}: {error.messages[0]}")
        return cls(line, position, _text_around(line.text, matches), refs, errors)

    @property
    def style(self) -> str:
        return self.line.style

    @property
    def number(self) -> int:
        return self.line.number


def _text_around(text: str, matches: list[re.Match]) -> str:
    """What is left of a line once its markers are cut out, without the dashes and dots that joined
    them to the text (`. Ref – Q2` leaves nothing; `Help children – Ref – Q2` leaves the words)."""
    pieces, start = [], 0
    for match in matches:
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    kept = []
    for index, piece in enumerate(pieces):
        if index < len(pieces) - 1:
            piece = piece.rstrip(_SEAM_BEFORE)
        if index > 0:
            piece = piece.lstrip(_SEAM_AFTER)
        if any(char.isalnum() for char in piece):
            kept.append(piece.strip())
    return " ".join(kept)


@dataclass
class _Number:
    """A plan number at the start of a line: `9` (a chapter) or `9.2` (a paragraph)."""

    number: str
    rest: str
    comma_typo: bool

    @classmethod
    def of(cls, text: str) -> "_Number | None":
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
class _Outline:
    """Decisions that need the whole document.

    - `chapter_level`: the heading style that starts chapters. It is the level of numbered heading
      lines (`# 9 Mental health`) if there are any; none when chapters are plain numbered lines
      with paragraphs under them (then styled headings head sections); else the top level used.
    - `chapters_with_paragraphs`: chapter numbers that paragraph numbers (`9.x`) refer to. In a
      document with heading styles, a plain `1. Be healthy` is a numbered list, not chapter 1,
      unless paragraphs 1.x exist.
    - `plain_headings`: in a plain text file with neither numbers nor heading styles, which lines
      are headings at all.
    """

    chapter_level: int | None
    styled: bool
    chapters_with_paragraphs: set[str]
    plain_headings: dict[int, str]  # line position -> "chapter" or "section"

    @classmethod
    def of(cls, lines: list[_MarkedLine]) -> "_Outline":
        levels, styled_chapter_levels, plain_chapters, paragraph_chapters = [], [], set(), set()
        for line in lines:
            level = _heading_level(line.style) if line.text else None
            if level:
                levels.append(level)
            number = _Number.of(line.text)
            if number is None:
                continue
            if not number.is_chapter:
                paragraph_chapters.add(number.chapter)
            elif level:
                styled_chapter_levels.append(level)
            elif not number.rest or _is_heading_text(number.rest):
                plain_chapters.add(number.number)
        if styled_chapter_levels:
            chapter_level = min(styled_chapter_levels)
        elif plain_chapters & paragraph_chapters:
            chapter_level = None
        else:
            chapter_level = min(levels, default=None)
        numbered = bool(styled_chapter_levels or plain_chapters or paragraph_chapters)
        plain_headings = {} if numbered or levels else _plain_headings(lines)
        return cls(chapter_level, bool(levels), paragraph_chapters, plain_headings)

    def is_plain_chapter(self, number: str) -> bool:
        return not self.styled or number in self.chapters_with_paragraphs


def _heading_level(style: str) -> int | None:
    return int(style[-1]) if style.startswith("heading") else None


def _plain_headings(lines: list[_MarkedLine]) -> dict[int, str]:
    """Headings of a plain text file without numbers: lines in capitals, and short title-like lines
    standing alone between blank lines. Capitals are chapters when there are any, the others then
    head sections within them."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not line.text or _BULLET.match(line.text):
            continue
        alone = (index == 0 or not lines[index - 1].line.text.strip()) and (
            index == len(lines) - 1 or not lines[index + 1].line.text.strip()
        )
        if _is_capitals(line.text):
            found[line.position] = "capitals"
        elif alone and _is_title_like(line.text):
            found[line.position] = "title"
    top = "capitals" if "capitals" in found.values() else "title"
    return {position: "chapter" if kind == top else "section" for position, kind in found.items()}


def _is_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return (
        len(letters) >= 2
        and all(char.isupper() for char in letters)
        and len(text.split()) <= _CAPITALS_HEADING_WORDS
    )


def _is_title_like(text: str) -> bool:
    """Short, starting with a capital and not ending like a sentence: `Where are we now?` is one."""
    first_letter = next((char for char in text if char.isalpha()), "")
    return (
        0 < len(text.split()) <= _HEADING_WORDS
        and first_letter.isupper()
        and not text.endswith(_SENTENCE_END)
    )


def _is_heading_text(text: str) -> bool:
    return _is_capitals(text) or _is_title_like(text)


def _clean(text: str) -> str:
    """Table cells (tab-separated) read as `a | b`, empty ones left out; runs of spaces become one."""
    cells = (_SPACES.sub(" ", cell.strip()) for cell in text.split("\t"))
    return " | ".join(cell for cell in cells if cell)


def _where(line: Line) -> str:
    snippet = " ".join(line.text.split())
    snippet = snippet if len(snippet) <= 50 else snippet[:49].rstrip() + "…"
    return f"Line {line.number} (“{snippet}”)"


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


class _PlanBuilder:
    """Holds where the parser is (chapter, paragraph) and what it has noticed on the way."""

    def __init__(self, outline: _Outline):
        self.outline = outline
        self.chapters: list[ParsedChapter] = []
        self.prelude: list[ParsedParagraph] = []  # text before the first chapter
        self.prelude_lines: list[int] = []
        self.paragraph: ParsedParagraph | None = None
        self.warnings: list[str] = []
        self.errors: list[tuple[int, str]] = []  # (line number, message) per unreadable marker
        self.unplaced = 0
        self.chapters_seen: set[str] = set()
        self.highest_chapter = 0
        self.numbers_in_chapter: dict[str, int] = {}  # paragraph number -> line it first stood on
        self.last_key: tuple[int, ...] | None = None
        self.awaiting_chapter_heading = False
        self.last_text_position = -2  # the line the last text piece came from

    # --- Reading lines ---

    def add(self, line: _MarkedLine) -> None:
        """Place a line's text, then its markers, which belong to the paragraph the line leaves
        current: on `9.2  Ref – Q 6.1` the marker belongs to 9.2."""
        self.errors.extend((line.number, error) for error in line.errors)
        if line.text:
            self.add_text_line(line)
        if line.refs:
            self.current(line).question_refs.extend(line.refs)
        if (line.text or line.refs) and not self.chapters:
            self.prelude_lines.append(line.number)

    def add_text_line(self, line: _MarkedLine) -> None:
        """Place one line's text: a bullet, a number, a heading or text."""
        text, style = line.text, line.style
        awaiting_chapter_heading, self.awaiting_chapter_heading = self.awaiting_chapter_heading, False
        bullet = _BULLET.match(text)
        if bullet:
            if bullet["text"].strip():
                self.add_piece("bullet", _clean(bullet["text"]), line)
            return
        number = _Number.of(text)
        if number is not None and self.add_number(number, line):
            return
        heading_level = _heading_level(style)
        if awaiting_chapter_heading and (heading_level or (style == "" and _is_heading_text(text))):
            self.chapters[-1].heading = _clean(text)
            return
        plain_heading = self.outline.plain_headings.get(line.position) if style == "" else None
        chapter_level = self.outline.chapter_level
        if (heading_level and chapter_level and heading_level <= chapter_level) or plain_heading == "chapter":
            self.start_chapter("", _clean(text))
        elif heading_level or plain_heading == "section" or (style == "" and _is_capitals(text)):
            self.start_section(_clean(text), line)
        else:
            self.add_piece("bullet" if style == "bullet" else "p", _clean(text), line)

    def add_piece(self, kind: str, text: str, line: _MarkedLine) -> None:
        """Add a text piece, or continue the last one when the line just before was cut
        mid-sentence (`…to listen` / `to children…`), as in hard-wrapped text."""
        paragraph = self.current(line)
        continues = kind == "p" and self.last_text_position == line.position - 1 and text[:1].islower()
        if continues and paragraph.pieces and not paragraph.pieces[-1][1].endswith((".", "!", "?", ":", ";")):
            previous_kind, previous = paragraph.pieces[-1]
            paragraph.pieces[-1] = (previous_kind, f"{previous} {text}")
        else:
            paragraph.pieces.append((kind, text))
        self.last_text_position = line.position

    def add_number(self, number: _Number, line: _MarkedLine) -> bool:
        """Start the chapter or paragraph a number stands for; False when it is just text after all."""
        if number.comma_typo:
            self.warnings.append(
                f"{_where(line.line)}: the number was read as {number.number} (a comma instead of a "
                "full stop). Check it."
            )
        if number.is_chapter:
            return self.add_chapter_number(number, line)
        self.add_paragraph_number(number, line)
        return True

    def add_chapter_number(self, number: _Number, line: _MarkedLine) -> bool:
        """A plain `9` or `9 MENTAL HEALTH` is a chapter only when it moves the numbering on:
        a `1.`, `2.` further down is a numbered list within the text."""
        styled = line.style.startswith("heading")
        rest = _clean(number.rest)
        if not styled and (
            int(number.number) <= self.highest_chapter
            or (rest and not _is_heading_text(rest))
            or not self.outline.is_plain_chapter(number.number)
        ):
            return False
        if styled and number.number in self.chapters_seen:
            self.warnings.append(
                f"{_where(line.line)}: chapter {number.number} appears twice. Both were kept; check the "
                "numbering."
            )
        self.start_chapter(number.number, rest)
        self.awaiting_chapter_heading = not rest  # `9` alone: its heading is on the next line
        return True

    def add_paragraph_number(self, number: _Number, line: _MarkedLine) -> None:
        chapter = self.chapters[-1] if self.chapters else None
        if chapter is None or number.chapter != chapter.number:
            chapter = self.place_foreign_number(number, chapter, line)
        if number.chapter == chapter.number:
            self.check_order(number.number, line)
        self.paragraph = ParsedParagraph(number=number.number, source_line=line.number)
        chapter.paragraphs.append(self.paragraph)
        if line.style.startswith("heading"):
            self.paragraph.heading = _clean(number.rest)
        elif number.rest:
            self.add_piece("p", _clean(number.rest), line)

    def place_foreign_number(
        self, number: _Number, chapter: ParsedChapter | None, line: _MarkedLine
    ) -> ParsedChapter:
        """Find the chapter for a paragraph number that is not the current chapter's."""
        new_chapter = number.chapter not in self.chapters_seen and int(number.chapter) > self.highest_chapter
        if chapter is not None and chapter.number == "" and not self.numbers_in_chapter:
            if new_chapter:
                chapter.number = number.chapter
                self.note_chapter(number.chapter)
                self.warnings.append(
                    f"{_where(line.line)}: the chapter “{chapter.heading}” has no number; it was given "
                    f"number {number.chapter} from paragraph {number.number}."
                )
                return chapter
        if new_chapter:
            self.start_chapter(number.chapter, "")
            self.warnings.append(
                f"{_where(line.line)}: paragraph {number.number} came before any chapter {number.chapter} "
                f"heading, so chapter {number.chapter} was started without a heading."
            )
            return self.chapters[-1]
        self.unplaced += 1
        self.warnings.append(
            f"{_where(line.line)}: paragraph {number.number} belongs to chapter {number.chapter} but "
            f"stands in {_chapter_name(chapter)}. It was kept where it stands; check the numbering."
        )
        return chapter

    def check_order(self, number: str, line: _MarkedLine) -> None:
        key = _key(number)
        if number in self.numbers_in_chapter:
            self.warnings.append(
                f"{_where(line.line)}: paragraph {number} appears twice (first on line "
                f"{self.numbers_in_chapter[number]}). Both were kept; renumber one of them."
            )
        elif self.last_key is not None and key < self.last_key:
            self.unplaced += 1
            last = ".".join(str(part) for part in self.last_key)
            self.warnings.append(
                f"{_where(line.line)}: paragraph {number} comes after {last}, so the numbering goes "
                "backwards. It was kept where it stands; check the numbering."
            )
        self.numbers_in_chapter.setdefault(number, line.number)
        self.last_key = key

    # --- Structure ---

    def start_chapter(self, number: str, heading: str) -> None:
        chapter = ParsedChapter(number=number, heading=heading)
        if not self.chapters and self.prelude:
            chapter.paragraphs.extend(self.prelude)
            self.report_prelude(chapter)
        self.chapters.append(chapter)
        self.note_chapter(number)
        self.paragraph = None
        self.numbers_in_chapter = {}
        self.last_key = None

    def note_chapter(self, number: str) -> None:
        if number:
            self.chapters_seen.add(number)
            self.highest_chapter = max(self.highest_chapter, int(number))

    def start_section(self, heading: str, line: _MarkedLine) -> None:
        """An unnumbered heading heads the current paragraph if nothing is in it yet (`9.1` then
        `OBJECTIVES`), otherwise starts an unnumbered paragraph of its own."""
        paragraph = self.paragraph
        if paragraph is None or paragraph.heading or paragraph.pieces:
            self.paragraph = None
            paragraph = self.current(line)
        paragraph.heading = heading

    def current(self, line: _MarkedLine) -> ParsedParagraph:
        """The paragraph text goes into, starting an unnumbered one (a chapter's intro) if needed."""
        if self.paragraph is None:
            self.paragraph = ParsedParagraph(source_line=line.number)
            (self.chapters[-1].paragraphs if self.chapters else self.prelude).append(self.paragraph)
        return self.paragraph

    def report_prelude(self, chapter: ParsedChapter) -> None:
        self.unplaced += 1
        first, last = min(self.prelude_lines), max(self.prelude_lines)
        where = f"Line {first} came before the first chapter; it was"
        if first != last:
            where = f"Lines {first}–{last} came before the first chapter; they were"
        self.warnings.append(f"{where} put at the start of {_chapter_name(chapter)}.")

    # --- Finishing ---

    def finish(self) -> ParsedPlan:
        if self.errors:
            raise PlanImportError(_markers_message(self.errors), [message for _, message in self.errors])
        if not self.chapters:
            if not self.prelude:
                raise PlanImportError("There is no text to import in this document.")
            self.chapters.append(ParsedChapter(paragraphs=self.prelude))
            self.unplaced += 1
            self.warnings.append(
                "No chapters, numbered paragraphs or headings were found, so all the text was put in one "
                "unnamed chapter. Check that this is the plan draft, with its numbering."
            )
        for chapter in self.chapters:
            for paragraph in chapter.paragraphs:
                _promote_heading(paragraph)
        return ParsedPlan(chapters=self.chapters, warnings=self.warnings, unplaced=self.unplaced)


def _promote_heading(paragraph: ParsedParagraph) -> None:
    """Make a paragraph's first line its heading when it reads as one: a line in capitals
    (`9.1 OBJECTIVES`), or a short title-like line with more text after it. A line starting with a
    number (`1. Be healthy`) is a list item, not a heading."""
    if paragraph.heading or not paragraph.pieces or paragraph.pieces[0][0] != "p":
        return
    first = paragraph.pieces[0][1]
    if first[:1].isdigit():
        return
    if _is_capitals(first) or (_is_title_like(first) and len(paragraph.pieces) > 1):
        paragraph.heading = first
        del paragraph.pieces[0]


def _chapter_name(chapter: ParsedChapter) -> str:
    if chapter.number:
        return f"chapter {chapter.number}" + (f" (“{chapter.heading}”)" if chapter.heading else "")
    return f"the chapter “{chapter.heading}”" if chapter.heading else "an unnamed chapter"


def _markers_message(errors: list[tuple[int, str]]) -> str:
    if len(errors) == 1:
        return f"{errors[0][1]} Nothing was imported; correct the marker and import again."
    lines = [str(number) for number, _ in errors]
    listed = ", ".join(lines[:-1]) + " and " + lines[-1]
    return (
        f"{len(errors)} question markers cannot be read (lines {listed}): each needs a question number, "
        "like “Ref – Q 6.1”. Nothing was imported; correct them and import again."
    )
