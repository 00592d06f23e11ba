"""Groups in the CSV exports and on the officers' pages, and what a partnership reader sees."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.conftest import give_second_factor
from youth_voice.access import PARTNERSHIP_READERS
from youth_voice.exports import response_rows

from .conftest import record_group


@pytest.fixture
def mixed(consultation, answer, forum, event):
    answer({"1": (["yes"], ""), "6.2": "a-week"})
    return record_group(
        consultation,
        size=20,
        event=event,
        youngest=11,
        oldest=16,
        tallies={"1": {"yes": 14, "no": 6}},
        agreed={"6.1": "Say it plainly"},
        notes="=Two rooms",
        publication="confidential",
    )


def _as_dicts(rows):
    header, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]


def test_the_codes_export_has_group_columns_and_tally_cells(consultation, mixed):
    individual, group = _as_dicts(list(response_rows(consultation, codes=True)))
    header = list(group)
    assert header[6:14] == [
        "speaks_for",
        "group_size",
        "youngest",
        "oldest",
        "method",
        "forum",
        "event",
        "notes",
    ]
    tallies_from = header.index("postal_address") + 1  # the tallies, then the answers
    assert header[tallies_from : tallies_from + 2] == ["Q1 tally yes", "Q1 tally no"]
    assert ["Q6.2 tally a-week", "Q6.2 tally a-month", "Q6.2 tally three-months"] == [
        h for h in header if h.startswith("Q6.2 tally")
    ]
    assert not any(h.startswith("Q6.1 tally") for h in header)
    assert (group["speaks_for"], group["group_size"], group["youngest"], group["oldest"]) == (
        "group",
        "20",
        "11",
        "16",
    )
    assert (group["method"], group["forum"], group["notes"]) == (
        "show_of_hands",
        "Harrowby Vale Youth Forum",
        "'=Two rooms",
    )
    assert (group["Q1 tally yes"], group["Q1 tally no"], group["Q1"], group["Q6.1"]) == (
        "14",
        "6",
        "",
        "Say it plainly",
    )
    assert group["publication"] == "confidential"
    assert (
        individual["speaks_for"],
        individual["group_size"],
        individual["Q1"],
        individual["Q1 tally yes"],
    ) == (
        "individual",
        "",
        "yes",
        "",
    )


def test_the_readable_export_names_the_tally_columns(officer_client, consultation, mixed):
    download = officer_client.get(reverse("youth_voice_admin:export", args=[consultation.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    header, _individual, group = rows
    assert "Q1 tally: Yes" in header and "Q6.2 tally: A week" in header
    assert group[header.index("Q1 tally: Yes")] == "14"
    assert group[header.index("Speaks for")] == "A group"
    assert group[header.index("How the group reached its view")] == "Show of hands"


def test_the_summary_page_says_individuals_and_groups_apart(officer_client, consultation, mixed):
    page = officer_client.get(reverse("youth_voice_admin:summary", args=[consultation.pk])).content.decode()
    assert (
        "<strong>1</strong> individual response; <strong>1</strong> group speaking for 20 young people"
        in page
    )
    assert "Tallies of 1 group speaking for 20 young people." in page
    assert "Group tallies for Q1 as a bar chart" in page
    assert "Yes: 14 (70.0%); No: 6 (30.0%)" in page
    assert "Say it plainly" in page
    assert "[Confidential – do not quote]</strong> <span" in page


def test_a_partnership_reader_sees_group_figures_but_no_agreed_answer(
    client, consultation, mixed, django_user_model
):
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    reader.groups.add(Group.objects.get(name=PARTNERSHIP_READERS))
    give_second_factor(reader)
    client.force_login(reader)
    page = client.get(reverse("youth_voice_admin:summary", args=[consultation.pk])).content.decode()
    assert "Tallies of fewer than 5 groups speaking for 20 young people." in page  # one group: suppressed
    assert "Agreed answer of 1 group" in page
    assert "Say it plainly" not in page
    assert mixed.reference not in page
    assert "Record a group response" not in page


def test_the_response_list_tells_groups_from_individuals_and_filters_them(
    officer_client, consultation, mixed
):
    address = reverse("youth_voice_admin:responses", args=[consultation.pk])
    everyone = officer_client.get(address).content.decode()
    assert "A group of 20" in everyone and "One person" in everyone
    groups = officer_client.get(address + "?speaks_for=group").content.decode()
    assert "A group of 20" in groups and "One person" not in groups
    assert reverse("youth_voice_admin:group", args=[consultation.pk, mixed.reference]) in groups
