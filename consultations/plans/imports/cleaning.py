"""What Word leaves behind in a plan draft, found before the plan is parsed.

Three kinds of lines are not the plan's text, though they look like it once a document is flattened:

- a **cover** and **contents page**: the title, the partnership's name, then `Executive summary 3`
  for every chapter. The contents entries are kept aside (they confirm which headings are chapters);
  the lines themselves are not imported.
- **figures**: `[image: image6.wmf]` for a picture the page cannot show, lines holding only `&` or
  `-` (arrows and boxes of a diagram), and runs of one-line labels from a map or chart ("North",
  "Ashby", "Youth club"). A figure with a picture or a caption becomes one placeholder line (style
  "figure", its text the caption); labels and symbols with neither are dropped.
- **letter-spacing**: `N O R T H` is the word NORTH.

Nothing disappears silently: every line left out is described, with its line number, in `notes`.
One pass over the lines for each kind, so the cost grows with the document, never faster.
"""

import re
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .lines import LIST_STYLES, Line, line_label, without_emphasis

# A picture as converters write it: `[image: image6.wmf]`, `[Picture 3]`, `[figure]`.
_IMAGE = re.compile(r"^\[(?:image|picture|figure|graphic|chart|diagram)\b[^\[\]]*\]$", re.IGNORECASE)
_CAPTION = re.compile(
    r"^(?:figure|fig\.|diagram|map|chart|graph|picture)\s*[0-9A-Z]{0,3}\s*[.:–—-]", re.IGNORECASE
)
_SPACED_LETTERS = re.compile(r"(?<!\S)[A-Z](?: [A-Z]){3,}(?!\S)")
_CONTENTS_HEADING = re.compile(r"^(?:table of )?contents?\s*:?$", re.IGNORECASE)
# `Executive summary<tab>3`, `7 Workforce ..... 45`, `Annex A … 60`: a title and a page number.
_PAGE_NUMBER = re.compile(r"(?:\t|\.{2,}|…|\s)\s*(\d{1,3})$")
_ENTRY_NUMBER = re.compile(r"^([1-9]\d?(?:\.\d{1,2})?)\.?\s+(?=\S)")
_MARKER_HINT = re.compile(r"\bref\b", re.IGNORECASE)
_BULLET_START = re.compile(r"^(?:[·•●○◦▪■❑❖➢➤►✓✔\uf000-\uf0ff]|[-–*+o]\s)")
_PLAN_NUMBER = re.compile(r"^[1-9]\d?(?:[.,]\d{1,3}){0,3}\.?(?:\s|$)")
_LABEL_WORDS = 5
_LABEL_CHARS = 40
_LABELS_WITHOUT_PICTURE = 8  # a run this long is a chart's labels even with no picture beside it
_LABELS_BESIDE_PICTURE = 3
_LABELS_NAMED = 40
_COVER_LINES = 15  # more text than this before the contents page is the plan, not its cover
_COVER_WORDS = 15


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the document's own contents page."""

    title: str
    number: str  # the chapter number it gives, if any
    page: str
    level: int  # 1 for chapters; 2 and deeper for sections (indented, or Word's "TOC 2")
    line: int


@dataclass
class Cleaned:
    lines: list[Line]
    contents: list[ContentsEntry] = field(default_factory=list)
    cover: list[str] = field(default_factory=list)  # the cover's lines, in order
    notes: list[str] = field(default_factory=list)


def clean_lines(lines: list[Line]) -> Cleaned:
    lines = [_unspace(line) for line in lines]
    cleaned = _take_contents(lines)
    cleaned.lines, figure_notes = _collapse_figures(cleaned.lines)
    cleaned.notes.extend(figure_notes)
    return cleaned


def normal_title(text: str) -> str:
    """A title reduced to its words, to match a heading with its contents entry."""
    text = _ENTRY_NUMBER.sub("", without_emphasis(text).strip())
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _unspace(line: Line) -> Line:
    """`N O R T H` (letters spaced out for show) is the word `NORTH`."""
    if " " not in line.text:
        return line
    text = _SPACED_LETTERS.sub(lambda match: match[0].replace(" ", ""), line.text)
    return line if text == line.text else replace(line, text=text)


# --- Contents page -----------------------------------------------------------------------------------


def _take_contents(lines: list[Line]) -> Cleaned:
    """Find the contents page (a "Contents" heading with entries, or Word's contents field) and the
    cover before it; return the lines without them."""
    start = _contents_start(lines)
    if start is None:
        return Cleaned(lines)
    # After a "Contents" heading come the entries; Word's field may start straight with them.
    end = start + 1 if _is_contents_heading(lines[start]) else start
    entries: list[ContentsEntry] = []
    while end < len(lines):
        line = lines[end]
        if not line.text.strip():
            end += 1
            continue
        entry = _contents_entry(line)
        if entry is None:
            break
        entries.append(entry)
        end += 1
    if len(entries) < 2:
        return Cleaned(lines)
    cover = [line for line in lines[:start] if line.text.strip()]
    is_cover = bool(cover) and len(cover) <= _COVER_LINES and all(_is_cover_line(line) for line in cover)
    notes = []
    if is_cover:
        quoted = _quoted([without_emphasis(line.text.strip()) for line in cover], 4)
        notes.append(
            _("%(where)s: the cover (%(quoted)s) was left out.")
            % {"where": line_label(cover[0].number, cover[-1].number), "quoted": quoted}
        )
    last = max(entry.line for entry in entries)
    notes.append(
        ngettext(
            "%(where)s: the contents page (%(count)s entry) was left out; chapter titles were checked "
            "against it.",
            "%(where)s: the contents page (%(count)s entries) was left out; chapter titles were checked "
            "against it.",
            len(entries),
        )
        % {"where": line_label(lines[start].number, last), "count": len(entries)}
    )
    kept = ([] if is_cover else lines[:start]) + lines[end:]
    cover_text = [without_emphasis(line.text.strip()) for line in cover] if is_cover else []
    return Cleaned(kept, contents=entries, cover=cover_text, notes=notes)


def _is_cover_line(line: Line) -> bool:
    """A title, a partnership's name, a date: short. A sentence of text is a foreword, kept."""
    return len(line.text.split()) <= _COVER_WORDS and not line.table


def _contents_start(lines: list[Line]) -> int | None:
    for index, line in enumerate(lines):
        if line.table:
            continue
        if _is_contents_heading(line) or line.style.startswith("contents"):
            return index
    return None


def _is_contents_heading(line: Line) -> bool:
    return bool(_CONTENTS_HEADING.match(without_emphasis(line.text).strip()))


def _contents_entry(line: Line) -> ContentsEntry | None:
    text = without_emphasis(line.text).rstrip()
    if line.table or len(text) > 200 or _MARKER_HINT.search(text):
        return None
    page = _PAGE_NUMBER.search(text)
    styled = line.style.startswith("contents") and not _is_contents_heading(line)
    if page is None and not styled:  # Word's entries may leave out page numbers (TOC \n)
        return None
    title = (text[: page.start()] if page else text).rstrip(" \t.…").strip()
    number = _ENTRY_NUMBER.match(title)
    if number:
        title = title[number.end() :].strip()
    if not any(char.isalpha() for char in title):
        return None
    title = " ".join(title.replace("\t", " ").split())
    level = _contents_level(line, text, number[1] if number else "")
    return ContentsEntry(title, number[1] if number else "", page[1] if page else "", level, line.number)


def _contents_level(line: Line, text: str, number: str) -> int:
    if line.style[-1:].isdigit():  # Word's "TOC 2"
        return int(line.style[-1])
    if "." in number or text[:1] in (" ", "\t"):
        return 2
    return 1


def _quoted(texts: list[str], most: int) -> str:
    """`“North”, “Ashby”` or, past `most`, `“North”, “Ashby” and 3 more`."""
    quoted = ", ".join(f"“{text}”" for text in texts[:most])
    if len(texts) <= most:
        return quoted
    return _("%(quoted)s and %(count)s more") % {"quoted": quoted, "count": len(texts) - most}


# --- Figures -----------------------------------------------------------------------------------------


def _collapse_figures(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """Replace each figure's leftovers by one placeholder (or nothing), in one pass."""
    kept: list[Line] = []
    notes: list[str] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _figure_kind(lines[end]) is not None:
            end += 1
        if end == index:
            kept.append(lines[index])
            index += 1
            continue
        kept.extend(_figure(lines[index:end], notes))
        index = end
    return kept, notes


def _figure_kind(line: Line) -> str | None:
    """What a line is, if it can be part of a figure: blank, image, symbol, caption or label."""
    text = without_emphasis(line.text).strip()
    if line.table or line.style.startswith(("heading", "title", "contents")) or line.style in LIST_STYLES:
        return "blank" if not text and not line.table else None
    if not text:
        return "blank"
    if _IMAGE.match(text):
        return "image"
    if not any(char.isalnum() for char in text):
        return "symbol"
    if line.style == "caption" or (_CAPTION.match(text) and len(text.split()) <= 20):
        return "caption"
    if _is_label(text):
        return "label"
    return None


def _is_label(text: str) -> bool:
    words = text.split()
    return (
        len(words) <= _LABEL_WORDS
        and len(text) <= _LABEL_CHARS
        and not text.endswith((".", ",", ";", ":", "?", "!"))
        and not _PLAN_NUMBER.match(text)
        and not _BULLET_START.match(text)
        and not _MARKER_HINT.search(text)
        and "\t" not in text
        and not (len(words) >= 3 and text.upper() == text)  # a heading in capitals, not a chart label
    )


def _figure(run: list[Line], notes: list[str]) -> list[Line]:
    """One run of figure-like lines: a placeholder, nothing, or (when it is not a figure) itself."""
    kinds = [_figure_kind(line) for line in run]
    count = {kind: kinds.count(kind) for kind in ("image", "symbol", "caption", "label")}
    pictured = count["image"] or count["caption"]
    labels_are_figure = count["label"] >= (
        _LABELS_BESIDE_PICTURE if pictured or count["symbol"] else _LABELS_WITHOUT_PICTURE
    )
    if not pictured and not count["symbol"] and not labels_are_figure:
        return run
    taken = {
        index
        for index, kind in enumerate(kinds)
        if kind in ("image", "symbol", "caption") or (kind == "label" and labels_are_figure)
    }
    first, last = run[min(taken)].number, run[max(taken)].number
    caption = next(
        (without_emphasis(run[i].text).strip() for i in sorted(taken) if kinds[i] == "caption"), ""
    )
    labels = [run[i] for i in sorted(taken) if kinds[i] == "label"]
    described = _described(count, labels, labels_are_figure)
    # Lines that are not part of the figure (a heading beside a picture, blank lines) stay as they are.
    result = [line for index, line in enumerate(run) if index not in taken]
    if pictured:
        position = sum(1 for index in range(min(taken)) if index not in taken)
        result.insert(position, Line(caption, "figure", number=first))
        shown = caption or "Figure"  # the placeholder's own text: the page's language, not the report's
        notes.append(
            _("%(where)s: a figure (%(described)s) was replaced by the placeholder “%(shown)s”.")
            % {"where": line_label(first, last), "described": described, "shown": shown}
        )
    else:
        notes.append(
            _("%(where)s: leftovers of a diagram (%(described)s) were left out.")
            % {"where": line_label(first, last), "described": described}
        )
    return result


def _described(count: dict, labels: list[Line], labels_are_figure: bool) -> str:
    parts = []
    if count["image"]:
        parts.append(
            ngettext("%(count)s picture", "%(count)s pictures", count["image"]) % {"count": count["image"]}
        )
    if count["symbol"]:
        parts.append(
            ngettext("%(count)s line of symbols only", "%(count)s lines of symbols only", count["symbol"])
            % {"count": count["symbol"]}
        )
    if labels_are_figure and labels:
        # Every label is named, so a list that was not a chart's after all can be put back.
        named = _quoted([without_emphasis(line.text).strip() for line in labels], _LABELS_NAMED)
        parts.append(
            ngettext(
                "%(count)s one-line label: %(named)s", "%(count)s one-line labels: %(named)s", len(labels)
            )
            % {"count": len(labels), "named": named}
        )
    return ", ".join(parts) or _("a caption")
