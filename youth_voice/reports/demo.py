"""The demo's board paper: on last year's closed transport consultation (buses-2026), drafted
from its data and given the population it was meant for. Idempotent."""

from consultations.models import ConsultationPage

from .paper import prefilled_paper


def load_board_paper_demo(home):
    consultation = ConsultationPage.objects.child_of(home).filter(slug="buses-2026").first()
    if consultation is None or hasattr(consultation, "board_paper"):
        return
    paper = prefilled_paper(consultation)
    paper.meeting = "Harrowby Children's Partnership Board"
    paper.target_population = 2400
    paper.target_description = "11 to 18 year olds in Harrowby"
    paper.save()
