"""The page furniture: A4 pages with a footer, the outline, and numbers known only at the end.

The contents page shows the page each chapter starts on, and every footer says "of N". Neither is
known until the whole plan is laid out. Rather than lay it out twice (reportlab's multiBuild), each
such number is drawn as a reference to a PDF form (a named snippet of drawing) that is written once
the last page is done; PDF allows a form to be defined after the pages that use it.
"""

import functools

from django.utils.translation import get_language, gettext, to_locale
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .fonts import Fonts
from .styles import TEXT_COLOUR, Styles, safe_paragraph

AUTHOR = "Chorus"
FOOTER_TAIL_FORM = "footer-tail"


def _contents_page_form(key: str) -> str:
    return f"contents-page-{key}"


class Destination(Flowable):
    """An invisible mark just above a heading: a link target, an outline entry and maybe a contents line.

    It draws nothing and takes no space; `keepWithNext` keeps it on the same page as its heading.
    """

    def __init__(self, key: str, title: str, level: int = 0):
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.keepWithNext = True

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level == 0)


class ContentsLine(Flowable):
    """One line of the contents page: the heading, linked to its page, and that page's number at the right.

    The number is a form filled in at the end (see the module docstring), right-aligned on the heading's
    first line.
    """

    def __init__(self, destination: Destination, fonts: Fonts, style: ParagraphStyle):
        super().__init__()
        self.key = destination.key
        self.style = style
        self.heading = safe_paragraph(f'<a href="#{self.key}">{fonts.markup(destination.title)}</a>', style)
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


class PlanDocument(BaseDocTemplate):
    """A4 pages with a footer, an outline shown on opening, and contents page numbers filled in at the end."""

    def __init__(self, buffer, *, styles: Styles, footer_text: str, **metadata):
        margin = 20 * mm
        footer_room = styles.footer_size * 3
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin + footer_room,
            lang=to_locale(get_language() or "en-gb").replace("_", "-"),
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
        if isinstance(flowable, Destination):
            self.start_pages[flowable.key] = self.page

    def afterPage(self):
        self.pages = self.page

    def _draw_footer(self, canvas, document):
        """ "Page 3", then the form that will say " of 40 · https://…" once the total is known."""
        page = gettext("Page %(number)s") % {"number": self.page}
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
        widest_page = pdfmetrics.stringWidth(gettext("Page %(number)s") % {"number": self.pages}, font, size)
        # Printed straight after "Page 3": " of 40 · https://…"
        of_pages = gettext(" of %(total)s") % {"total": self.pages}
        tail = _fit_width(f"{of_pages} · {self.footer_text}", font, size, self.width - widest_page)
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
