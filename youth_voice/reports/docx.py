"""The board paper as a Word document: the same sections as the PDF, figures as native tables
(a screen reader reads them, and an editor can restyle them) under the PDF's charts, placed as
pictures with the chart's description as their alternative text."""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from consultations.plans.pdf import fonts

from .pdf import CHART_WIDTH, chart_png


def _table(document, rows):
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)


def _chart(document, chart, font, title):
    """The PDF's chart as a picture, described for screen readers (Word's alt text: `descr`)."""
    shape = document.add_picture(io.BytesIO(chart_png(chart, font)), width=Pt(CHART_WIDTH))
    properties = shape._inline.docPr  # python-docx has no alt-text API yet
    properties.set("title", title)
    properties.set("descr", chart.description)


def render_board_paper_docx(content) -> bytes:
    font = fonts.load_fonts(fonts.FONT_DIR).regular
    document = Document()
    document.core_properties.title = content.title
    document.add_heading(content.title, level=0)
    if content.meeting:
        document.add_paragraph(content.meeting)
    document.add_heading(_("Purpose"), level=1)
    document.add_paragraph(content.purpose)
    document.add_heading(_("Recommendations"), level=1)
    for recommendation in content.recommendations:
        document.add_paragraph(f"{recommendation.label}: {recommendation.text}")
    record = content.record
    document.add_heading(_("The consultation"), level=1)
    rows = [
        [_("Who was asked"), record.who or "–"],
        [_("How"), "; ".join(f"{label}: {count}" for label, count in record.channels) or "–"],
        [_("How many"), record.how_many],
        [_("Which groups"), ", ".join(record.forums) or "–"],
    ]
    if record.reach_percent is not None:
        rows.append(
            [_("Reach"), _("%(percent)s%% of those it was meant for") % {"percent": record.reach_percent}]
        )
    _table(document, rows)
    document.add_heading(_("What young people said"), level=1)
    document.add_paragraph(content.what_young_people_said)
    document.add_heading(_("Impact"), level=1)
    document.add_paragraph(content.impact)
    document.add_heading(_("Summary of responses"), level=1)
    for item in content.summary.questions:
        heading = f"Q{item.reference} {item.prompt}"
        document.add_heading(heading, level=2)
        if item.chart:
            _chart(document, item.chart, font, heading)
        if item.figures.choices:
            _table(
                document,
                [[_("Answer"), _("Count"), _("Percent")]]
                + [[c.label, c.count, c.percent] for c in item.figures.choices],
            )
    if content.quotes:
        document.add_heading(_("In their words"), level=1)
        for quote in content.quotes:
            document.add_paragraph(f"“{quote.text}” — {quote.attribution}", style="Quote")
    document.add_heading(_("Recommendations"), level=1)
    _table(
        document,
        [[_("Number"), _("Recommendation"), _("Owner"), _("Due by"), _("Status")]]
        + [[r.label, r.text, r.owner, r.due_date.isoformat(), r.status] for r in content.recommendations],
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
