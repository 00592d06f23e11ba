"""Issue 8: a plan draft's structure comes from evidence (styles, numbering, the contents page,
repetition), never from one line's look; tested on two councils' drafts (council_drafts.py). Each
defect of the issue has a test here or in test_plan_import_outcome.py that failed before it.
"""

import pytest

from consultations.plans.imports import PlanImportError
from consultations.plans.imports.importer import import_plan_draft

from .council_drafts import (
    CLUBS,
    FIGURE_DOCX,
    FIGURE_MD,
    FIGURE_TEXT,
    GAPS,
    HEADINGS_ONLY,
    HEADINGS_ONLY_CHAPTERS,
    HEADINGS_ONLY_PANDOC,
    HEADINGS_ONLY_WORD,
    LIST_PLAN,
    TABLES,
    TERMS,
    WORD_AND_TEXT,
    by_number,
    filename_for,
    headings,
    imported,
    parse,
    word_text,
)
from .documents import ODT_NAMESPACES, docx_bytes, md_bytes, odt_package, txt_bytes


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


def test_an_empty_numbered_paragraph_is_left_out_and_gaps_are_counted(home):
    report = import_plan_draft(filename="plan.txt", data=word_text(GAPS))
    assert [p.number for p in report.page.paragraphs()] == ["4.51", "4.54"]
    lines = report.lines()
    assert "numbered paragraphs: 2 (gaps: 4.53; empty: 4.52)" in lines
    assert "  - Line 3: paragraph 4.52 has no text, so it was left out." in lines
    assert report.summary_line() == "imported: chapters=1 paragraphs=2 markers=0 refs=0 unplaced=0"


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


def test_a_pandoc_pipe_table_keeps_its_header_row():
    source = (
        "1 WORDS WE USE\n\n1.1 These words appear in the plan.\n\n| Term | Meaning |\n|------|---------|\n"
        + "".join(f"| {term} | {meaning} |\n" for term, meaning in TERMS)
    )
    table = by_number(parse("plan.md", source.encode()), "1.1").table
    assert table == {"kind": "definitions", "header": True, "rows": [["Term", "Meaning"], *TERMS]}


def test_an_opendocument_contents_page_confirms_the_chapters_too():
    entries = "".join(
        f'<text:p text:style-name="Contents_20_{level}">{title}<text:tab/>{page}</text:p>'
        for title, page, level in [
            ("Being healthy", 3, 1),
            ("Where are we now?", 4, 2),
            ("Staying safe", 5, 1),
        ]
    )
    body = (
        '<text:table-of-content text:name="Contents"><text:table-of-content-source text:outline-level="2"/>'
        '<text:index-body><text:index-title><text:p text:style-name="Contents_20_Heading">Contents</text:p>'
        f"</text:index-title>{entries}</text:index-body></text:table-of-content>"
        '<text:h text:outline-level="1">Being healthy</text:h><text:p>Fewer smokers.</text:p>'
        '<text:h text:outline-level="1">Where are we now?</text:h><text:p>Too many start at 13.</text:p>'
        '<text:h text:outline-level="1">Staying safe</text:h><text:p>Safer paths.</text:p>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NAMESPACES} office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    plan = parse("plan.odt", odt_package(content))
    assert [heading for _, heading in headings(plan)] == ["Being healthy", "Staying safe"]
    assert [p.heading for p in plan.chapters[0].paragraphs] == ["", "Where are we now?"]


def test_word_contents_entries_without_page_numbers_still_confirm_the_chapters():
    blocks = [
        ("contents", [("Being healthy", ""), ("Staying safe", "")]),
        ("heading1", "Being healthy"),
        ("heading1", "PRIORITY AREA"),
        ("p", "Fewer smokers."),
        ("heading1", "Staying safe"),
        ("heading1", "Where we are"),
        ("p", "Safer paths."),
        ("heading1", "Our partners"),
        ("p", "Police and schools."),
    ]
    plan = parse("plan.docx", docx_bytes(blocks))
    assert [heading for _, heading in headings(plan)] == ["Being healthy", "Staying safe"]
    assert [p.heading for p in plan.chapters[1].paragraphs] == ["Where we are", "Our partners"]
