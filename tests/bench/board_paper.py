"""Issue 11's board paper figure for `make bench`: how long a partnership board's PDF paper takes.

- board_paper_pdf_ms (budget ≤ 5,000 ms; SQLite): the median of 5 runs of what the PDF download
  does (`paper_content` of the saved `BoardPaper`, then `render_board_paper_pdf`) for a consultation
  of 30 questions (the summary bench's ten kinds, three times over) with 1,000 responses (written
  as tests/bench/content.py writes the summary's), its free-text answers coded with four themes,
  twelve quotes picked from them and three recommendations. Before timing, the summary is checked
  against the rows written, and the PDF is read back (pypdf): every section, every question's
  heading, every bar of every chart the paper keeps, every quote and R1–R3 must be in it, so a
  paper that dropped its charts or questions cannot pass fast.
  Baseline: the same paper rendered as HTML (`paper_content` and the `paper.html` template, SVG
  charts), the board paper's other output doing the same reading and the same layout decisions.
- board_paper_docx_ms (no budget): the same for the Word paper, once it is checked to hold one
  picture per chart the paper keeps, each with its alternative text.
"""

import io
import re
from datetime import date

from tests.bench.content import QUESTIONS, TEXTS, check_summary, fill_responses, median_ms

RESPONSES = 1_000
# The summary bench's ten questions three times over: references 1 to 30, every kind three times.
PAPER_QUESTIONS = [
    (str(round_ * len(QUESTIONS) + int(ref)), kind, settings)
    for round_ in range(3)
    for ref, kind, settings in QUESTIONS
]
THEMES = {text: f"Theme: {text}" for text in TEXTS}
QUOTES_PER_QUESTION = 4
RECOMMENDATIONS = [
    ("Run a later evening bus on school days", "Transport lead", "on_track"),
    ("Keep the youth club open until nine", "Youth service manager", "not_started"),
    ("Ask the Youth Forum to check the new timetable", "Participation officer", "at_risk"),
]
# What the PDF's chart writes after each bar: "12 (60%)" (reportlab may put a space in "60 %").
BAR_FIGURES = re.compile(r"\d+ \(\d+(?:\.\d+)? ?%\)")


def make_paper():
    """The consultation, its coded answers, quotes, recommendations and saved board paper."""
    from django.contrib.auth import get_user_model

    from youth_voice.analysis import services
    from youth_voice.models import Answer, Recommendation, Theme
    from youth_voice.reports.paper import prefilled_paper
    from youth_voice.summary import summarise

    consultation, everyone, _filtered = fill_responses(
        RESPONSES, slug="bench-paper", questions=PAPER_QUESTIONS
    )
    check_summary(summarise(consultation), everyone, "board paper's", PAPER_QUESTIONS)
    officer = get_user_model().objects.create_user("bench-officer", "bench-officer@example.org")
    free_text = [ref for ref, kind, _settings in PAPER_QUESTIONS if kind == "free_text"]
    for text, name in THEMES.items():
        theme = services.save_theme(Theme(consultation=consultation, name=name), officer)
        coded = Answer.objects.filter(question__consultation=consultation, text=text)
        services.tag_answers(theme, list(coded.values_list("pk", flat=True)), officer)
    for ref in free_text:
        answers = Answer.objects.filter(question__consultation=consultation, question__reference=ref)
        for answer in answers.exclude(text="").order_by("pk")[:QUOTES_PER_QUESTION]:
            services.pick_quote(answer, "", officer)
    for text, owner, status in RECOMMENDATIONS:
        Recommendation.objects.create(
            consultation=consultation, text=text, owner=owner, due_date=date(2027, 3, 31), status=status
        )
    paper = prefilled_paper(consultation)
    paper.meeting = "Bench Children's Partnership Board"
    paper.target_population = 5_000
    paper.target_description = "11 to 18 year olds in Bench"
    paper.save()
    return paper


def check_pdf(body: bytes, content) -> int:
    """Raise unless the PDF holds the whole paper; returns its number of pages."""
    from pypdf import PdfReader

    if not body.startswith(b"%PDF-"):
        raise RuntimeError("the board paper is not a PDF")
    pages = PdfReader(io.BytesIO(body)).pages
    text = "\n".join(page.extract_text() for page in pages)
    flat = " ".join(text.split())
    wanted = ["Purpose", "The consultation", "What young people said", "Impact", "Summary of responses"]
    wanted += ["In their words"] + [f"Q{item.reference} {item.prompt}" for item in content.summary.questions]
    wanted += [quote.text for quote in content.quotes] + [r.label for r in content.recommendations]
    missing = [words for words in wanted if words not in flat]
    bars = sum(len(item.chart.bars) for item in content.summary.questions if item.chart)
    drawn = len(BAR_FIGURES.findall(flat))
    if missing or drawn < bars or len(content.quotes) != 3 * QUOTES_PER_QUESTION:
        raise RuntimeError(
            f"the board paper is incomplete: missing {missing[:5]}; {drawn} of {bars} chart bars; "
            f"{len(content.quotes)} quotes"
        )
    return len(pages)


def check_docx(body: bytes, content):
    """Raise unless the Word paper has a described picture for each chart the paper keeps."""
    from docx import Document

    described = [shape._inline.docPr.get("descr") for shape in Document(io.BytesIO(body)).inline_shapes]
    charts = [item.chart.description for item in content.summary.questions if item.chart]
    if described != charts:
        raise RuntimeError(f"the Word paper has {len(described)} described pictures for {len(charts)} charts")


def time_board_paper():
    """Median ms of the PDF, of the HTML baseline and of the Word paper, after checking the PDF
    and the Word paper hold the paper."""
    from django.template.loader import render_to_string

    from youth_voice.reports.docx import render_board_paper_docx
    from youth_voice.reports.paper import paper_content
    from youth_voice.reports.pdf import render_board_paper_pdf

    paper = make_paper()
    content = paper_content(paper)
    pages = check_pdf(render_board_paper_pdf(content), content)
    check_docx(render_board_paper_docx(content), content)
    charts = sum(1 for item in content.summary.questions if item.chart)
    return {
        "pdf": median_ms(lambda: render_board_paper_pdf(paper_content(paper))),
        "docx": median_ms(lambda: render_board_paper_docx(paper_content(paper))),
        "html": median_ms(
            lambda: render_to_string("youth_voice/reports/paper.html", {"paper": paper_content(paper)})
        ),
        "pages": pages,
        "charts": charts,
        "quotes": len(content.quotes),
    }
