"""The plan draft and its consultation link to each other through question references."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from consultations.plans.blocks import ChapterBlock, ParagraphBlock
from tests.conftest import make_consultation, make_plan


def test_plan_paragraphs_keep_numbers_depth_and_chapter(plan):
    chapters = plan.chapters()
    assert [c.number for c in chapters] == ["9", "10"]
    paragraph = chapters[0].paragraphs[2]
    assert (paragraph.number, paragraph.depth, paragraph.anchor) == ("9.2.1", 2, "para-9-2-1")
    assert paragraph.chapter_heading == "Mental health and emotional well-being"


def test_one_question_can_be_referenced_from_several_paragraphs(plan):
    by_ref = plan.paragraphs_by_ref()
    assert [p.number for p in by_ref["6.1"]] == ["9.1", "9.2"]
    assert "9.2.1" not in [p.number for ps in by_ref.values() for p in ps]


def test_plan_page_has_stable_anchors_and_have_your_say_links(client, plan, consultation):
    html = client.get(plan.url).content.decode()
    assert 'id="para-9-2"' in html and 'id="para-9"' in html
    assert f'href="{consultation.url}#question-6-1">Have your say on this — Question 6.1</a>' in html
    assert html.count("Question 6.1</a>") == 2
    # A reference with no question in the consultation gets no dead link.
    assert "Have your say on this — Question 99" not in html
    assert "Consultation question 99" in html


def test_plan_without_a_consultation_shows_references_without_links(client, plan):
    html = client.get(plan.url).content.decode()
    assert "Have your say on this" not in html
    assert "Consultation question 6.1" in html


def test_each_question_shows_the_plan_paragraphs_that_carry_its_reference(client, plan, consultation):
    html = client.get(consultation.url).content.decode()
    assert "What the plan says (2 paragraphs)" in html
    assert f'href="{plan.url}#para-9-1">9.1 Objectives</a>: Help children build friendships.' in html
    assert f'href="{plan.url}#para-9-2">9.2</a>: Train staff to listen.' in html


def test_reference_check_lists_mismatches_both_ways(consultation):
    check = consultation.reference_check()
    assert check.plan_refs_without_question == ["99"]
    assert check.questions_without_paragraph == ["1", "8"]
    assert not check.all_match


def test_reference_check_needs_a_plan(home):
    assert make_consultation(home, slug="no-plan").reference_check() is None


def test_editor_sees_reference_warnings_when_editing(admin_client, plan, consultation):
    html = admin_client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert "Plan references with no question:</strong> 99" in html
    assert "Questions no plan paragraph refers to:</strong> 1, 8" in html
    plan_html = admin_client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    assert "Plan references with no question:</strong> 99" in plan_html


def test_plan_draft_prefers_the_open_consultation(home, plan):
    make_consultation(home, plan, slug="old", opens_delta=-90, closes_delta=-60)
    current = make_consultation(home, plan, slug="current")
    assert plan.current_consultation().pk == current.pk


def test_paragraph_block_normalises_and_validates_the_reference():
    block = ParagraphBlock()
    value = block.to_python({"number": "9.2", "heading": "", "text": "<p>x</p>", "question_ref": "Q 6.1"})
    assert block.clean(value)["question_ref"] == "6.1"
    bad = block.to_python({"number": "9.2", "heading": "", "text": "<p>x</p>", "question_ref": "six"})
    with pytest.raises(StructBlockValidationError):
        block.clean(bad)


def test_chapter_numbers_must_be_numbers():
    block = ChapterBlock()
    value = block.to_python({"number": "nine", "heading": "Health", "paragraphs": []})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_open_and_closed_status(home):
    assert make_consultation(home, slug="a").status == "open"
    assert make_consultation(home, slug="b", opens_delta=-9, closes_delta=-1).status == "closed"
    assert make_consultation(home, slug="c", opens_delta=1).status == "not_yet_open"


def test_plan_excerpts_beside_a_question_are_escaped_once_and_keep_list_items_apart(client, home):
    plan = make_plan(
        home,
        chapters=[
            {
                "number": "9",
                "heading": "Health",
                "paragraphs": [
                    {
                        "number": "9.1",
                        "heading": "",
                        "text": "<p>Young people&#x27;s services &amp; clubs:</p><ul><li>talk</li><li>listen</li></ul>",
                        "question_ref": "6.1",
                    }
                ],
            }
        ],
    )
    consultation = make_consultation(home, plan, slug="excerpts")
    html = client.get(consultation.url).content.decode()
    assert "Young people&#x27;s services &amp; clubs: talk listen" in html
    assert "&amp;#x27;" not in html
