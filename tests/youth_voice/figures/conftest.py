"""A consultation answered by eleven young people and one youth forum, with figures worked out
by hand in the tests that use it."""

import uuid

import pytest
from django.contrib.auth.models import Group

from tests.conftest import submit_answers
from youth_voice.access import PARTNERSHIP_READERS
from youth_voice.models import Channel, Forum, GroupTally, Response, SpeaksFor
from youth_voice.models.response import new_response_reference

# (age band, Q1, Q6.2) of each individual: by age band, Q1 is
#            13 to 15  16 to 18  not given | total
#   Yes          3         2         1     |   6
#   No           1         4         0     |   5
#                4         6         1     |  11
# and Q6.2: A week 7, A month 1, Three months 3.
INDIVIDUALS = (
    [("13_15", "yes", "A week")] * 3
    + [("13_15", "no", "A month")]
    + [("16_18", "yes", "Three months")] * 2
    + [("16_18", "no", "A week")] * 4
    + [("", "yes", "Three months")]
)


def option_code(consultation, reference, label):
    question = consultation.questions.get(reference=reference)
    return next(o.code for o in question.kind_class.options(question) if str(o.label) == label)


def group_response(consultation, tallies, *, forum=None, age_band="13_15", size=20):
    """A forum's group response, as its facilitator enters it: tallies of its members' answers."""
    response = Response.objects.create(
        consultation=consultation,
        reference=new_response_reference(),
        secret_hash="-",
        submission_key=uuid.uuid4(),
        channel=Channel.FORUM,
        speaks_for=SpeaksFor.GROUP,
        group_size=size,
        age_band=age_band,
        forum=forum,
        submitted_at=response_time(),
    )
    for (reference, code), count in tallies.items():
        identity = consultation.question_identities.get(reference=reference, retired=False)
        GroupTally.objects.create(response=response, question=identity, option=code, count=count)
    return response


def response_time():
    from django.utils import timezone

    return timezone.now()


@pytest.fixture
def answered(consultation):
    """The consultation with INDIVIDUALS' responses and a youth forum's tallies for Q1 (Yes 14, No 6)."""
    for age_band, yes_no, wait in INDIVIDUALS:
        submit_answers(
            consultation,
            {"1": ([yes_no], ""), "6.2": option_code(consultation, "6.2", wait)},
            age_band=age_band,
        )
    forum = Forum.objects.create(name="Cardiff Youth Forum")
    group_response(consultation, {("1", "yes"): 14, ("1", "no"): 6}, forum=forum)
    return consultation


@pytest.fixture
def reader_client(client, django_user_model):
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    reader.groups.add(Group.objects.get(name=PARTNERSHIP_READERS))
    client.force_login(reader)
    return client
