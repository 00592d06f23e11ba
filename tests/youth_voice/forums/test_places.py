"""Seats and reserved places: filled and vacant by kind, and the limits that keep them true."""

import pytest
from django.core.exceptions import ValidationError

from youth_voice.models.forums import check_reserved_places


def counts(forum):
    return [(kind.label, kind.total, kind.filled, kind.vacant) for kind in forum.places()]


def test_a_new_forum_has_every_place_vacant_and_general_places_are_the_seats_left_over(youth_forum):
    # 20 seats - 4 - 2 reserved = 14 general places.
    assert counts(youth_forum) == [
        ("Places for young people from minority ethnic groups", 4, 0, 4),
        ("Places for young people in care", 2, 0, 2),
        ("General places", 14, 0, 14),
    ]


def test_members_fill_places_of_their_kind_and_leavers_free_theirs(youth_forum, join):
    minority, in_care = youth_forum.reserved_places.all()
    for n in range(3):
        join(youth_forum, f"minority-{n}", place=minority)
    join(youth_forum, "cared-for", place=in_care)
    leaver, _code = join(youth_forum, "general-1")
    join(youth_forum, "general-2")
    from youth_voice.forums.services import leave_forums

    leave_forums(leaver.member)
    # Minority ethnic: 3 of 4 (1 vacant); in care: 1 of 2; general: 2 joined, 1 left, so 1 of 14.
    assert counts(youth_forum) == [
        ("Places for young people from minority ethnic groups", 4, 3, 1),
        ("Places for young people in care", 2, 1, 1),
        ("General places", 14, 1, 13),
    ]


def test_a_forum_without_seats_has_general_places_without_limit(carers_group, join):
    join(carers_group, "carer-1")
    assert counts(carers_group) == [("General places", None, 1, None)]


@pytest.mark.parametrize(
    ("seats", "numbers", "message"),
    [
        (
            5,
            [4, 2],
            "The reserved places add up to 6, more than the 5 seats. Add seats or reserve fewer places.",
        ),
        (None, [2], "Give the number of seats: reserved places are part of them."),
    ],
)
def test_reserved_places_cannot_be_more_than_the_seats(seats, numbers, message):
    with pytest.raises(ValidationError) as refused:
        check_reserved_places(seats, numbers)
    assert refused.value.message_dict == {"seats": [message]}


@pytest.mark.parametrize(("seats", "numbers"), [(6, [4, 2]), (None, []), (20, [])])
def test_reserved_places_that_fit_are_accepted(seats, numbers):
    check_reserved_places(seats, numbers)


def test_a_member_cannot_take_a_reserved_place_of_a_kind_that_is_full(youth_forum, join):
    in_care = youth_forum.reserved_places.get(number=2)
    join(youth_forum, "first", place=in_care)
    join(youth_forum, "second", place=in_care)
    with pytest.raises(ValidationError) as refused:
        join(youth_forum, "third", place=in_care)
    assert refused.value.message_dict == {
        "place": ["All 2 of the forum's places for young people in care are taken."]
    }
    assert youth_forum.memberships.count() == 2


def test_a_member_cannot_take_a_general_place_when_they_are_all_taken(youth_forum, join):
    youth_forum.seats = 7  # 6 reserved, so 1 general place
    youth_forum.save()
    join(youth_forum, "only-general")
    with pytest.raises(ValidationError) as refused:
        join(youth_forum, "one-too-many")
    assert refused.value.message_dict == {"place": ["All 1 of the forum's general places are taken."]}


def test_a_member_cannot_take_another_forums_place(youth_forum, carers_group, join):
    with pytest.raises(ValidationError) as refused:
        join(carers_group, "wrong-place", place=youth_forum.reserved_places.first())
    assert refused.value.message_dict == {"place": ["Choose one of this forum's places."]}
