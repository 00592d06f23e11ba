"""Officers read responses, the summary and the CSV export in the Wagtail admin."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission

from tests.conftest import give_second_factor
from youth_voice.models import ConsultationAccess


def url(consultation, tail=""):
    return f"/admin/responses/{consultation.pk}/{tail}"


@pytest.fixture
def responses(answer):
    return [
        answer(
            {"1": (["no"], "Too long"), "7": ["swimming", "clubs"], "6.1": "Someone to talk to", "8": "=1+1"},
            respondent_type="young_person",
            age_band="13_15",
            area="North",
        ),
        answer(
            {"1": (["yes"], ""), "6.1": "Secret thoughts"},
            respondent_type="parent_carer",
            publication="confidential",
            name="Pat",
            contact="pat@example.org",
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
        # A consultation not given to them does not exist for them (youth_voice.access).
        assert client.get(url(consultation, tail)).status_code == 404


def test_index_lists_consultations_with_counts(officer_client, consultation, responses):
    html = officer_client.get("/admin/responses/").content.decode()
    assert consultation.title in html and "<td>2</td>" in html


def test_summary_shows_counts_percentages_and_texts(officer_client, consultation, responses):
    html = officer_client.get(url(consultation, "summary/")).content.decode()
    assert "<strong>2</strong> responses" in html
    assert "<td>Swimming</td><td>1</td><td>100.0%</td>" in html
    assert "<td>Yes</td><td>1</td><td>50.0%</td>" in html
    assert "Someone to talk to" in html
    assert '[Confidential – do not quote]</strong> <span lang="en-gb">Secret thoughts</span>' in html
    assert '[Publish without name]</span> <span lang="en-gb">Someone to talk to</span>' in html


def test_filters_combine(officer_client, consultation, responses, answer):
    answer({"6.1": "Older"}, respondent_type="young_person", age_band="16_18", area="North")
    query = "summary/?respondent_type=young_person&age_band=13_15&area=North&channel=online"
    html = officer_client.get(url(consultation, query)).content.decode()
    assert "<strong>1</strong> response matching these filters" in html
    assert "Someone to talk to" in html and "Older" not in html
    listing = officer_client.get(url(consultation, "?respondent_type=young_person")).content.decode()
    assert "2 responses matching these filters" in listing


def test_summary_filters_by_respondent_type_alone(officer_client, consultation, responses):
    html = officer_client.get(url(consultation, "summary/?respondent_type=parent_carer")).content.decode()
    assert "<strong>1</strong> response matching these filters" in html
    assert "Someone to talk to" not in html


def test_unknown_filter_value_means_everyone(officer_client, consultation, responses):
    html = officer_client.get(url(consultation, "summary/?respondent_type=<x>")).content.decode()
    assert "<strong>2</strong> responses" in html


def test_responses_list_and_one_response(officer_client, consultation, responses):
    html = officer_client.get(url(consultation)).content.decode()
    assert responses[0].reference in html and responses[1].reference in html
    assert "[Confidential – do not quote]" in html
    detail = officer_client.get(url(consultation, f"{responses[1].reference}/")).content.decode()
    assert "never publish or quote this response" in detail
    assert "Secret thoughts" in detail


def test_all_texts_for_one_question(officer_client, consultation, questions, responses):
    identity = consultation.question_identities.get(reference="6.1")
    html = officer_client.get(url(consultation, f"summary/{identity.pk}/")).content.decode()
    assert "2 written answers" in html


def test_unknown_consultation_or_response_is_not_found(officer_client, consultation):
    assert officer_client.get("/admin/responses/999999/summary/").status_code == 404
    assert officer_client.get(url(consultation, "AAA-AAA/")).status_code == 404


def csv_rows(officer_client, consultation, tail="export.csv"):
    response = officer_client.get(url(consultation, tail))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_csv_export_has_one_row_per_response_and_headers_people_read(officer_client, consultation, responses):
    rows = csv_rows(officer_client, consultation)
    header = rows[0]
    assert header[-8:] == [
        "Q1 – Is the draft clear?",
        "Q1 – Is the draft clear?: why (follow-up)",
        "Q6.1 – What would help you cope?",
        "Q6.2 – How long is too long to wait?",
        "Q7 – What should come first?: Swimming",
        "Q7 – What should come first?: Buses",
        "Q7 – What should come first?: Clubs",
        "Q8 – Anything else?",
    ]
    assert len(rows) == 3
    first = dict(zip(header, rows[1], strict=True))
    assert first["Reference"] == responses[0].reference
    assert (first["Q1 – Is the draft clear?"], first["Q1 – Is the draft clear?: why (follow-up)"]) == (
        "No",
        "Too long",
    )
    assert first["Q8 – Anything else?"] == "'=1+1"  # never a live formula in a spreadsheet
    ticks = [first[f"Q7 – What should come first?: {label}"] for label in ("Swimming", "Buses", "Clubs")]
    assert ticks == ["yes", "", "yes"]
    assert (first["Respondent type"], first["Age band"], first["Channel"]) == (
        "A young person",
        "13 to 15",
        "Online",
    )
    assert first["Publication"] == "Publish my response without my name"
    assert first["Language"] == "English"
    second = dict(zip(header, rows[2], strict=True))
    assert second["Publication"] == "Do not publish my response: keep it confidential"
    assert second["Email or telephone"] == "pat@example.org"
    assert second["Age band"] == ""


def test_the_codes_export_has_stable_headers_and_stored_codes(officer_client, consultation, responses):
    rows = csv_rows(officer_client, consultation, "export-codes.csv")
    header = rows[0]
    assert header[:2] == ["reference", "submitted_at"]
    assert header[-8:] == ["Q1", "Q1 why", "Q6.1", "Q6.2", "Q7 swimming", "Q7 buses", "Q7 clubs", "Q8"]
    first = dict(zip(header, rows[1], strict=True))
    assert (first["respondent_type"], first["age_band"], first["channel"]) == (
        "young_person",
        "13_15",
        "online",
    )
    assert (first["publication"], first["language"]) == ("without_name", "en-gb")
    assert (first["Q1"], first["Q1 why"]) == ("no", "Too long")
    assert (first["Q7 swimming"], first["Q7 buses"], first["Q7 clubs"]) == ("1", "", "1")
    assert first["Q8"] == "'=1+1"
    response = officer_client.get(url(consultation, "export-codes.csv"))
    assert "-codes-" in response["Content-Disposition"]


def test_the_readable_export_is_in_the_officers_language(officer, officer_client, consultation, responses):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "cy"
    profile.save()
    header, first, _second = csv_rows(officer_client, consultation)
    row = dict(zip(header, first, strict=True))
    assert (row["Math o ymatebydd"], row["Band oedran"], row["Sianel"]) == (
        "Person ifanc",
        "13 i 15",
        "Ar-lein",
    )
    # Questions and their options keep the consultation's own wording.
    assert row["Q1 – Is the draft clear?"] == "No"
    assert row["Q1 – Is the draft clear?: pam (cwestiwn dilynol)"] == "Too long"


def test_both_exports_are_linked_side_by_side_for_those_who_may_export(officer_client, consultation):
    html = officer_client.get(url(consultation, "summary/")).content.decode()
    assert f'href="{url(consultation, "export.csv")}"' in html
    assert f'href="{url(consultation, "export-codes.csv")}"' in html


def test_the_codes_export_needs_the_export_permission(client, consultation, django_user_model):
    user = django_user_model.objects.create_user("viewer", "viewer@example.org", "pw")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_response"]))
    give_second_factor(user)  # a response reader reaches the admin only with one
    ConsultationAccess.objects.create(consultation=consultation, user=user)
    client.force_login(user)
    for tail in ("export.csv", "export-codes.csv"):
        # Wagtail turns a refusal inside the admin into a redirect with a message.
        assert client.get(url(consultation, tail))["Location"] == "/admin/"
    assert "export-codes.csv" not in client.get(url(consultation, "summary/")).content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "=1+1",
        " =1+1",
        "\u200b=HYPERLINK(1)",
        "\uff1dSUM(A1)",
        "\uff0b1",
        "\uff0d1",
        "\uff20A1",
        "\t=1",
        "@SUM(A1)",
        "+1",
    ],
)
def test_csv_cells_are_never_formulas_however_they_are_disguised(officer_client, consultation, answer, typed):
    answer({"8": typed})
    for tail, column in (("export.csv", "Q8 – Anything else?"), ("export-codes.csv", "Q8")):
        header, row = csv_rows(officer_client, consultation, tail)
        assert dict(zip(header, row, strict=True))[column] == "'" + typed


def test_menu_shows_responses_to_officers(officer_client):
    assert '"url": "/admin/responses/"' in officer_client.get("/admin/").content.decode()


def test_the_exports_stream_rows_as_they_are_read(officer_client, consultation, responses):
    """The header comes before any response is read, and responses are read in chunks as rows are
    written, so memory stays flat whatever their number."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from youth_voice.exports import response_rows

    for codes in (False, True):
        rows = response_rows(consultation, codes=codes)
        with CaptureQueriesContext(connection) as queries:
            next(rows)
        assert not any("youth_voice_response" in query["sql"] for query in queries.captured_queries)
        assert len(list(rows)) == 2
    assert officer_client.get(url(consultation, "export-codes.csv")).streaming
