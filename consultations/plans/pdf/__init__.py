"""An accessible PDF of a published plan draft, for people who read offline, print or use large print.

The one public function, `render_plan_pdf`, lays out a title page, a linked table of contents, the
introduction and every chapter of numbered paragraphs, with "Have your say" links to the consultation.

    fonts.py      DejaVu Sans (or Helvetica) and the characters they can show
    rich_text.py  Wagtail rich-text HTML as safe reportlab markup; link targets
    styles.py     paragraph styles, normal and large print
    document.py   pages, footer, outline, and the page numbers filled in at the end
    writer.py     the story: title page, contents, introduction, chapters
"""

import io

from reportlab.platypus import PageBreak

from ..models.plan import PlanChapter
from . import fonts
from .document import AUTHOR, ContentsLine, PlanDocument
from .styles import make_styles
from .writer import Writer

__all__ = ["render_plan_pdf"]


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
    plan_fonts = fonts.load_fonts(fonts.FONT_DIR)
    styles = make_styles(plan_fonts, large_print)
    writer = Writer(fonts=plan_fonts, styles=styles, page_url=page_url)
    # The body is written first so the contents page knows its entries; it is printed after it.
    body = writer.introduction(introduction_html)
    for chapter in chapters:
        body += writer.chapter(chapter)
    contents = writer.contents() if chapters else []
    story = writer.title_page(title, subtitle, large_print) + contents + body
    if isinstance(story[-1], PageBreak):
        story.pop()  # no blank page at the end

    buffer = io.BytesIO()
    document = PlanDocument(
        buffer,
        styles=styles,
        footer_text=plan_fonts.plain(page_url),
        title=fonts.clean_unicode(title),
        subject=fonts.clean_unicode(subtitle),
        author=AUTHOR,
    )
    document.contents_keys = [line.key for line in contents if isinstance(line, ContentsLine)]
    document.render(story)
    return buffer.getvalue()
