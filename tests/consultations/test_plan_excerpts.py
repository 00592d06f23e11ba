"""Issue 13: a survey shows its plan's words once escaped, and links only to a plan that is live.

Plan paragraphs are rich text (HTML); wherever they are shown as plain words (beside a question,
in a drafted prompt, in a compared version) an apostrophe, an ampersand and `<` must read as typed, and
nothing typed may become markup.
"""

import re

import pytest

from consultations.models import Question
from consultations.plans.imports.importer import import_plan_draft
from consultations.plans.text import plain_text
from tests.conftest import make_consultation, make_plan

from .council_drafts import word_text

TRICKY_TEXT = "<p>It&#x27;s Sam &amp; Jo&#x27;s club: 3 &lt; 5 &lt;script&gt;alert(1)&lt;/script&gt;</p>"
TRICKY_WORDS = "It's Sam & Jo's club: 3 < 5 <script>alert(1)</script>"
TRICKY_HTML = "It&#x27;s Sam &amp; Jo&#x27;s club: 3 &lt; 5 &lt;script&gt;alert(1)&lt;/script&gt;"


def tricky_plan(home, slug="tricky-plan", live=True, heading="Sam's club"):
    plan = make_plan(
        home,
        slug=slug,
        chapters=[
            {
                "number": "9",
                "heading": "Clubs & places",
                "paragraphs": [
                    {"number": "9.1", "heading": heading, "text": TRICKY_TEXT, "question_ref": "6.1"}
                ],
            }
        ],
    )
    if not live:
        plan.unpublish()
    return plan


def test_plain_text_reads_entities_once_and_keeps_blocks_apart():
    assert plain_text(TRICKY_TEXT) == TRICKY_WORDS
    assert plain_text("<ul><li>One</li><li>Two&amp;three</li></ul>") == "One Two&three"
    assert plain_text("<p>It&amp;#x27;s</p>") == "It&#x27;s"  # escaped twice in the source: read once


def test_an_excerpt_beside_a_question_reads_as_written_and_stays_text(client, home):
    plan = tricky_plan(home)
    consultation = make_consultation(home, plan, slug="tricky")
    html = client.get(consultation.url).content.decode()
    assert f"9.1 Sam&#x27;s club</a>: {TRICKY_HTML}" in html
    assert "<script>alert(1)" not in html
    assert "&amp;#x27;" not in html and "&amp;amp;" not in html and "&amp;lt;" not in html


def test_a_prompt_drafted_from_a_plan_page_reads_as_written(home):
    """Reconciling with a saved plan page (not a parsed document) drafts prompts from its HTML."""
    from consultations.plans.imports.questionnaire import reconcile_questionnaire

    plan = tricky_plan(home, heading="")  # the prompt quotes the paragraph's first sentence
    only = [{"reference": "1", "kind": "free_text", "prompt": "Anything else?"}]
    consultation = make_consultation(home, slug="draft-q", live=False, questions=only)
    reconcile_questionnaire(consultation, plan, plan=plan)
    prompt = Question.objects.get(page=consultation, reference="6.1").prompt
    assert "It's Sam & Jo's club" in prompt
    assert "&#x27;" not in prompt and "&amp;" not in prompt


def test_a_prompt_drafted_from_an_imported_document_reads_as_written(home):
    only = [{"reference": "1", "kind": "free_text", "prompt": "Anything else?"}]
    consultation = make_consultation(home, slug="imported-q", live=False, questions=only)
    source = "9\tCLUBS\n9.1\tSam's club & Jo's: 3 < 5.\nRef – Q 6.1 Consultation Questionnaire\n"
    import_plan_draft(filename="plan.txt", data=word_text(source), consultation=consultation)
    prompt = consultation.questions.get(reference="6.1").prompt
    assert "Sam's club & Jo's: 3 < 5" in prompt


# --- Links to a plan that is not live --------------------------------------------------------------


@pytest.mark.parametrize("step", ["", "?step=2"])
def test_a_live_survey_never_links_to_an_unpublished_plan(client, home, step):
    plan = tricky_plan(home, live=False)
    consultation = make_consultation(home, plan, slug="waits")
    html = client.get(consultation.url + step).content.decode()
    for href in re.findall(r'href="([^"#]*)#para-', html):
        assert client.get(href).status_code == 200, f"{href} is linked from the survey but answers 404"
    assert plan.url not in html if plan.url else True
    assert "What the plan says" not in html  # nor its unpublished words
    assert "Sam&#x27;s club" not in html


def test_the_links_appear_once_the_plan_is_published(client, home):
    plan = tricky_plan(home, live=False)
    consultation = make_consultation(home, plan, slug="then-links")
    assert "What the plan says" not in client.get(consultation.url).content.decode()
    plan.get_latest_revision().publish()
    plan.refresh_from_db()
    html = client.get(consultation.url).content.decode()
    assert "What the plan says (1 paragraph)" in html
    assert f'href="{plan.url}#para-9-1"' in html
    assert client.get(plan.url).status_code == 200


def test_the_demo_consultation_shows_no_entity_escaped_twice(db, client):
    from django.core.management import call_command

    from consultations.models import ConsultationPage
    from consultations.questionnaire import Questionnaire

    call_command("load_demo")
    for consultation in ConsultationPage.objects.all():
        steps = range(1, len(Questionnaire(consultation).sections) + 1)
        for step in steps:
            html = client.get(f"{consultation.url}?step={step}").content.decode()
            assert not re.search(r"&amp;(#x?[0-9a-f]+|[a-z]+);", html, re.IGNORECASE), (
                consultation.url,
                step,
            )


def test_the_editor_says_the_links_wait_for_the_plan(admin_client, home):
    plan = tricky_plan(home, live=False)
    consultation = make_consultation(home, plan, slug="editor-says")
    html = admin_client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert "is not published, so this consultation neither links to it nor quotes it" in html
    plan.get_latest_revision().publish()
    html = admin_client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert "neither links to it nor quotes it" not in html
