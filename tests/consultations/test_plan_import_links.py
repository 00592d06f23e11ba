"""Issue 13, imports that link up: drafting questions for a consultation sets its plan draft, never
matches the plan's references to unrelated questions silently, says exactly what changed in the
consultation, and links to it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.models import ConsultationPage, PlanDraftPage
from consultations.plans.imports.importer import import_plan_draft
from tests.conftest import make_consultation

from .council_drafts import run, word_text

# A plan whose markers name questions 1, 2, 4 and 6.
PLAN = """9\tCLUBS AND PLACES
9.1\tMore youth clubs open in the evening.
Ref – Q1 Consultation Questionnaire
9.2\tSafe buses home after dark.
Ref – Q2 Consultation Questionnaire
9.3\tA free swim every week.
Ref – Q4 Consultation Questionnaire
9.4\tYoung people help choose what clubs offer.
Ref – Q6 Consultation Questionnaire
"""

# An officer's own survey, written before any plan: its 1, 2 and 4 are not the plan's.
OWN_SURVEY = [
    {"reference": "1", "kind": "free_text", "prompt": "How old are you?"},
    {"reference": "2", "kind": "yes_no", "prompt": "Do you go to school in the county?"},
    {"reference": "3", "kind": "free_text", "prompt": "What is your favourite place?"},
    {"reference": "4", "kind": "single_choice", "prompt": "How do you travel?", "options": ["Bus", "Walk"]},
    {"reference": "5", "kind": "free_text", "prompt": "Anything else?"},
]


def own_survey(home, live=True):
    return make_consultation(home, slug="own-survey", live=live, questions=OWN_SURVEY)


def prompts(page) -> dict[str, str]:
    return {q.reference: q.prompt for q in page.get_latest_revision_as_object().questions.all()}


def test_references_matching_unrelated_questions_leave_the_consultation_unchanged(home):
    consultation = own_survey(home)
    revisions, before = consultation.revisions.count(), prompts(consultation)

    report = import_plan_draft(filename="plan.txt", data=word_text(PLAN), consultation=consultation)

    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    assert consultation.plan_draft_id is None
    assert consultation.get_latest_revision_as_object().plan_draft_id is None
    assert consultation.revisions.count() == revisions and prompts(consultation) == before
    reconciliation = report.reconciliation
    assert reconciliation.held_back and reconciliation.created == []
    assert [clash.reference for clash in reconciliation.clashes] == ["1", "2", "4"]
    text = "\n".join(report.lines())
    assert "The plan's references 1, 2, 4 match questions that already exist with different wording" in text
    assert "Q1 already asks “How old are you?”, but the plan's reference 1 is about:" in text
    assert dict(reconciliation.changes())["Plan draft"] == "Not changed"
    assert "Check the questions 1, 2, 4 in “Have your say” against the plan" in report.to_do()[-2]
    assert PlanDraftPage.objects.get().title  # the plan itself is imported all the same


def test_confirmed_matches_link_the_plan_and_draft_only_the_missing_question(home):
    consultation = own_survey(home, live=False)
    before = prompts(consultation)

    report = import_plan_draft(
        filename="plan.txt", data=word_text(PLAN), consultation=consultation, link_anyway=True
    )

    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    assert consultation.plan_draft_id == report.page.pk  # the plan draft is set, on the page itself
    after = prompts(consultation)
    assert {ref: after[ref] for ref in before} == before  # never reworded
    assert after["6"].startswith("What do you think about 9.4")
    changes = dict(report.reconciliation.changes())
    assert changes["Plan draft"] == f"Set to “{report.page.title}”"
    assert changes["Questions added"] == f"Q6 “{after['6']}”"
    assert changes["Questions updated"] == "None: an import never changes a question that exists"
    assert changes["Questions left alone"] == "1, 2, 4 (asked already); 3, 5 (not in the plan)"
    assert "as you confirmed, the questions were kept as they are" in "\n".join(report.lines())


def test_a_live_consultation_gets_the_plan_in_its_draft_and_says_so(home):
    consultation = own_survey(home)
    report = import_plan_draft(
        filename="plan.txt", data=word_text(PLAN), consultation=consultation, link_anyway=True
    )
    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    assert consultation.plan_draft_id is None  # young people see nothing until it is published
    assert consultation.get_latest_revision_as_object().plan_draft_id == report.page.pk
    assert dict(report.reconciliation.changes())["Plan draft"].startswith(
        f"Set to “{report.page.title}” in a draft of the consultation"
    )
    assert report.to_do()[-1] == (
        "Publish the plan draft. Until it is live, “Have your say” neither links to it nor quotes it."
    )


def test_questions_worded_as_the_plan_drafted_them_are_the_same_questions(home):
    consultation = make_consultation(home, slug="drafted", live=False, questions=[OWN_SURVEY[2]])
    first = import_plan_draft(filename="plan.txt", data=word_text(PLAN), consultation=consultation)
    assert first.reconciliation.created == ["1", "2", "4", "6"]
    # Unlinked since (say, by an editor): a new plan page carrying the same references still matches
    # the questions, as they are worded as the import words them.
    ConsultationPage.objects.filter(pk=consultation.pk).update(plan_draft=None)
    page = ConsultationPage.objects.get(pk=consultation.pk)
    page.save_revision()

    again = import_plan_draft(filename="plan.txt", data=word_text(PLAN), consultation=page)
    assert again.reconciliation.clashes == [] and not again.reconciliation.held_back
    assert ConsultationPage.objects.get(pk=page.pk).plan_draft_id == again.page.pk


def test_questions_keyed_to_the_plan_the_consultation_names_are_never_clashes(home, tmp_path):
    consultation = own_survey(home, live=False)
    path = tmp_path / "plan.txt"
    path.write_bytes(word_text(PLAN))
    run(path, "--consultation", consultation.pk, "--link-anyway")
    plan = PlanDraftPage.objects.get()
    lines = run(path, "--replace", plan.pk, "--consultation", consultation.pk)  # a new version
    assert not any("different wording" in line for line in lines)
    assert "  Questions left alone: 1, 2, 4, 6 (asked already); 3, 5 (not in the plan)" in lines


def test_the_admin_report_warns_lists_the_changes_and_links_to_the_consultation(admin_client, home):
    consultation = own_survey(home)

    def post(**extra):
        upload = SimpleUploadedFile("plan.txt", word_text(PLAN))
        data = {"file": upload, "parent": home.pk, "consultation": consultation.pk, **extra}
        return admin_client.post("/admin/plan-drafts/import/", data, follow=True)

    preview = post(preview="1").content.decode()
    assert "What would change in “Have your say”" in preview
    assert "The plan&#x27;s references 1, 2, 4 match questions that already exist" in preview
    assert "Link even where the wording differs" in preview

    html = post(**{"import": "1", "link_anyway": "on"}).content.decode()
    assert "What changed in “Have your say”" in html
    assert '<th scope="row">Questions added</th><td>Q6 “What do you think about 9.4' in html
    assert f'href="/admin/pages/{consultation.pk}/edit/"' in html
    assert f'href="/admin/pages/{consultation.pk}/view_draft/"' in html
    assert f'href="{consultation.url}"' in html and "Open the public page" in html


def test_reconciling_with_the_plan_already_named_says_the_plan_draft_is_unchanged(consultation, plan):
    from consultations.plans.imports.questionnaire import reconcile_questionnaire

    changes = dict(reconcile_questionnaire(consultation, plan).changes())
    assert changes["Plan draft"] == f"Already “{plan.title}”: not changed"
    assert (
        changes["Questions added"]
        == "Q99 “What do you think about 10.2 “Buses in the evening” (Active lives)?”"
    )
