"""Facilitators in the admin: their own forums' members and events only; site administrators see
every forum; a new member's code is shown once."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group

from tests.conftest import give_second_factor
from youth_voice.forums import services
from youth_voice.models import ForumEvent, ForumMember
from youth_voice.models.audit import DataRemoval, RemovalKind
from youth_voice.roles import SITE_ADMINISTRATORS


@pytest.fixture
def site_administrator(db, django_user_model):
    user = django_user_model.objects.create_user("admin2", "admin2@example.org", "pw")
    user.groups.add(Group.objects.get(name=SITE_ADMINISTRATORS))
    give_second_factor(user)
    return user


def test_a_facilitator_sees_only_their_own_forums_and_members(
    client, facilitator, youth_forum, carers_group, join
):
    join(youth_forum, "sky-fox-12", alias="Sky")
    join(carers_group, "moon-owl-3", alias="Moon")
    client.force_login(facilitator)

    index = client.get("/admin/forums/").content.decode()
    assert "Harrowby Vale Youth Forum" in index and "Young Carers Group" not in index
    own = client.get(f"/admin/forums/{youth_forum.pk}/")
    assert own.status_code == 200 and "Sky" in own.content.decode() and "Moon" not in own.content.decode()
    assert client.get(f"/admin/forums/{carers_group.pk}/").status_code == 404
    assert client.get(f"/admin/forums/{carers_group.pk}/members/add/").status_code == 404
    moon = ForumMember.objects.get(alias="Moon")
    assert client.get(f"/admin/forums/{youth_forum.pk}/members/{moon.pk}/new-code/").status_code == 404


def test_a_site_administrator_sees_every_forum(client, site_administrator, youth_forum, carers_group):
    client.force_login(site_administrator)
    index = client.get("/admin/forums/").content.decode()
    assert "Harrowby Vale Youth Forum" in index and "Young Carers Group" in index
    assert client.get(f"/admin/forums/{carers_group.pk}/").status_code == 200


def test_a_facilitator_needs_a_second_factor(client, django_user_model, youth_forum):
    from youth_voice.access import needs_second_factor
    from youth_voice.roles import FORUM_FACILITATORS

    user = django_user_model.objects.create_user("newfac", "newfac@example.org", "pw")
    user.groups.add(Group.objects.get(name=FORUM_FACILITATORS))
    assert needs_second_factor(user)


def test_a_facilitator_adds_a_member_and_sees_their_code_once(client, facilitator, youth_forum):
    client.force_login(facilitator)
    in_care = youth_forum.reserved_places.get(number=2)
    added = client.post(
        f"/admin/forums/{youth_forum.pk}/members/add/",
        {"alias": "Sky", "username": "Sky-Fox-12", "age": "15", "place": in_care.pk},
    )
    assert added.status_code == 200
    code = re.search(
        r"<dt>Sign-in code</dt><dd><strong>([A-Z0-9]{4}-[A-Z0-9]{4})</strong>", added.content.decode()
    )[1]
    member = ForumMember.objects.get()
    assert member.code_matches(code) and member.memberships.get().place == in_care
    listing = client.get(f"/admin/forums/{youth_forum.pk}/").content.decode()
    assert code not in listing


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        (
            {"alias": "Pip", "username": "pip", "age": "11"},
            "A member under 13 can only join with a parent&#x27;s or carer&#x27;s consent: give the date it was given.",
        ),
        ({"alias": "Pip", "username": "", "age": "15"}, "This field is required."),
    ],
)
def test_adding_a_member_with_something_missing_says_what_and_keeps_what_was_typed(
    client, facilitator, youth_forum, posted, message
):
    client.force_login(facilitator)
    refused = client.post(f"/admin/forums/{youth_forum.pk}/members/add/", posted)
    page = refused.content.decode()
    assert refused.status_code == 200 and message in page
    assert 'value="Pip"' in page
    assert not ForumMember.objects.exists()


def test_adding_a_member_to_a_full_kind_of_place_says_so(client, facilitator, youth_forum, join):
    in_care = youth_forum.reserved_places.get(number=2)
    join(youth_forum, "a", place=in_care)
    join(youth_forum, "b", place=in_care)
    client.force_login(facilitator)
    refused = client.post(
        f"/admin/forums/{youth_forum.pk}/members/add/",
        {"alias": "C", "username": "c", "age": "15", "place": in_care.pk},
    )
    assert "All 2 of the forum&#x27;s places for young people in care are taken." in refused.content.decode()
    assert ForumMember.objects.count() == 2


def test_an_event_cannot_count_fewer_than_the_members_ticked(client, facilitator, youth_forum, join):
    first, _ = join(youth_forum, "a")
    second, _ = join(youth_forum, "b")
    client.force_login(facilitator)
    address = f"/admin/forums/{youth_forum.pk}/events/add/"
    event = {
        "title": "Residential weekend",
        "date": "2026-10-10",
        "place": "Brecon",
        "members": [first.pk, second.pk],
    }
    refused = client.post(address, {**event, "attended": "1"})
    assert (
        "2 members are ticked as there, so at least 2 came. Give a number of 2 or more."
        in refused.content.decode()
    )
    assert not ForumEvent.objects.exists()

    saved = client.post(address, {**event, "attended": "18", "youngest": "12", "oldest": "17"})
    assert saved.status_code == 302
    made = ForumEvent.objects.get()
    assert (made.attended, made.date, set(made.members.all())) == (
        18,
        datetime.date(2026, 10, 10),
        {first, second},
    )
    # Edited later, the date picker shows the date it has (a date input reads only YYYY-MM-DD).
    editing = client.get(f"/admin/forums/{youth_forum.pk}/events/{made.pk}/").content.decode()
    assert 'type="date" name="date" value="2026-10-10"' in editing


def test_the_forum_settings_refuse_more_reserved_places_than_seats(client, site_administrator, youth_forum):
    client.force_login(site_administrator)
    places = list(youth_forum.reserved_places.all())
    data = {
        "name": youth_forum.name,
        "kind": youth_forum.kind,
        "seats": "5",
        "slug": youth_forum.slug,
        "reserved_places-TOTAL_FORMS": "2",
        "reserved_places-INITIAL_FORMS": "2",
        "reserved_places-MIN_NUM_FORMS": "0",
        "reserved_places-MAX_NUM_FORMS": "1000",
    }
    for n, place in enumerate(places):
        data |= {
            f"reserved_places-{n}-id": place.pk,
            f"reserved_places-{n}-label": place.label,
            f"reserved_places-{n}-number": place.number,
            f"reserved_places-{n}-ORDER": n,
            f"reserved_places-{n}-DELETE": "",
        }
    refused = client.post(f"/admin/forum_settings/edit/{youth_forum.pk}/", data)
    assert "The reserved places add up to 6, more than the 5 seats." in refused.content.decode()
    youth_forum.refresh_from_db()
    assert youth_forum.seats == 20

    accepted = client.post(f"/admin/forum_settings/edit/{youth_forum.pk}/", data | {"seats": "6"})
    assert accepted.status_code == 302
    youth_forum.refresh_from_db()
    assert youth_forum.seats == 6


def test_a_facilitator_removes_a_member_after_a_confirm_step(
    client, facilitator, youth_forum, carers_group, join
):
    only_here, _ = join(youth_forum, "sky-fox-12", alias="Sky")
    in_both, _ = join(youth_forum, "moon-owl-3", alias="Moon")
    services.add_member(carers_group, username="other", alias="Other", age=15, by=facilitator)
    from youth_voice.models import Membership

    Membership.objects.create(member=in_both.member, forum=carers_group)
    client.force_login(facilitator)
    for membership in (only_here, in_both):
        address = f"/admin/forums/{youth_forum.pk}/members/{membership.member_id}/remove/"
        assert "Remove" in client.get(address).content.decode()
        assert (
            membership.member.memberships.current().filter(forum=youth_forum).exists()
        )  # asking changes nothing
        assert client.post(address).status_code == 302

    sky, moon = ForumMember.objects.get(pk=only_here.member_id), ForumMember.objects.get(pk=in_both.member_id)
    assert (sky.alias, sky.username, sky.erased_at is not None) == ("", None, True)  # in no forum: erased
    assert (moon.alias, moon.erased_at) == ("Moon", None)  # still in the carers' group
    assert [kind.filled for kind in youth_forum.places()] == [0, 0, 0]
    assert list(DataRemoval.objects.values_list("kind", "by")) == [
        (RemovalKind.MEMBER_LEFT, services.BY_FACILITATOR)  # Sky's erasure only
    ]


def test_a_facilitator_cannot_change_a_forums_settings(client, facilitator, youth_forum):
    client.force_login(facilitator)
    for address in (f"/admin/forum_settings/edit/{youth_forum.pk}/", "/admin/forum_settings/new/"):
        refused = client.get(address)
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
