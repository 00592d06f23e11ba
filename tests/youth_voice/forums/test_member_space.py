"""A member's own space: their forum's consultations (open ones to answer, closed ones with their
feedback) and what their forum said (its group responses)."""

import datetime
import uuid

from django.utils import timezone

from consultations.about_you import Publication
from consultations.models import QuestionIdentity
from tests.conftest import make_consultation
from youth_voice.models import GroupMethod, GroupTally, Response, SpeaksFor

SIGN_IN = "/en-gb/my-forum/sign-in/"


def group_response(consultation, forum, size, **fields):
    """A group response as the group-responses helper stores one: a Response speaking for `size`."""
    response = Response.objects.create(
        consultation=consultation,
        forum=forum,
        reference=uuid.uuid4().hex[:7].upper(),
        submission_key=uuid.uuid4(),
        speaks_for=SpeaksFor.GROUP,
        group_size=size,
        channel="forum",
        submitted_at=timezone.now(),
        **fields,
    )
    yes_no = QuestionIdentity.objects.get(consultation=consultation, reference="1")
    GroupTally.objects.create(response=response, question=yes_no, option="yes", count=14)
    GroupTally.objects.create(response=response, question=yes_no, option="no", count=6)
    return response


def test_a_member_sees_their_forums_consultations_and_what_the_forum_said(
    client, home, plan, youth_forum, carers_group, join
):
    open_one = make_consultation(home, plan, slug="open", title="Buses after dark")
    closed = make_consultation(
        home,
        plan,
        slug="closed",
        title="Youth centres",
        opens_delta=-60,
        closes_delta=-10,
        feedback_due=datetime.date.today() + datetime.timedelta(days=20),
    )
    published = make_consultation(
        home, plan, slug="published", title="Free swimming", opens_delta=-90, closes_delta=-40
    )
    published.feedback_published_at = timezone.now()
    published.save_revision().publish()
    not_ours = make_consultation(home, plan, slug="other", title="Carers' breaks")
    youth_forum.consultations.add(open_one, closed, published)
    carers_group.consultations.add(not_ours)
    group_response(
        closed, youth_forum, 20, method=GroupMethod.SHOW_OF_HANDS, received_on=datetime.date(2026, 10, 6)
    )
    group_response(closed, carers_group, 5)  # another forum's: not shown
    _membership, code = join(youth_forum, "sky-fox-12", alias="Sky")
    client.post(SIGN_IN, {"username": "sky-fox-12", "code": code})

    page = client.get("/en-gb/my-forum/").content.decode()

    assert f'<a href="{open_one.url}">Buses after dark</a>' in page
    assert "Youth centres" in page and f'href="{closed.url}">Youth centres' not in page
    due = (datetime.date.today() + datetime.timedelta(days=20)).strftime("%-d %B %Y")
    assert f"Feedback is due by {due}. It has not been published yet." in page
    assert "Feedback has been published" in page
    assert "Carers&#x27; breaks" not in page and "Carers' breaks" not in page
    assert "Speaking for 20 young people (Show of hands), 6 October 2026" in page
    assert "<dt>Is the draft clear?</dt><dd>Yes: 14</dd><dt>Is the draft clear?</dt><dd>No: 6</dd>" in page
    assert "Speaking for 5 young people" not in page


def test_a_confidential_group_response_is_shown_as_recorded_never_quoted(
    client, home, plan, youth_forum, join
):
    consultation = make_consultation(home, plan)
    youth_forum.consultations.add(consultation)
    group_response(consultation, youth_forum, 8, publication=Publication.CONFIDENTIAL)
    _membership, code = join(youth_forum, "sky-fox-12")
    client.post(SIGN_IN, {"username": "sky-fox-12", "code": code})
    page = client.get("/en-gb/my-forum/").content.decode()
    assert "Speaking for 8 young people" in page and "Recorded, and kept confidential." in page
    assert "Yes: 14" not in page


def test_the_space_is_in_welsh_too(client, home, plan, youth_forum, join):
    _membership, code = join(youth_forum, "sky-fox-12", alias="Sky")
    client.post("/cy/my-forum/sign-in/", {"username": "sky-fox-12", "code": code})
    page = client.get("/cy/my-forum/").content.decode()
    assert 'lang="cy"' in page and "Helo, Sky" in page
