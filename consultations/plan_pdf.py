"""An accessible PDF of a published plan draft, for people who read offline, print or use large print.

The one public function, `render_plan_pdf`, lays out a title page, a linked table of contents, the
introduction and every chapter of numbered paragraphs, with "Have your say" links to the consultation.

Paragraph text is Wagtail rich text written by officers. reportlab's `Paragraph` parses its own
mini-XML, so the HTML is converted by a small parser that emits only the handful of tags reportlab
knows (<b>, <i>, <u>, <a href>, <br/>) and escapes everything else: nothing typed into the CMS can
break the layout or the file.
"""

import functools
import io
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from .models.plan import PlanChapter, PlanParagraph

__all__ = ["render_plan_pdf"]

# Debian's fonts-dejavu-core: covers Welsh (ŵ ŷ), typographic punctuation and many symbols.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}
HELVETICA = {
    "regular": "Helvetica",
    "bold": "Helvetica-Bold",
    "italic": "Helvetica-Oblique",
    "bold_italic": "Helvetica-BoldOblique",
}
AUTHOR = "Chorus"
LANGUAGE = "en-GB"
TEXT_COLOUR = HexColor("#0b0c0c")
LINK_COLOUR = HexColor("#1d3f8f")
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# Outline and contents entries are for finding your way, not reading: a runaway heading is cut.
MAX_NAVIGATION_CHARS = 150

_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TAG = re.compile(r"<[^>]*>")


# --- Fonts and characters --------------------------------------------------------------------------


def _clean_unicode(text: str) -> str:
    """Text for places the PDF viewer draws itself (metadata, outline): any Unicode but no controls."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text or ""))


class _Fonts:
    """The four faces in use, and how to turn any string into one they can show.

    A character the font has no glyph for would print as an empty box (or, in Helvetica's single-byte
    encoding, not at all), so it is swapped for its closest plain form (ŵ → w in Helvetica) or for a
    visible replacement mark.
    """

    def __init__(self, faces: dict[str, str], covers):
        self.regular = faces["regular"]
        self.bold = faces["bold"]
        self.italic = faces["italic"]
        self.bold_italic = faces["bold_italic"]
        self.is_fallback = faces == HELVETICA
        self._covers = covers
        self._replacement = "\ufffd" if covers("\ufffd") else "?"
        self._substitutes: dict[str, str] = {}

    def plain(self, text: str) -> str:
        """`text` with every character the fonts cannot show replaced; not yet escaped for markup."""
        return _NOT_PRINTABLE_ASCII.sub(self._substitute, text)

    def markup(self, text: str) -> str:
        """`text` ready to place inside reportlab paragraph markup."""
        return escape(self.plain(text))

    def _substitute(self, match: re.Match) -> str:
        char = match.group()
        if char not in self._substitutes:
            self._substitutes[char] = self._substitute_for(char)
        return self._substitutes[char]

    def _substitute_for(self, char: str) -> str:
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):  # newlines, tabs and control codes: plain space
            return " "
        if category == "Cs":  # a lone surrogate cannot even be encoded
            return self._replacement
        if category == "Cf":  # zero-width joiners, direction marks, soft hyphens: invisible anyway
            return ""
        if self._covers(char):
            return char
        if category.startswith("M") or category == "Sk":  # combining marks, emoji variations and skin tones
            return ""
        if category == "Zs":
            return " "
        plain_form = "".join(
            c for c in unicodedata.normalize("NFKD", char) if self._covers(c) and not unicodedata.combining(c)
        )
        return plain_form or self._replacement


@functools.cache
def _load_fonts(font_dir: Path) -> _Fonts:
    """Register DejaVu Sans once per process, or settle for Helvetica when it is not installed.

    Only characters that all four DejaVu faces have count as covered, so bold and italic text never
    prints a blank box where regular text would not.
    """
    paths = {face: font_dir / filename for face, filename in DEJAVU_FILES.items()}
    if not all(path.is_file() for path in paths.values()):
        return _Fonts(HELVETICA, _in_windows_1252)
    faces = {face: f"ChorusDejaVu-{face}" for face in paths}
    coverage = None
    for face, path in paths.items():
        font = TTFont(faces[face], str(path))
        pdfmetrics.registerFont(font)
        codepoints = set(font.face.charToGlyph)
        coverage = codepoints if coverage is None else coverage & codepoints
    pdfmetrics.registerFontFamily(
        faces["regular"],
        normal=faces["regular"],
        bold=faces["bold"],
        italic=faces["italic"],
        boldItalic=faces["bold_italic"],
    )
    coverage = frozenset(coverage)
    return _Fonts(faces, lambda char: ord(char) in coverage)


def _in_windows_1252(char: str) -> bool:
    """reportlab writes the built-in Helvetica in WinAnsi encoding, which is Windows-1252."""
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


# --- Links -----------------------------------------------------------------------------------------


def _absolute_url(url: str, base_url: str) -> str | None:
    """`url` made absolute against the page's URL, if it is a web, mail or phone link; else None.

    The CMS and the consultation give site-relative links, but a PDF has no "current site"; and a
    javascript: or file: link has no business in a printed plan.
    """
    try:
        absolute = urljoin(base_url, _clean_unicode(url).strip())
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    return absolute if scheme in LINK_SCHEMES else None


def _safe_href(url: str, base_url: str) -> str | None:
    """A link target for reportlab: absolute, and percent-encoded so it is plain ASCII."""
    absolute = _absolute_url(url, base_url) if url else None
    return quote(absolute, safe=":/?#[]@!$&'()*+,;=%~") if absolute else None


def _link_opening(href: str) -> str:
    return f'<a href="{escape(href)}" color="{LINK_COLOUR.hexval()}">'


def _link(href: str | None, text_markup: str) -> str:
    """Markup for a link, or just its text when there is nowhere safe to go."""
    return f"{_link_opening(href)}{text_markup}</a>" if href else text_markup


# --- Rich text -------------------------------------------------------------------------------------


@dataclass
class _Block:
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
    """Turns Wagtail rich-text HTML into `_Block`s of reportlab paragraph markup.

    Only <b>, <i>, <u>, <a href> and <br/> are emitted; text is escaped; tags are balanced even when
    the HTML is not (inline tags still open at the end of a block are closed, and reopened in the next).
    """

    INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "u": "u"}
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dt", "dd", "hr"}
    HIDDEN = {"script", "style", "template", "head", "title", "noscript"}

    def __init__(self, fonts: _Fonts, base_url: str):
        super().__init__(convert_charrefs=True)
        self.fonts = fonts
        self.base_url = base_url
        self.blocks: list[_Block] = []
        self._parts: list[str] = []
        self._has_text = False
        self._inline: list[_Inline] = []
        self._lists: list[_List] = []
        self._bullet = ""
        self._hidden_depth = 0

    def convert(self, html: str) -> list[_Block]:
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
        href = _safe_href(attrs.get("href") or "", self.base_url)
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
            self.blocks.append(_Block("".join(self._parts) + closing, self._bullet, depth))
            self._bullet = ""
        self._parts = []
        self._has_text = False


def _rich_text_blocks(html: str, fonts: _Fonts, base_url: str) -> list[_Block]:
    return _RichTextConverter(fonts, base_url).convert(html)


# --- Styles ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    """Every paragraph style, sized from one body size so large print scales as a whole."""

    body_size: float
    title: ParagraphStyle
    subtitle: ParagraphStyle
    chapter: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    question: ParagraphStyle
    contents_entry: ParagraphStyle
    footer_font: str
    footer_size: float


def _make_styles(fonts: _Fonts, large_print: bool) -> _Styles:
    """11pt text normally; 18pt with more generous line spacing for the large-print edition."""
    size = 18.0 if large_print else 11.0
    spacing = 1.6 if large_print else 1.4

    def style(name, scale=1.0, font=fonts.regular, **overrides):
        font_size = size * scale
        settings = {
            "fontName": font,
            "fontSize": font_size,
            "leading": font_size * spacing,
            "textColor": TEXT_COLOUR,
            "linkUnderline": 1,  # links are underlined, not told apart by colour alone
            "spaceAfter": size * 0.6,
            "splitLongWords": 1,
        }
        return ParagraphStyle(name, **(settings | overrides))

    return _Styles(
        body_size=size,
        title=style("PlanTitle", 2.2, fonts.bold, spaceAfter=size, leading=size * 2.2 * 1.25),
        subtitle=style("PlanSubtitle", 1.2),
        chapter=style("PlanChapter", 1.6, fonts.bold, spaceBefore=0, spaceAfter=size, keepWithNext=1),
        heading=style("PlanHeading", 1.2, fonts.bold, spaceBefore=size * 0.8, keepWithNext=1),
        body=style("PlanBody"),
        question=style("PlanQuestion", spaceAfter=size),
        contents_entry=style("PlanContents", rightIndent=size * 3, spaceAfter=size * 0.3),
        footer_font=fonts.regular,
        footer_size=size * 0.8,
    )


def _list_style(styles: _Styles, depth: int, last: bool) -> ParagraphStyle:
    """Body style indented for a list item `depth` lists deep, with room for its bullet or number.

    Items sit close together; the last one is followed by the usual space between paragraphs.
    """
    indent = styles.body_size * 1.8 * depth
    return ParagraphStyle(
        f"PlanList{depth}{'Last' if last else ''}",
        parent=styles.body,
        leftIndent=indent,
        bulletIndent=indent - styles.body_size * 1.5,
        bulletFontName=styles.body.fontName,
        bulletFontSize=styles.body.fontSize,
        spaceAfter=styles.body.spaceAfter if last else styles.body_size * 0.3,
    )


def _paragraph(markup: str, style: ParagraphStyle, bullet: str = "") -> Paragraph:
    """A reportlab Paragraph; if its markup were ever rejected, the same words without formatting."""
    try:
        return Paragraph(markup, style, bulletText=bullet or None)
    except ValueError:
        return Paragraph(_TAG.sub("", markup), style, bulletText=bullet or None)


def _cut(text: str, limit: int = MAX_NAVIGATION_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- Navigation and numbers known only at the end --------------------------------------------------
#
# The contents page shows the page each chapter starts on, and every footer says "of N". Neither is
# known until the whole plan is laid out. Rather than lay it out twice (reportlab's multiBuild), each
# such number is drawn as a reference to a PDF form (a named snippet of drawing) that is written once
# the last page is done; PDF allows a form to be defined after the pages that use it.


def _contents_page_form(key: str) -> str:
    return f"contents-page-{key}"


FOOTER_TAIL_FORM = "footer-tail"


class _Destination(Flowable):
    """An invisible mark just above a heading: a link target, an outline entry and maybe a contents line.

    It draws nothing and takes no space; `keepWithNext` keeps it on the same page as its heading.
    """

    def __init__(self, key: str, title: str, level: int = 0, in_contents: bool = False):
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.in_contents = in_contents
        self.keepWithNext = True

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level == 0)


class _ContentsLine(Flowable):
    """One line of the contents page: the heading, linked to its page, and that page's number at the right.

    The number is a form filled in at the end (see above), right-aligned on the heading's first line.
    """

    def __init__(self, destination: _Destination, fonts: _Fonts, style: ParagraphStyle):
        super().__init__()
        self.key = destination.key
        self.style = style
        self.heading = _paragraph(f'<a href="#{self.key}">{fonts.markup(destination.title)}</a>', style)
        self.number_width = style.fontSize * 3

    def wrap(self, available_width, available_height):
        self.width = available_width
        _, self.height = self.heading.wrap(available_width - self.number_width, available_height)
        return self.width, self.height + self.style.spaceAfter

    def draw(self):
        self.heading.drawOn(self.canv, 0, self.style.spaceAfter)
        self.canv.saveState()
        self.canv.translate(self.width, self.style.spaceAfter + self.height - self.style.fontSize)
        self.canv.doForm(_contents_page_form(self.key))
        self.canv.restoreState()


class _PlanCanvas(Canvas):
    """A canvas that lets the document fill in its late numbers just before the file is written."""

    def __init__(self, *args, before_save, **kwargs):
        super().__init__(*args, **kwargs)
        self._before_save = before_save

    def save(self):
        self._before_save(self)
        super().save()


class _PlanDocument(BaseDocTemplate):
    """A4 pages with a footer, an outline shown on opening, and contents page numbers filled in at the end."""

    def __init__(self, buffer, *, styles: _Styles, footer_text: str, **metadata):
        margin = 20 * mm
        footer_room = styles.footer_size * 3
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin + footer_room,
            lang=LANGUAGE,
            displayDocTitle=True,
            creator=AUTHOR,
            **metadata,
        )
        self.styles = styles
        self.footer_text = footer_text
        self.contents_keys: list[str] = []
        self.start_pages: dict[str, int] = {}
        self.pages = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        # The footer is drawn as each page ends, so a screen reader meets it after the page's text.
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._draw_footer)])

    def render(self, story: list) -> None:
        self.build(story, canvasmaker=functools.partial(_PlanCanvas, before_save=self._fill_in_numbers))

    def handle_documentBegin(self):
        super().handle_documentBegin()
        self.canv.showOutline()

    def afterFlowable(self, flowable):
        if isinstance(flowable, _Destination):
            self.start_pages[flowable.key] = self.page

    def afterPage(self):
        self.pages = self.page

    def _draw_footer(self, canvas, document):
        """ "Page 3", then the form that will say " of 40 · https://…" once the total is known."""
        page = f"Page {self.page}"
        canvas.saveState()
        canvas.setFont(self.styles.footer_font, self.styles.footer_size)
        canvas.setFillColor(TEXT_COLOUR)
        canvas.drawString(self.leftMargin, 12 * mm, page)
        page_width = pdfmetrics.stringWidth(page, self.styles.footer_font, self.styles.footer_size)
        canvas.translate(self.leftMargin + page_width, 12 * mm)
        canvas.doForm(FOOTER_TAIL_FORM)
        canvas.restoreState()

    def _fill_in_numbers(self, canvas):
        font, size = self.styles.footer_font, self.styles.footer_size
        widest_page = pdfmetrics.stringWidth(f"Page {self.pages}", font, size)
        tail = _fit_width(f" of {self.pages} · {self.footer_text}", font, size, self.width - widest_page)
        self._define_text_form(canvas, FOOTER_TAIL_FORM, tail, font, size)
        entry = self.styles.contents_entry
        for key in self.contents_keys:
            number = str(self.start_pages.get(key, ""))
            self._define_text_form(
                canvas, _contents_page_form(key), number, entry.fontName, entry.fontSize, right=True
            )

    def _define_text_form(self, canvas, name: str, text: str, font: str, size: float, right: bool = False):
        """A form holding one line of text with its baseline at the origin (right-aligned if `right`)."""
        canvas.beginForm(name, lowerx=-self.width, lowery=-size, upperx=self.width, uppery=size * 2)
        canvas.setFont(font, size)
        canvas.setFillColor(TEXT_COLOUR)
        if right:
            canvas.drawRightString(0, 0, text)
        else:
            canvas.drawString(0, 0, text)
        canvas.endForm()


def _fit_width(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis if it would run off the page (a footer has one line)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[: int(len(text) * 0.9) or len(text) - 1]
    return text + "…"


# --- The story -------------------------------------------------------------------------------------


@dataclass
class _Writer:
    """Builds the list of flowables, with the fonts, styles and page URL every part needs."""

    fonts: _Fonts
    styles: _Styles
    page_url: str
    contents_entries: list[_Destination] = field(default_factory=list)
    _next_key: int = 1
    _list_styles: dict = field(default_factory=dict)

    def title_page(self, title: str, subtitle: str, large_print: bool) -> list:
        url_markup = _link(_safe_href(self.page_url, self.page_url), self.fonts.markup(self.page_url))
        story = [
            Spacer(1, self.styles.body_size * 6),
            _paragraph(self.fonts.markup(title), self.styles.title),
            _paragraph(self.fonts.markup(subtitle), self.styles.subtitle),
        ]
        if large_print:
            story.append(_paragraph("Large print edition", self.styles.subtitle))
        story += [
            Spacer(1, self.styles.body_size),
            _paragraph(f"Read it online: {url_markup}", self.styles.body),
            PageBreak(),
        ]
        return story

    def contents(self) -> list:
        """The contents page, listing every destination made so far with `in_contents`."""
        style = self.styles.contents_entry
        lines = [_ContentsLine(entry, self.fonts, style) for entry in self.contents_entries]
        heading = [self._destination("Contents"), _paragraph("Contents", self.styles.chapter)]
        return [*heading, *lines, PageBreak()]

    def introduction(self, html: str) -> list:
        blocks = _rich_text_blocks(html, self.fonts, self.page_url)
        if not blocks:
            return []
        return [
            self._destination("Introduction", in_contents=True),
            _paragraph("Introduction", self.styles.chapter),
            *self._blocks(blocks),
            PageBreak(),
        ]

    def chapter(self, chapter: PlanChapter) -> list:
        """A chapter starts a new page, so its contents entry and bookmark point at its first page."""
        heading = " ".join(part for part in (chapter.number.strip(), chapter.heading.strip()) if part)
        story = [
            self._destination(heading or "Chapter", in_contents=True),
            _paragraph(self.fonts.markup(heading), self.styles.chapter),
        ]
        for paragraph in chapter.paragraphs:
            story += self.paragraph(paragraph)
        story.append(PageBreak())
        return story

    def paragraph(self, paragraph: PlanParagraph) -> list:
        """Number and heading, text, then the way to have your say on it."""
        number = self.fonts.markup(paragraph.number.strip())
        blocks = _rich_text_blocks(paragraph.text, self.fonts, self.page_url)
        story = []
        if paragraph.heading.strip():
            heading = f"{paragraph.number.strip()} {paragraph.heading.strip()}".strip()
            story.append(self._destination(heading, level=1))
            story.append(_paragraph(self.fonts.markup(heading), self.styles.heading))
        elif number and blocks and not blocks[0].bullet:
            blocks[0] = _Block(f"<b>{number}</b> {blocks[0].markup}")
        elif number:
            story.append(_paragraph(f"<b>{number}</b>", self.styles.body))
        story += self._blocks(blocks)
        question = self.question_line(paragraph)
        if question:
            if story:
                story[-1].keepWithNext = True  # the question stays on the page of the words it asks about
            story.append(_paragraph(question, self.styles.question))
        return story

    def question_line(self, paragraph: PlanParagraph) -> str:
        """A followable link to the question when there is one; otherwise just the reference."""
        ref = paragraph.question_ref.strip()
        url = _absolute_url(paragraph.question_url, self.page_url) if paragraph.question_url else None
        if url:
            text = (
                self.fonts.markup(f"Have your say on this — Question {ref}:")
                + "<br/>"
                + self.fonts.markup(url)
            )
            return _link(_safe_href(url, self.page_url), text)
        if ref:
            return self.fonts.markup(f"Consultation question {ref}")
        return ""

    def _blocks(self, blocks: list[_Block]) -> list:
        flowables = []
        for index, block in enumerate(blocks):
            if block.list_depth:
                last = index + 1 == len(blocks) or not blocks[index + 1].list_depth
                style = self._list_style(block.list_depth, last)
                flowables.append(_paragraph(block.markup, style, block.bullet))
            else:
                flowables.append(_paragraph(block.markup, self.styles.body))
        return flowables

    def _list_style(self, depth: int, last: bool) -> ParagraphStyle:
        if (depth, last) not in self._list_styles:
            self._list_styles[depth, last] = _list_style(self.styles, depth, last)
        return self._list_styles[depth, last]

    def _destination(self, title: str, level: int = 0, in_contents: bool = False) -> _Destination:
        key = f"dest-{self._next_key}"
        self._next_key += 1
        destination = _Destination(key, _cut(_clean_unicode(title).strip()), level, in_contents)
        if in_contents:
            self.contents_entries.append(destination)
        return destination


# --- The public function ---------------------------------------------------------------------------


def render_plan_pdf(
    *,
    title: str,
    subtitle: str,
    introduction_html: str,
    chapters: list[PlanChapter],
    page_url: str,
    large_print: bool = False,
) -> bytes:
    """The plan draft as an A4 PDF: title page, contents, introduction, then chapter after chapter.

    `page_url` is the web page's absolute URL: it is printed on the title page and in every footer,
    and relative links in the rich text are resolved against it. `large_print` sets 18pt text.
    """
    fonts = _load_fonts(FONT_DIR)
    styles = _make_styles(fonts, large_print)
    writer = _Writer(fonts=fonts, styles=styles, page_url=page_url)
    # The body is written first so the contents page knows its entries; it is printed after it.
    body = writer.introduction(introduction_html)
    for chapter in chapters:
        body += writer.chapter(chapter)
    contents = writer.contents() if chapters else []
    story = writer.title_page(title, subtitle, large_print) + contents + body
    if isinstance(story[-1], PageBreak):
        story.pop()  # no blank page at the end

    buffer = io.BytesIO()
    document = _PlanDocument(
        buffer,
        styles=styles,
        footer_text=fonts.plain(page_url),
        title=_clean_unicode(title),
        subject=_clean_unicode(subtitle),
        author=AUTHOR,
    )
    document.contents_keys = [line.key for line in contents if isinstance(line, _ContentsLine)]
    document.render(story)
    return buffer.getvalue()
