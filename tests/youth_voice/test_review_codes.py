"""Review of issue 7: codes."""

import re

from django.test import Client

from tests.conftest import form_data
from tests.youth_voice.test_steps import hidden
from youth_voice.models import Response


def test_someone_else_guessing_wrong_does_not_lock_the_owner_out_or_lose_their_answers(client, consultation):
    data = form_data(consultation, {"6.1": "first thoughts"})
    receipt = client.get(
        client.post(consultation.submit_url, dict(data.lists()))["Location"]
    ).content.decode()
    code = re.search(r'id="response-code">([^<]+)<', receipt).group(1)
    html = client.post(consultation.code_url, {"code": code}).content.decode()

    reference = code[:7]
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for guess in ["2222", "3333", "4444", "5555", "6666", "7777", "8888", "9999", "AAAA", "BBBB"]:
        attacker.post(consultation.code_url, {"code": f"{reference}-{guess}"})

    changed = form_data(consultation, {"6.1": "second thoughts, typed for ten minutes"})
    changed["submission_key"] = hidden(html)["submission_key"]
    changed["response_code"] = code
    without_pass = client.post(consultation.submit_url, dict(changed.lists()))
    assert without_pass.status_code == 429  # a form that never proved its code is not checked now…
    assert "second thoughts, typed for ten minutes" in without_pass.content.decode()  # …but loses nothing
    changed["code_pass"] = hidden(html)["code_pass"]  # the owner entered the right code earlier
    response = client.post(consultation.submit_url, dict(changed.lists()))
    assert response.status_code == 302, (response.status_code, "second thoughts" in response.content.decode())
    assert Response.objects.get().answers.get().text.startswith("second thoughts")


def test_changing_a_response_keeps_its_answer_to_a_question_no_longer_asked(client, consultation):
    data = form_data(consultation, {"6.1": "kept forever", "6.2": "a-week"})
    receipt = client.get(
        client.post(consultation.submit_url, dict(data.lists()))["Location"]
    ).content.decode()
    code = re.search(r'id="response-code">([^<]+)<', receipt).group(1)

    page = consultation.get_latest_revision_as_object()
    page.questions = [q for q in page.questions.all() if q.reference != "6.1"]
    page.save_revision().publish()  # 6.1 is retired; "its answers are kept"

    html = client.post(consultation.code_url, {"code": code}).content.decode()
    changed = form_data(consultation, {"6.2": "a-month"})
    changed["submission_key"] = hidden(html)["submission_key"]
    changed["response_code"] = code
    assert client.post(consultation.submit_url, dict(changed.lists())).status_code == 302
    texts = list(Response.objects.get().answers.exclude(text="").values_list("text", flat=True))
    assert texts == ["kept forever"]
