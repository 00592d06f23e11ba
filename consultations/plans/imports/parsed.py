"""A parsed plan draft: chapters of paragraphs, each paragraph's text as Wagtail rich text."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.translation import gettext as _

from consultations.references import ref_sort_key

from .cleaning import ContentsEntry
from .lines import BOLD_CLOSE, BOLD_OPEN, ITALIC_CLOSE, ITALIC_OPEN, LIST_STYLES, without_emphasis

_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")
_SENTENCE_WORDS = 14


@dataclass
class ParsedParagraph:
    """A numbered paragraph (`9.2`), or an unnumbered one (number "") such as a chapter's intro.

    `pieces` are (kind, text): "p", "bullet", "numbered" (list items) or "figure" (a placeholder for a
    picture, its text the caption). `table`, when the paragraph holds one, is the ParagraphBlock's
    table value: {"kind": "table" or "definitions", "header": bool, "rows": [[cell, …], …]}.
    """

    number: str = ""
    heading: str = ""
    pieces: list[tuple[str, str]] = field(default_factory=list)
    question_refs: list[str] = field(default_factory=list)
    source_line: int = 0
    table: dict | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.heading or self.pieces or self.question_refs or self.table)

    def first_sentence(self) -> str:
        """The paragraph's opening words, as a reader would quote them (no emphasis marks)."""
        text = next((without_emphasis(text) for kind, text in self.pieces if kind != "figure"), "")
        match = _FIRST_SENTENCE.match(text)
        sentence = match[1] if match else text
        words = sentence.split()
        if len(words) > _SENTENCE_WORDS:
            return " ".join(words[:_SENTENCE_WORDS]).rstrip(",;:") + "…"
        return sentence.rstrip(".:;")

    def html(self) -> str:
        """Wagtail rich text: a <p> per text piece, each run of list items in one <ul> or <ol>."""
        parts: list[str] = []
        items: list[str] = []
        list_kind = ""
        for kind, text in self.pieces:
            if kind in LIST_STYLES:
                if items and kind != list_kind:
                    parts.append(_list_html(list_kind, items))
                    items = []
                list_kind = kind
                items.append(f"<li>{_inline_html(text)}</li>")
                continue
            if items:
                parts.append(_list_html(list_kind, items))
                items = []
            if kind == "figure":
                parts.append(f"<p><i>[{escape(text or 'Figure')} — not shown here]</i></p>")
            else:
                parts.append(f"<p>{_inline_html(text)}</p>")
        if items:
            parts.append(_list_html(list_kind, items))
        return "".join(parts)


def _list_html(kind: str, items: list[str]) -> str:
    tag = "ol" if kind == "numbered" else "ul"
    return f"<{tag}>{''.join(items)}</{tag}>"


_EMPHASIS_TAGS = {
    BOLD_OPEN: ("b", True),
    BOLD_CLOSE: ("b", False),
    ITALIC_OPEN: ("i", True),
    ITALIC_CLOSE: ("i", False),
}


def _inline_html(text: str) -> str:
    """Escaped text with markdown's bold and italic as <b> and <i>, always balanced."""
    out: list[str] = []
    open_tags: list[str] = []
    for char in escape(text):
        if char not in _EMPHASIS_TAGS:
            out.append(char)
            continue
        tag, opening = _EMPHASIS_TAGS[char]
        if opening and tag not in open_tags:
            open_tags.append(tag)
            out.append(f"<{tag}>")
        elif not opening and open_tags and open_tags[-1] == tag:
            open_tags.pop()
            out.append(f"</{tag}>")
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out)


@dataclass
class ParsedChapter:
    number: str = ""
    heading: str = ""
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    source_line: int = 0


@dataclass
class Numbering:
    """How many numbered paragraphs there are, which numbers the sequences skip, and which were
    empty (a number with no text) and so left out."""

    count: int = 0
    gaps: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)

    def line(self) -> str:
        none = _("none")
        return _("numbered paragraphs: %(count)s (gaps: %(gaps)s; empty: %(empty)s)") % {
            "count": self.count,
            "gaps": ", ".join(self.gaps) or none,
            "empty": ", ".join(self.empty) or none,
        }


@dataclass
class ParsedPlan:
    chapters: list[ParsedChapter] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unplaced: int = 0
    title: str = ""  # the document's own title (Word's or OpenDocument's Title style), if it has one
    cover: list[str] = field(default_factory=list)  # the cover's lines, when a contents page follows it
    contents: list[ContentsEntry] = field(default_factory=list)
    numbering: Numbering = field(default_factory=Numbering)

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
