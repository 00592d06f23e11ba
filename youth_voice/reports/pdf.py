"""The board paper as an A4 PDF in the plan PDF's house style (DejaVu Sans, the same paragraph
styles), its charts drawn with reportlab graphics from the same suppressed figures as the HTML.
The Word paper places the same drawings, rasterised (`chart_png`)."""

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.graphics import renderPM
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from consultations.plans.pdf import fonts
from consultations.plans.pdf.styles import make_styles, safe_paragraph

BAR_COLOUR = HexColor("#007d7e")
CHART_WIDTH = 160 * mm
# Sharp on a printed page and a zoomed screen; a chart of a few bars stays a few kilobytes.
PNG_DPI = 200


def chart_drawing(chart, font) -> Drawing:
    """The summary's bar chart: geometry from `youth_voice.charts`, scaled to the page."""
    scale = CHART_WIDTH / chart.width
    drawing = Drawing(CHART_WIDTH, chart.height * scale)
    top = chart.height * scale
    for bar in chart.bars:
        drawing.add(String(0, top - bar.label_y * scale, bar.label, fontName=font, fontSize=8))
        if bar.width:
            y = top - (bar.bar_y + 20) * scale
            drawing.add(Rect(0, y, bar.width * scale, 20 * scale, fillColor=BAR_COLOUR, strokeColor=None))
        drawing.add(
            String(bar.figures_x * scale, top - bar.figures_y * scale, bar.figures, fontName=font, fontSize=8)
        )
    return drawing


def chart_png(chart, font) -> bytes:
    """The same drawing as a PNG (for Word, which shows no vector drawing of ours), drawn by
    reportlab's own bitmap renderer on its rlPyCairo backend. Cairo writes the PNG itself: reportlab's
    way (rlPyCairo's `pixBuf`) reorders every pixel in Python, about 0.2 s a chart."""
    canvas = renderPM.drawToPMCanvas(chart_drawing(chart, font), dpi=PNG_DPI)
    png = io.BytesIO()
    canvas._gs.surface.write_to_png(png)
    return png.getvalue()


def render_board_paper_pdf(content, *, charts: bool = True) -> bytes:
    paper_fonts = fonts.load_fonts(fonts.FONT_DIR)
    styles = make_styles(paper_fonts, large_print=False)
    font = paper_fonts.regular

    def paragraph(text, style=styles.body):
        return safe_paragraph(escape(paper_fonts.plain(str(text))).replace("\n", "<br/>"), style)

    def table(rows):
        flowable = Table([[paragraph(cell) for cell in row] for row in rows], repeatRows=1)
        flowable.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, HexColor("#b1b4b6"))]))
        return flowable

    record = content.record
    story = [paragraph(content.title, styles.title)]
    if content.meeting:
        story.append(paragraph(content.meeting, styles.subtitle))
    story += [paragraph(_("Purpose"), styles.heading), paragraph(content.purpose)]
    story.append(paragraph(_("Recommendations"), styles.heading))
    story += [paragraph(f"{r.label}: {r.text}") for r in content.recommendations]
    story.append(paragraph(_("The consultation"), styles.heading))
    rows = [[_("Who was asked"), record.who or "–"]]
    rows.append([_("How"), "; ".join(f"{label}: {count}" for label, count in record.channels) or "–"])
    rows.append([_("How many"), record.how_many])
    rows.append([_("Which groups"), ", ".join(record.forums) or "–"])
    if record.reach_percent is not None:
        rows.append(
            [_("Reach"), _("%(percent)s%% of those it was meant for") % {"percent": record.reach_percent}]
        )
    story.append(table(rows))
    story += [
        paragraph(_("What young people said"), styles.heading),
        paragraph(content.what_young_people_said),
    ]
    story += [paragraph(_("Impact"), styles.heading), paragraph(content.impact)]
    story.append(paragraph(_("Summary of responses"), styles.chapter))
    for item in content.summary.questions:
        story.append(paragraph(f"Q{item.reference} {item.prompt}", styles.heading))
        if charts and item.chart:
            story.append(chart_drawing(item.chart, font))
        if item.figures.choices:
            rows = [[_("Answer"), _("Count"), _("Percent")]]
            rows += [[c.label, c.count, c.percent] for c in item.figures.choices]
            story.append(table(rows))
        story.append(Spacer(1, 4 * mm))
    if content.quotes:
        story.append(paragraph(_("In their words"), styles.chapter))
        story += [paragraph(f"“{quote.text}” — {quote.attribution}") for quote in content.quotes]
    story.append(paragraph(_("Recommendations"), styles.chapter))
    rows = [[_("Number"), _("Recommendation"), _("Owner"), _("Due by"), _("Status")]]
    rows += [[r.label, r.text, r.owner, r.due_date.isoformat(), r.status] for r in content.recommendations]
    story.append(table(rows))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=fonts.clean_unicode(content.title)).build(story)
    return buffer.getvalue()
