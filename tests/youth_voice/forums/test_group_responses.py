"""A forum's facilitator records, views, corrects and deletes its group responses to the
consultations put to it, and nothing else: never another forum's, never anyone's own answers."""

import datetime
import html

import pytest
from django.urls import reverse

from tests.conftest import make_consultation, submit_answers
from tests.youth_voice.groups.conftest import group_data, new_group_url, record_group
from youth_voice.models import ForumEvent, Response, Status

NOT_OFFERED = "Select a valid choice. That choice is not one of the available choices."


@pytest.fixture
def put_to_forum(consultation, youth_forum):
    youth_forum.consultations.add(consultation)
    return consultation


@pytest.fixture
def facilitator_client(client, facilitator):
    client.force_login(facilitator)
    return client


def page_of(answer) -> str:
    return html.unescape(answer.content.decode())


def post(client, url, data):
    return client.post(url, dict(data.lists()))


def forum_url(forum):
    return reverse("forums_admin:forum", args=[forum.pk])


def test_the_forum_page_offers_to_record_for_each_consultation_put_to_it(
    facilitator_client, put_to_forum, youth_forum
):
    page = page_of(facilitator_client.get(forum_url(youth_forum)))
    assert f"Record a group response: {put_to_forum.title}" in page
    assert f"{new_group_url(put_to_forum)}?forum={youth_forum.pk}" in page
    assert "No group responses recorded yet." in page
    form = page_of(facilitator_client.get(f"{new_group_url(put_to_forum)}?forum={youth_forum.pk}"))
    assert f'<option value="{youth_forum.pk}" selected>' in form


def test_a_facilitator_records_their_forums_group_response_and_goes_back_to_the_forum(
    facilitator_client, facilitator, put_to_forum, youth_forum
):
    assert facilitator_client.get(new_group_url(put_to_forum)).status_code == 200
    data = group_data(put_to_forum, size=9, forum=youth_forum, tallies={"1": {"yes": 7, "no": 2}})

    saved = post(facilitator_client, new_group_url(put_to_forum), data)

    assert (saved.status_code, saved["Location"]) == (302, forum_url(youth_forum))
    group = Response.objects.groups().get()
    assert (group.forum, group.group_size, group.entered_by) == (youth_forum, 9, facilitator)
    page = page_of(facilitator_client.get(saved["Location"]))
    assert f"Group response {group.reference} saved: it speaks for 9 young people." in page
    assert f">{group.reference}</a> · {put_to_forum.title}" in page and "A group of 9" in page


def test_a_facilitator_cannot_record_for_a_consultation_not_put_to_their_forum(
    facilitator_client, home, youth_forum
):
    other = make_consultation(home, slug="not-put")
    data = group_data(other, size=9, forum=youth_forum, tallies={"1": {"yes": 7}})
    assert facilitator_client.get(new_group_url(other)).status_code == 404
    assert post(facilitator_client, new_group_url(other), data).status_code == 404
    assert not Response.objects.exists()


def test_a_facilitator_cannot_pick_another_forum_or_its_event(facilitator_client, put_to_forum, carers_group):
    carers_group.consultations.add(put_to_forum)
    event = ForumEvent.objects.create(
        forum=carers_group, title="Carers' day", date=datetime.date(2026, 11, 7)
    )
    form = page_of(facilitator_client.get(new_group_url(put_to_forum)))
    assert "Young Carers Group" not in form and "Carers' day" not in form

    for where in ({"forum": carers_group}, {"event": event}):
        refused = post(
            facilitator_client, new_group_url(put_to_forum), group_data(put_to_forum, size=9, **where)
        )
        assert refused.status_code == 200
        field = next(iter(where))
        assert refused.context["form"].errors[field] == [NOT_OFFERED]
    assert not Response.objects.exists()


@pytest.mark.parametrize("url_name", ["youth_voice_admin:group", "youth_voice_admin:group_delete"])
def test_a_facilitator_cannot_see_or_change_another_forums_group_response(
    facilitator_client, put_to_forum, carers_group, url_name
):
    carers_group.consultations.add(put_to_forum)
    theirs = record_group(put_to_forum, size=6, forum=carers_group, tallies={"1": {"yes": 6}})
    url = reverse(url_name, args=[put_to_forum.pk, theirs.reference])
    assert facilitator_client.get(url).status_code == 404
    assert facilitator_client.post(url).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.status, theirs.group_size) == (Status.SUBMITTED, 6)


def test_a_facilitator_corrects_and_deletes_their_forums_group_response(
    facilitator_client, put_to_forum, youth_forum
):
    group = record_group(put_to_forum, size=6, forum=youth_forum, tallies={"1": {"yes": 6}})
    url = reverse("youth_voice_admin:group", args=[put_to_forum.pk, group.reference])
    assert facilitator_client.get(url).status_code == 200
    data = group_data(put_to_forum, size=8, forum=youth_forum, tallies={"1": {"yes": 8}})
    corrected = post(facilitator_client, url, data)
    assert (corrected.status_code, corrected["Location"]) == (302, forum_url(youth_forum))
    group.refresh_from_db()
    assert group.group_size == 8

    deleted = facilitator_client.post(
        reverse("youth_voice_admin:group_delete", args=[put_to_forum.pk, group.reference])
    )
    assert (deleted.status_code, deleted["Location"]) == (302, forum_url(youth_forum))
    group.refresh_from_db()
    assert group.status == Status.WITHDRAWN


@pytest.mark.parametrize(
    "url_name, by_reference",
    [
        ("youth_voice_admin:responses", False),
        ("youth_voice_admin:summary", False),
        ("youth_voice_admin:export", False),
        ("youth_voice_admin:response", True),
    ],
)
def test_a_facilitator_cannot_read_the_consultations_other_responses(
    facilitator_client, put_to_forum, url_name, by_reference
):
    individual = submit_answers(put_to_forum, {"6.1": "More buses"})
    args = [put_to_forum.pk, individual.reference] if by_reference else [put_to_forum.pk]
    assert facilitator_client.get(reverse(url_name, args=args)).status_code == 404


def test_officers_keep_every_forum_and_their_own_way_back(
    officer_client, consultation, youth_forum, carers_group
):
    form = page_of(officer_client.get(new_group_url(consultation)))
    assert "Harrowby Vale Youth Forum" in form and "Young Carers Group" in form
    data = group_data(consultation, size=5, forum=carers_group, tallies={"1": {"yes": 5}})
    saved = post(officer_client, new_group_url(consultation), data)
    assert (
        saved["Location"]
        == reverse("youth_voice_admin:responses", args=[consultation.pk]) + "?speaks_for=group"
    )


def test_the_form_says_where_to_create_a_forum_when_there_is_none(officer_client, consultation):
    form = page_of(officer_client.get(new_group_url(consultation)))
    assert "There is no forum to record a group response from yet." in form
    assert "Ask a site administrator to create the forum (Forums, in the admin menu)" in form
