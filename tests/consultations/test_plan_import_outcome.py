"""Issue 8: what importing a council's draft gives an editor: headings in the author's capitals or in
sentence case, prompts naming the right paragraphs, the consultation linked, the plan period and
slug, a stage badge that agrees with the banner, a headlines draft, and a report of what is left.
"""

import io

import pytest

from consultations.models import PlanDraftPage, PlanHeadlinesPage
from consultations.plans.imports import read_document
from consultations.plans.imports.importer import import_plan_draft
from tests.conftest import make_consultation

from .council_drafts import (
    CAPITALS,
    HEADINGS_ONLY,
    LINKED,
    PROMPTS,
    TABLES,
    WORD_AND_TEXT,
    imported,
    run,
    word_text,
)
from .documents import docx_bytes


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


def test_a_plans_tables_are_printed_row_by_row_in_its_pdf(client, home):
    import pypdf

    page = imported(docx_bytes, TABLES, publish=True)
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Area | Youth clubs | Young people" in text and "North | 4 | 1,200" in text
    assert "LAC" in text and "Looked-after children: children in the care of the council." in text


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
