"""Answers in Welsh and in English are answers to the same questions: counted together, and split
by language when an officer asks."""

import csv
import io
import re

import pytest

from consultations.translating import translate
from tests.conftest import form_data
from tests.consultations.test_translations import WELSH
from youth_voice.models import Response
from youth_voice.summary import summarise


def send(client, page, answers, **about_you):
    data = form_data(page, answers, **about_you)
    data.setlist("action", ["send"])
    return client.post(page.submit_url, dict(data.lists()))


@pytest.fixture
def welsh_version(consultation):
    return translate(consultation, "cy", WELSH)


@pytest.fixture
def answered(client, consultation, welsh_version):
    """Two answers in English, one in Welsh, to question 6.2 and 6.1."""
    send(client, consultation, {"6.2": "a-week", "6.1": "Someone to talk to"})
    send(client, consultation, {"6.2": "a-month"})
    return send(client, welsh_version, {"6.2": "a-week", "6.1": "Rhywun i siarad â nhw"}, age_band="13_15")


def test_a_welsh_answer_is_stored_against_the_same_question_and_option(consultation, welsh_version, answered):
    welsh = Response.objects.get(language="cy")
    assert welsh.consultation_id == consultation.pk  # the first version: one consultation to count
    identities = {answer.question.reference for answer in welsh.answers.select_related("question")}
    assert identities == {"6.1", "6.2"}
    assert {a.question.consultation_id for a in Response.objects.get(language="cy").answers.all()} == {
        consultation.pk
    }
    assert welsh.answers.get(question__reference="6.2").option == "a-week"
    assert welsh_version.answers_page_id == consultation.pk
    assert not welsh_version.question_identities.exists()


def test_the_receipt_is_in_the_language_the_person_answered_in(client, consultation, welsh_version, answered):
    assert re.fullmatch(rf"/cy/consultations/{welsh_version.pk}/responses/[A-Z0-9-]+/", answered["Location"])
    receipt = client.get(answered["Location"]).content.decode()
    assert '<html lang="cy">' in receipt and "Diolch, mae eich atebion wedi’u hanfon" in receipt
    code = re.search(r'id="response-code">([^<]+)<', receipt).group(1)
    # The code given in Welsh also opens the response from the English page.
    changing = client.post(consultation.code_url, {"code": code}).content.decode()
    assert "You are changing the answers you sent" in changing and "Rhywun i siarad â nhw" in changing


def test_the_language_switch_on_the_receipt_keeps_showing_the_receipt(
    client, consultation, welsh_version, answered
):
    receipt = client.get(answered["Location"]).content.decode()
    code = re.search(r'id="response-code">([^<]+)<', receipt).group(1)
    english_url = re.search(r'<a href="([^"]+)" hreflang="en-gb"', receipt).group(1)
    assert english_url == answered["Location"].replace("/cy/", "/en-gb/", 1)
    english = client.get(english_url)
    assert english.status_code == 200
    text = english.content.decode()
    assert '<html lang="en-gb">' in text and "Thank you, your answers have been sent" in text
    assert f'id="response-code">{code}<' in text
    assert f"Back to {consultation.title}" in text  # told by the English version
    # And back again to Welsh, still the receipt.
    assert client.get(answered["Location"]).status_code == 200


def test_a_receipt_in_the_other_language_is_still_only_for_the_browser_that_sent_it(
    client, welsh_version, answered
):
    english_url = answered["Location"].replace("/cy/", "/en-gb/", 1)
    client.cookies.clear()
    assert client.get(english_url).status_code == 404


def test_the_summary_counts_both_languages_together_and_splits_them_on_request(consultation, answered):
    both = summarise(consultation)
    assert both.total_responses == 3
    choices = {
        c.code: c.count for c in next(q for q in both.questions if q.reference == "6.2").figures.choices
    }
    assert choices["a-week"] == 2 and choices["a-month"] == 1
    welsh = summarise(consultation, {"language": "cy"})
    assert welsh.total_responses == 1
    texts = [t.text for t in next(q for q in welsh.questions if q.reference == "6.1").texts]
    assert texts == ["Rhywun i siarad â nhw"]  # kept as typed


def test_officers_see_one_consultation_its_languages_and_can_filter_by_language(
    officer_client, consultation, welsh_version, answered
):
    officer_client.cookies.pop("django_language")  # the officer is not the young person who chose Welsh
    index = officer_client.get("/admin/responses/").content.decode()
    assert index.count(f"/admin/responses/{consultation.pk}/") >= 1
    assert f"/admin/responses/{welsh_version.pk}/" not in index
    listing = officer_client.get(f"/admin/responses/{consultation.pk}/").content.decode()
    assert listing.count('<td lang="cy">Cymraeg</td>') == 1 and listing.count("English</td>") == 2
    summary = officer_client.get(f"/admin/responses/{consultation.pk}/summary/?language=cy").content.decode()
    assert (
        "<strong>1</strong> response" in summary and '<option value="cy" selected>Cymraeg</option>' in summary
    )
    assert '<span lang="cy">Rhywun i siarad â nhw</span>' in summary
    # The Welsh version's id leads to the same responses.
    assert (
        "<strong>3</strong> responses"
        in officer_client.get(f"/admin/responses/{welsh_version.pk}/summary/").content.decode()
    )


def test_the_csv_has_every_response_with_its_language(officer_client, officer, consultation, answered):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en-gb"  # the client last read the site in Welsh
    profile.save()
    response = officer_client.get(f"/admin/responses/{consultation.pk}/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert sorted(row["Language"] for row in rows) == ["Cymraeg", "English", "English"]
    wait = "Q6.2 – How long is too long to wait?"
    assert sorted(row[wait] for row in rows) == ["A month", "A week", "A week"]
    response = officer_client.get(f"/admin/responses/{consultation.pk}/export-codes.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert sorted(row["language"] for row in rows) == ["cy", "en-gb", "en-gb"]
    assert sorted(row["Q6.2"] for row in rows) == ["a-month", "a-week", "a-week"]


def csv_rows(client, consultation) -> list[dict]:
    response = client.get(f"/admin/responses/{consultation.pk}/export.csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_the_csvs_fixed_headers_are_in_the_officers_language(officer_client, consultation, answered):
    officer_client.cookies["django_language"] = "cy"
    rows = csv_rows(officer_client, consultation)
    assert sorted(row["Iaith"] for row in rows) == ["Cymraeg", "English", "English"]  # each in its own name
    assert "Cyfeirnod" in rows[0]
    assert any(heading.startswith("Q6.2 – ") for heading in rows[0])


def test_an_officer_who_reads_the_admin_in_welsh_gets_the_responses_in_welsh(
    officer_client, officer, consultation, answered
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "cy"
    profile.save()
    summary = officer_client.get(f"/admin/responses/{consultation.pk}/summary/").content.decode()
    assert "<strong>3</strong> ymateb." in summary and "Beth ysgrifennodd pobl (2)" in summary
    listing = officer_client.get(f"/admin/responses/{consultation.pk}/").content.decode()
    assert "Cyfeirnod" in listing and "Ar-lein" in listing and "Heb ddweud" in listing
