"""Paragraph styles, normal and large print, and paragraphs that survive markup reportlab rejects."""

import re
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .fonts import Fonts

TEXT_COLOUR = HexColor("#0b0c0c")

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Styles:
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


def make_styles(fonts: Fonts, large_print: bool) -> Styles:
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

    return Styles(
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


def list_style(styles: Styles, depth: int, last: bool) -> ParagraphStyle:
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


def safe_paragraph(markup: str, style: ParagraphStyle, bullet: str = "") -> Paragraph:
    """A reportlab Paragraph; if its markup were ever rejected, the same words without formatting."""
    try:
        return Paragraph(markup, style, bulletText=bullet or None)
    except ValueError:
        return Paragraph(_TAG.sub("", markup), style, bulletText=bullet or None)
