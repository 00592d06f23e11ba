"""Turn a plan draft's lines into chapters, numbered paragraphs and question references.

Plan drafts are typed by many hands: numbers on the text's line or on a line (or table cell) of
their own, headings in capitals or in Word styles, question markers written a dozen ways. The parser
reads them all in one pass over the lines and never drops text silently: what is set aside (a cover,
a contents page, a figure's leftovers, a number with no text) and whatever it cannot place for
certain or had to guess is described in `warnings`, with its line, so an editor can check it before
publishing. Only one thing stops an import: a question marker without a question number, because
the paragraph's link to the questionnaire would silently be lost.

The rules are in docs/plan-import.md; `outline.py` holds the decisions that need the whole document,
`tables.py` the tables kept whole, `parsed.py` what the parser produces.
"""

import re
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultations.references import normalise_question_ref

from .cleaning import ContentsEntry, clean_lines, normal_title
from .lines import LIST_STYLES, Line, line_label, without_emphasis
from .outline import (
    ANNEX,
    BULLET,
    SPACES,
    Outline,
    PlanNumber,
    clean_heading,
    clean_text,
    heading_level,
    is_capitals,
    is_heading_text,
    is_lead_in,
    is_title_like,
    plain_kind,
)
from .parsed import Numbering, ParsedChapter, ParsedParagraph, ParsedPlan
from .readers import PlanImportError
from .tables import Table, tables_kept_whole

# `Ref – Q 6.1 Consultation Questionnaire` and its variants: hyphen, en or em dash, colon or nothing
# after Ref; Q or Question; any spacing; the number may be missing (an error, reported by line).
# More questions may follow (`Ref – Q 6.1, Q 6.2`). Possessive `*+` keeps long runs of spaces from
# making the search slow. Welsh drafts write the same marker `Cyf – C 6.1 Holiadur yr Ymgynghoriad`
# (Cyfeirnod, Cwestiwn; `a` for "and").
_MARKER = re.compile(
    r"""
    (?:[(\[]\s*+)?
    \b(?:ref(?:erence)?|cyf(?:eirnod)?)\.?\s*+(?:[-–—:]+\s*+)?
    (?:q(?:uestion)?|c(?:westiwn)?)(?![a-z])\.?\s*+
    (?P<refs>
        \d{1,3}(?:\.\d{1,3})*(?:[a-z](?![a-z]))?
        (?:\s*+(?:,|&|/|and|a)\s*+(?:q(?:uestion)?|c(?:westiwn)?)\.?\s*+\d{1,3}(?:\.\d{1,3})*(?:[a-z](?![a-z]))?)*
    )?
    (?:\s*+(?:consultation\s++questionnaire|holiadur\s++(?:yr\s++)?ymgynghoriad))?
    \s*+[)\]]?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_REF = re.compile(r"\d{1,3}(?:\.\d{1,3})*(?:[a-z](?![a-z]))?", re.IGNORECASE)
_SEAM_BEFORE = " \t-–—:;,(["
_SEAM_AFTER = " \t.-–—:;,)]"


# `9`, `9.`, `9.2`, `9.2.1`, `9.2.` and the typo `1,7` (but not `1,000`), then space or the end.
def parse_plan(lines: list[Line]) -> ParsedPlan:
    """Parse a document's lines into a plan; raises PlanImportError listing every broken marker."""
    title, lines = _take_title(lines)
    cleaned = clean_lines(lines)
    marked = [_MarkedLine.of(line, position) for position, line in enumerate(cleaned.lines)]
    builder = _PlanBuilder(Outline.of(marked, cleaned.contents))
    for item in tables_kept_whole(marked):
        if isinstance(item, Table):
            builder.add_table(item)
        else:
            builder.add(item)
    if not builder.chapters and not builder.prelude and cleaned.notes:
        raise PlanImportError(
            "No plan text was left once the cover, contents page and figures were set aside: "
            + " ".join(cleaned.notes[:3])
            + " Check that this is the plan draft itself."
        )
    plan = builder.finish()
    plan.title = title
    plan.cover = cleaned.cover
    plan.contents = cleaned.contents
    plan.warnings[:0] = cleaned.notes
    plan.warnings.extend(_checked_against_contents(plan.chapters, cleaned.contents))
    return plan


def _checked_against_contents(chapters: list["ParsedChapter"], contents: list[ContentsEntry]) -> list[str]:
    """Chapters the contents page lists but the text does not have, and the other way round."""
    listed = [entry for entry in contents if entry.level == 1]
    if not listed:
        return []
    headings = {normal_title(chapter.heading) for chapter in chapters}
    titles = {normal_title(entry.title) for entry in listed}
    notes = [_not_in_text(entry) for entry in listed if normal_title(entry.title) not in headings]
    notes.extend(
        _("%(where)s: %(chapter)s is not on the contents page. Check it is a chapter.")
        % {"where": line_label(chapter.source_line), "chapter": _chapter_name(chapter)}
        for chapter in chapters
        if chapter.heading and normal_title(chapter.heading) not in titles
    )
    return notes


def _not_in_text(entry: ContentsEntry) -> str:
    words = {"where": line_label(entry.line), "title": entry.title, "page": entry.page}
    if entry.page:
        return (
            _(
                "%(where)s: the contents page lists “%(title)s” (page %(page)s), but no chapter has that "
                "heading. Check the heading in the document."
            )
            % words
        )
    return (
        _(
            "%(where)s: the contents page lists “%(title)s”, but no chapter has that heading. Check the "
            "heading in the document."
        )
        % words
    )


def _take_title(lines: list[Line]) -> tuple[str, list[Line]]:
    """The first Title-styled line names the document rather than belonging to its text; any later
    one is read as a top-level heading."""
    title, rest = "", []
    for line in lines:
        if line.style == "title" and not title and line.text.strip():
            title = SPACES.sub(" ", line.text.strip())
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
                    _("%(where)s: this question marker has no question number. Write it like “Ref – Q 6.1”.")
                    % {"where": _where(line)}
                )
            for ref in _REF.findall(match["refs"] or ""):
                try:
                    refs.append(normalise_question_ref(ref))
                except ValidationError as error:
                    errors.append(
                        _("%(where)s: %(error)s") % {"where": _where(line), "error": error.messages[0]}
                    )
        return cls(line, position, _text_around(line.text, matches), refs, errors)

    @property
    def style(self) -> str:
        return self.line.style

    @property
    def number(self) -> int:
        return self.line.number

    @property
    def plain(self) -> str:
        """The text without emphasis marks: what numbers and headings are read from."""
        return without_emphasis(self.text)


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


def _where(line: Line) -> str:
    snippet = " ".join(line.text.split())
    snippet = snippet if len(snippet) <= 50 else snippet[:49].rstrip() + "…"
    return _("Line %(line)s (“%(snippet)s”)") % {"line": line.number, "snippet": snippet}


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


class _PlanBuilder:
    """Holds where the parser is (chapter, paragraph) and what it has noticed on the way."""

    def __init__(self, outline: Outline):
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
        # The heading the last line with text placed, if it placed nothing else: (kind, its level).
        # A heading straight after another of the same level is the same heading wrapped.
        self.last_heading: tuple[str, str] | None = None
        self.placed_heading: tuple[str, str] | None = None
        self.after_table: ParsedParagraph | None = None  # the paragraph a table just went into
        self.labels_reported: set[str] = set()

    # --- Reading lines ---

    def add(self, line: _MarkedLine) -> None:
        """Place a line's text, then its markers, which belong to the paragraph the line leaves
        current: on `9.2  Ref – Q 6.1` the marker belongs to 9.2."""
        self.errors.extend((line.number, error) for error in line.errors)
        self.placed_heading = None
        if line.text:
            self.add_text_line(line)
        if line.refs:
            self.current(line).question_refs.extend(line.refs)
        if line.text or line.refs:
            self.last_heading = None if line.refs else self.placed_heading
        if (line.text or line.refs) and not self.chapters:
            self.prelude_lines.append(line.number)

    def add_table(self, table: Table) -> None:
        """A table goes into the current paragraph, or a paragraph of its own if that one has a
        table already; text after it starts a new paragraph, so nothing reads out of order."""
        line = table.first
        paragraph = self.current(line)
        if paragraph.table is not None:
            self.paragraph = None
            paragraph = self.current(line)
        paragraph.table = table.value()
        self.warnings.append(_table_note(table, line.number))
        self.paragraph = None if paragraph.number == "" and not paragraph.heading else self.paragraph
        self.after_table = paragraph
        self.last_heading = None
        self.last_text_position = -2
        if not self.chapters:
            self.prelude_lines.append(line.number)

    def add_text_line(self, line: _MarkedLine) -> None:
        """Place one line's text: a list item, a figure, a bullet, a number, a heading or text."""
        text, plain, style = line.text, line.plain, line.style
        awaiting_chapter_heading, self.awaiting_chapter_heading = self.awaiting_chapter_heading, False
        if style == "figure":
            self.add_piece("figure", clean_heading(text), line)
            return
        if style in LIST_STYLES:  # a list item is never a chapter or a paragraph number
            self.add_piece(style, clean_text(text), line)
            return
        bullet = BULLET.match(plain)
        if bullet:
            if bullet["text"].strip():
                rich = BULLET.match(text)
                self.add_piece("bullet", clean_text(rich["text"] if rich else bullet["text"]), line)
            return
        number = PlanNumber.of(plain)
        if number is not None and self.add_number(number, line):
            return
        level = heading_level(style)
        if awaiting_chapter_heading and (level or (style == "" and is_heading_text(plain))):
            self.chapters[-1].heading = clean_heading(text)
            self.placed_heading = ("chapter", style or plain_kind(plain))
            return
        kind = self.heading_kind(line)
        if kind == "chapter":
            self.start_chapter("", clean_heading(text), line)
        elif kind == "section":
            self.start_section(clean_heading(text), line)
        else:
            self.add_piece("p", clean_text(text), line)

    def heading_kind(self, line: _MarkedLine) -> str | None:
        """Whether a line heads a chapter, a section within one, or is text. Structure comes from
        evidence: heading styles, then the contents page, then the look of the line."""
        plain, style = line.plain, line.style
        level = heading_level(style)
        plain_heading = self.outline.plain_headings.get(line.position) if style == "" else None
        looks_like_heading = style == "" and is_capitals(plain) and not is_lead_in(plain)
        if not (level or plain_heading or looks_like_heading):
            if style == "" and ANNEX.match(plain) and is_title_like(plain):
                return "chapter"
            return None
        title = normal_title(plain)
        if ANNEX.match(plain):
            return "chapter"
        chapter_level = self.outline.chapter_level
        looks_like_chapter = (
            bool(level and chapter_level and level <= chapter_level) or plain_heading == "chapter"
        )
        if title in self.outline.labels:
            self.report_label(title, line)
            return "section"
        if self.outline.contents_chapters and not self.outline.numbered:
            if title in self.outline.contents_chapters:
                return "chapter"
            if level and chapter_level and level <= chapter_level:  # styled as a chapter by its author
                if title in self.outline.contents_sections:
                    note = _(
                        "%(where)s: the contents page lists this heading as a section, so it heads a section "
                        "of the chapter before it rather than a chapter of its own."
                    )
                else:
                    note = _(
                        "%(where)s: the contents page does not list this heading, so it heads a section of "
                        "the chapter before it rather than a chapter of its own."
                    )
                self.warnings.append(note % {"where": _where(line.line)})
            return "section"
        return "chapter" if looks_like_chapter else "section"

    def report_label(self, title: str, line: _MarkedLine) -> None:
        """Say once, in a plan without numbers, that a repeated heading was read as a label."""
        if self.outline.numbered or title in self.labels_reported:
            return
        self.labels_reported.add(title)
        self.warnings.append(
            _(
                "%(where)s: this heading is repeated through the document, so it is read as a label within "
                "sections (joined to the heading after it, if any), never as a chapter."
            )
            % {"where": _where(line.line)}
        )

    def add_piece(self, kind: str, text: str, line: _MarkedLine) -> None:
        """Add a text piece, or continue the last one when the line just before was cut
        mid-sentence (`…to listen` / `to children…`), as in hard-wrapped text."""
        if self.after_table is not None and self.paragraph is self.after_table:
            self.paragraph = None
        self.after_table = None
        paragraph = self.current(line)
        continues = kind == "p" and self.last_text_position == line.position - 1 and text[:1].islower()
        if continues and paragraph.pieces and not paragraph.pieces[-1][1].endswith((".", "!", "?", ":", ";")):
            previous_kind, previous = paragraph.pieces[-1]
            paragraph.pieces[-1] = (previous_kind, f"{previous} {text}")
        else:
            paragraph.pieces.append((kind, text))
        self.last_text_position = line.position

    def add_number(self, number: PlanNumber, line: _MarkedLine) -> bool:
        """Start the chapter or paragraph a number stands for; False when it is just text after all."""
        if number.is_chapter:
            accepted = self.add_chapter_number(number, line)
        else:
            self.add_paragraph_number(number, line)
            accepted = True
        if accepted and number.comma_typo:
            self.warnings.append(
                _("%(where)s: the number was read as %(number)s (a comma instead of a full stop). Check it.")
                % {"where": _where(line.line), "number": number.number}
            )
        return accepted

    def add_chapter_number(self, number: PlanNumber, line: _MarkedLine) -> bool:
        """A plain `9` or `9 MENTAL HEALTH` is a chapter only when it moves the numbering on by one
        (or paragraphs 9.x exist): a `1.`, `2.` further down is a numbered list within the text, and
        `46 Youth workers` after chapter 2 is a count, not chapter 46."""
        styled = line.style.startswith("heading")
        rest = clean_heading(number.rest)
        if not styled:
            value = int(number.number)
            if (
                value <= self.highest_chapter
                or (rest and not is_heading_text(rest))
                or not self.outline.is_plain_chapter(number.number)
            ):
                return False
            if not self.follows_on(number.number):
                self.warnings.append(
                    _(
                        "%(where)s: read as text, not as chapter %(number)s: the chapters so far go up to "
                        "%(highest)s and no paragraph is numbered %(number)s.x."
                    )
                    % {"where": _where(line.line), "number": number.number, "highest": self.highest_chapter}
                )
                return False
        if styled and number.number in self.chapters_seen:
            self.warnings.append(
                _("%(where)s: chapter %(number)s appears twice. Both were kept; check the numbering.")
                % {"where": _where(line.line), "number": number.number}
            )
        self.start_chapter(number.number, rest, line)
        self.awaiting_chapter_heading = not rest  # `9` alone: its heading is on the next line
        return True

    def follows_on(self, number: str) -> bool:
        value = int(number)
        return (
            self.highest_chapter == 0
            or value == self.highest_chapter + 1
            or number in self.outline.chapters_with_paragraphs
        )

    def add_paragraph_number(self, number: PlanNumber, line: _MarkedLine) -> None:
        self.after_table = None
        chapter = self.chapters[-1] if self.chapters else None
        if chapter is None or number.chapter != chapter.number:
            chapter = self.place_foreign_number(number, chapter, line)
        if number.chapter == chapter.number:
            self.check_order(number.number, line)
        self.paragraph = ParsedParagraph(number=number.number, source_line=line.number)
        chapter.paragraphs.append(self.paragraph)
        if line.style.startswith("heading"):
            self.paragraph.heading = clean_heading(number.rest)
        elif number.rest:
            self.add_piece("p", clean_text(number.rest), line)

    def place_foreign_number(
        self, number: PlanNumber, chapter: ParsedChapter | None, line: _MarkedLine
    ) -> ParsedChapter:
        """Find the chapter for a paragraph number that is not the current chapter's."""
        new_chapter = number.chapter not in self.chapters_seen and int(number.chapter) > self.highest_chapter
        if chapter is not None and chapter.number == "" and not self.numbers_in_chapter:
            if new_chapter and not ANNEX.match(chapter.heading):
                chapter.number = number.chapter
                self.note_chapter(number.chapter)
                self.warnings.append(
                    _(
                        "%(where)s: the chapter “%(heading)s” has no number; it was given number %(chapter)s "
                        "from paragraph %(number)s."
                    )
                    % {
                        "where": _where(line.line),
                        "heading": chapter.heading,
                        "chapter": number.chapter,
                        "number": number.number,
                    }
                )
                return chapter
        if new_chapter:
            self.start_chapter(number.chapter, "", line)
            self.warnings.append(
                _(
                    "%(where)s: paragraph %(number)s came before any chapter %(chapter)s heading, so chapter "
                    "%(chapter)s was started without a heading."
                )
                % {"where": _where(line.line), "number": number.number, "chapter": number.chapter}
            )
            return self.chapters[-1]
        self.unplaced += 1
        self.warnings.append(
            _(
                "%(where)s: paragraph %(number)s belongs to chapter %(chapter)s but stands in %(stands_in)s. "
                "It was kept where it stands; check the numbering."
            )
            % {
                "where": _where(line.line),
                "number": number.number,
                "chapter": number.chapter,
                "stands_in": _chapter_name(chapter),
            }
        )
        return chapter

    def check_order(self, number: str, line: _MarkedLine) -> None:
        key = _key(number)
        if number in self.numbers_in_chapter:
            self.warnings.append(
                _(
                    "%(where)s: paragraph %(number)s appears twice (first on line %(first)s). Both were "
                    "kept; renumber one of them."
                )
                % {"where": _where(line.line), "number": number, "first": self.numbers_in_chapter[number]}
            )
        elif self.last_key is not None and key < self.last_key:
            self.unplaced += 1
            last = ".".join(str(part) for part in self.last_key)
            self.warnings.append(
                _(
                    "%(where)s: paragraph %(number)s comes after %(last)s, so the numbering goes backwards. "
                    "It was kept where it stands; check the numbering."
                )
                % {"where": _where(line.line), "number": number, "last": last}
            )
        self.numbers_in_chapter.setdefault(number, line.number)
        self.last_key = key

    # --- Structure ---

    def start_chapter(self, number: str, heading: str, line: _MarkedLine) -> None:
        level = line.style or plain_kind(line.plain)
        previous = self.chapters[-1] if self.chapters else None
        if (
            not number
            and previous is not None
            and not previous.number
            and not previous.paragraphs
            and self.last_heading == ("chapter", level)
            and self.continues(previous.heading, heading)
        ):
            self.join_heading(previous, heading, line)
            self.placed_heading = ("chapter", level)
            return
        chapter = ParsedChapter(number=number, heading=heading, source_line=line.number)
        if not self.chapters and self.prelude:
            chapter.paragraphs.extend(self.prelude)
            self.report_prelude(chapter)
        self.chapters.append(chapter)
        self.note_chapter(number)
        self.paragraph = None
        self.after_table = None
        self.numbers_in_chapter = {}
        self.last_key = None
        self.placed_heading = ("chapter", level) if not number or heading else None

    def continues(self, before: str, heading: str) -> bool:
        """Whether `heading`, straight after `before`, can be its continuation: not when `before`
        ends like a sentence (`Where are we now?`), when `heading` starts an annex, or when the
        contents page lists both as chapters of their own."""
        contents = self.outline.contents_chapters
        return not (
            before.rstrip().endswith(("?", ".", "!"))
            or ANNEX.match(heading)
            or (normal_title(before) in contents and normal_title(heading) in contents)
        )

    def join_heading(self, holder, heading: str, line: _MarkedLine) -> None:
        """A heading straight after another (nothing between) continues it: a title wrapped over
        two lines, or a label and what it labels (`PRIORITY AREA` / `Be healthy`)."""
        before = holder.heading
        holder.heading = _joined(before, heading, normal_title(before) in self.outline.labels)
        self.warnings.append(
            _(
                "%(where)s: this heading follows “%(before)s” with no text between them, so they were joined "
                "as “%(joined)s”. Check it."
            )
            % {"where": _where(line.line), "before": before, "joined": holder.heading}
        )

    def note_chapter(self, number: str) -> None:
        if number:
            self.chapters_seen.add(number)
            self.highest_chapter = max(self.highest_chapter, int(number))

    def start_section(self, heading: str, line: _MarkedLine) -> None:
        """An unnumbered heading heads the current paragraph if nothing is in it yet (`9.1` then
        `OBJECTIVES`), continues the heading just before it, or starts an unnumbered paragraph."""
        level = line.style or plain_kind(line.plain)
        paragraph = self.paragraph
        self.after_table = None
        only_heading = paragraph is not None and not (
            paragraph.pieces or paragraph.question_refs or paragraph.table
        )
        if only_heading and paragraph.heading and self.last_heading is not None:
            label = normal_title(paragraph.heading) in self.outline.labels
            same_level = self.last_heading == ("section", level)
            if (same_level or (label and self.last_heading[0] == "section")) and self.continues(
                paragraph.heading, heading
            ):
                self.join_heading(paragraph, heading, line)
                self.placed_heading = ("section", level)
                return
        if paragraph is None or paragraph.heading or paragraph.pieces or paragraph.table:
            self.paragraph = None
            paragraph = self.current(line)
        paragraph.heading = heading
        self.placed_heading = ("section", level)

    def current(self, line: _MarkedLine) -> ParsedParagraph:
        """The paragraph text goes into, starting an unnumbered one (a chapter's intro) if needed."""
        if self.paragraph is None:
            self.paragraph = ParsedParagraph(source_line=line.number)
            (self.chapters[-1].paragraphs if self.chapters else self.prelude).append(self.paragraph)
        return self.paragraph

    def report_prelude(self, chapter: ParsedChapter) -> None:
        self.unplaced += 1
        first, last = min(self.prelude_lines), max(self.prelude_lines)
        words = {"first": first, "last": last, "chapter": _chapter_name(chapter)}
        if first == last:
            note = _("Line %(first)s came before the first chapter; it was put at the start of %(chapter)s.")
        else:
            note = _(
                "Lines %(first)s–%(last)s came before the first chapter; they were put at the start of "
                "%(chapter)s."
            )
        self.warnings.append(note % words)

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
        numbering = Numbering()
        for chapter in self.chapters:
            for paragraph in chapter.paragraphs:
                _promote_heading(paragraph)
            numbering.gaps.extend(_gaps(chapter))  # an empty number is still there: not a gap
            numbering.empty.extend(self.drop_empty_paragraphs(chapter))
        self.drop_empty_chapters()
        numbering.count = sum(1 for chapter in self.chapters for p in chapter.paragraphs if p.number)
        return ParsedPlan(
            chapters=self.chapters, warnings=self.warnings, unplaced=self.unplaced, numbering=numbering
        )

    def drop_empty_paragraphs(self, chapter: ParsedChapter) -> list[str]:
        """A number with no text would show as a bare number: leave it out, and say so."""
        empty = [p for p in chapter.paragraphs if p.number and p.is_empty]
        for paragraph in empty:
            self.warnings.append(
                _("Line %(line)s: paragraph %(number)s has no text, so it was left out.")
                % {"line": paragraph.source_line, "number": paragraph.number}
            )
        chapter.paragraphs = [p for p in chapter.paragraphs if not (p.number and p.is_empty)]
        return [paragraph.number for paragraph in empty]

    def drop_empty_chapters(self) -> None:
        """An unnumbered heading with nothing under it (a part title, a stray label) is not a chapter;
        a numbered chapter with no text is kept, as its number is the plan's, but reported."""
        kept = []
        for chapter in self.chapters:
            if chapter.paragraphs or len(self.chapters) == 1:
                kept.append(chapter)
            elif chapter.number:
                kept.append(chapter)
                self.warnings.append(
                    _("Line %(line)s: %(chapter)s has no text.")
                    % {"line": chapter.source_line, "chapter": _chapter_name(chapter)}
                )
            else:
                self.warnings.append(
                    _(
                        "Line %(line)s: the heading “%(heading)s” had no text under it before the next "
                        "chapter, so it was left out."
                    )
                    % {"line": chapter.source_line, "heading": chapter.heading}
                )
        self.chapters = kept


def _joined(first: str, second: str, first_is_label: bool) -> str:
    """`OUTCOME 1` + `BE HEALTHY` -> `OUTCOME 1: BE HEALTHY`; a wrapped title joins with a space."""
    if first.rstrip().endswith((":", "–", "-", "—")):
        return f"{first.rstrip()} {second}"
    if first_is_label or len(first.split()) <= 2:
        return f"{first}: {second}"
    return f"{first} {second}"


def _gaps(chapter: ParsedChapter) -> list[str]:
    """Numbers a sequence skips: 4.52 then 4.54 skips 4.53 (within the same parent, at one depth)."""
    last_by_parent: dict[tuple[int, ...], int] = {}
    gaps: list[str] = []
    for paragraph in chapter.paragraphs:
        if not paragraph.number or "." not in paragraph.number:
            continue
        key = _key(paragraph.number)
        parent, last = key[:-1], key[-1]
        previous = last_by_parent.get(parent)
        if previous is not None and last > previous + 1:
            prefix = ".".join(str(part) for part in parent)
            missing = [f"{prefix}.{value}" for value in range(previous + 1, last)]
            gaps.append(missing[0] if len(missing) == 1 else f"{missing[0]}–{missing[-1]}")
        last_by_parent[parent] = max(last, previous or 0)
    return gaps


def _promote_heading(paragraph: ParsedParagraph) -> None:
    """Make a paragraph's first line its heading when it reads as one: a line in capitals
    (`9.1 OBJECTIVES`), or a short title-like line with more text after it. A line starting with a
    number (`1. Be healthy`) is a list item, not a heading, and a lead-in (`…include:-`) is text."""
    if paragraph.heading or not paragraph.pieces or paragraph.pieces[0][0] != "p":
        return
    first = without_emphasis(paragraph.pieces[0][1])
    if first[:1].isdigit() or is_lead_in(first):
        return
    if is_capitals(first) or (is_title_like(first) and len(paragraph.pieces) > 1):
        paragraph.heading = first
        del paragraph.pieces[0]


def _chapter_name(chapter: ParsedChapter) -> str:
    """A chapter as a report names it within a sentence: `chapter 3 (“Being healthy”)`."""
    words = {"number": chapter.number, "heading": chapter.heading}
    if chapter.number and chapter.heading:
        return _("chapter %(number)s (“%(heading)s”)") % words
    if chapter.number:
        return _("chapter %(number)s") % words
    return _("the chapter “%(heading)s”") % words if chapter.heading else _("an unnamed chapter")


def _table_note(table: Table, line: int) -> str:
    words = {"line": line, "count": len(table.rows)}
    if table.kind == "definitions":
        return (
            ngettext(
                "Line %(line)s: a table of %(count)s row was kept as a list of terms and what they mean. "
                "Check it reads as the document's does.",
                "Line %(line)s: a table of %(count)s rows was kept as a list of terms and what they mean. "
                "Check it reads as the document's does.",
                len(table.rows),
            )
            % words
        )
    if table.header and table.kind == "table":
        return (
            ngettext(
                "Line %(line)s: a table of %(count)s row was kept as a table with a header row. Check it "
                "reads as the document's does.",
                "Line %(line)s: a table of %(count)s rows was kept as a table with a header row. Check it "
                "reads as the document's does.",
                len(table.rows),
            )
            % words
        )
    return (
        ngettext(
            "Line %(line)s: a table of %(count)s row was kept as a table. Check it reads as the "
            "document's does.",
            "Line %(line)s: a table of %(count)s rows was kept as a table. Check it reads as the "
            "document's does.",
            len(table.rows),
        )
        % words
    )


def _markers_message(errors: list[tuple[int, str]]) -> str:
    if len(errors) == 1:
        return _("%(error)s Nothing was imported; correct the marker and import again.") % {
            "error": errors[0][1]
        }
    lines = [str(number) for number, _message in errors]
    return _(
        "%(count)s question markers cannot be read (lines %(lines)s and %(last)s): each needs a question "
        "number, like “Ref – Q 6.1”. Nothing was imported; correct them and import again."
    ) % {"count": len(errors), "lines": ", ".join(lines[:-1]), "last": lines[-1]}
