"""The board paper: its consultation record (individuals and groups apart, reach), figures with
counts under 5 suppressed, publishable quotes only, recommendations with RAG in words; the same
in HTML, PDF and Word."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from tests.conftest import submit_answers
from youth_voice.analysis import services
from youth_voice.models import BoardPaper, Recommendation
from youth_voice.reports.paper import paper_content, prefilled_paper


def pdf_text(body: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def docx_text(body: bytes) -> str:
    document = Document(io.BytesIO(body))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def paper(consultation, written_by_many):
    return BoardPaper.objects.create(
        consultation=consultation,
        purpose="To agree three changes to the buses.",
        target_population=40,
        target_description="11 to 18 year olds in Harrowby",
        what_young_people_said="Buses at night.",
        impact="A later bus from September.",
    )


@pytest.fixture
def written_by_many(consultation, officer):
    """Six answer "A week" to Q6.2, two "A month"; one consenting answer to Q6.1 is quoted."""
    for _ in range(6):
        submit_answers(consultation, {"6.2": "a-week"}, publication="without_name")
    for _ in range(2):
        submit_answers(consultation, {"6.2": "a-month"}, publication="without_name")
    quoted = submit_answers(consultation, {"6.1": "A bus after ten at night"}, publication="without_name")
    services.pick_quote(quoted.answers.get(question__reference="6.1"), "", officer)
    Recommendation.objects.create(
        consultation=consultation,
        text="Run a later bus",
        owner="Transport lead",
        due_date=date(2027, 1, 31),
        status="on_track",
    )


def test_the_record_counts_individuals_and_reach_against_the_population(paper):
    content = paper_content(paper)
    assert content.record.how_many == "9 individual responses"
    assert str(content.record.reach_percent) == "22.5"  # 9 of 40
    assert [(label, str(count)) for label, count in content.record.channels] == [("Online", "9")]
    assert content.recommendations[0].status == "On track (Amber)"


def test_counts_under_5_are_suppressed_and_quotes_are_publishable(paper):
    content = paper_content(paper)
    waits = next(item for item in content.summary.questions if item.reference == "6.2")
    # 2 is fewer than 5; the 6 beside it is hidden too, else 8 answered minus 6 gives it back.
    assert [str(choice.count) for choice in waits.figures.choices] == ["hidden", "fewer than 5", "0"]
    assert [quote.text for quote in content.quotes] == ["A bus after ten at night"]


def test_a_new_paper_is_drafted_from_the_data(consultation, written_by_many):
    draft = prefilled_paper(consultation)
    assert draft.pk is None
    assert "Have your say" in draft.purpose
    assert draft.what_young_people_said == "9 individual responses were received."


@pytest.mark.parametrize(
    ("name", "read"),
    [("html", lambda body: body.decode()), ("pdf", pdf_text), ("docx", docx_text)],
)
def test_every_format_carries_the_paper(officer_client, consultation, paper, name, read):
    response = officer_client.get(reverse(f"reports_admin:{name}", args=[consultation.pk]))
    assert response.status_code == 200
    text = " ".join(read(response.content).split())
    for expected in [
        "To agree three changes to the buses.",
        "9 individual responses",
        "fewer than 5",
        "A bus after ten at night",
        "R1",
        "Run a later bus",
        "On track (Amber)",
    ]:
        assert expected in text, (name, expected)


def test_the_editor_saves_the_text_and_keeps_what_was_typed_when_wrong(officer_client, consultation):
    url = reverse("reports_admin:edit", args=[consultation.pk])
    assert "Have your say" in officer_client.get(url).content.decode()
    data = {
        "purpose": "Agree it",
        "what_young_people_said": "Buses",
        "impact": "More",
        "target_population": "0",
    }
    refused = officer_client.post(url, data)
    assert refused.status_code == 200
    assert "Ensure this value is greater than or equal to 1." in refused.content.decode()
    assert "Agree it" in refused.content.decode()
    assert officer_client.post(url, data | {"target_population": "120"}).status_code == 302
    assert BoardPaper.objects.get(consultation=consultation).target_population == 120


def test_the_word_paper_carries_the_pdf_charts_as_pictures_with_alt_text(officer_client, consultation):
    for _ in range(5):
        submit_answers(consultation, {"6.2": "a-week"}, publication="without_name")
    for _ in range(6):
        submit_answers(consultation, {"6.2": "a-month"}, publication="without_name")
    paper = BoardPaper.objects.create(
        consultation=consultation, purpose="Agree it", what_young_people_said="Waits", impact="Shorter"
    )
    charted = [item for item in paper_content(paper).summary.questions if item.chart]
    assert [item.reference for item in charted] == ["1", "6.2", "7"]  # nothing hidden in these

    response = officer_client.get(reverse("reports_admin:docx", args=[consultation.pk]))
    document = Document(io.BytesIO(response.content))
    pictures = document.inline_shapes
    assert len(pictures) == 3
    for picture, item in zip(pictures, charted, strict=True):
        described = picture._inline.docPr
        assert described.get("title") == f"Q{item.reference} {item.prompt}"
        assert described.get("descr") == item.chart.description
        image = document.part.related_parts[picture._inline.graphic.graphicData.pic.blipFill.blip.embed]
        assert image.content_type == "image/png"
        assert image.blob.startswith(b"\x89PNG")
        assert picture.width > picture.height > 0
    waits = pictures[1]._inline.docPr
    assert waits.get("title") == "Q6.2 How long is too long to wait?"
    assert waits.get("descr") == "A week: 5 (45.5%); A month: 6 (54.5%); Three months: 0 (0.0%)"
