"""Reading plan drafts (.docx, .odt, .txt, .md) and parsing their numbered structure.

No database: documents are built in memory by tests/consultations/documents.py.
"""

import dataclasses
import io
import re
from collections import Counter

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from consultations.plans.imports import (
    MAX_UPLOAD_BYTES,
    Line,
    ParsedParagraph,
    ParsedPlan,
    PlanImportError,
    parse_plan,
    read_document,
)
from consultations.plans.imports.lines import without_emphasis

from .documents import (
    FORMATS,
    ODT_NAMESPACES,
    docx_bytes,
    encrypted_office_bytes,
    md_bytes,
    odt_bytes,
    odt_package,
    txt_bytes,
    zip_bytes,
)

ALL_FORMATS = list(FORMATS)
LINE_FORMATS = [".txt", ".docx", ".odt"]  # a line per paragraph, so line numbers in messages match

DOMAIN_EXAMPLE = [
    ("p", "9\tMENTAL HEALTH AND EMOTIONAL WELL-BEING"),
    ("p", "9.1\tOBJECTIVES"),
    ("p", "9.2\tRef – Q 6.1 Consultation Questionnaire"),
    ("bullet", "Help children build friendships and cope with setbacks"),
    ("bullet", "Teach every pupil where to find help"),
    ("p", "9.19\tRef – Q 6.2 Consultation Questionnaire"),
    ("p", "PLANNING PRIORITIES"),
    ("bullet", "Shorter waits for counselling"),
]
DOMAIN_OUTLINE = [
    (
        "9",
        "MENTAL HEALTH AND EMOTIONAL WELL-BEING",
        [
            ("9.1", "OBJECTIVES", [], []),
            (
                "9.2",
                "",
                [
                    ("bullet", "Help children build friendships and cope with setbacks"),
                    ("bullet", "Teach every pupil where to find help"),
                ],
                ["6.1"],
            ),
            ("9.19", "PLANNING PRIORITIES", [("bullet", "Shorter waits for counselling")], ["6.2"]),
        ],
    )
]

WORD_TABLE = [
    ("table", [["9", "MENTAL HEALTH AND EMOTIONAL WELL-BEING"], ["9.1", "OBJECTIVES"]]),
    (
        "table",
        [
            [
                "9.2",
                [
                    "Ref – Q 6.1 Consultation Questionnaire",
                    ("bullet", "Help children build friendships and cope with setbacks"),
                    ("bullet", "Teach every pupil where to find help"),
                ],
            ],
            [
                "9.19",
                [
                    "Ref – Q 6.2 Consultation Questionnaire",
                    "PLANNING PRIORITIES",
                    ("bullet", "Shorter waits for counselling"),
                ],
            ],
        ],
    ),
]

# Word's "Save as plain text" of a plan laid out in a table: number, tabs, blank lines, then text.
WORD_TABLE_AS_TEXT = (
    "9\t\tMENTAL HEALTH AND EMOTIONAL WELL-BEING\n"
    "\n"
    "9.1\t\n"
    "\tOBJECTIVES\n"
    "\n"
    "9.2\t\t\n"
    "\t\n"
    "\tRef – Q 6.1 Consultation Questionnaire\n"
    "\n"
    "\t• Help children build friendships and cope with setbacks\n"
    "\t• Teach every pupil where to find help\n"
    "9.19\n"
    "\n"
    "Ref – Q 6.2 Consultation Questionnaire\n"
    "PLANNING PRIORITIES\n"
    "\t\uf0b7\tShorter waits for counselling\n"
)


def parse(extension: str, blocks) -> ParsedPlan:
    return parse_plan(read_document("plan" + extension, FORMATS[extension](blocks)))


def parse_lines(extension: str, text: str) -> ParsedPlan:
    """Each line of `text` as one paragraph of a document in the given format."""
    return parse(extension, [("p", line) for line in text.split("\n")])


def parse_text(text: str, filename: str = "plan.txt") -> ParsedPlan:
    return parse_plan(read_document(filename, text.encode()))


def outline(plan) -> list:
    return [
        (
            chapter.number,
            chapter.heading,
            [(p.number, p.heading, p.pieces, p.question_refs) for p in chapter.paragraphs],
        )
        for chapter in plan.chapters
    ]


def paragraph(plan, number: str) -> ParsedParagraph:
    (found,) = [p for chapter in plan.chapters for p in chapter.paragraphs if p.number == number]
    return found


def words(text: str) -> Counter:
    return Counter(re.findall(r"[A-Za-z][A-Za-z'’-]+", text))


MARKER_TEXT = re.compile(r"\bRef\s*[-–—]*\s*Q\s*[\d.]*(\s*Consultation Questionnaire)?", re.IGNORECASE)


def block_text(blocks) -> str:
    """All the text of a document's blocks, without its question markers."""
    texts = []
    for kind, value in blocks:
        if kind == "table":
            for row in value:
                for cell in row:
                    items = [cell] if isinstance(cell, str) else cell
                    texts.extend(item if isinstance(item, str) else item[1] for item in items)
        else:
            texts.append(value)
    return MARKER_TEXT.sub(" ", "\n".join(texts))


def plan_text(plan) -> str:
    texts = []
    for chapter in plan.chapters:
        texts.append(chapter.heading)
        for p in chapter.paragraphs:
            texts.append(p.heading)
            texts.extend(text for _, text in p.pieces)
    return "\n".join(texts)


# --- The public interface -------------------------------------------------------------------------


def test_line_is_a_small_frozen_value():
    line = Line("9.2 Text", number=4)
    assert (line.text, line.style, line.number) == ("9.2 Text", "", 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.text = "changed"


def test_plan_counts_paragraphs_markers_and_distinct_references_in_number_order():
    plan = parse_text(
        "9 MENTAL HEALTH\n9.1 Ref – Q 10\n9.2 Ref – Q 6.10\n9.3 Ref – Q 6.2\n9.4 Ref – Q 2\n9.5 Ref – Q 6.2\n"
    )
    assert plan.paragraph_count == 5
    assert plan.marker_count == 5
    assert plan.refs == ["2", "6.2", "6.10", "10"]


@pytest.mark.parametrize(
    ("pieces", "html"),
    [
        ([], ""),
        ([("p", "One.")], "<p>One.</p>"),
        ([("p", "One."), ("p", "Two.")], "<p>One.</p><p>Two.</p>"),
        ([("bullet", "a"), ("bullet", "b")], "<ul><li>a</li><li>b</li></ul>"),
        (
            [("p", "Lead:"), ("bullet", "a"), ("bullet", "b"), ("p", "After."), ("bullet", "c")],
            "<p>Lead:</p><ul><li>a</li><li>b</li></ul><p>After.</p><ul><li>c</li></ul>",
        ),
        ([("p", "<b>Tom & Jerry</b> “quoted”")], "<p>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; “quoted”</p>"),
    ],
)
def test_paragraph_html_is_escaped_rich_text_with_bullets_grouped(pieces, html):
    assert ParsedParagraph(number="9.2", pieces=pieces).html() == html


# --- Numbered structure, in every format ----------------------------------------------------------


@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_the_domain_example_parses_the_same_in_every_format(extension):
    plan = parse(extension, DOMAIN_EXAMPLE)
    assert outline(plan) == DOMAIN_OUTLINE
    assert plan.warnings == []
    assert plan.unplaced == 0
    assert paragraph(plan, "9.2").source_line < paragraph(plan, "9.19").source_line


@pytest.mark.parametrize("extension", [".docx", ".odt", ".txt"])
def test_a_plan_laid_out_in_a_word_table_parses_like_the_plain_one(extension):
    assert outline(parse(extension, WORD_TABLE)) == DOMAIN_OUTLINE


def test_word_tables_saved_as_plain_text_with_tabs_and_blank_lines_parse_like_the_plain_one():
    plan = parse_text(WORD_TABLE_AS_TEXT)
    assert outline(plan) == DOMAIN_OUTLINE
    assert plan.warnings == []


def test_a_markdown_pipe_table_reads_as_number_and_text():
    plan = parse(
        ".md",
        [
            (
                "table",
                [["9", "MENTAL HEALTH"], ["9.1", "Help children build friendships."], ["9.2", "Ref – Q 6.1"]],
            )
        ],
    )
    assert outline(plan) == [
        (
            "9",
            "MENTAL HEALTH",
            [("9.1", "", [("p", "Help children build friendships.")], []), ("9.2", "", [], ["6.1"])],
        )
    ]


@pytest.mark.parametrize("extension", [".docx", ".odt"])
def test_tables_stay_where_they_are_in_the_document(extension):
    plan = parse(
        extension,
        [
            ("p", "9 MENTAL HEALTH"),
            ("p", "9.1 Before the table."),
            ("table", [["9.2", "In the table."], ["9.3", "Also in the table."]]),
            ("p", "9.4 After the table."),
        ],
    )
    assert [p.number for p in plan.chapters[0].paragraphs] == ["9.1", "9.2", "9.3", "9.4"]


@pytest.mark.parametrize("extension", [".docx", ".odt", ".txt", ".md"])
def test_a_table_row_with_several_cells_reads_as_one_line_with_the_cells_separated(extension):
    plan = parse(
        extension, [("p", "9 TARGETS"), ("p", "9.1 Targets:"), ("table", [["Indicator", "2027", "2030"]])]
    )
    assert paragraph(plan, "9.1").pieces == [("p", "Targets:"), ("p", "Indicator | 2027 | 2030")]


def test_merged_word_table_cells_are_read_once():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "9.1"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Merged across."
    table.cell(1, 0).text = "9.2"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "Also merged."
    out = io.BytesIO()
    document.save(out)
    lines = [line.text for line in read_document("plan.docx", out.getvalue())]
    assert lines == ["9.1\tMerged across.", "9.2\tAlso merged."]


@pytest.mark.parametrize(
    ("text", "number", "heading"),
    [
        ("9", "9", ""),
        ("9.", "9", ""),
        ("9 MENTAL HEALTH", "9", "MENTAL HEALTH"),
        ("9. Mental health and emotional well-being", "9", "Mental health and emotional well-being"),
        ("9\t\tMENTAL HEALTH", "9", "MENTAL HEALTH"),
        ("9\n\nMENTAL HEALTH", "9", "MENTAL HEALTH"),
        ("9\n\t\nMental health", "9", "Mental health"),
        ("12   ACTIVE AND HEALTHY LIVES", "12", "ACTIVE AND HEALTHY LIVES"),
    ],
)
@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_chapter_lines_in_every_variant(extension, text, number, heading):
    plan = parse_lines(extension, f"{text}\n{number}.1 Help children build friendships.\n")
    assert [(c.number, c.heading) for c in plan.chapters] == [(number, heading)]
    assert [p.number for p in plan.chapters[0].paragraphs] == [f"{number}.1"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("9.2 Help children build friendships.", "9.2"),
        ("9.2\tHelp children build friendships.", "9.2"),
        ("9.2\t\t\nHelp children build friendships.", "9.2"),
        ("9.2\n\n\nHelp children build friendships.", "9.2"),
        ("9.2\n\t\n\tHelp children build friendships.", "9.2"),
        ("9.2. Help children build friendships.", "9.2"),
        ("9.2.1 Help children build friendships.", "9.2.1"),
        ("9.2.1.\tHelp children build friendships.", "9.2.1"),
    ],
)
@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_paragraph_numbers_with_text_on_the_same_or_following_lines(extension, text, number):
    plan = parse_lines(extension, f"9 MENTAL HEALTH\n{text}\n")
    assert outline(plan) == [
        ("9", "MENTAL HEALTH", [(number, "", [("p", "Help children build friendships.")], [])])
    ]
    assert plan.warnings == []


@pytest.mark.parametrize(
    ("text", "heading", "pieces"),
    [
        (
            "9.1 OBJECTIVES\n• Friendships\n• Setbacks",
            "OBJECTIVES",
            [("bullet", "Friendships"), ("bullet", "Setbacks")],
        ),
        ("9.1 Objectives\n• Friendships", "Objectives", [("bullet", "Friendships")]),
        ("9.1 OBJECTIVES", "OBJECTIVES", []),
        ("9.1\n\nOBJECTIVES\n\n• Friendships", "OBJECTIVES", [("bullet", "Friendships")]),
        (
            "9.1 Where are we now?\nWaiting lists are long.",
            "Where are we now?",
            [("p", "Waiting lists are long.")],
        ),
        ("9.1 Help children build friendships", "", [("p", "Help children build friendships")]),
        (
            "9.1 Key actions include:\n• Friendships",
            "",
            [("p", "Key actions include:"), ("bullet", "Friendships")],
        ),
        (
            "9.1 Help children build friendships.\nAnd cope with setbacks.",
            "",
            [("p", "Help children build friendships."), ("p", "And cope with setbacks.")],
        ),
        (
            "9.1 We will make sure that every child in every school in the area can find help\nSoon.",
            "",
            [
                ("p", "We will make sure that every child in every school in the area can find help"),
                ("p", "Soon."),
            ],
        ),
    ],
)
@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_a_short_first_line_or_a_line_in_capitals_is_the_paragraph_heading(extension, text, heading, pieces):
    plan = parse_lines(extension, f"9 MENTAL HEALTH\n{text}\n")
    assert (paragraph(plan, "9.1").heading, paragraph(plan, "9.1").pieces) == (heading, pieces)


@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_only_the_line_right_after_a_bare_chapter_number_is_its_heading(extension):
    plan = parse_lines(extension, "9\n9.1 Schools take part.\nPLANNING PRIORITIES\n9.2 Shorter waits.\n")
    assert [(c.number, c.heading) for c in plan.chapters] == [("9", "")]
    assert [(p.number, p.heading) for p in plan.paragraphs] == [
        ("9.1", ""),
        ("", "PLANNING PRIORITIES"),
        ("9.2", ""),
    ]


@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_a_heading_between_paragraphs_becomes_an_unnumbered_section_in_place(extension):
    plan = parse_lines(
        extension, "9 MENTAL HEALTH\n9.18 Schools take part.\nPLANNING PRIORITIES\n9.19 Shorter waits.\n"
    )
    assert outline(plan)[0][2] == [
        ("9.18", "", [("p", "Schools take part.")], []),
        ("", "PLANNING PRIORITIES", [], []),
        ("9.19", "", [("p", "Shorter waits.")], []),
    ]


def test_hard_wrapped_lines_continue_their_sentence():
    plan = parse_text(
        "9 MENTAL HEALTH\n9.2 We will train all staff in schools to listen\nto children and act on it.\n"
    )
    assert paragraph(plan, "9.2").pieces == [
        ("p", "We will train all staff in schools to listen to children and act on it.")
    ]


@pytest.mark.parametrize(
    "line",
    ["· Friendships", "• Friendships", "•Friendships", "- Friendships", "– Friendships", "* Friendships",
     "❑ Friendships", "o Friendships", "\uf0b7 Friendships", "\uf0a7\tFriendships", "\t\uf0d8  Friendships"],
)  # fmt: skip
@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_bullet_glyphs_from_word_and_elsewhere(extension, line):
    plan = parse_lines(extension, f"9 MENTAL HEALTH\n9.1 Help children:\n{line}\n")
    assert paragraph(plan, "9.1").pieces == [("p", "Help children:"), ("bullet", "Friendships")]


@pytest.mark.parametrize("line", ["-5% fewer exclusions.", "*Starred note.", "Once a term."])
@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_lines_that_only_look_like_bullets_stay_text(extension, line):
    plan = parse_lines(extension, f"9 MENTAL HEALTH\n9.1 Help children.\n{line}\n")
    assert paragraph(plan, "9.1").pieces[-1] == ("p", line)


@pytest.mark.parametrize("extension", [".docx", ".odt", ".md"])
def test_bullets_marked_by_the_format(extension):
    plan = parse(
        extension, [("p", "9 MENTAL HEALTH"), ("p", "9.1 Help children:"), ("bullet", "Friendships")]
    )
    assert paragraph(plan, "9.1").pieces == [("p", "Help children:"), ("bullet", "Friendships")]


@pytest.mark.parametrize("extension", LINE_FORMATS)
def test_a_comma_for_a_full_stop_in_a_number_is_read_as_a_full_stop_with_a_warning(extension):
    plan = parse_lines(extension, "1 INTRODUCTION\n1.6 Text.\n1,7 Young carers need breaks.\n")
    assert paragraph(plan, "1.7").pieces == [("p", "Young carers need breaks.")]
    assert plan.warnings == [
        "Line 3 (“1,7 Young carers need breaks.”): the number was read as 1.7 (a comma instead of a full "
        "stop). Check it."
    ]
    assert plan.unplaced == 0


@pytest.mark.parametrize(
    "line",
    [
        "1,000 young people answered.",
        "3.5 million children live in the region.",
        "2027 will be different.",
        "10 young people joined the forum.",
        "1. First we listen.",
        "2 Young carers told us that they need more support from schools.",
    ],
)
@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_numbers_inside_the_text_are_not_plan_numbers(extension, line):
    plan = parse_lines(extension, f"9 MENTAL HEALTH\n9.1 Help children.\n{line}\n")
    assert [p.number for p in plan.chapters[0].paragraphs] == ["9.1"]
    assert paragraph(plan, "9.1").pieces[-1] == ("p", line)


@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_a_numbered_list_within_a_chapter_stays_in_its_paragraph(extension):
    plan = parse_lines(
        extension, "9 MENTAL HEALTH\n9.1 We will:\n1. Listen\n2. Act\n3. Report back\n10 ACTIVE LIVES\n"
    )
    assert [(c.number, c.heading) for c in plan.chapters] == [("9", "MENTAL HEALTH"), ("10", "ACTIVE LIVES")]
    assert paragraph(plan, "9.1").pieces == [
        ("p", "We will:"),
        ("p", "1. Listen"),
        ("p", "2. Act"),
        ("p", "3. Report back"),
    ]


def test_a_numbered_list_in_a_markdown_document_with_headings_is_not_chapters():
    plan = parse_text("# Our vision\n\n1. Be healthy\n2. Stay safe\n\n# Priorities\n\nListen.\n", "plan.md")
    assert outline(plan) == [
        ("", "Our vision", [("", "", [("p", "1. Be healthy"), ("p", "2. Stay safe")], [])]),
        ("", "Priorities", [("", "", [("p", "Listen.")], [])]),
    ]


@pytest.mark.parametrize("extension", LINE_FORMATS)
def test_a_contents_page_is_not_read_as_chapters(extension):
    plan = parse_lines(
        extension,
        "CONTENTS\n1 Introduction ........ 3\n2 Context\t5\n\n1 INTRODUCTION\n1.1 Text.\n2 CONTEXT\n2.1 More.\n",
    )
    assert [(c.number, c.heading) for c in plan.chapters] == [("1", "INTRODUCTION"), ("2", "CONTEXT")]
    # The contents page is left out (and said so); its entries confirm the chapter titles.
    assert [p.number for p in plan.paragraphs] == ["1.1", "2.1"]
    assert [(entry.number, entry.title, entry.page) for entry in plan.contents] == [
        ("1", "Introduction", "3"),
        ("2", "Context", "5"),
    ]
    assert plan.warnings == [
        "Lines 1–3: the contents page (2 entries) was left out; chapter titles were checked against it."
    ]
    assert plan.unplaced == 0


# --- Question markers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "ref", "text"),
    [
        ("Ref - Q1", "1", ""),
        ("Ref – Q2", "2", ""),
        (". Ref – Q2", "2", ""),
        ("Ref – Q 11.2", "11.2", ""),
        ("Ref—Q6.1", "6.1", ""),
        ("Ref — Q 6.1 Consultation Questionnaire", "6.1", ""),
        ("Ref – Q 6.1 Consultation Questionnaire", "6.1", ""),
        ("REF – Q 6.1 CONSULTATION QUESTIONNAIRE", "6.1", ""),
        ("ref - q6.1 consultation questionnaire", "6.1", ""),
        ("Ref: Q 12.8.", "12.8", ""),
        ("(Ref – Q 6.1)", "6.1", ""),
        ("Help children cope. Ref – Q 6.1", "6.1", "Help children cope."),
        ("Help children cope – Ref – Q 6.1 Consultation Questionnaire", "6.1", "Help children cope"),
        ("Ref – Q 6.1 Consultation Questionnaire Help children cope.", "6.1", "Help children cope."),
        ("Help children cope (Ref – Q 6.1) at school.", "6.1", "Help children cope at school."),
        ("Ref – Q 6.1, Q 6.2 Consultation Questionnaire", "6.1 6.2", ""),
        ("Ref - Q1 and Q2", "1 2", ""),
        ("Ref – Q 6.1, 2 young people said so.", "6.1", "2 young people said so."),
        ("Ref – Question 3a", "3a", ""),
    ],
)
@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_question_markers_in_every_variant(extension, line, ref, text):
    plan = parse_lines(extension, f"9 MENTAL HEALTH\n9.2 Friendships matter.\n{line}\n")
    expected = [("p", "Friendships matter.")] + ([("p", text)] if text else [])
    assert (paragraph(plan, "9.2").question_refs, paragraph(plan, "9.2").pieces) == (ref.split(), expected)


@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_a_marker_on_the_number_line_belongs_to_that_paragraph(extension):
    plan = parse_lines(
        extension,
        "9 MENTAL HEALTH\n9.1 Schools take part.\n9.2  Ref – Q 6.1 Consultation Questionnaire\n• Friendships\n",
    )
    assert paragraph(plan, "9.1").question_refs == []
    assert paragraph(plan, "9.2").question_refs == ["6.1"]
    assert paragraph(plan, "9.2").pieces == [("bullet", "Friendships")]


@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_a_marker_before_the_first_paragraph_belongs_to_the_chapter_intro(extension):
    plan = parse_lines(
        extension,
        "9 MENTAL HEALTH\nRef – Q 6 Consultation Questionnaire\nThis chapter is about help.\n9.1 A.\n",
    )
    intro = plan.chapters[0].paragraphs[0]
    assert (intro.number, intro.question_refs, intro.pieces) == (
        "",
        ["6"],
        [("p", "This chapter is about help.")],
    )


@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_one_question_can_be_referenced_from_several_paragraphs(extension):
    plan = parse_lines(
        extension,
        "9 MENTAL HEALTH\n9.1 A. Ref – Q 6.1\n9.2 B.\nRef – Q 6.1\n10 ACTIVE LIVES\n10.1 C. Ref - Q6.1\n10.2 D. Ref – Q7\n",
    )
    assert [p.question_refs for p in plan.paragraphs] == [["6.1"], ["6.1"], ["6.1"], ["7"]]
    assert plan.refs == ["6.1", "7"]
    assert plan.marker_count == 4


@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_markers_are_read_in_every_format(extension):
    plan = parse(
        extension,
        [
            ("p", "9 MENTAL HEALTH"),
            ("p", "9.1 Friendships matter. Ref - Q1"),
            ("p", "9.2"),
            ("p", ". Ref – Q 6.2 Consultation Questionnaire"),
            ("bullet", "Shorter waits Ref—Q6.3"),
        ],
    )
    assert [p.question_refs for p in plan.paragraphs] == [["1"], ["6.2", "6.3"]]
    assert paragraph(plan, "9.2").pieces == [("bullet", "Shorter waits")]


@pytest.mark.parametrize("extension", [".txt", ".docx"])
def test_markers_without_a_number_stop_the_import_and_are_all_listed(extension):
    blocks = [
        ("p", "9 MENTAL HEALTH"),
        ("p", "9.1 Friendships matter."),
        ("p", "Ref – Q"),
        ("p", "9.2 Ref – Q 6.2"),
        ("p", "9.3 Waits. Ref – Q Consultation Questionnaire"),
    ]
    with pytest.raises(PlanImportError) as error:
        parse(extension, blocks)
    assert str(error.value) == (
        "2 question markers cannot be read (lines 3 and 5): each needs a question number, like "
        "“Ref – Q 6.1”. Nothing was imported; correct them and import again."
    )
    assert error.value.messages == [
        "Line 3 (“Ref – Q”): this question marker has no question number. Write it like “Ref – Q 6.1”.",
        "Line 5 (“9.3 Waits. Ref – Q Consultation Questionnaire”): this question marker has no question "
        "number. Write it like “Ref – Q 6.1”.",
    ]


@pytest.mark.parametrize("extension", LINE_FORMATS)
def test_a_single_marker_without_a_number_is_named_in_the_message(extension):
    with pytest.raises(PlanImportError) as error:
        parse_lines(extension, "9 MENTAL HEALTH\n9.1 Friendships matter. Ref – Q\n")
    assert str(error.value).startswith("Line 2 (“9.1 Friendships matter. Ref – Q”): this question marker")
    assert "Nothing was imported" in str(error.value)


def test_a_full_size_plan_keeps_every_paragraph_and_marker():
    # Like a real draft: 12 chapters, 300 paragraphs, 47 markers for 33 questions (Q1–Q5, Q6.1…Q12.4).
    questions = [str(q) for q in range(1, 6)] + [f"{c}.{n}" for c in range(6, 13) for n in range(1, 5)]
    markers = iter(questions + questions[::2][:14])
    variants = ["Ref – Q {} Consultation Questionnaire", "Ref - Q{}", ". Ref – Q{}", "Ref—Q {}"]
    lines = []
    for chapter in range(1, 13):
        lines += [f"{chapter}\tCHAPTER {chapter} HEADING", ""]
        for number in range(1, 26):
            lines.append(f"{chapter}.{number}\tWe will keep working with young people on this.")
            if (chapter * 25 + number) % 6 == 0:
                marker = next(markers, None)
                if marker:
                    lines.append("\t" + variants[number % 4].format(marker))
            lines.append("\t• Every child is heard")
    plan = parse_text("\n".join(lines))
    assert (len(plan.chapters), plan.paragraph_count) == (12, 300)
    assert (plan.marker_count, len(plan.refs)) == (47, 33)
    assert plan.refs[:6] == ["1", "2", "3", "4", "5", "6.1"]
    assert (plan.warnings, plan.unplaced) == ([], 0)


# --- Documents without paragraph numbers ----------------------------------------------------------

UNNUMBERED = [
    ("heading1", "Our vision"),
    ("p", "Every child is heard."),
    ("heading2", "Where are we now?"),
    ("p", "Too many wait too long."),
    ("bullet", "Counselling waits"),
    ("heading1", "Active lives"),
    ("p", "Free swimming for under-16s."),
]
UNNUMBERED_OUTLINE = [
    (
        "",
        "Our vision",
        [
            ("", "", [("p", "Every child is heard.")], []),
            (
                "",
                "Where are we now?",
                [("p", "Too many wait too long."), ("bullet", "Counselling waits")],
                [],
            ),
        ],
    ),
    ("", "Active lives", [("", "", [("p", "Free swimming for under-16s.")], [])]),
]


@pytest.mark.parametrize("extension", [".docx", ".odt", ".md"])
def test_heading_styles_without_numbers_import_as_headed_sections(extension):
    plan = parse(extension, UNNUMBERED)
    assert outline(plan) == UNNUMBERED_OUTLINE
    assert (plan.warnings, plan.unplaced) == ([], 0)


def test_plain_text_headings_in_capitals_are_chapters_and_short_lines_alone_are_sections():
    plan = parse_text(
        "OUR VISION\nEvery child is heard.\n\nWhere are we now?\n\nToo many wait too long.\n"
        "• Counselling waits\n\nACTIVE LIVES\n\nFree swimming for under-16s.\n"
    )
    assert outline(plan) == [
        (
            "",
            "OUR VISION",
            [
                ("", "", [("p", "Every child is heard.")], []),
                (
                    "",
                    "Where are we now?",
                    [("p", "Too many wait too long."), ("bullet", "Counselling waits")],
                    [],
                ),
            ],
        ),
        ("", "ACTIVE LIVES", [("", "", [("p", "Free swimming for under-16s.")], [])]),
    ]


def test_plain_text_short_title_lines_between_blank_lines_are_chapters_when_nothing_is_in_capitals():
    plan = parse_text(
        "Our vision\n\nEvery child is heard. We listen.\n\nActive lives\n\nFree swimming.\nBuses in the evening.\n"
    )
    assert outline(plan) == [
        ("", "Our vision", [("", "", [("p", "Every child is heard. We listen.")], [])]),
        ("", "Active lives", [("", "", [("p", "Free swimming."), ("p", "Buses in the evening.")], [])]),
    ]


def test_an_unnumbered_chapter_heading_takes_its_number_from_its_first_paragraph():
    # Word's automatic heading numbers are not in the text; the typed paragraph numbers are.
    plan = parse(
        ".docx", [("heading1", "Mental health"), ("p", "9.1 Friendships matter."), ("p", "9.2 Waits.")]
    )
    assert [(c.number, c.heading) for c in plan.chapters] == [("9", "Mental health")]
    assert plan.warnings == [
        "Line 2 (“9.1 Friendships matter.”): the chapter “Mental health” has no number; it was given "
        "number 9 from paragraph 9.1."
    ]


def test_numbered_chapters_with_styled_subheadings_keep_the_subheadings_inside():
    plan = parse(
        ".docx",
        [
            ("title", "Our plan 2027–2030"),
            ("p", "9 MENTAL HEALTH"),
            ("heading2", "Objectives"),
            ("p", "9.1 Friendships matter."),
            ("p", "10 ACTIVE LIVES"),
            ("p", "10.1 Free swimming."),
        ],
    )
    assert [(c.number, c.heading) for c in plan.chapters] == [("9", "MENTAL HEALTH"), ("10", "ACTIVE LIVES")]
    assert [(p.number, p.heading) for p in plan.chapters[0].paragraphs] == [("", "Objectives"), ("9.1", "")]


@pytest.mark.parametrize("extension", [".docx", ".odt"])
def test_the_documents_title_names_it_and_is_not_part_of_its_text(extension):
    plan = parse(
        extension,
        [
            ("title", "Our  plan 2027–2030"),
            ("p", "9 MENTAL HEALTH"),
            ("p", "9.1 Friendships matter."),
            ("title", "Annex"),
            ("p", "Contacts."),
        ],
    )
    assert plan.title == "Our plan 2027–2030"
    assert plan.unplaced == 0
    # A second Title-styled line is only a heading; an annex is a section of its own after the chapters.
    assert [(c.number, c.heading) for c in plan.chapters] == [("9", "MENTAL HEALTH"), ("", "Annex")]
    assert [(p.number, p.pieces) for p in plan.paragraphs] == [
        ("9.1", [("p", "Friendships matter.")]),
        ("", [("p", "Contacts.")]),
    ]


@pytest.mark.parametrize("extension", [".docx", ".odt", ".md"])
def test_styled_headings_with_numbers_are_chapters_and_paragraphs(extension):
    plan = parse(
        extension,
        [
            ("heading1", "9 Mental health"),
            ("heading2", "9.1 Objectives"),
            ("bullet", "Friendships"),
            ("heading2", "9.2 Planning priorities"),
            ("p", "Shorter waits."),
            ("heading1", "10 Active lives"),
        ],
    )
    assert outline(plan) == [
        (
            "9",
            "Mental health",
            [
                ("9.1", "Objectives", [("bullet", "Friendships")], []),
                ("9.2", "Planning priorities", [("p", "Shorter waits.")], []),
            ],
        ),
        ("10", "Active lives", []),
    ]


# --- Text whose place is unclear ------------------------------------------------------------------


@pytest.mark.parametrize("extension", LINE_FORMATS)
def test_text_before_the_first_chapter_goes_into_it_with_a_warning(extension):
    plan = parse_lines(
        extension, "Draft for consultation\nPlease read it all.\n\nSummer 2026\n1 INTRODUCTION\n1.1 Text.\n"
    )
    intro = plan.chapters[0].paragraphs[0]
    assert intro.number == ""
    assert [text for _, text in intro.pieces] == ["Please read it all.", "Summer 2026"]
    assert intro.heading == "Draft for consultation"
    assert plan.unplaced == 1
    assert plan.warnings == [
        "Lines 1–4 came before the first chapter; they were put at the start of chapter 1 (“INTRODUCTION”)."
    ]


@pytest.mark.parametrize("extension", LINE_FORMATS)
def test_a_number_going_backwards_is_kept_where_it_stands_with_a_warning(extension):
    plan = parse_lines(extension, "9 MENTAL HEALTH\n9.6 Six.\n9.7 Seven.\n9.5 Five.\n9.8 Eight.\n")
    assert [p.number for p in plan.paragraphs] == ["9.6", "9.7", "9.5", "9.8"]
    assert plan.unplaced == 1
    assert plan.warnings == [
        "Line 4 (“9.5 Five.”): paragraph 9.5 comes after 9.7, so the numbering goes backwards. It was kept "
        "where it stands; check the numbering."
    ]


@pytest.mark.parametrize("extension", LINE_FORMATS)
def test_a_paragraph_number_from_another_chapter_is_kept_where_it_stands_with_a_warning(extension):
    plan = parse_lines(extension, "8 FAMILIES\n8.1 One.\n9 MENTAL HEALTH\n9.1 Two.\n8.3 Three.\n9.2 Four.\n")
    assert [p.number for p in plan.chapters[1].paragraphs] == ["9.1", "8.3", "9.2"]
    assert plan.unplaced == 1
    assert plan.warnings == [
        "Line 5 (“8.3 Three.”): paragraph 8.3 belongs to chapter 8 but stands in chapter 9 (“MENTAL HEALTH”). "
        "It was kept where it stands; check the numbering."
    ]


@pytest.mark.parametrize("extension", LINE_FORMATS)
def test_a_paragraph_number_before_its_chapter_starts_that_chapter_with_a_warning(extension):
    plan = parse_lines(extension, "9 MENTAL HEALTH\n9.1 One.\n10.1 Two.\n10.2 Three.\n")
    assert [(c.number, c.heading, len(c.paragraphs)) for c in plan.chapters] == [
        ("9", "MENTAL HEALTH", 1),
        ("10", "", 2),
    ]
    assert plan.unplaced == 0
    assert plan.warnings == [
        "Line 3 (“10.1 Two.”): paragraph 10.1 came before any chapter 10 heading, so chapter 10 was started "
        "without a heading."
    ]


@pytest.mark.parametrize("extension", LINE_FORMATS)
def test_duplicate_paragraph_numbers_are_both_kept_with_a_warning(extension):
    plan = parse_lines(extension, "9 MENTAL HEALTH\n9.2 First.\n9.2 Second.\n9.3 Third.\n")
    assert [(p.number, p.pieces) for p in plan.paragraphs] == [
        ("9.2", [("p", "First.")]),
        ("9.2", [("p", "Second.")]),
        ("9.3", [("p", "Third.")]),
    ]
    assert plan.warnings == [
        "Line 3 (“9.2 Second.”): paragraph 9.2 appears twice (first on line 2). Both were kept; renumber "
        "one of them."
    ]


@pytest.mark.parametrize("extension", ALL_FORMATS)
def test_text_with_no_structure_at_all_goes_into_one_unnamed_chapter_with_a_warning(extension):
    plan = parse_lines(extension, "we should listen more.\nand act on it.\n")
    assert outline(plan) == [
        ("", "", [("", "", [("p", "we should listen more."), ("p", "and act on it.")], [])])
    ]
    assert plan.unplaced == 1
    assert "No chapters" in plan.warnings[0]


MESSY = [
    ("p", "CHILDREN AND YOUNG PEOPLE'S PLAN"),
    ("p", "Draft for consultation, spring"),
    ("p", "9\tMENTAL HEALTH AND EMOTIONAL WELL-BEING"),
    ("p", "Ref – Q 6 Consultation Questionnaire"),
    ("p", "This chapter is about feeling well."),
    ("p", "9.7 Seven comes first."),
    ("p", "9.5 Five comes late. Ref - Q6.1"),
    ("p", "1,8 Wrong chapter with a comma."),
    ("p", "o Shorter waits – Ref—Q6.2"),
    ("p", "9.5 Five again."),
    ("p", "Where are we now?"),
    ("p", "11.1 Skipping ahead to eleven."),
    ("table", [["11.2", "Cells with words"], ["Indicator", "Baseline", "Target"]]),
]


@pytest.mark.parametrize(
    ("extension", "blocks"),
    [
        (".txt", DOMAIN_EXAMPLE),
        (".docx", WORD_TABLE),
        (".odt", WORD_TABLE),
        (".md", UNNUMBERED),
        (".docx", UNNUMBERED),
        (".txt", MESSY),
        (".docx", MESSY),
        (".odt", MESSY),
    ],
)
def test_no_word_of_the_document_is_lost(extension, blocks):
    plan = parse(extension, blocks)
    missing = words(block_text(blocks)) - words(plan_text(plan))
    assert not missing


def test_no_word_of_word_tables_saved_as_text_is_lost():
    plan = parse_text(WORD_TABLE_AS_TEXT)
    assert not words(MARKER_TEXT.sub(" ", WORD_TABLE_AS_TEXT)) - words(plan_text(plan))


# --- Readers --------------------------------------------------------------------------------------


def test_plain_text_line_endings_spaces_and_byte_order_mark_are_normalised_and_tabs_kept():
    data = "\ufeff9\tMENTAL\u00a0HEALTH\r\n9.1 One\u200b.\r9.2 Two.\f9.3 Three.\n".encode()
    lines = read_document("plan.txt", data)
    assert [(line.text, line.number) for line in lines] == [
        ("9\tMENTAL HEALTH", 1),
        ("9.1 One.", 2),
        ("9.2 Two.", 3),
        ("9.3 Three.", 4),
        ("", 5),
    ]


def test_text_that_is_not_utf8_names_the_line_and_suggests_windows_1252():
    data = "9 MENTAL HEALTH\n9.2 Friendships – Ref – Q 6.1\n".encode("cp1252")
    with pytest.raises(PlanImportError) as error:
        read_document("plan.txt", data)
    message = str(error.value)
    assert message.startswith(
        "Line 2 of this text file is not UTF-8 text: it has the byte 0x96, which is “–”"
    )
    assert "looks like Windows-1252" in message
    assert "Save it with the encoding UTF-8" in message
    assert "choose the Windows-1252 encoding" in message


def test_windows_1252_text_reads_when_that_encoding_is_chosen():
    data = "9 MENTAL HEALTH\n9.2 Friendships – Ref – Q 6.1\n".encode("cp1252")
    plan = parse_plan(read_document("plan.txt", data, encoding="cp1252"))
    assert paragraph(plan, "9.2").question_refs == ["6.1"]


def test_text_in_neither_utf8_nor_windows_1252_just_asks_for_utf8():
    with pytest.raises(PlanImportError) as error:
        read_document("plan.txt", b"9 MENTAL HEALTH\n9.1 Caf\x81 \x81\n")
    assert str(error.value).startswith("Line 2 of this text file is not UTF-8 text. Save the file")


@pytest.mark.parametrize(
    ("data", "encoding", "fragment"),
    [
        ("9 MENTAL HEALTH".encode("utf-16"), None, "saved as UTF-16"),
        (b"9 MENTAL HEALTH", "klingon", "does not know the text encoding “klingon”"),
        ("9 MENTAL HEALTH\n\u20ac".encode(), "ascii", "Line 2 is not valid ascii text"),
    ],
)
def test_encoding_problems_are_explained(data, encoding, fragment):
    with pytest.raises(PlanImportError, match=fragment):
        read_document("plan.txt", data, encoding=encoding)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("**Bold** and __strong__ words", "Bold and strong words"),
        ("*Emphasis* and _emphasis_ words", "Emphasis and emphasis words"),
        ("Some `inline code` here", "Some inline code here"),
        ("A [linked text](https://example.org) and ![a picture](p.png)", "A linked text and a picture"),
        ("See <https://example.org>", "See https://example.org"),
        ("snake_case_names stay whole", "snake_case_names stay whole"),
        ("2 * 3 * 4 is arithmetic", "2 * 3 * 4 is arithmetic"),
        ("1\\. Introduction", "1. Introduction"),
        ("\\*Not emphasis\\*", "*Not emphasis*"),
    ],
)
def test_markdown_inline_formatting_becomes_plain_text(source, expected):
    assert without_emphasis(read_document("plan.md", source.encode())[0].text) == expected


def test_markdown_block_syntax_gives_heading_and_bullet_styles():
    source = (
        "# Plan\n## Chapter\n#### Deep ##\n### Learning C#\nSetext title\n=====\n\n- one\n* two\n+ three\n  continued\n\n"
        "1. A numbered item\n9.2 A plan paragraph\n\n---\n> Quoted text\n```\n# not a heading\n```\n"
    )
    lines = [(line.text, line.style) for line in read_document("plan.md", source.encode()) if line.text]
    assert lines == [
        ("Plan", "heading1"),
        ("Chapter", "heading2"),
        ("Deep", "heading3"),
        ("Learning C#", "heading3"),
        ("Setext title", "heading1"),
        ("one", "bullet"),
        ("two", "bullet"),
        ("three continued", "bullet"),
        ("1. A numbered item", ""),
        ("9.2 A plan paragraph", ""),
        ("Quoted text", ""),
        ("# not a heading", ""),
    ]


def test_markdown_joins_wrapped_lines_but_not_plan_numbers_or_markers():
    source = "9.2 We will train all staff\nin schools to listen.\n9.3 Next paragraph.\nRef – Q 6.1\n"
    lines = [(line.text, line.number) for line in read_document("plan.md", source.encode()) if line.text]
    assert lines == [
        ("9.2 We will train all staff in schools to listen.", 1),
        ("9.3 Next paragraph.", 3),
        ("Ref – Q 6.1", 4),
    ]


def test_word_styles_give_heading_and_bullet_styles():
    document = docx.Document()
    document.add_paragraph("Our plan", style="Title")
    document.add_paragraph("Mental health", style="Heading 1")
    document.add_paragraph("Objectives", style="Heading 3")
    document.add_paragraph("Friendships", style="List Bullet")
    document.add_paragraph("Setbacks", style="List Paragraph")
    document.add_paragraph("Ordinary text")
    broken = document.add_paragraph("Line one")
    broken.add_run().add_break()
    broken.add_run("Ref – Q 6.1")
    own_style = document.styles.add_style("Chapter title", WD_STYLE_TYPE.PARAGRAPH)
    own_style.base_style = document.styles["Heading 1"]
    document.add_paragraph("Based on a heading", style="Chapter title")
    heading = document.add_paragraph("Long heading", style="Heading 2")
    heading.add_run().add_break()
    heading.add_run("on two lines")
    out = io.BytesIO()
    document.save(out)
    assert [(line.text, line.style) for line in read_document("plan.docx", out.getvalue())] == [
        ("Our plan", "title"),
        ("Mental health", "heading1"),
        ("Objectives", "heading3"),
        ("Friendships", "bullet"),
        ("Setbacks", "bullet"),
        ("Ordinary text", ""),
        ("Line one", ""),
        ("Ref – Q 6.1", ""),
        ("Based on a heading", "heading1"),
        ("Long heading on two lines", "heading2"),
    ]


def test_word_text_in_tracked_insertions_content_controls_and_fields_is_read_deleted_text_is_not():
    document = docx.Document()
    paragraph = document.add_paragraph("9.2 Help ")
    paragraph._p.append(
        parse_xml(
            f"<w:ins {nsdecls('w')} w:id='1' w:author='Ann' w:date='2026-01-01T00:00:00Z'>"
            "<w:r><w:t xml:space='preserve'>every </w:t></w:r></w:ins>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f"<w:del {nsdecls('w')} w:id='2' w:author='Ann' w:date='2026-01-01T00:00:00Z'>"
            "<w:r><w:tab/><w:delText>some </w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent><w:r><w:t>child</w:t></w:r></w:sdtContent></w:sdt>")
    )
    paragraph._p.append(
        parse_xml(f"<w:fldSimple {nsdecls('w')} w:instr='DATE'><w:r><w:t> today</w:t></w:r></w:fldSimple>")
    )
    out = io.BytesIO()
    document.save(out)
    assert [line.text for line in read_document("plan.docx", out.getvalue())] == [
        "9.2 Help every child today"
    ]


def test_opendocument_spaces_tabs_breaks_spans_and_named_styles_are_read():
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NAMESPACES}>'
        "<office:automatic-styles>"
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2"/>'
        '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Title"/>'
        "</office:automatic-styles><office:body><office:text>"
        '<text:p text:style-name="P2">Our plan</text:p>'
        '<text:p text:style-name="P1">Styled heading</text:p>'
        '<text:h text:outline-level="1"><text:number>9.</text:number>Mental health</text:h>'
        '<text:p>9.2<text:tab/>Help <text:span>children</text:span> build<text:s text:c="2"/>friends'
        "<text:note><text:note-body><text:p>A footnote</text:p></text:note-body></text:note>"
        "<text:line-break/>Ref – Q 6.1</text:p>"
        "<text:list><text:list-item><text:p>Outer</text:p><text:list><text:list-item>"
        "<text:p>Inner</text:p></text:list-item></text:list></text:list-item></text:list>"
        "<table:table><table:table-header-rows><table:table-row>"
        "<table:table-cell><text:p>9.3</text:p></table:table-cell>"
        "<table:table-cell><text:p>Cell</text:p><text:p>Second</text:p></table:table-cell>"
        "</table:table-row></table:table-header-rows></table:table>"
        "</office:text></office:body></office:document-content>"
    )
    lines = [(line.text, line.style) for line in read_document("plan.odt", odt_package(content))]
    assert lines == [
        ("Our plan", "title"),
        ("Styled heading", "heading2"),
        ("9.\tMental health", "heading1"),
        ("9.2\tHelp children build  friends", ""),
        ("Ref – Q 6.1", ""),
        ("Outer", "bullet"),
        ("Inner", "bullet"),
        ("9.3\tCell", ""),
        ("Second", ""),
    ]


# --- Bad input ------------------------------------------------------------------------------------


def _docx_without_text() -> bytes:
    return docx_bytes([("p", "   ")])


@pytest.mark.parametrize(
    ("filename", "data", "fragment"),
    [
        (
            "plan.pdf",
            b"%PDF-1.7",
            "Chorus cannot import .pdf files. Upload the plan draft as a .docx, .odt, .txt",
        ),
        ("plan.doc", b"x", "old-style Word document (.doc)"),
        ("plan", b"x", "“plan” has no file extension"),
        ("plan.docx", b"", "The file is empty"),
        ("plan.txt", b" \n\t\n", "There is no text in this file"),
        ("plan.docx", _docx_without_text(), "There is no text in this file"),
        (
            "plan.txt",
            b"a" * (MAX_UPLOAD_BYTES + 1),
            "The file is just over 10 MB; the largest file Chorus can import is 10 MB.",
        ),
        ("plan.txt", b"a" * (MAX_UPLOAD_BYTES * 2), "The file is 20 MB;"),
        ("plan.txt", b"a" * (MAX_UPLOAD_BYTES * 3 // 2), "The file is 15 MB;"),
        ("plan.txt", b"a" * (MAX_UPLOAD_BYTES + MAX_UPLOAD_BYTES // 4), "The file is 12.5 MB;"),
        ("plan.docx", b"This is not a zip at all", "This .docx is damaged or is not really a Word document"),
        (
            "plan.docx",
            zip_bytes({"hello.txt": "hi"}),
            "the document inside it (word/document.xml) is missing",
        ),
        ("plan.docx", odt_bytes([("p", "Text")]), "OpenDocument (.odt) file renamed .docx"),
        (
            "plan.docx",
            zip_bytes({"word/document.xml": "garbage"}),
            "Chorus could not read this .docx (KeyError",
        ),
        (
            "plan.docx",
            zip_bytes({"[Content_Types].xml": "<x/>", "word/document.xml": "<"}),
            "Chorus could not read this .docx",
        ),
        ("plan.docx", docx_bytes([("p", "Text")])[:2000], "This .docx is damaged"),
        (
            "plan.docx",
            encrypted_office_bytes(),
            "This .docx is password-protected (encrypted), or it is an old",
        ),
        ("plan.odt", encrypted_office_bytes(), "This .odt is password-protected (encrypted)"),
        ("plan.txt", encrypted_office_bytes(), "an old .doc, or a password-protected document"),
        (
            "plan.odt",
            b"PK but not a zip",
            "This .odt is damaged or is not really an OpenDocument text document",
        ),
        ("plan.odt", zip_bytes({"mimetype": "x"}), "the document inside it (content.xml) is missing"),
        ("plan.odt", docx_bytes([("p", "Text")]), "Word (.docx) file renamed .odt"),
        ("plan.odt", odt_package("<office:document-content"), "its content is not valid XML"),
        (
            "plan.odt",
            odt_package('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'),
            "Chorus will not read (a DTD)",
        ),
        (
            "plan.odt",
            odt_package("<x/>", mimetype="application/vnd.oasis.opendocument.spreadsheet"),
            "not an OpenDocument text document (its type is application/vnd.oasis.opendocument.spreadsheet)",
        ),
        ("plan.odt", odt_package("<x/>"), "This .odt has no text document in it"),
        (
            "plan.odt",
            odt_package(
                f"<office:document-content {ODT_NAMESPACES}><office:body><office:text>"
                + "<text:section>" * 5000
                + "</text:section>" * 5000
                + "</office:text></office:body></office:document-content>"
            ),
            "nested too deeply to read",
        ),
        ("plan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This file is not text"),
        ("plan.txt", bytes(range(1, 9)) * 10 + b"some words", "This file is not text"),
        ("plan.md", b"\xff\xd8\xff\xe0\x00\x10JFIF", "This file is not text"),
        ("plan.txt", b"%PDF-1.4 binary", "This is a PDF renamed .txt"),
        ("plan.txt", docx_bytes([("p", "Text")]), "packaged document renamed .txt"),
    ],
)
def test_bad_input_is_refused_with_a_specific_message(filename, data, fragment):
    with pytest.raises(PlanImportError) as error:
        read_document(filename, data)
    assert fragment in str(error.value)
    assert error.value.messages == [str(error.value)]


def test_an_upload_at_the_limit_is_read():
    data = b"9 MENTAL HEALTH\n" + b"a" * (MAX_UPLOAD_BYTES - 16)
    assert read_document("plan.txt", data)[0].text == "9 MENTAL HEALTH"


def test_malformed_opendocument_counts_are_read_safely():
    content = (
        f"<office:document-content {ODT_NAMESPACES}><office:body><office:text>"
        '<text:h text:outline-level="many">Vision</text:h>'
        '<text:h text:outline-level="7">Deep</text:h>'
        '<text:p>A<text:s text:c="999999999"/>B<text:s text:c="x"/>C</text:p>'
        "</office:text></office:body></office:document-content>"
    )
    lines = [(line.text, line.style) for line in read_document("plan.odt", odt_package(content))]
    assert lines == [("Vision", "heading1"), ("Deep", "heading3"), ("A" + " " * 100 + "B C", "")]


def test_parsing_no_lines_is_refused():
    with pytest.raises(PlanImportError, match="There is no text to import"):
        parse_plan([Line("", number=1)])


def test_text_and_markdown_builders_round_trip_through_the_readers():
    blocks = [("heading1", "Vision"), ("p", "Every child."), ("bullet", "Heard")]
    assert [line.text for line in read_document("p.txt", txt_bytes(blocks))] == [
        "Vision",
        "Every child.",
        "• Heard",
    ]
    assert [(line.text, line.style) for line in read_document("p.md", md_bytes(blocks)) if line.text] == [
        ("Vision", "heading1"),
        ("Every child.", ""),
        ("Heard", "bullet"),
    ]
