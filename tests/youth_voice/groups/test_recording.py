"""An officer records a group's response in the admin: checked, kept on error, stored once."""

import html

import pytest
from django.urls import reverse

from tests.conftest import make_consultation
from youth_voice.models import Answer, Channel, DataRemoval, GroupTally, Response, SpeaksFor, Status

from .conftest import group_data, new_group_url, record_group


def post(client, consultation, data):
    return client.post(new_group_url(consultation), dict(data.lists()))


def page_of(response) -> str:
    return html.unescape(response.content.decode())


def test_the_empty_form_offers_tallies_for_choice_questions_and_answers_for_all(officer_client, consultation):
    page = page_of(officer_client.get(new_group_url(consultation)))
    for name in (
        "q_1_tally_yes",
        "q_1_tally_no",
        "q_6-2_tally_a-week",
        "q_7_tally_clubs",
        "q_6-1",
        "q_1_why",
    ):
        assert f'name="{name}"' in page
    assert 'name="q_6-1_tally' not in page  # a question answered in words has no tallies


def test_a_group_response_is_stored_with_who_entered_it(officer_client, officer, consultation, event):
    data = group_data(
        consultation,
        size=20,
        event=event,
        youngest=13,
        oldest=17,
        tallies={"1": {"yes": 14, "no": 6}},
        agreed={"6.1": "More youth workers", "7": ["swimming", "clubs"]},
        notes="Discussed in two rooms",
    )
    answered = post(officer_client, consultation, data)
    assert answered.status_code == 302
    group = Response.objects.get(speaks_for=SpeaksFor.GROUP)
    assert (group.group_size, group.youngest, group.oldest, group.method) == (20, 13, 17, "show_of_hands")
    assert (group.forum, group.event, group.channel) == (event.forum, event, Channel.EVENT)
    assert (group.entered_by, group.status, group.notes) == (
        officer,
        Status.SUBMITTED,
        "Discussed in two rooms",
    )
    assert group.submitted_at is not None
    assert sorted(GroupTally.objects.values_list("option", "count")) == [("no", 6), ("yes", 14)]
    assert sorted(Answer.objects.filter(response=group).values_list("option", "text")) == [
        ("", "More youth workers"),
        ("clubs", ""),
        ("swimming", ""),
    ]
    listed = page_of(officer_client.get(answered["Location"]))
    assert f"Group response {group.reference} saved: it speaks for 20 young people." in listed
    assert "A group of 20 (Residential weekend (07 Nov 2026))" in listed


def test_a_forum_without_an_event_is_the_forum_channel(consultation, forum):
    group = record_group(consultation, size=5, forum=forum, agreed={"8": "Nothing"})
    assert (group.forum, group.event, group.channel) == (forum, None, Channel.FORUM)


def test_the_same_form_posted_twice_is_one_response(officer_client, consultation, forum):
    data = group_data(consultation, size=20, forum=forum, tallies={"1": {"yes": 14}})
    post(officer_client, consultation, data)
    again = post(officer_client, consultation, data)
    assert Response.objects.groups().count() == 1
    assert GroupTally.objects.count() == 1
    reference = Response.objects.get().reference
    assert f"Group response {reference} was saved already; it is saved once." in page_of(
        officer_client.get(again["Location"])
    )


def test_a_closed_consultation_still_takes_group_responses(officer_client, officer, home, plan, forum):
    closed = make_consultation(home, plan, slug="closed", opens_delta=-30, closes_delta=-1)
    from youth_voice.models import ConsultationAccess

    ConsultationAccess.objects.create(consultation=closed, user=officer)
    assert not closed.is_open()
    answered = post(officer_client, closed, group_data(closed, size=9, forum=forum, tallies={"1": {"no": 9}}))
    assert answered.status_code == 302
    assert Response.objects.get(consultation=closed).group_size == 9


@pytest.mark.parametrize(
    "size, tallies, field, message",
    [
        (
            20,
            {"6.2": {"a-week": 15, "a-month": 8}},
            "q_6-2_tally_a-week",
            "Question 6.2: the tallies add up to 23, but the group speaks for 20 young people.",
        ),
        (
            20,
            {"7": {"swimming": 21, "buses": 3}},
            "q_7_tally_swimming",
            "Question 7: 21 chose “Swimming”, but the group speaks for 20 young people.",
        ),
        (12, {"1": {"yes": "-3"}}, "q_1_tally_yes", "Question 1, “Yes”: a tally cannot be below 0."),
        (12, {"1": {"no": "lots"}}, "q_1_tally_no", "Question 1, “No”: enter a whole number, like 14."),
        (12, {"1": {"no": "2.5"}}, "q_1_tally_no", "Question 1, “No”: enter a whole number, like 14."),
    ],
)
def test_impossible_tallies_get_a_message_naming_the_question(
    officer_client, consultation, forum, size, tallies, field, message
):
    data = group_data(consultation, size=size, forum=forum, tallies=tallies, notes="Kept when refused")
    answered = post(officer_client, consultation, data)
    assert answered.status_code == 200
    assert answered.context["form"].errors[field] == [message]
    page = page_of(answered)
    assert message in page
    assert "Kept when refused" in page
    for name, value in data.items():
        if "_tally_" in name:
            assert f'name="{name}" value="{value}"' in page or f'value="{value}"' in page
    assert not Response.objects.exists()


def test_tallies_of_a_choose_any_question_may_add_up_to_more_than_the_group(consultation, forum):
    group = record_group(
        consultation, size=10, forum=forum, tallies={"7": {"swimming": 10, "buses": 9, "clubs": 8}}
    )
    assert sum(group.tallies.values_list("count", flat=True)) == 27


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"group_size": "1"}, "group_size", "A group speaks for at least 2 young people."),
        ({"group_size": "99999999999"}, "group_size", "A group speaks for at most 100000 young people."),
        ({"group_size": ""}, "group_size", "Enter how many young people the group speaks for, like 20."),
        ({"forum": ""}, "forum", "Choose the forum, or the event, the group's response came from."),
        ({"method": ""}, "method", "Choose how the group reached its view."),
        ({"youngest": "16", "oldest": "12"}, "oldest", "The oldest age cannot be below the youngest."),
        ({"oldest": "40"}, "oldest", "Enter an age of 25 or under."),
        (
            {"q_1": "yes"},
            "q_1_tally_yes",
            "Question 1: give either tallies or an agreed answer, not both.",
        ),
        (
            {"q_6-1": "x" * 5001},
            "q_6-1",
            "Your answer is too long: please use no more than 5,000 characters (you have used 5001).",
        ),
        ({"q_6-2": "a-year"}, "q_6-2", "Select a valid choice. a-year is not one of the available choices."),
    ],
)
def test_what_cannot_be_stored_is_named_next_to_its_field(
    officer_client, consultation, forum, changes, field, message
):
    data = group_data(consultation, size=12, forum=forum, tallies={"1": {"yes": 9}})
    data.update(changes)
    answered = post(officer_client, consultation, data)
    assert answered.status_code == 200
    assert answered.context["form"].errors[field] == [message]
    assert not Response.objects.exists()


def test_an_officer_corrects_a_group_response(officer_client, consultation, forum, event):
    group = record_group(
        consultation, size=12, forum=forum, tallies={"1": {"yes": 9, "no": 3}}, agreed={"8": "Buses"}
    )
    address = reverse("youth_voice_admin:group", args=[consultation.pk, group.reference])
    shown = page_of(officer_client.get(address))
    assert 'name="q_1_tally_yes" value="9"' in shown
    assert "Buses</textarea>" in shown
    data = group_data(consultation, size=14, event=event, tallies={"1": {"yes": 10, "no": 4}})
    del data["submission_key"]
    assert officer_client.post(address, dict(data.lists())).status_code == 302
    group.refresh_from_db()
    assert (group.group_size, group.event, group.times_changed) == (14, event, 1)
    assert sorted(group.tallies.values_list("option", "count")) == [("no", 4), ("yes", 10)]
    assert not group.answers.exists()


def test_an_officer_deletes_a_group_response(officer_client, consultation, forum):
    group = record_group(consultation, size=12, forum=forum, tallies={"1": {"yes": 9}}, agreed={"8": "Buses"})
    address = reverse("youth_voice_admin:group_delete", args=[consultation.pk, group.reference])
    assert "This group response speaks for 12 young people" in page_of(officer_client.get(address))
    assert officer_client.post(address).status_code == 302
    group.refresh_from_db()
    assert group.status == Status.WITHDRAWN
    assert not group.answers.exists() and not group.tallies.exists()
    removal = DataRemoval.objects.get()
    assert (removal.kind, removal.responses, removal.answers) == ("deletion", 1, 1)
    assert officer_client.get(address).status_code == 404


def test_an_individual_response_cannot_be_opened_as_a_group(officer_client, consultation, answer):
    individual = answer({"8": "Me"})
    address = reverse("youth_voice_admin:group", args=[consultation.pk, individual.reference])
    assert officer_client.get(address).status_code == 404
