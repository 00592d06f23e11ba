"""Forums for the forum tests: Harrowby Vale's youth forum (20 seats, 4 and 2 of them reserved)
and a young carers' group, each with a facilitator who runs only their own."""

import pytest
from django.contrib.auth.models import Group

from tests.conftest import OFFICER_PASSWORD, give_second_factor
from youth_voice.forums import services
from youth_voice.models import Forum, ForumKind
from youth_voice.roles import FORUM_FACILITATORS


def make_facilitator(django_user_model, name):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", OFFICER_PASSWORD)
    user.groups.add(Group.objects.get(name=FORUM_FACILITATORS))
    give_second_factor(user)
    return user


@pytest.fixture
def facilitator(db, django_user_model):
    return make_facilitator(django_user_model, "facilitator")


@pytest.fixture
def youth_forum(db, facilitator):
    forum = Forum.objects.create(
        name="Harrowby Vale Youth Forum",
        kind=ForumKind.YOUTH_FORUM,
        area="Harrowby Vale",
        youngest=11,
        oldest=19,
        meets="Monthly, first Tuesday",
        seats=20,
        slug="harrowby-youth-forum",
    )
    forum.reserved_places.create(label="Places for young people from minority ethnic groups", number=4)
    forum.reserved_places.create(label="Places for young people in care", number=2)
    forum.save()  # a cluster: its reserved places are written with it
    forum.facilitators.add(facilitator)
    return forum


@pytest.fixture
def carers_group(db, django_user_model):
    forum = Forum.objects.create(name="Young Carers Group", kind=ForumKind.YOUNG_CARERS)
    forum.facilitators.add(make_facilitator(django_user_model, "carers_facilitator"))
    return forum


@pytest.fixture
def join(facilitator):
    """Add a member the way a facilitator does; returns (membership, sign-in code)."""

    def add(forum, username, alias=None, age=15, **fields):
        return services.add_member(
            forum, username=username, alias=alias or username.title(), age=age, by=facilitator, **fields
        )

    return add
