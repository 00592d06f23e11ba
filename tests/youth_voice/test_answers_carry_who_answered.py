"""Each answer row carries who answered (`WHO_ANSWERED`), copied from its response: the copies
stay in step on every path that writes answers or changes a response's about-you fields."""

import datetime
import uuid

import pytest

from consultations.models import QuestionIdentity
from tests.conftest import form_data
from tests.youth_voice.groups.conftest import group_data, record_group
from youth_voice.groups.forms import GroupResponseForm
from youth_voice.groups.services import correct_group_response
from youth_voice.journey import Journey
from youth_voice.live import services as live
from youth_voice.models import Answer, Channel, Forum, ForumEvent, Response, SpeaksFor
from youth_voice.retention import erase_response
from youth_voice.services import change_response, save_draft, send_draft, submit_response

pytestmark = pytest.mark.django_db

ABOUT_YOU = {"respondent_type": "young_person", "age_band": "13_15", "area": "North Vale"}


def out_of_step() -> list:
    """(answer id, column) wherever an answer's copy differs from its response's value."""
    return [
        (answer.pk, attname)
        for answer in Answer.objects.select_related("response")
        for attname, value in answer.response.who_answered().items()
        if getattr(answer, attname) != value
    ]


def carried(response, *names) -> set:
    """The distinct values of `names` on the response's answer rows."""
    return set(Answer.objects.filter(response=response).values_list(*names))


def answers_for(consultation, answers) -> list:
    """{ref: value} (see tests.conftest.form_data) as the services take answers."""
    form = Journey(consultation, form_data(consultation, answers)).full_form()
    assert form.is_valid(), form.errors
    return form.answers()


def sent(consultation, answers, **fields):
    return submit_response(
        consultation, answers_for(consultation, answers), submission_key=uuid.uuid4(), **fields
    ).response


def retire(consultation, reference):
    """Publish a revision without the question: its answers are kept, as answers to a retired question."""
    page = consultation.get_latest_revision_as_object()
    page.questions = [q for q in page.questions.all() if q.reference != reference]
    page.save_revision().publish()
    assert QuestionIdentity.objects.get(consultation=consultation, reference=reference).retired


def test_a_sent_response_carries_its_about_you_channel_and_language_onto_every_answer(consultation):
    response = sent(
        consultation,
        {"1": (["no"], "Too long"), "7": ["swimming", "buses"]},
        about_you=ABOUT_YOU,
        channel=Channel.PAPER,
        language="cy",
    )
    assert response.answers.count() == 4
    assert carried(response, "respondent_type", "age_band", "area", "channel", "language", "speaks_for") == {
        ("young_person", "13_15", "North Vale", "paper", "cy", "individual")
    }
    assert out_of_step() == []


def test_a_draft_sent_later_carries_what_was_given_when_it_was_sent(consultation):
    draft, _secret = save_draft(consultation, {}, 1, submission_key=uuid.uuid4())
    response = send_draft(draft, answers_for(consultation, {"6.2": "a-week"}), about_you=ABOUT_YOU).response
    assert carried(response, "age_band", "area") == {("13_15", "North Vale")}
    assert out_of_step() == []


def test_a_changed_age_band_reaches_the_new_answers_and_those_kept_for_a_retired_question(consultation):
    response = sent(consultation, {"6.1": "kept forever", "6.2": "a-week"}, about_you=ABOUT_YOU)
    retire(consultation, "6.1")
    changed = change_response(
        response, answers_for(consultation, {"6.2": "a-month"}), about_you=ABOUT_YOU | {"age_band": "16_18"}
    ).response
    assert sorted(changed.answers.values_list("text", "option", "age_band")) == [
        ("", "a-month", "16_18"),
        ("kept forever", "", "16_18"),
    ]
    assert out_of_step() == []


def test_erasing_a_response_empties_its_area_on_the_answers_too(consultation):
    response = sent(consultation, {"6.2": "a-week"}, about_you=ABOUT_YOU)
    erase_response(response)
    assert carried(response, "area", "age_band") == {("", "13_15")}  # the figures keep the age band
    assert out_of_step() == []


def test_a_group_response_and_its_correction_carry_the_group_and_where_it_met(consultation):
    forum, elsewhere = Forum.objects.create(name="Youth Forum"), Forum.objects.create(name="Young Carers")
    event = ForumEvent.objects.create(forum=elsewhere, title="Weekend", date=datetime.date(2026, 11, 7))
    group = record_group(consultation, size=12, forum=forum, agreed={"6.1": "Kept", "8": "Buses"})
    assert carried(group, "speaks_for", "forum", "channel") == {("group", forum.pk, "forum")}
    retire(consultation, "6.1")
    correction = GroupResponseForm(
        consultation, group_data(consultation, size=12, event=event, agreed={"8": "Later"})
    )
    assert correction.is_valid(), correction.errors
    correct_group_response(group, **correction.contents())
    assert sorted(group.answers.values_list("text", "forum", "channel")) == [
        ("Kept", elsewhere.pk, "event"),
        ("Later", elsewhere.pk, "event"),  # the retired question's agreed answer, kept
    ]
    assert out_of_step() == []


def test_a_live_vote_at_a_forum_event_carries_the_live_channel_and_the_forum(consultation, officer):
    event = ForumEvent.objects.create(
        forum=Forum.objects.create(name="Youth Forum"), title="Assembly", date=datetime.date(2026, 11, 7)
    )
    key = next(i.question_key for i in live.askable_questions(consultation) if i.reference == "1")
    session = live.control(live.start_session(consultation, [key], user=officer, event=event).pk, "next")
    response = Response.objects.get(pk=live.record_vote(session.pk, uuid.uuid4(), key, "yes"))
    assert carried(response, "channel", "forum") == {("live", event.forum_id)}
    assert out_of_step() == []


def test_deleting_a_forum_takes_it_off_the_answers_as_off_the_responses(consultation):
    forum = Forum.objects.create(name="Youth Forum")
    group = record_group(consultation, size=12, forum=forum, agreed={"8": "Buses"})
    forum.delete()
    group.refresh_from_db()
    assert group.forum is None and carried(group, "forum") == {(None,)}
    assert out_of_step() == []


def test_an_update_of_responses_and_a_saved_response_reach_their_answers(consultation):
    first = sent(consultation, {"6.2": "a-week"}, about_you=ABOUT_YOU)
    second = sent(consultation, {"6.2": "a-month"}, about_you=ABOUT_YOU)
    Response.objects.filter(pk=first.pk).update(age_band="19_25", notes="")
    assert carried(first, "age_band") == {("19_25",)} and carried(second, "age_band") == {("13_15",)}
    second.respondent_type = "parent_carer"
    second.save()
    assert carried(second, "respondent_type") == {("parent_carer",)}
    assert out_of_step() == []


def test_the_check_finds_an_answer_out_of_step(consultation):
    """out_of_step() can fail: an answer written around `store_answers` is found."""
    response = sent(consultation, {"6.2": "a-week"}, about_you=ABOUT_YOU)
    Answer.objects.filter(response=response).update(age_band="", speaks_for=SpeaksFor.GROUP)
    assert sorted(column for _pk, column in out_of_step()) == ["age_band", "speaks_for"]
