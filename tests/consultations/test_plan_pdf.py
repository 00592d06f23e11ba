"""The plan draft as an accessible PDF: contents, outline, links, large print and hostile rich text.

No database: chapters are built from the dataclasses directly. Metadata, outline titles, link targets
and the page count sit uncompressed in the file, so they are checked in the raw bytes; the printed
text is in compressed streams with embedded fonts, so reading it needs pypdf.
"""

import io
import re

import pytest

from consultations.plans.models.plan import PlanChapter, PlanParagraph
from consultations.plans.pdf import fonts as plan_fonts
from consultations.plans.pdf import render_plan_pdf, rich_text

PAGE_URL = "https://chorus.example/plans/cyp-plan/"
QUESTION_URL = "https://chorus.example/consultations/cyp-plan/#question-6-1"
SUBTITLE = "Out for consultation · 2027–2030 · Version 3, published 3 March 2027"
HOSTILE_HTML = (
    "<p>Less than < and AT&T & co; 5 &lt; 6</p>"
    "<script>alert('boom')</script><style>p { color: red }</style>"
    "<p><b>bold <i>both</b> italic?</i> </em></strong></a></p></ul></li>"
    "<li>a stray list item</li>"
    "<p>Emoji 🎉👍🏽 and a flag 🏴󠁧󠁢󠁷󠁬󠁳󠁿, Welsh: dŵr, tŷ, Ŵyr, Ŷ</p>"
    f"<p>{'Supercalifragilistic' * 300}</p>"
    "<p>Controls \x00\x07\x1b and a lone surrogate \ud800 and zero\u200bwidth</p>"
    '<p><a href="javascript:alert(1)">not a link</a> <a linktype="page" id="3">a page</a> '
    '<a href="/relative/path?a=1&amp;b=&quot;2&quot;">relative</a> <a href=\'x" onclick="y\'>odd</a></p>'
    "<p><b><i><u><a href='https://example.org/'>deep</a>"
)


def paragraph(number, heading="", text="<p>Text.</p>", question_ref="", question_url="", chapter="9"):
    return PlanParagraph(
        number=number,
        heading=heading,
        text=text,
        question_ref=question_ref,
        chapter_number=chapter,
        chapter_heading="",
        question_url=question_url,
    )


def sample_chapters():
    return [
        PlanChapter(
            "9",
            "Mental health and emotional well-being",
            [
                paragraph(
                    "9.1",
                    "Objectives",
                    "<p>We will <b>reduce</b> waiting times.</p><ul><li>Drop-in sessions</li></ul>",
                    "6.1",
                    QUESTION_URL,
                ),
                paragraph(
                    "9.2", "", "<p>Schools will have a <i>named</i> counsellor.</p>", "6.1", QUESTION_URL
                ),
                paragraph("9.2.1", "", "<ol><li>First</li><li>Second</li></ol>"),
                paragraph("9.3", "Unmatched reference", "<p>No question yet.</p>", "99"),
            ],
        ),
        PlanChapter("10", "Safe places to play", [paragraph("10.1", "Parks", chapter="10")]),
    ]


def render(**overrides):
    arguments = {
        "title": "Children and Young People's Plan",
        "subtitle": SUBTITLE,
        "introduction_html": "<p>This plan was written <b>with</b> children and young people.</p>",
        "chapters": sample_chapters(),
        "page_url": PAGE_URL,
    } | overrides
    return render_plan_pdf(**arguments)


def page_count(pdf: bytes) -> int:
    return int(re.search(rb"/Count (\d+) /Kids", pdf).group(1))


def link_targets(pdf: bytes) -> list[str]:
    return [uri.decode() for uri in re.findall(rb"/URI \((.*?)\)", pdf)]


def outline_titles(pdf: bytes) -> list[str]:
    return [title.decode() for title in re.findall(rb"/Title \((.*?)\)", pdf)]


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, with line breaks and runs of spaces made single spaces."""
    pypdf = pytest.importorskip("pypdf")
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_output_is_a_pdf_with_title_subject_author_and_language():
    pdf = render()
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"/Title (Children and Young People's Plan)" in pdf
    assert b"/Author (Chorus)" in pdf
    assert b"/Subject" in pdf
    assert b"/Lang (en-GB)" in pdf
    assert b"/DisplayDocTitle true" in pdf
    assert b"/PageMode /UseOutlines" in pdf


def test_outline_bookmarks_every_chapter_and_headed_paragraph():
    titles = outline_titles(render())
    assert "9 Mental health and emotional well-being" in titles
    assert "10 Safe places to play" in titles
    assert {"Contents", "Introduction", "9.1 Objectives", "10.1 Parks"} <= set(titles)


def test_question_and_page_urls_are_links_and_relative_links_are_made_absolute():
    targets = link_targets(
        render(introduction_html='<p><a href="/about/">About</a> <a href="javascript:alert(1)">x</a></p>')
    )
    assert QUESTION_URL in targets
    assert PAGE_URL in targets
    assert "https://chorus.example/about/" in targets
    assert not any(target.startswith("javascript") for target in targets)


def test_relative_question_urls_are_printed_and_linked_in_full():
    chapters = [
        PlanChapter("9", "Health", [paragraph("9.1", "", "<p>x</p>", "6.1", "/consult/#question-6-1")])
    ]
    pdf = render(chapters=chapters)
    assert "https://chorus.example/consult/#question-6-1" in link_targets(pdf)
    text = " ".join(page_texts(pdf))
    assert "Question 6.1: https://chorus.example/consult/#question-6-1" in text


def test_large_print_needs_more_pages():
    chapters = [
        PlanChapter(
            str(n),
            f"Chapter {n}",
            [paragraph(f"{n}.{i}", "", "<p>" + "Words " * 120 + "</p>") for i in range(8)],
        )
        for n in range(1, 4)
    ]
    assert page_count(render(chapters=chapters, large_print=True)) > page_count(render(chapters=chapters))


def test_text_shows_headings_numbers_question_links_and_footer():
    pages = page_texts(render())
    text = " ".join(pages)
    assert "9 Mental health and emotional well-being" in text
    assert "10 Safe places to play" in text
    assert "9.1 Objectives" in text
    assert "9.2 Schools will have a named counsellor." in text
    assert "9.2.1" in text
    assert f"Have your say on this — Question 6.1: {QUESTION_URL}" in text
    assert "Consultation question 99" in text
    assert "Have your say on this — Question 99" not in text
    assert PAGE_URL in pages[0]
    assert SUBTITLE in pages[0]
    # Footers: "Page 3 of 5 · <url>" (the total is filled in once the whole plan is laid out).
    total = len(pages)
    assert f"Page 3 of {total} · {PAGE_URL}" in pages[2]


def test_contents_page_lists_chapters_with_the_pages_they_start_on():
    pages = page_texts(render())
    contents = pages[1]
    assert contents.startswith("Contents")
    for heading in ("Introduction", "9 Mental health and emotional well-being", "10 Safe places to play"):
        start_page = int(contents.split(heading + " ", 1)[1].split()[0])
        assert pages[start_page - 1].startswith(heading)


def test_plan_without_chapters_or_introduction_is_a_title_page():
    pdf = render(chapters=[], introduction_html="")
    assert pdf.startswith(b"%PDF")
    assert page_count(pdf) == 1


@pytest.mark.parametrize("large_print", [False, True])
def test_hostile_rich_text_and_fields_still_make_a_readable_pdf(large_print):
    hostile = "<script>x</script> & < \x00 \ud800 ŵ 🎉 " + "W" * 400
    chapters = [
        PlanChapter(
            hostile,
            hostile,
            [
                paragraph("9.1", hostile, HOSTILE_HTML, hostile, 'https://x.example/"><script>'),
                paragraph(hostile, "", HOSTILE_HTML, "6.1", "javascript:alert(1)"),
                paragraph("9.3", "", "<ul><li><ul><li>nested</li></ul></li></ul>", "", ""),
                paragraph("9.4", "", "", "", ""),
            ],
        )
    ]
    pdf = render(
        title=hostile,
        subtitle=hostile,
        introduction_html=HOSTILE_HTML,
        chapters=chapters,
        page_url=PAGE_URL + "?q=<b>&x=\x00",
        large_print=large_print,
    )
    assert pdf.startswith(b"%PDF")
    assert not any(target.startswith("javascript") for target in link_targets(pdf))
    text = " ".join(page_texts(pdf))
    assert "Less than < and AT&T & co; 5 < 6" in text
    assert "alert('boom')" not in text
    assert "color: red" not in text
    assert "a stray list item" in text
    assert "not a link" in text and "a page" in text
    assert "nested" in text and "deep" in text


def test_welsh_letters_print_as_themselves_with_dejavu():
    if plan_fonts.load_fonts(plan_fonts.FONT_DIR).is_fallback:
        pytest.skip("DejaVu fonts are not installed")
    text = " ".join(page_texts(render(introduction_html="<p>Mae dŵr yn y tŷ — ‘Ŵyr’ a “Ŷ”…</p>")))
    assert "Mae dŵr yn y tŷ — ‘Ŵyr’ a “Ŷ”…" in text


def test_without_dejavu_helvetica_prints_the_nearest_letters(monkeypatch, tmp_path):
    monkeypatch.setattr(plan_fonts, "FONT_DIR", tmp_path)
    pdf = render(
        introduction_html="<p>Mae dŵr yn y tŷ — “quoted” 🎉 end</p>" + HOSTILE_HTML, title="Cynllun ŵ"
    )
    assert b"/BaseFont /Helvetica" in pdf
    text = " ".join(page_texts(pdf))
    assert "Mae dwr yn y ty — “quoted” ? end" in text
    assert "Less than < and AT&T & co; 5 < 6" in text
    assert "Cynllun w" in text


def test_rich_text_becomes_escaped_paragraph_markup_with_only_known_tags():
    fonts = plan_fonts.load_fonts(plan_fonts.FONT_DIR)
    blocks = rich_text.rich_text_blocks(
        "<p>1 < 2 &amp; <b>bold <i>both</b> after</p><ol><li>one</li></ol>"
        '<p><a linktype="page" id="3">Page</a> <a href="https://example.org/?a=1&amp;b=2">web</a></p>',
        fonts,
        PAGE_URL,
    )
    assert [block.markup for block in blocks] == [
        "1 &lt; 2 &amp; <b>bold <i>both</i></b> after",
        "one",
        f'Page <a href="https://example.org/?a=1&amp;b=2" color="{rich_text.LINK_COLOUR.hexval()}">web</a>',
    ]
    assert [(block.bullet, block.list_depth) for block in blocks] == [("", 0), ("1.", 1), ("", 0)]


def test_unbalanced_and_stray_tags_are_closed_within_each_block():
    fonts = plan_fonts.load_fonts(plan_fonts.FONT_DIR)
    blocks = rich_text.rich_text_blocks(
        "</i></ul><b>open across<p>blocks</b></a> then plain</p><li>stray item</li><p>after</p>",
        fonts,
        PAGE_URL,
    )
    assert [(block.markup, block.bullet, block.list_depth) for block in blocks] == [
        ("<b>open across</b>", "", 0),
        ("<b>blocks</b> then plain", "", 0),
        ("stray item", "•", 1),
        ("after", "", 0),
    ]
