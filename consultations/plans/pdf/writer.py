"""The story: every flowable of the plan in reading order, from title page to the last chapter."""

from dataclasses import dataclass, field

from django.utils.translation import gettext
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Spacer

from ..models.plan import PlanChapter, PlanParagraph
from .document import ContentsLine, Destination
from .fonts import Fonts, clean_unicode
from .rich_text import Block, absolute_url, link, rich_text_blocks, safe_href
from .styles import Styles, list_style, safe_paragraph

# Outline and contents entries are for finding your way, not reading: a runaway heading is cut.
MAX_NAVIGATION_CHARS = 150


def _cut(text: str, limit: int = MAX_NAVIGATION_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class Writer:
    """Builds the list of flowables, with the fonts, styles and page URL every part needs."""

    fonts: Fonts
    styles: Styles
    page_url: str
    contents_entries: list[Destination] = field(default_factory=list)
    _next_key: int = 1
    _list_styles: dict = field(default_factory=dict)

    def title_page(self, title: str, subtitle: str, large_print: bool) -> list:
        url_markup = link(safe_href(self.page_url, self.page_url), self.fonts.markup(self.page_url))
        story = [
            Spacer(1, self.styles.body_size * 6),
            safe_paragraph(self.fonts.markup(title), self.styles.title),
            safe_paragraph(self.fonts.markup(subtitle), self.styles.subtitle),
        ]
        if large_print:
            story.append(
                safe_paragraph(self.fonts.markup(gettext("Large print edition")), self.styles.subtitle)
            )
        story += [
            Spacer(1, self.styles.body_size),
            safe_paragraph(
                self.fonts.markup(gettext("Read it online:")) + " " + url_markup, self.styles.body
            ),
            PageBreak(),
        ]
        return story

    def contents(self) -> list:
        """The contents page, listing every destination made so far with `in_contents`."""
        style = self.styles.contents_entry
        lines = [ContentsLine(entry, self.fonts, style) for entry in self.contents_entries]
        title = gettext("Contents")
        heading = [self._destination(title), safe_paragraph(self.fonts.markup(title), self.styles.chapter)]
        return [*heading, *lines, PageBreak()]

    def introduction(self, html: str) -> list:
        blocks = rich_text_blocks(html, self.fonts, self.page_url)
        if not blocks:
            return []
        title = gettext("Introduction")
        return [
            self._destination(title, in_contents=True),
            safe_paragraph(self.fonts.markup(title), self.styles.chapter),
            *self._blocks(blocks),
            PageBreak(),
        ]

    def chapter(self, chapter: PlanChapter) -> list:
        """A chapter starts a new page, so its contents entry and bookmark point at its first page."""
        heading = " ".join(part for part in (chapter.number.strip(), chapter.heading.strip()) if part)
        story = [
            self._destination(heading or gettext("Chapter"), in_contents=True),
            safe_paragraph(self.fonts.markup(heading), self.styles.chapter),
        ]
        for paragraph in chapter.paragraphs:
            story += self.paragraph(paragraph)
        story.append(PageBreak())
        return story

    def paragraph(self, paragraph: PlanParagraph) -> list:
        """Number and heading, text, then the way to have your say on it."""
        number = self.fonts.markup(paragraph.number.strip())
        blocks = rich_text_blocks(paragraph.text, self.fonts, self.page_url)
        story = []
        if paragraph.heading.strip():
            heading = f"{paragraph.number.strip()} {paragraph.heading.strip()}".strip()
            story.append(self._destination(heading, level=1))
            story.append(safe_paragraph(self.fonts.markup(heading), self.styles.heading))
        elif number and blocks and not blocks[0].bullet:
            blocks[0] = Block(f"<b>{number}</b> {blocks[0].markup}")
        elif number:
            story.append(safe_paragraph(f"<b>{number}</b>", self.styles.body))
        story += self._blocks(blocks)
        question = self.question_line(paragraph)
        if question:
            if story:
                story[-1].keepWithNext = True  # the question stays on the page of the words it asks about
            story.append(safe_paragraph(question, self.styles.question))
        return story

    def question_line(self, paragraph: PlanParagraph) -> str:
        """A followable link to the question when there is one; otherwise just the reference."""
        ref = paragraph.question_ref.strip()
        url = absolute_url(paragraph.question_url, self.page_url) if paragraph.question_url else None
        if url:
            text = (
                self.fonts.markup(
                    gettext("Have your say on this — Question %(reference)s:") % {"reference": ref}
                )
                + "<br/>"
                + self.fonts.markup(url)
            )
            return link(safe_href(url, self.page_url), text)
        if ref:
            return self.fonts.markup(gettext("Consultation question %(reference)s") % {"reference": ref})
        return ""

    def _blocks(self, blocks: list[Block]) -> list:
        flowables = []
        for index, block in enumerate(blocks):
            if block.list_depth:
                last = index + 1 == len(blocks) or not blocks[index + 1].list_depth
                style = self._list_style(block.list_depth, last)
                flowables.append(safe_paragraph(block.markup, style, block.bullet))
            else:
                flowables.append(safe_paragraph(block.markup, self.styles.body))
        return flowables

    def _list_style(self, depth: int, last: bool) -> ParagraphStyle:
        if (depth, last) not in self._list_styles:
            self._list_styles[depth, last] = list_style(self.styles, depth, last)
        return self._list_styles[depth, last]

    def _destination(self, title: str, level: int = 0, in_contents: bool = False) -> Destination:
        key = f"dest-{self._next_key}"
        self._next_key += 1
        destination = Destination(key, _cut(clean_unicode(title).strip()), level)
        if in_contents:
            self.contents_entries.append(destination)
        return destination
