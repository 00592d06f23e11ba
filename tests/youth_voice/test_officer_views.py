"""Officers read responses, the summary and the CSV export in the Wagtail admin."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission


def url(consultation, tail=""):
    return f"/admin/responses/{consultation.pk}/{tail}"


@pytest.fixture
def responses(answer):
    return [
        answer(
            {"1": (["No"], "Too long"), "7": ["Swimming", "Clubs"], "6.1": "Someone to talk to", "8": "=1+1"},
            respondent_type="young_person",
            age_band="13_15",
        ),
        answer(
            {"1": (["Yes"], ""), "6.1": "Secret thoughts"},
            respondent_type="parent_carer",
            confidential=True,
            name="Pat",
            email="pat@example.org",
        ),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, consultation):
    response = client.get(url(consultation, "summary/"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_without_the_permission_are_refused(client, consultation, django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for tail in ("summary/", "export.csv", ""):
        response = client.get(url(consultation, tail))
        # Wagtail turns a refusal inside the admin into a redirect with a message.
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_index_lists_consultations_with_counts(officer_client, consultation, responses):
    html = officer_client.get("/admin/responses/").content.decode()
    assert consultation.title in html and "<td>2</td>" in html


def test_summary_shows_counts_percentages_and_texts(officer_client, consultation, responses):
    html = officer_client.get(url(consultation, "summary/")).content.decode()
    assert "<strong>2</strong> responses" in html
    assert "<td>Swimming</td><td>1</td><td>100.0%</td>" in html
    assert "<td>Yes</td><td>1</td><td>50.0%</td>" in html
    assert "Someone to talk to" in html
    assert "[Confidential – do not quote]</strong> Secret thoughts" in html


def test_summary_filters_by_respondent_type(officer_client, consultation, responses):
    html = officer_client.get(url(consultation, "summary/?respondent_type=parent_carer")).content.decode()
    assert "<strong>1</strong> response from this group" in html
    assert "Someone to talk to" not in html


def test_unknown_filter_value_means_everyone(officer_client, consultation, responses):
    html = officer_client.get(url(consultation, "summary/?respondent_type=<x>")).content.decode()
    assert "<strong>2</strong> responses" in html


def test_responses_list_and_one_response(officer_client, consultation, responses):
    html = officer_client.get(url(consultation)).content.decode()
    assert responses[0].reference in html and responses[1].reference in html
    assert "<strong>Confidential</strong>" in html
    detail = officer_client.get(url(consultation, f"{responses[1].reference}/")).content.decode()
    assert "never publish or quote this response" in detail
    assert "Secret thoughts" in detail


def test_all_texts_for_one_question(officer_client, consultation, questions, responses):
    html = officer_client.get(url(consultation, f"summary/{questions['6.1'].pk}/")).content.decode()
    assert "2 written answers" in html


def test_unknown_consultation_or_response_is_not_found(officer_client, consultation):
    assert officer_client.get("/admin/responses/999999/summary/").status_code == 404
    assert officer_client.get(url(consultation, "AAA-AAA/")).status_code == 404


def test_csv_export_has_one_row_per_response_and_a_column_per_reference(
    officer_client, consultation, responses
):
    response = officer_client.get(url(consultation, "export.csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    header = rows[0]
    assert header[-5:] == ["Q1", "Q6.1", "Q6.2", "Q7", "Q8"]
    assert len(rows) == 3
    first = dict(zip(header, rows[1], strict=True))
    assert first["Reference"] == responses[0].reference
    assert first["Q1"] == "No — Too long"
    assert first["Q8"] == "'=1+1"  # never a live formula in a spreadsheet
    assert first["Q7"] == "Swimming; Clubs"
    assert first["Respondent type"] == "young_person" and first["Confidential"] == "no"
    second = dict(zip(header, rows[2], strict=True))
    assert second["Confidential"] == "yes" and second["Email"] == "pat@example.org"


def test_menu_shows_responses_to_officers(officer_client):
    assert '"url": "/admin/responses/"' in officer_client.get("/admin/").content.decode()
