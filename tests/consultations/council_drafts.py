"""Two councils' plan drafts (one numbered, one with headings only), as the issue 8 tests build them
in Word, in Word's plain-text export (CRLF, tabs, blank lines) and in pandoc's Markdown; and the
helpers those tests share."""

import io

import pytest
from django.core.management import call_command

from consultations.models import PlanDraftPage
from consultations.plans.imports import parse_plan, read_document
from consultations.plans.imports.importer import import_plan_draft

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


LIST_PLAN = [
    ("p", "1\tYOUTH SERVICES"),
    ("p", "1.1\tWe employ:"),
    ("bullet", "46 Youth workers"),
    ("bullet", "2. Volunteers in every club"),
    ("p", "1.2\tWe will recruit more."),
    ("p", "2\tTRANSPORT"),
    ("p", "2.1\tBuses in the evening."),
]


GAPS = "4\tSERVICES\n4.51\tYouth clubs open at weekends.\n4.52\t\n4.54\tBuses run later.\n"


PROMPTS = "\n".join(
    [
        "4\tYOUTH SERVICES",
        "4.6\tTRANSPORT",
        "Buses to clubs run until nine.",
        "4.7\tWe will open a youth club in every town. Ref – Q 4",
        *(f"4.{n}\tSupport for young carers, part {n - 49}.\nRef – Q 9" for n in range(50, 56)),
    ]
)


LINKED = "1\tINTRODUCTION\n1.1\tWe want every child heard.\nRef – Q 42\n"


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
