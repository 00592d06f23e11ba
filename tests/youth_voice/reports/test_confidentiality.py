"""One test that fails if any confidential text reaches a public page (the consultation page and its
published results, in English and Welsh), the board paper (HTML, PDF, Word) or the shared figures
workbook, and that a consenting response's words do reach the paper and the results (so it can fail)."""

import io
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from consultations.models import ConsultationPage
from consultations.translating import translate
from tests.conftest import submit_answers
from tests.consultations.test_translations import WELSH
from youth_voice.analysis import services
from youth_voice.feedback.results import publish_results, published_results_url
from youth_voice.figures.xlsx import figures_workbook
from youth_voice.models import FeedbackItem, Quote, Recommendation

from .test_board_paper import docx_text, pdf_text

MARKER = "ZEBRA-CONFIDENTIAL-7731"
CONSENTED = "Buses after ten at night please"


def xlsx_text(file) -> str:
    workbook = load_workbook(io.BytesIO(file.read()), read_only=True)
    return "\n".join(
        str(value)
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value
    )


def test_confidential_text_never_reaches_a_shared_output(client, officer_client, consultation, officer):
    secret = submit_answers(
        consultation, {"6.1": f"My story {MARKER}", "8": MARKER}, publication="confidential"
    )
    Quote.objects.create(
        answer=secret.answers.get(question__reference="6.1"), excerpt=MARKER
    )  # around the rules
    agreed = submit_answers(consultation, {"6.1": CONSENTED}, publication="with_name", name="Sam")
    services.pick_quote(agreed.answers.get(question__reference="6.1"), "", officer)
    Recommendation.objects.create(
        consultation=consultation, text="Run a later bus", owner="Lead", due_date=date(2027, 1, 1)
    )
    consultation.feedback_items.add(
        FeedbackItem(
            question_reference="6.1", you_said="Later buses", we_did="A later bus", plain_language="A bus."
        )
    )
    consultation.save_revision().publish()
    welsh = translate(consultation, "cy", WELSH)
    ConsultationPage.objects.filter(translation_key=consultation.translation_key).update(
        closes_at=timezone.now() - timedelta(days=1), feedback_published_at=timezone.now()
    )
    consultation.refresh_from_db()
    welsh.refresh_from_db()
    publish_results(consultation, by=officer)

    outputs = {
        "public page": client.get(consultation.url).content.decode(),
        "Welsh public page": client.get(welsh.url).content.decode(),
        "figures.xlsx shared": xlsx_text(figures_workbook(consultation, exact=False)),
    }
    for name, page in [("published results", consultation), ("Welsh published results", welsh)]:
        response = client.get(published_results_url(page))
        assert response.status_code == 200
        outputs[name] = response.content.decode()
    for name, read in [("html", bytes.decode), ("pdf", pdf_text), ("docx", docx_text)]:
        response = officer_client.get(reverse(f"reports_admin:{name}", args=[consultation.pk]))
        assert response.status_code == 200
        outputs[f"board paper {name}"] = " ".join(read(response.content).split())

    for name, text in outputs.items():
        assert MARKER not in text, name
    for name in [
        "board paper html",
        "board paper pdf",
        "board paper docx",
        "published results",
        "Welsh published results",
    ]:
        assert CONSENTED in outputs[name], name
