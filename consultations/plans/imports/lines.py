"""What every reader produces: the lines of a document, and the emphasis marks kept in them."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# Bold and italic from markdown, kept through parsing as private-use characters (never typed by an
# author) and made into <b>/<i> only in a paragraph's text; headings and numbers ignore them.
BOLD_OPEN, BOLD_CLOSE, ITALIC_OPEN, ITALIC_CLOSE = "\ue100", "\ue101", "\ue102", "\ue103"
_EMPHASIS_MARKS = re.compile("[\ue100-\ue103]")
LIST_STYLES = ("bullet", "numbered")


def without_emphasis(text: str) -> str:
    return _EMPHASIS_MARKS.sub("", text)


def line_label(first: int, last: int | None = None) -> str:
    """Where a report line points, as it starts: `Line 12`, `Lines 3–9` (in the reader's language)."""
    if last is None or first == last:
        return _("Line %(line)s") % {"line": first}
    return _("Lines %(first)s–%(last)s") % {"first": first, "last": last}


@dataclass(frozen=True)
class Line:
    """One line of a document.

    `style` is "", "title", "heading1"/"heading2"/"heading3", "bullet" or "numbered" (list items),
    "contents1", "contents2"… (a Word contents entry and its level; "contents" for the contents
    heading) or "caption", as the author marked it. `number` (keyword-only,
    so it is never left out) is the 1-based line that messages refer to: for .docx and .odt the line
    as Word's "Save as plain text" would number it, one per paragraph or table row.

    Lines from a table carry the table's `table` id (1, 2…; 0 outside tables); the first line of each
    row carries the row's `cells`, whole, and `header` when the author marked the row as a header.
    """

    text: str
    style: str = ""
    number: int = field(kw_only=True)
    table: int = field(default=0, kw_only=True)
    cells: tuple[str, ...] | None = field(default=None, kw_only=True)
    header: bool = field(default=False, kw_only=True)


@dataclass
class Block:
    """A paragraph as a reader found it, before it is split into numbered lines."""

    text: str
    style: str = ""
    table: int = 0
    cells: tuple[str, ...] | None = None
    header: bool = False
