"""Plan drafts as two councils' Word documents really arrive (issue 8): one numbered, one with
headings only; as .docx, as Word's plain-text export (CRLF, tabs, blank lines) and as pandoc Markdown.

Each test is named after what a reader or editor would otherwise have seen; every one of them
failed on the parser before issue 8.
"""

import io

import pytest
from django.core.management import call_command

from consultations.models import PlanDraftPage, PlanHeadlinesPage
from consultations.plans.imports import PlanImportError, parse_plan, read_document
from consultations.plans.imports.importer import import_plan_draft
from tests.conftest import make_consultation

from .documents import docx_bytes, md_bytes, txt_bytes


def parse(filename: str, data: bytes):
    return parse_plan(read_document(filename, data))


def word_text(text: str) -> bytes:
    """Text as Word's "Save as plain text" writes it: CRLF line ends."""
    return text.replace("\n", "\r\n").encode()


def headings(plan) -> list[tuple[str, str]]:
    return [(chapter.number, chapter.heading) for chapter in plan.chapters]


def by_number(plan, number):
    (found,) = [p for p in plan.paragraphs if p.number == number]
    return found


def filename_for(make) -> str:
    return "plan" + {docx_bytes: ".docx", md_bytes: ".md", txt_bytes: ".txt"}[make]


def imported(make, blocks, **options) -> PlanDraftPage:
    return import_plan_draft(filename=filename_for(make), data=make(blocks), **options).page


WORD_AND_TEXT = pytest.mark.parametrize("make", [docx_bytes, txt_bytes], ids=["docx", "txt"])


def run(*args) -> list[str]:
    out = io.StringIO()
    call_command("import_plan_draft", *[str(arg) for arg in args], stdout=out)
    return out.getvalue().splitlines()


# --- 1. Capitals ---------------------------------------------------------------------------------------

CAPITALS = [
    ("p", "1\tHARROWBY VALE PARTNERSHIP – BY MARCH 2011"),
    (
        "p",
        "1.1\tThe Harrowby Vale partnership plans services for LAC, for young people with LDD and for "
        "CAMHS together, starting in March.",
    ),
    ("p", "1.2\tN O R T H"),
    ("p", "Youth clubs in the north of the area."),
    ("p", "2\tLAC, LDD AND CAMHS ON FRIDAY"),
    ("p", "2.1\tRef – Q 3"),
    ("p", "We will ask looked-after children first."),
    ("p", "ANNEX A"),
    ("p", "Who to contact about each service."),
]


@WORD_AND_TEXT
def test_headings_in_capitals_keep_the_authors_capitals_by_default(home, make):
    page = imported(make, CAPITALS)
    chapters = page.chapters()
    assert [chapter.heading for chapter in chapters] == [
        "HARROWBY VALE PARTNERSHIP – BY MARCH 2011",
        "LAC, LDD AND CAMHS ON FRIDAY",
        "ANNEX A",
    ]
    # Letters spaced out for show are one word, never "N o r t h".
    assert chapters[0].paragraphs[1].heading == "NORTH"


def test_sentence_case_keeps_names_acronyms_months_and_days_in_headings_and_prompts(home):
    consultation = make_consultation(home, slug="asked", live=False)
    report = import_plan_draft(
        filename="plan.docx", data=docx_bytes(CAPITALS), sentence_case=True, consultation=consultation
    )
    chapters = report.page.chapters()
    assert [chapter.heading for chapter in chapters] == [
        "Harrowby Vale partnership – by March 2011",
        "LAC, LDD and CAMHS on Friday",
        "Annex A",
    ]
    assert chapters[0].paragraphs[1].heading == "North"
    prompt = consultation.questions.get(reference="3").prompt
    assert (
        prompt
        == "What do you think about 2.1 “We will ask looked-after children first” (LAC, LDD and CAMHS on Friday)?"
    )


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("HARROWBY VALE PARTNERSHIP – BY MARCH 2011", "Harrowby Vale partnership – by March 2011"),
        ("SERVICES FOR LAC AND NEET YOUNG PEOPLE", "Services for LAC and NEET young people"),
        ("APPENDIX B: PART II", "Appendix B: part II"),
        ("A SAFE HOME", "A safe home"),
        ("Already in sentence case", "Already in sentence case"),
    ],
)
def test_sentence_case_of_one_heading(heading, expected):
    from consultations.plans.imports.casing import Casing

    casing = Casing.of(read_document("plan.txt", b"The Harrowby Vale partnership will act.\n"))
    assert casing.sentence(heading) == expected


# --- 2. Figures ----------------------------------------------------------------------------------------

LABELS = ["North", "Ashby", "Kirkby", "Youth club", "School", "Library", "Sports centre", "Bus station"]
FIGURE_TEXT = "\n".join(
    [
        "1\tOUR AREA",
        "1.1\tThe map shows where young people live.",
        "[image: image6.wmf]",
        "Figure 2: Youth clubs in Harrowby Vale",
        "&",
        "-",
        "&",
        *LABELS,
        "1.2\tWe will open two more clubs.",
    ]
)
FIGURE_MD = "\n\n".join(
    [
        "1 OUR AREA",
        "1.1 The map shows where young people live.",
        '![](media/image6.wmf){width="5.5in" height="3.2in"}',
        "Figure 2: Youth clubs in Harrowby Vale",
        "&",
        *(f"**{label}**" for label in LABELS),
        "1.2 We will open two more clubs.",
    ]
)
FIGURE_DOCX = [
    ("p", "1\tOUR AREA"),
    ("p", "1.1\tThe map shows where young people live."),
    ("image", "image6.wmf"),
    ("caption", "Figure 2: Youth clubs in Harrowby Vale"),
    ("p", "&"),
    *(("bold", label) for label in LABELS),
    ("p", "1.2\tWe will open two more clubs."),
]


@pytest.mark.parametrize(
    ("filename", "data", "lines"),
    [
        ("plan.txt", word_text(FIGURE_TEXT), "Lines 3–15"),
        ("plan.md", FIGURE_MD.encode(), "Lines 5–25"),  # pandoc puts a blank line between paragraphs
        ("plan.docx", docx_bytes(FIGURE_DOCX), "Lines 3–14"),
    ],
    ids=["txt", "md", "docx"],
)
def test_a_figures_leftovers_become_one_placeholder_listed_in_the_report(filename, data, lines):
    plan = parse(filename, data)
    assert [p.number for p in plan.paragraphs] == ["1.1", "1.2"]
    assert by_number(plan, "1.1").pieces == [
        ("p", "The map shows where young people live."),
        ("figure", "Figure 2: Youth clubs in Harrowby Vale"),
    ]
    assert "[Figure 2: Youth clubs in Harrowby Vale — not shown here]" in by_number(plan, "1.1").html()
    (note,) = [warning for warning in plan.warnings if "figure" in warning]
    assert note.startswith(f"{lines}: a figure (")
    assert "1 picture" in note and "8 one-line labels: “North”, “Ashby”, “Kirkby”, “Youth club”" in note
    assert "“Figure 2: Youth clubs in Harrowby Vale”" in note


def test_lines_of_symbols_without_a_picture_are_left_out_and_reported():
    plan = parse("plan.txt", word_text("1\tOUR AREA\n1.1\tText.\n&\n-\n&\n1.2\tMore text."))
    assert by_number(plan, "1.1").pieces == [("p", "Text.")]
    assert "Lines 3–5: leftovers of a diagram (3 lines of symbols only) were left out." in plan.warnings


# --- 3. Lead-ins -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("extension", [".txt", ".docx", ".md"])
def test_a_lead_in_ending_colon_dash_is_text_not_a_heading(extension):
    blocks = [
        ("p", "1\tSERVICES"),
        ("p", "1.1\tOther elements could include:-"),
        ("bullet", "a youth forum in every area"),
        ("bullet", "a group for young carers"),
    ]
    data = {".txt": txt_bytes, ".docx": docx_bytes, ".md": md_bytes}[extension](blocks)
    paragraph = by_number(parse("plan" + extension, data), "1.1")
    assert paragraph.heading == ""
    assert paragraph.pieces[0] == ("p", "Other elements could include:-")


# --- 4 and 5. Tables and annexes ---------------------------------------------------------------------------

TERMS = [
    ["LAC", "Looked-after children: children in the care of the council."],
    ["LDD", "Learning difficulties and disabilities, and the support that goes with them."],
    ["NEET", "Not in education, employment or training after the age of sixteen."],
]
CLUBS = [["Area", "Youth clubs", "Young people"], ["North", "4", "1,200"], ["Ashby", "2", "800"]]
TABLES = [
    ("p", "1\tWORDS WE USE"),
    ("p", "1.1\tThese words appear in the plan."),
    ("table", TERMS),
    ("p", "1.2\tWhere young people go."),
    ("header_table", CLUBS),
    ("p", "2\tWHAT WE WILL DO"),
    ("p", "2.1\tOpen two more clubs."),
    ("p", "ANNEX A: CONTACTS"),
    (
        "header_table",
        [["SERVICE", "CONTACT"], ["Youth service", "youth@example.org"], ["CAMHS", "0100 000 000"]],
    ),
    ("p", "APPENDIX 1 – HOW WE CONSULTED"),
    ("p", "We met six youth forums."),
]


@WORD_AND_TEXT
def test_tables_stay_tables_and_terms_become_a_definition_list(make):
    plan = parse(filename_for(make), make(TABLES))
    terms = by_number(plan, "1.1").table
    assert terms == {"kind": "definitions", "header": False, "rows": TERMS}
    clubs = by_number(plan, "1.2").table
    assert clubs == {"kind": "table", "header": True, "rows": CLUBS}
    assert not any(" | " in text for p in plan.paragraphs for _, text in p.pieces)


@WORD_AND_TEXT
def test_annexes_after_the_last_chapter_are_sections_of_their_own(home, make):
    page = imported(make, TABLES)
    chapters = page.chapters()
    assert [(c.number, c.heading) for c in chapters] == [
        ("1", "WORDS WE USE"),
        ("2", "WHAT WE WILL DO"),
        ("", "ANNEX A: CONTACTS"),
        ("", "APPENDIX 1 – HOW WE CONSULTED"),
    ]
    annex = chapters[2].paragraphs
    assert [p.heading for p in annex] == [""]  # the column headers are the table's, not headings
    assert '<th scope="col">SERVICE</th>' in annex[0].text and "youth@example.org" in annex[0].text
    page.save_revision().publish()
    from django.test import Client

    html = Client().get(page.url).content.decode()
    toc = html[html.index('id="toc-heading"') : html.index("</nav>", html.index('id="toc-heading"'))]
    assert "ANNEX A: CONTACTS" in toc and "APPENDIX 1 – HOW WE CONSULTED" in toc
    assert "<dt>LAC</dt><dd>Looked-after children: children in the care of the council.</dd>" in html


# --- 6. A plan with headings only -------------------------------------------------------------------------

HEADINGS_ONLY = """CHILDREN AND YOUNG PEOPLE'S PLAN 2008–2011
HARROWBY VALE PARTNERSHIP

CONTENTS
Executive summary\t3
Our vision\t4
Being healthy\t6
Staying safe\t9

EXECUTIVE SUMMARY

This plan sets out what the partnership will do by March 2011.

OUR VISION

Every child in Harrowby Vale has a safe home and someone to talk to.

BEING HEALTHY

PRIORITY AREA

Fewer young people smoke

OUTCOME 1:
CHILDREN AND YOUNG PEOPLE
ARE HEALTHY

We will run stop-smoking groups in every secondary school.

Where are we now?

Too many young people start smoking at 13.

STAYING SAFE

PRIORITY AREA

Safer journeys to school

We will light the paths to every school.
"""

HEADINGS_ONLY_PANDOC = """**CHILDREN AND YOUNG PEOPLE'S PLAN 2008–2011**

**HARROWBY VALE PARTNERSHIP**

**CONTENTS**

Executive summary **3**

Our vision **4**

Being healthy **6**

Staying safe **9**

# EXECUTIVE SUMMARY

This plan sets out what the partnership will do by March 2011. We will
**listen to children and young
people** before every decision.

# OUR VISION

Every child in Harrowby Vale has a safe home and someone to talk to.

# BEING HEALTHY

**PRIORITY AREA**

Fewer young people smoke

## Where are we now?

Too many young people start smoking at 13.

# STAYING SAFE

**PRIORITY AREA**

Safer journeys to school
"""


HEADINGS_ONLY_CHAPTERS = ["EXECUTIVE SUMMARY", "OUR VISION", "BEING HEALTHY", "STAYING SAFE"]


def test_a_plan_with_headings_only_has_the_sections_its_contents_page_lists():
    plan = parse("plan.txt", word_text(HEADINGS_ONLY))
    assert [heading for _, heading in headings(plan)] == HEADINGS_ONLY_CHAPTERS
    healthy = plan.chapters[2].paragraphs
    # The repeated label stays a label within its section; the outcome is one heading, not three.
    assert [p.heading for p in healthy] == [
        "PRIORITY AREA: Fewer young people smoke",
        "OUTCOME 1: CHILDREN AND YOUNG PEOPLE ARE HEALTHY",
        "Where are we now?",
    ]
    assert all(chapter.paragraphs for chapter in plan.chapters)
    assert plan.cover == ["CHILDREN AND YOUNG PEOPLE'S PLAN 2008–2011", "HARROWBY VALE PARTNERSHIP"]
    assert plan.warnings[:2] == [
        "Lines 1–2: the cover (“CHILDREN AND YOUNG PEOPLE'S PLAN 2008–2011”, “HARROWBY VALE PARTNERSHIP”) "
        "was left out.",
        "Lines 4–8: the contents page (4 entries) was left out; chapter titles were checked against it.",
    ]


def test_a_pandoc_markdown_plan_shows_bold_as_bold_and_never_its_asterisks():
    plan = parse("plan.md", HEADINGS_ONLY_PANDOC.encode())
    assert [heading for _, heading in headings(plan)] == HEADINGS_ONLY_CHAPTERS
    summary = plan.chapters[0].paragraphs[0].html()
    assert "<b>listen to children and young people</b> before every decision." in summary
    assert not any("*" in p.html() or "*" in p.heading for p in plan.paragraphs)
    healthy = plan.chapters[2].paragraphs
    assert [(p.heading, p.pieces) for p in healthy] == [
        ("PRIORITY AREA", [("p", "Fewer young people smoke")]),
        ("Where are we now?", [("p", "Too many young people start smoking at 13.")]),
    ]


def test_a_question_heading_is_whole_and_the_next_heading_is_its_own():
    plan = parse(
        "plan.docx",
        docx_bytes(
            [
                ("heading1", "Being healthy"),
                ("heading2", "Where are we now?"),
                ("heading2", "Where do we want to be?"),
                ("p", "Smoke-free schools."),
            ]
        ),
    )
    assert [p.heading for p in plan.paragraphs] == ["Where are we now?", "Where do we want to be?"]


def test_two_chapters_the_contents_page_lists_are_never_joined():
    contents = [("p", "CONTENTS"), ("p", "Our priorities\t2"), ("p", "Being healthy\t3")]
    plan = parse(
        "plan.docx",
        docx_bytes(
            [*contents, ("heading1", "Our priorities"), ("heading1", "Being healthy"), ("p", "Text.")]
        ),
    )
    assert [heading for _, heading in headings(plan)] == ["Being healthy"]
    assert (
        "Line 4: the heading “Our priorities” had no text under it before the next chapter, so it was left out."
        in plan.warnings
    )


def test_a_plan_with_headings_only_takes_its_title_period_and_slug_from_the_cover(home):
    report = import_plan_draft(filename="draft.txt", data=word_text(HEADINGS_ONLY))
    assert report.title == "CHILDREN AND YOUNG PEOPLE'S PLAN 2008–2011"
    assert report.plan_period == "2008–2011"
    assert report.page.slug == "children-and-young-peoples-plan-2008-2011"
    assert (
        "The title “CHILDREN AND YOUNG PEOPLE'S PLAN 2008–2011” was taken from the cover's first line; check it."
        in report.warnings
    )


# --- 7. List items are never chapters ----------------------------------------------------------------------

LIST_PLAN = [
    ("p", "1\tYOUTH SERVICES"),
    ("p", "1.1\tWe employ:"),
    ("bullet", "46 Youth workers"),
    ("bullet", "2. Volunteers in every club"),
    ("p", "1.2\tWe will recruit more."),
    ("p", "2\tTRANSPORT"),
    ("p", "2.1\tBuses in the evening."),
]


@pytest.mark.parametrize("make", [md_bytes, docx_bytes], ids=["md", "docx"])
def test_numbered_list_items_are_never_chapters(make):
    plan = parse(filename_for(make), make(LIST_PLAN))
    assert headings(plan) == [("1", "YOUTH SERVICES"), ("2", "TRANSPORT")]
    assert by_number(plan, "1.1").pieces == [
        ("p", "We employ:"),
        ("bullet", "46 Youth workers"),
        ("bullet", "2. Volunteers in every club"),
    ]


def test_a_number_that_jumps_the_chapter_sequence_is_text_and_reported():
    plan = parse(
        "plan.txt",
        word_text("1\tYOUTH SERVICES\n1.1\tWe employ:\n46 Youth workers\n2\tTRANSPORT\n2.1\tBuses."),
    )
    assert headings(plan) == [("1", "YOUTH SERVICES"), ("2", "TRANSPORT")]
    assert by_number(plan, "1.1").pieces == [("p", "We employ:"), ("p", "46 Youth workers")]
    assert any("read as text, not as chapter 46" in warning for warning in plan.warnings)


def test_a_word_list_number_paragraph_is_a_numbered_list():
    plan = parse(
        "plan.docx",
        docx_bytes([("p", "1\tAIMS"), ("p", "1.1\tWe will:"), ("numbered", "Listen"), ("numbered", "Act")]),
    )
    assert by_number(plan, "1.1").html() == "<p>We will:</p><ol><li>Listen</li><li>Act</li></ol>"


# --- 8. Empty numbers and gaps ------------------------------------------------------------------------------

GAPS = "4\tSERVICES\n4.51\tYouth clubs open at weekends.\n4.52\t\n4.54\tBuses run later.\n"


def test_an_empty_numbered_paragraph_is_left_out_and_gaps_are_counted(home):
    report = import_plan_draft(filename="plan.txt", data=word_text(GAPS))
    assert [p.number for p in report.page.paragraphs()] == ["4.51", "4.54"]
    lines = report.lines()
    assert "numbered paragraphs: 2 (gaps: 4.53; empty: 4.52)" in lines
    assert "  - Line 3: paragraph 4.52 has no text, so it was left out." in lines
    assert report.summary_line() == "imported: chapters=1 paragraphs=2 markers=0 refs=0 unplaced=0"


# --- 9. Prompts -------------------------------------------------------------------------------------------

PROMPTS = "\n".join(
    [
        "4\tYOUTH SERVICES",
        "4.6\tTRANSPORT",
        "Buses to clubs run until nine.",
        "4.7\tWe will open a youth club in every town. Ref – Q 4",
        *(f"4.{n}\tSupport for young carers, part {n - 49}.\nRef – Q 9" for n in range(50, 56)),
    ]
)


def test_prompts_name_the_paragraphs_own_words_and_every_paragraph_of_a_reference(home):
    consultation = make_consultation(home, slug="prompts", live=False)
    import_plan_draft(filename="plan.txt", data=word_text(PROMPTS), consultation=consultation)
    prompts = dict(consultation.questions.values_list("reference", "prompt"))
    assert (
        prompts["4"]
        == "What do you think about 4.7 “We will open a youth club in every town” (YOUTH SERVICES)?"
    )
    assert prompts["9"] == (
        "What do you think about paragraphs 4.50–4.55 “Support for young carers, part 1” (YOUTH SERVICES)?"
    )


def test_number_ranges():
    from consultations.plans.imports.questionnaire import number_ranges

    assert number_ranges(["4.50", "4.51", "4.52"]) == "4.50–4.52"
    assert number_ranges(["4.2", "4.7", "5.1", "5.2"]) == "4.2, 4.7 and 5.1–5.2"
    assert number_ranges(["9"]) == "9"


# --- 10. The consultation is linked and the report says what is left -----------------------------------------

LINKED = "1\tINTRODUCTION\n1.1\tWe want every child heard.\nRef – Q 42\n"


def test_consultation_option_links_a_draft_consultation_and_says_what_is_left(home, tmp_path):
    consultation = make_consultation(home, slug="not-yet", live=False)
    path = tmp_path / "plan.txt"
    path.write_bytes(word_text(LINKED))
    lines = run(path, "--consultation", consultation.pk)
    page = PlanDraftPage.objects.get()
    consultation.refresh_from_db()
    assert consultation.plan_draft_id == page.pk
    assert consultation.get_latest_revision_as_object().plan_draft_id == page.pk
    text = "\n".join(lines)
    assert "Linked to this plan draft, so its paragraphs link to the questions." in text
    assert "Review the 1 drafted question (42) in “Have your say”" in text
    assert "Publish “Have your say” when it is ready to open." in text
    assert "Publish the plan draft." in text
    assert lines[-1] == "imported: chapters=1 paragraphs=1 markers=1 refs=1 unplaced=0"


def test_consultation_option_links_a_live_consultation_in_its_draft(home, plan):
    consultation = make_consultation(home, plan, slug="live")
    report = import_plan_draft(
        filename="plan.txt", data=word_text(LINKED), consultation=consultation, publish=True
    )
    consultation.refresh_from_db()
    assert consultation.plan_draft_id == plan.pk  # young people see no change until it is published
    assert consultation.get_latest_revision_as_object().plan_draft_id == report.page.pk
    assert f"Linked to this plan draft instead of “{plan.title}” in a draft of the consultation" in "\n".join(
        report.lines()
    )
    assert report.to_do()[-1] == "Publish “Have your say”, so the changes above reach young people."
    consultation.get_latest_revision().publish()
    html = __import__("django.test").test.Client().get(report.page.url).content.decode()
    assert "Have your say on this — Question 42" in html


# --- 11. Period, slug, contents numbers and stage --------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_line", "period"),
    [
        ("Children and Young People's Plan 2006-8", "2006–2008"),
        ("CYP Plan 2006–08", "2006–2008"),
        ("Plan 2008/11", "2008–2011"),
        ("Plan 2008-2011", "2008–2011"),
    ],
)
def test_the_plan_period_is_found_in_its_common_forms(home, first_line, period):
    report = import_plan_draft(
        filename="plan.txt", data=word_text(f"{first_line}\n1\tINTRODUCTION\n1.1\tText.")
    )
    assert report.plan_period == period


def test_the_slug_keeps_the_years_apart(home):
    page = import_plan_draft(filename="plan.txt", data=word_text(LINKED), title="Plan 2008–2011").page
    assert page.slug == "plan-2008-2011"


def test_the_contents_list_numbers_a_chapter_once_and_the_stage_agrees_with_the_banner(client, home):
    page = import_plan_draft(
        filename="plan.txt", data=word_text("7\tWORKFORCE\n7.1\tText."), publish=True
    ).page
    make_consultation(home, page, slug="open-now")
    html = client.get(page.url).content.decode()
    assert '<ol class="toc-list"><li><a href="#para-7">7 WORKFORCE</a></li></ol>' in html
    assert "This draft is out for consultation" in html
    assert "<strong>Out for consultation</strong>" in html and "<strong>Drafting</strong>" not in html


# --- A headlines skeleton ----------------------------------------------------------------------------------------


def test_a_headlines_skeleton_is_drafted_but_never_published(home, tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_bytes(CAPITALS))
    lines = run(path, "--headlines", "--sentence-case", "--period", "2027–2030")
    page = PlanDraftPage.objects.get()
    headlines = PlanHeadlinesPage.objects.child_of(page).get()
    assert not headlines.live
    priorities = [block.value for block in headlines.priorities]
    assert [p["title"] for p in priorities] == [
        "Harrowby Vale partnership – by March 2011",
        "LAC, LDD and CAMHS on Friday",
        "Annex A",
    ]
    assert priorities[0]["summary"].startswith(
        "To rewrite in plain words: The Harrowby Vale partnership plans"
    )
    assert (priorities[1]["plan_sections"], priorities[1]["question_refs"], priorities[1]["by_when"]) == (
        "2",
        "3",
        "By the end of 2027–2030",
    )
    assert any("Rewrite the headlines draft" in line for line in lines)

    again = run(path, "--replace", page.pk, "--headlines")
    assert "Headlines: this plan draft has a headlines page already; it was left as it is." in again
    assert PlanHeadlinesPage.objects.count() == 1


def test_admin_offers_sentence_case_and_headlines_and_shows_what_is_left(admin_client, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("plan.docx", docx_bytes(CAPITALS))
    response = admin_client.post(
        "/admin/plan-drafts/import/",
        {"file": upload, "parent": home.pk, "sentence_case": "on", "headlines": "on", "preview": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Harrowby Vale partnership – by March 2011" in html
    assert "Numbered paragraphs: 3 (gaps: none; empty: none)" in html
    assert "What would be left to do" in html and "Rewrite the headlines draft" in html
    assert not PlanHeadlinesPage.objects.exists()


def test_a_foreword_before_the_contents_page_is_kept_not_taken_for_a_cover():
    foreword = (
        "Welcome to our plan. Over the last year more than two thousand children and young people "
        "told us what matters to them, and this plan is built on what they said."
    )
    plan = parse(
        "plan.txt",
        word_text(
            f"{foreword}\nCONTENTS\nIntroduction\t3\nServices\t5\n"
            + "1\tINTRODUCTION\n1.1\tText.\n2\tSERVICES\n2.1\tMore."
        ),
    )
    assert plan.cover == []
    assert plan.chapters[0].paragraphs[0].pieces == [("p", foreword)]


def test_a_document_of_nothing_but_a_diagram_says_so():
    with pytest.raises(PlanImportError) as error:
        parse("plan.txt", word_text("[image: image1.emf]\n&\n-\n&"))
    assert "No plan text was left once the cover, contents page and figures were set aside" in str(
        error.value
    )
    assert "Lines 1–4: a figure (1 picture, 3 lines of symbols only)" in str(error.value)


HEADINGS_ONLY_WORD = [
    ("p", "CHILDREN AND YOUNG PEOPLE'S PLAN 2008–2011"),
    ("p", "HARROWBY VALE PARTNERSHIP"),
    (
        "contents",
        [
            ("Executive summary", 3),
            ("Being healthy", 6),
            ("Where are we now?", 7, 2),  # a "TOC 2" entry: a section, not a chapter
            ("Staying safe", 9),
            ("Annex A: Glossary", 12),
        ],
    ),
    ("heading1", "Executive summary"),
    ("p", "This plan sets out what the partnership will do by March 2011."),
    ("heading1", "Our approach"),  # a short subheading styled as a chapter by mistake
    ("p", "We asked young people first."),
    ("heading1", "Being healthy"),
    ("heading2", "PRIORITY AREA"),
    ("p", "Fewer young people smoke."),
    ("heading1", "Where are we now?"),  # styled as a chapter, listed as a section
    ("p", "Too many start at 13."),
    ("heading1", "Staying safe"),
    ("heading2", "PRIORITY AREA"),
    ("p", "Safer journeys to school."),
    ("heading1", "Annex A: Glossary"),
    ("table", TERMS),
]


def test_a_word_plan_with_headings_only_uses_its_contents_field_to_find_chapters():
    plan = parse("plan.docx", docx_bytes(HEADINGS_ONLY_WORD))
    contents = ["Executive summary", "Being healthy", "Staying safe", "Annex A: Glossary"]
    assert [heading for _, heading in headings(plan)] == contents
    assert [(p.heading, p.pieces) for p in plan.chapters[0].paragraphs] == [
        ("", [("p", "This plan sets out what the partnership will do by March 2011.")]),
        ("Our approach", [("p", "We asked young people first.")]),
    ]
    assert [p.heading for p in plan.chapters[1].paragraphs] == ["PRIORITY AREA", "Where are we now?"]
    assert plan.chapters[3].paragraphs[0].table["kind"] == "definitions"
    assert (
        "Line 11 (“Our approach”): the contents page does not list this heading, so it heads a section of "
        "the chapter before it rather than a chapter of its own."
    ) in plan.warnings
    assert any(w.startswith("Line 14 (“PRIORITY AREA”): this heading is repeated") for w in plan.warnings)
    assert (
        "Line 16 (“Where are we now?”): the contents page lists this heading as a section, so it heads a "
        "section of the chapter before it rather than a chapter of its own."
    ) in plan.warnings
    assert (
        "Line 22: a table of 3 rows was kept as a list of terms and what they mean. Check it reads as the document's does."
        in plan.warnings
    )
    assert [(entry.title, entry.level) for entry in plan.contents] == [
        ("Executive summary", 1),
        ("Being healthy", 1),
        ("Where are we now?", 2),
        ("Staying safe", 1),
        ("Annex A: Glossary", 1),
    ]
    assert plan.cover == ["CHILDREN AND YOUNG PEOPLE'S PLAN 2008–2011", "HARROWBY VALE PARTNERSHIP"]


def test_a_plans_tables_are_printed_row_by_row_in_its_pdf(client, home):
    import pypdf

    page = imported(docx_bytes, TABLES, publish=True)
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Area | Youth clubs | Young people" in text and "North | 4 | 1,200" in text
    assert "LAC" in text and "Looked-after children: children in the care of the council." in text


def test_a_pandoc_pipe_table_keeps_its_header_row():
    source = (
        "1 WORDS WE USE\n\n1.1 These words appear in the plan.\n\n| Term | Meaning |\n|------|---------|\n"
        + "".join(f"| {term} | {meaning} |\n" for term, meaning in TERMS)
    )
    table = by_number(parse("plan.md", source.encode()), "1.1").table
    assert table == {"kind": "definitions", "header": True, "rows": [["Term", "Meaning"], *TERMS]}


def test_sentence_case_applies_to_a_title_taken_from_the_cover_too(home):
    report = import_plan_draft(filename="draft.txt", data=word_text(HEADINGS_ONLY), sentence_case=True)
    assert report.title == "Children and young people's plan 2008–2011"
    assert [chapter.heading for chapter in report.page.chapters()][:2] == ["Executive summary", "Our vision"]


def test_a_prompt_in_a_plan_without_numbers_names_every_section_asked_about(home):
    consultation = make_consultation(home, slug="sections", live=False)
    source = (
        "# Being healthy\n\nFewer young people smoke. Ref – Q 2\n\n# Staying safe\n\nSafer paths. Ref – Q 2\n"
    )
    import_plan_draft(filename="plan.md", data=source.encode(), consultation=consultation)
    assert consultation.questions.get(reference="2").prompt == (
        "What do you think about “Being healthy” and “Staying safe”?"
    )


def test_a_prompt_for_two_paragraphs_says_paragraphs(home):
    consultation = make_consultation(home, slug="two", live=False)
    source = "4\tSERVICES\n4.2\tClubs open later. Ref – Q 5\n5\tTRANSPORT\n5.1\tBuses run later. Ref – Q 5\n"
    import_plan_draft(filename="plan.txt", data=word_text(source), consultation=consultation)
    assert consultation.questions.get(reference="5").prompt == (
        "What do you think about paragraphs 4.2 and 5.1 “Clubs open later” (SERVICES)?"
    )
