"""Publishing a plan draft: versions and what changed, headlines, large print, PDF, aims coverage."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from consultations.models import PlanAim, PlanHeadlinesPage
from consultations.plans import views as plan_views
from consultations.plans.blocks import ParagraphBlock
from consultations.plans.models.plan import PlanChapter, PlanParagraph, chapters_from_body
from consultations.plans.versions import compare
from consultations.uncrc import parse_articles


def edit_plan(plan, change):
    """Publish a new revision of the plan after `change(body_as_list)` edits its raw chapters."""
    chapters = []
    for block in plan.body.raw_data:
        chapter = dict(block["value"])
        chapter["paragraphs"] = [item["value"] for item in chapter["paragraphs"]]  # ListBlock items
        chapters.append(chapter)
    change(chapters)
    plan.body = [("chapter", chapter) for chapter in chapters]
    plan.save_revision().publish()
    plan.refresh_from_db()
    return plan


def test_publishing_a_plan_records_version_one(plan):
    version = plan.versions.get()
    assert version.number == 1
    assert str(version).startswith("Version 1, published ")


def test_republishing_without_changes_is_not_a_new_version(plan):
    plan.save_revision().publish()
    assert plan.versions.count() == 1


def test_a_changed_plan_becomes_version_two_and_version_one_stays_readable(client, plan):
    def rewrite(chapters):
        chapters[0]["paragraphs"][1]["text"] = "<p>Train every member of staff to listen.</p>"

    edit_plan(plan, rewrite)
    assert list(plan.versions.values_list("number", flat=True)) == [2, 1]
    old = client.get(plan.url + "versions/1/").content.decode()
    assert "Train staff to listen." in old and "You are reading <strong>Version 1" in old
    assert "Read the current version" in old
    current = client.get(plan.url).content.decode()
    assert "Train every member of staff to listen." in current
    assert "Version 2, published" in current


def test_what_changed_lists_paragraphs_added_removed_changed_and_moved_questions(client, plan):
    def rework(chapters):
        paragraphs = chapters[0]["paragraphs"]
        paragraphs[1]["text"] = "<p>Train staff to listen well.</p>"  # changed
        paragraphs[3]["question_ref"] = "6.3"  # 9.19 now asks about 6.3
        del paragraphs[2]  # 9.2.1 removed
        paragraphs.append(
            {"number": "9.20", "heading": "", "text": "<p>Peer mentors.</p>", "question_ref": ""}
        )

    edit_plan(plan, rework)
    html = client.get(plan.url + "versions/2/changes/").content.decode()
    assert "1 paragraph added, 2 changed, 1 removed" in html
    assert "listen <ins>well.</ins>" in html or "<del>listen.</del> <ins>listen well.</ins>" in html
    assert "Question 6.2: was 9.19, no longer in the plan" in html
    assert "Question 6.3: new, now 9.19" in html
    assert client.get(plan.url + "versions/1/changes/").status_code == 404
    assert client.get(plan.url + "versions/9/").status_code == 404


def paragraph(number, text, ref="", chapter="9"):
    return PlanParagraph(number, "", text, ref, chapter, "Health")


def test_comparison_keeps_reading_order_with_removed_paragraphs_where_they_stood():
    old = [PlanChapter("9", "Health", [paragraph("9.1", "a"), paragraph("9.2", "b"), paragraph("9.3", "c")])]
    new = [PlanChapter("9", "Health", [paragraph("9.1", "a"), paragraph("9.3", "c!"), paragraph("9.4", "d")])]
    comparison = compare(old, new)
    assert [(c.kind, c.label) for c in comparison.changes] == [
        ("removed", "9.2"),
        ("changed", "9.3"),
        ("added", "9.4"),
    ]


def test_word_differences_are_escaped():
    old = [PlanChapter("9", "H", [paragraph("9.1", "<p>Say &lt;hello&gt;</p>")])]
    new = [PlanChapter("9", "H", [paragraph("9.1", "<p>Say &lt;goodbye&gt;</p>")])]
    diff = compare(old, new).changes[0].text_diff
    assert "&lt;hello&gt;" in diff and "<hello>" not in diff


def test_unnumbered_sections_get_anchors_by_place(db):
    body = [
        {
            "type": "chapter",
            "value": {
                "number": "",
                "heading": "Our vision",
                "paragraphs": [
                    {"number": "", "heading": "", "text": "<p>Everyone heard.</p>", "question_ref": ""},
                ],
            },
        },
    ]
    from consultations.models import PlanDraftPage

    plan = PlanDraftPage(title="x", body=body)
    chapters = chapters_from_body(plan.body)
    assert chapters[0].anchor == "section-1"
    assert chapters[0].paragraphs[0].anchor == "section-1-p1"


def test_an_unnumbered_paragraph_never_shares_an_anchor_with_a_numbered_one(plan):
    def add_intro(chapters):
        chapters[0]["paragraphs"].insert(
            0, {"number": "", "heading": "", "text": "<p>Intro</p>", "question_ref": ""}
        )

    edit_plan(plan, add_intro)
    anchors = [p.anchor for p in plan.paragraphs()]
    assert anchors[0] == "para-9-p1" and len(set(anchors)) == len(anchors)


def test_a_repeated_paragraph_number_gets_its_own_anchor(plan):
    def repeat(chapters):
        chapters[0]["paragraphs"].append(
            {"number": "9.1", "heading": "", "text": "<p>Again</p>", "question_ref": ""}
        )

    edit_plan(plan, repeat)
    assert [p.anchor for p in plan.paragraphs()].count("para-9-1") == 1
    assert plan.chapters()[0].paragraphs[-1].anchor == "para-9-1-copy2"


@pytest.fixture
def headlines(plan, consultation):
    page = PlanHeadlinesPage(
        title="Our plan: the headlines",
        slug="headlines",
        vision="<p>Every young person feels heard.</p>",
        priorities=[
            (
                "priority",
                {
                    "title": "Someone to talk to",
                    "summary": "Help when things feel hard.",
                    "what_will_change": "Shorter waits.",
                    "by_when": "By September 2028",
                    "plan_sections": "9.2, 9.19, 42.1",
                    "question_refs": "6.1",
                },
            )
        ],
    )
    plan.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_headlines_link_each_priority_to_its_paragraphs_and_questions_and_back(
    client, plan, consultation, headlines
):
    html = client.get(headlines.url).content.decode()
    assert "Every young person feels heard." in html
    assert f'href="{plan.url}#para-9-2"' in html and f'href="{plan.url}#para-9-19"' in html
    assert "42.1" not in html  # numbers the plan does not have are left out, not broken links
    assert f'href="{consultation.url}#question-6-1"' in html
    assert f'href="{plan.url}"' in html
    assert f'href="{headlines.url}"' in client.get(plan.url).content.decode()


def test_priority_question_references_are_normalised_and_bad_numbers_explained():
    from consultations.plans.models.headlines import PriorityBlock

    block = PriorityBlock()
    value = block.to_python(
        {
            "title": "t",
            "summary": "s",
            "what_will_change": "w",
            "by_when": "b",
            "plan_sections": "9.x",
            "question_refs": "Q 6.2, q6.1",
        }
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "9.x" in str(error.value.block_errors["plan_sections"])
    value["plan_sections"] = "9"
    assert block.clean(value)["question_refs"] == "6.1, 6.2"


def test_large_print_view_is_the_same_plan_bigger(client, plan):
    html = client.get(plan.url + "large-print/").content.decode()
    assert 'class="large-print"' in html and "Train staff to listen." in html
    assert f'href="{plan.url}">Standard print' in html


def test_pdf_is_built_from_the_published_page_once_per_revision(client, plan, monkeypatch):
    cache.clear()
    calls = []
    real = plan_views.render_plan_pdf
    monkeypatch.setattr(plan_views, "render_plan_pdf", lambda **kw: calls.append(kw) or real(**kw))
    first = client.get(plan.url + "pdf/")
    assert first["Content-Type"] == "application/pdf" and first.content.startswith(b"%PDF")
    assert 'filename="our-plan.pdf"' in first["Content-Disposition"]
    client.get(plan.url + "pdf/")
    assert len(calls) == 1
    assert calls[0]["page_url"].endswith(plan.url) and calls[0]["page_url"].startswith("http")
    large = client.get(plan.url + "large-print/pdf/")
    assert calls[1]["large_print"] is True and "large-print.pdf" in large["Content-Disposition"]
    edit_plan(plan, lambda chapters: chapters[0].update(heading="Feeling well"))
    client.get(plan.url + "pdf/")
    assert len(calls) == 3


def test_paragraph_tags_are_checked_and_tidied():
    block = ParagraphBlock()
    value = block.to_python({"number": "9.1", "text": "<p>x</p>", "uncrc_articles": "31 and 12, art. 12"})
    assert block.clean(value)["uncrc_articles"] == "12, 31"
    value = block.to_python({"number": "9.1", "text": "<p>x</p>", "uncrc_articles": "12, 99"})
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "“99” is not a UNCRC article" in str(error.value.block_errors["uncrc_articles"])


@pytest.mark.parametrize("text,expected", [("", []), ("12", [12]), ("Article 12; 3 13", [3, 12, 13])])
def test_article_numbers_are_read_generously(text, expected):
    assert parse_articles(text) == expected


def test_coverage_lists_what_each_aim_and_article_is_covered_by(client, plan, consultation, questions):
    plan.aims_framework = PlanAim.Framework.WALES_CORE_AIMS

    def tag(chapters):
        chapters[0]["paragraphs"][0]["aims"] = ["core-aim-5"]
        chapters[0]["paragraphs"][0]["uncrc_articles"] = "12"

    edit_plan(plan, tag)
    question = questions["6.1"]
    question.aims.add(PlanAim.objects.get(code="core-aim-3"))
    question.uncrc_articles = "24"
    question.save()
    html = client.get(plan.url + "aims/").content.decode()
    assert PlanAim.objects.filter(framework="wales_core_aims").count() == 7
    assert "5. Being listened to and respected" in html
    assert f'href="{plan.url}#para-9-1">9.1 Objectives' in html
    assert f'href="{consultation.url}#question-6-1">Question 6.1' in html
    assert "Article 12: Being listened to and taken seriously" in html
    assert "Article 24: Health and health services" in html
    assert "1. A flying start in life" in html  # an aim nothing covers yet is still listed
