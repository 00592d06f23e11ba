from django.core.management import call_command

from consultations.demo import OFFICER_EMAIL, OFFICER_PASSWORD
from consultations.models import Answer, ConsultationPage, PlanDraftPage, Question, Response


def test_demo_has_everything_the_loop_needs_and_is_idempotent(db, client):
    call_command("load_demo")
    call_command("load_demo")
    plan = PlanDraftPage.objects.get()
    chapters = plan.chapters()
    assert len(chapters) >= 3
    assert sum(len(c.paragraphs) for c in chapters) >= 12
    markers = [p for c in chapters for p in c.paragraphs if p.question_ref]
    assert len(markers) >= 6
    assert any(len(paragraphs) >= 2 for paragraphs in plan.paragraphs_by_ref().values())

    consultation = ConsultationPage.objects.get()
    questions = consultation.questions.all()
    assert questions.count() >= 6
    assert {q.kind for q in questions} == set(Question.Kind.values)
    assert consultation.reference_check().all_match
    assert Response.objects.count() >= 40
    assert Response.objects.values("respondent_type").distinct().count() >= 4
    assert Answer.objects.filter(text__gt="").exists()

    signed_in = client.post("/accounts/login/", {"login": OFFICER_EMAIL, "password": OFFICER_PASSWORD})
    assert signed_in.status_code == 302
    assert client.get(f"/admin/responses/{consultation.pk}/summary/").status_code == 200
