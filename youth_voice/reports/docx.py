"""The board paper as a Word document: the same sections as the PDF, figures as native tables
(a screen reader reads them, and an editor can restyle them)."""

import io

from django.utils.translation import gettext as _
from docx import Document


def _table(document, rows):
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)


def render_board_paper_docx(content) -> bytes:
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
        document.add_heading(f"Q{item.reference} {item.prompt}", level=2)
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
