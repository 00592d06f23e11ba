"""Wagtail rich-text HTML made into safe reportlab paragraph markup, and the links in it.

Paragraph text is Wagtail rich text written by officers. reportlab's `Paragraph` parses its own
mini-XML, so the HTML is converted by a small parser that emits only the handful of tags reportlab
knows (<b>, <i>, <u>, <a href>, <br/>) and escapes everything else: nothing typed into the CMS can
break the layout or the file.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor

from .fonts import Fonts, clean_unicode

LINK_COLOUR = HexColor("#1d3f8f")
LINK_SCHEMES = {"http", "https", "mailto", "tel"}

# --- Links -----------------------------------------------------------------------------------------


def absolute_url(url: str, base_url: str) -> str | None:
    """`url` made absolute against the page's URL, if it is a web, mail or phone link; else None.

    The CMS and the consultation give site-relative links, but a PDF has no "current site"; and a
    javascript: or file: link has no business in a printed plan.
    """
    try:
        absolute = urljoin(base_url, clean_unicode(url).strip())
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    return absolute if scheme in LINK_SCHEMES else None


def safe_href(url: str, base_url: str) -> str | None:
    """A link target for reportlab: absolute, and percent-encoded so it is plain ASCII."""
    absolute = absolute_url(url, base_url) if url else None
    return quote(absolute, safe=":/?#[]@!$&'()*+,;=%~") if absolute else None


def _link_opening(href: str) -> str:
    return f'<a href="{escape(href)}" color="{LINK_COLOUR.hexval()}">'


def link(href: str | None, text_markup: str) -> str:
    """Markup for a link, or just its text when there is nowhere safe to go."""
    return f"{_link_opening(href)}{text_markup}</a>" if href else text_markup


# --- Rich text -------------------------------------------------------------------------------------


@dataclass
class Block:
    """One paragraph of converted rich text: markup for reportlab, and its list bullet if any."""

    markup: str
    bullet: str = ""
    list_depth: int = 0


@dataclass
class _List:
    ordered: bool
    count: int = 0


@dataclass
class _Inline:
    tag: str
    opening: str
    closing: str


class _RichTextConverter(HTMLParser):
    """Turns Wagtail rich-text HTML into `Block`s of reportlab paragraph markup.

    Only <b>, <i>, <u>, <a href> and <br/> are emitted; text is escaped; tags are balanced even when
    the HTML is not (inline tags still open at the end of a block are closed, and reopened in the next).
    """

    INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "u": "u"}
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dt", "dd", "hr"}
    HIDDEN = {"script", "style", "template", "head", "title", "noscript"}

    def __init__(self, fonts: Fonts, base_url: str):
        super().__init__(convert_charrefs=True)
        self.fonts = fonts
        self.base_url = base_url
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._has_text = False
        self._inline: list[_Inline] = []
        self._lists: list[_List] = []
        self._bullet = ""
        self._hidden_depth = 0

    def convert(self, html: str) -> list[Block]:
        self.feed(html or "")
        self.close()
        self._end_block()
        return self.blocks

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden_depth += 1
        elif self._hidden_depth:
            return
        elif tag in self.BLOCK:
            self._end_block()
        elif tag in ("ul", "ol"):
            self._end_block()
            self._lists.append(_List(ordered=tag == "ol"))
        elif tag == "li":
            self._start_list_item()
        elif tag == "br":
            self._write("<br/>")
        elif tag in ("td", "th") and self._has_text:  # a table row prints as one line, cells apart
            self._write(" | ")
        elif tag in self.INLINE:
            name = self.INLINE[tag]
            self._open(_Inline(tag, f"<{name}>", f"</{name}>"))
        elif tag == "a":
            self._open_link(dict(attrs))

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and not self._hidden_depth:
            self._write("<br/>")
        elif tag in self.BLOCK or tag in ("ul", "ol"):
            self._end_block()

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif self._hidden_depth:
            return
        elif tag in self.BLOCK or tag == "li":
            self._end_block()
        elif tag in ("ul", "ol"):
            self._end_block()
            if self._lists:
                self._lists.pop()
        elif any(inline.tag == tag for inline in self._inline):
            self._close_through(tag)

    def handle_data(self, data):
        if self._hidden_depth:
            return
        text = self.fonts.markup(data)
        if text.strip():
            self._has_text = True
        self._write(text)

    def _start_list_item(self):
        self._end_block()
        if not self._lists:  # a stray <li> outside any list: still a bullet point, but only this one
            self._bullet = "•"
            return
        current = self._lists[-1]
        current.count += 1
        self._bullet = f"{current.count}." if current.ordered else "•"

    def _open_link(self, attrs):
        href = safe_href(attrs.get("href") or "", self.base_url)
        if not href or any(inline.tag == "a" and inline.closing for inline in self._inline):
            self._open(_Inline("a", "", ""))  # page links without href, or a link inside a link
            return
        self._open(_Inline("a", _link_opening(href), "</a>"))

    def _open(self, inline: _Inline):
        self._inline.append(inline)
        if self._parts:
            self._parts.append(inline.opening)

    def _close_through(self, tag: str):
        while self._inline:
            inline = self._inline.pop()
            if self._parts:
                self._parts.append(inline.closing)
            if inline.tag == tag:
                return

    def _write(self, markup: str):
        if not self._parts:
            self._parts.extend(inline.opening for inline in self._inline)
        self._parts.append(markup)

    def _end_block(self):
        if self._has_text:
            closing = "".join(inline.closing for inline in reversed(self._inline))
            depth = len(self._lists) or (1 if self._bullet else 0)
            self.blocks.append(Block("".join(self._parts) + closing, self._bullet, depth))
            self._bullet = ""
        self._parts = []
        self._has_text = False


def rich_text_blocks(html: str, fonts: Fonts, base_url: str) -> list[Block]:
    return _RichTextConverter(fonts, base_url).convert(html)
