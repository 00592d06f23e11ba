"""The demo partnership's plan draft as a Word document, laid out the way real drafts are.

`load_demo` writes it, then imports it with the same importer editors use, so `make run` shows
the importer's result. Version 2 is the draft after the first round of comments, so the demo
also has "what changed". Every word here is invented.
"""

import io

import docx

MARKER = "Ref – Q {} Consultation Questionnaire"

# (chapter number, heading, layout, paragraphs); a paragraph is (number, heading, text, ref, bullets).
# Chapter 3 is laid out as a Word table, number in one cell and text in the next, as many
# partnership drafts are.
CHAPTERS = [
    (
        "1",
        "INTRODUCTION",
        "lines",
        [
            (
                "1.1",
                "",
                "This is the draft of Harrowby Vale's plan for children and young people from 2027 to 2030. It was written by the council, the health board, schools and colleges, the police and local charities, working together as one partnership.",
                "",
                [],
            ),
            (
                "1.2",
                "",
                "The plan must say what every partner will do so that children and young people grow up safe, healthy and heard. We want to know whether this draft makes that clear.",
                "1",
                [],
            ),
            (
                "1.3",
                "",
                "We will publish what you told us and what we changed because of it before the final plan is agreed.",
                "",
                [],
            ),
        ],
    ),
    (
        "2",
        "OUR VISION",
        "lines",
        [
            (
                "2.1",
                "WHAT WE WANT FOR YOU",
                "Every child and young person in Harrowby Vale has a good start, somewhere safe to live and learn, people to turn to, and a real say in decisions about their lives.",
                "2",
                [],
            ),
            (
                "2.2",
                "",
                "The vision rests on the rights in the UN Convention on the Rights of the Child, especially Article 12: your right to give your views and to be taken seriously.",
                "",
                [],
            ),
            (
                "2.2.1",
                "",
                "Partners will show, at every board meeting, how young people's views changed what they did.",
                "4",
                [],
            ),
        ],
    ),
    (
        "3",
        "MENTAL HEALTH AND EMOTIONAL WELL-BEING",
        "table",
        [
            (
                "3.1",
                "OBJECTIVES",
                "Help children and young people to:",
                "6.1",
                [
                    "build friendships and cope with setbacks",
                    "know where to go when things get hard",
                ],
            ),
            (
                "3.2",
                "",
                "Train staff in every secondary school and youth club to notice when someone is struggling and to listen without judging.",
                "6.1",
                [],
            ),
            (
                "3.3",
                "PLANNING PRIORITIES",
                "Cut the wait for a first appointment with the young people's mental health service from twelve weeks to four.",
                "6.2",
                [],
            ),
            (
                "3.4",
                "",
                "Open a drop-in space in the town centre, run with young people, on three evenings a week.",
                "",
                [],
            ),
        ],
    ),
    (
        "4",
        "ACTIVE AND HEALTHY LIVES",
        "lines",
        [
            (
                "4.1",
                "OBJECTIVES",
                "Make it easier to find free and low-cost things to do after school and at weekends.",
                "7.1",
                [],
            ),
            (
                "4.2",
                "",
                "Work with bus companies so that young people can reach sports and arts clubs safely in the evening.",
                "",
                [],
            ),
            (
                "4.3",
                "WHAT WE WILL ACHIEVE BY 2030",
                "By 2030, every child in Harrowby Vale can swim 25 metres by the time they leave primary school, with free lessons for those who need them.",
                "7.2",
                [],
            ),
        ],
    ),
    (
        "5",
        "HOW WE WILL KEEP LISTENING",
        "lines",
        [
            (
                "5.1",
                "",
                "The Youth Forum and the Shadow Partnership Board will meet the partnership twice a year and see what happened to their ideas.",
                "",
                [],
            ),
            ("5.2", "", "If there is something this plan has missed, we want to hear it.", "8", []),
        ],
    ),
]

# What the first round of comments changed (version 2 of the draft).
VERSION_2_CHANGES = {
    "3.3": "Cut the wait for a first appointment with the young people's mental health service from twelve weeks to four, and offer a named contact to everyone who is waiting.",
    "4.2": "Work with bus companies and the council's transport team so that young people can reach sports and arts clubs safely in the evening, with free travel for under-16s.",
}
VERSION_2_NEW = {
    "3.4": (
        "3.5",
        "",
        "Young people who use the drop-in will help choose its staff and decide what it offers.",
        "6.2",
        [],
    ),
}

# Tags an editor would add after importing: paragraph number -> (aim codes, UNCRC articles).
TAGS = {
    "1.2": (["core-aim-5"], "12"),
    "2.2": (["core-aim-5"], "12, 13"),
    "2.2.1": (["core-aim-5"], "12"),
    "3.1": (["core-aim-3"], "24"),
    "3.3": (["core-aim-3"], "24, 39"),
    "4.1": (["core-aim-4"], "31"),
    "4.2": (["core-aim-4", "core-aim-7"], "31"),
    "4.3": (["core-aim-3", "core-aim-4"], "24, 31"),
    "5.1": (["core-aim-5"], "12, 15"),
}

HEADLINES = {
    "title": "Growing Up in Harrowby Vale: the headlines",
    "vision": "<p>Every child and young person in Harrowby Vale has a good start, somewhere safe to live and learn, people to turn to, and a real say in decisions about their lives.</p>",
    "priorities": [
        {
            "title": "Someone to talk to",
            "summary": "When things feel hard, you should know where to go and not have to wait long.",
            "what_will_change": "Waits for mental health support will be four weeks, not twelve. There will be a drop-in space in town three evenings a week.",
            "by_when": "By September 2028",
            "plan_sections": "3, 3.3, 3.4",
            "question_refs": "6.1, 6.2",
        },
        {
            "title": "Things to do",
            "summary": "Free and cheap things to do after school, and a safe way to get there.",
            "what_will_change": "One place to find clubs and activities near you, and evening buses that go where the clubs are.",
            "by_when": "By summer 2028",
            "plan_sections": "4.1, 4.2",
            "question_refs": "7.1",
        },
        {
            "title": "Everyone can swim",
            "summary": "Every child should be able to swim before they leave primary school.",
            "what_will_change": "Free swimming lessons for every child who needs them.",
            "by_when": "By 2030",
            "plan_sections": "4.3",
            "question_refs": "7.2",
        },
        {
            "title": "Being heard",
            "summary": "You have the right to say what you think and be taken seriously.",
            "what_will_change": "The partnership will show at every board meeting what it changed because of what young people said.",
            "by_when": "From 2027",
            "plan_sections": "2.2.1, 5.1",
            "question_refs": "4",
        },
    ],
}


def plan_paragraphs(version=1):
    """The chapters of the given version of the draft."""
    chapters = []
    for number, heading, layout, paragraphs in CHAPTERS:
        rows = []
        for paragraph in paragraphs:
            paragraph_number, paragraph_heading, text, ref, bullets = paragraph
            if version >= 2:
                text = VERSION_2_CHANGES.get(paragraph_number, text)
            rows.append((paragraph_number, paragraph_heading, text, ref, bullets))
            if version >= 2 and paragraph_number in VERSION_2_NEW:
                rows.append(VERSION_2_NEW[paragraph_number])
        chapters.append((number, heading, layout, rows))
    return chapters


def plan_docx(version=1) -> bytes:
    """The draft as a .docx: numbers and text on one line, or in a two-column table."""
    document = docx.Document()
    document.add_paragraph("Growing Up in Harrowby Vale: our plan for 2027 to 2030", style="Title")
    for number, heading, layout, paragraphs in plan_paragraphs(version):
        document.add_paragraph(f"{number}\t{heading}")
        if layout == "table":
            _paragraphs_as_table(document, paragraphs)
        else:
            _paragraphs_as_lines(document, paragraphs)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs_as_lines(document, paragraphs):
    for number, heading, text, ref, bullets in paragraphs:
        if heading:
            document.add_paragraph(f"{number}\t{heading}")
            document.add_paragraph(text)
        else:
            document.add_paragraph(f"{number}\t{text}")
        for bullet in bullets:
            document.add_paragraph(bullet, style="List Bullet")
        if ref:
            document.add_paragraph(MARKER.format(ref))


def _paragraphs_as_table(document, paragraphs):
    table = document.add_table(rows=0, cols=2)
    for number, heading, text, ref, bullets in paragraphs:
        number_cell, text_cell = table.add_row().cells
        number_cell.text = number
        text_cell.text = heading or text
        if heading:
            text_cell.add_paragraph(text)
        for bullet in bullets:
            text_cell.add_paragraph(bullet, style="List Bullet")
        if ref:
            text_cell.add_paragraph(MARKER.format(ref))
