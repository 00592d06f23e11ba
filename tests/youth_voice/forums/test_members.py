"""Members' own accounts: made by a facilitator, no email address, consent under 13, signing in
with a username and a sign-in code, and leaving (which erases them)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from youth_voice.forums import services
from youth_voice.models import ForumMember, Membership
from youth_voice.models.audit import DataRemoval, RemovalKind

SIGN_IN = "/en-gb/my-forum/sign-in/"


def test_a_member_has_no_email_address_and_the_sign_in_code_is_kept_only_as_a_hash(youth_forum, join):
    membership, code = join(youth_forum, "Sky-Fox-12", alias="Sky")
    member = ForumMember.objects.get()
    assert member.username == "sky-fox-12"  # typed on a phone: case does not count
    assert not any(field.name == "email" for field in ForumMember._meta.fields)
    assert code not in member.code_hash and code.replace("-", "") not in member.code_hash
    assert member.code_matches(code.lower().replace("-", " "))
    assert membership.place is None and membership.joined_on == datetime.date.today()


@pytest.mark.parametrize(
    ("consent", "errors"),
    [
        (
            {},
            {
                "consent_given_on": [
                    "A member under 13 can only join with a parent's or carer's consent: give the date it was given."
                ],
                "consent_given_by": [
                    "A member under 13 can only join with a parent's or carer's consent: say who gave it."
                ],
            },
        ),
        (
            {"consent_given_on": datetime.date(2026, 9, 1)},
            {
                "consent_given_by": [
                    "A member under 13 can only join with a parent's or carer's consent: say who gave it."
                ]
            },
        ),
    ],
)
def test_a_member_under_13_cannot_be_added_without_consent(youth_forum, join, consent, errors):
    with pytest.raises(ValidationError) as refused:
        join(youth_forum, "young-one", age=12, **consent)
    assert refused.value.message_dict == errors
    assert not ForumMember.objects.exists()


def test_consent_is_recorded_with_who_gave_it_and_who_recorded_it(youth_forum, join, facilitator):
    membership, _code = join(
        youth_forum,
        "young-one",
        age=12,
        consent_given_on=datetime.date(2026, 9, 1),
        consent_given_by="parent: Mrs Jones",
    )
    member = membership.member
    assert (member.consent_given_on, member.consent_given_by, member.consent_recorded_by) == (
        datetime.date(2026, 9, 1),
        "parent: Mrs Jones",
        facilitator,
    )


def test_the_database_refuses_a_member_under_13_without_consent(db):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        ForumMember.objects.create(username="x", alias="X", age=11)


def test_a_username_is_one_members(youth_forum, carers_group, join):
    join(youth_forum, "sky-fox-12")
    with pytest.raises(ValidationError) as refused:
        join(carers_group, "SKY-fox-12")
    assert refused.value.message_dict == {"username": ["That username is taken. Choose another."]}


def test_a_member_signs_in_with_their_username_and_code_and_sees_their_space(client, youth_forum, join):
    _membership, code = join(youth_forum, "sky-fox-12", alias="Sky")
    signed_in = client.post(SIGN_IN, {"username": " Sky-Fox-12 ", "code": code.lower()}, follow=True)
    assert signed_in.redirect_chain == [("/en-gb/my-forum/", 302)]
    page = signed_in.content.decode()
    assert "Hello, Sky" in page and "Harrowby Vale Youth Forum" in page


@pytest.mark.parametrize(
    "wrong", [{"username": "sky-fox-12", "code": "AAAA-AAAA"}, {"username": "nobody", "code": "X"}]
)
def test_a_wrong_username_or_code_is_refused_with_one_message_keeping_the_username(
    client, youth_forum, join, wrong
):
    join(youth_forum, "sky-fox-12")
    refused = client.post(SIGN_IN, wrong)
    assert refused.status_code == 403
    page = refused.content.decode()
    assert (
        "That username and sign-in code do not match. Check both and try again, or ask your facilitator."
        in page
    )
    assert f'value="{wrong["username"]}"' in page
    assert client.get("/en-gb/my-forum/")["Location"] == reverse("youth_voice:member_sign_in")


def test_wrong_sign_ins_are_limited_per_username(client, settings, youth_forum, join):
    settings.CHORUS_LIMITS = settings.CHORUS_LIMITS | {
        "member_sign_in_per_username": {"limit": 3, "seconds": 3600}
    }
    _membership, code = join(youth_forum, "sky-fox-12")
    statuses = [
        client.post(SIGN_IN, {"username": "sky-fox-12", "code": "WRONG"}).status_code for _ in range(3)
    ]
    blocked = client.post(SIGN_IN, {"username": "sky-fox-12", "code": code})  # right, but too late
    assert statuses == [403, 403, 403]
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
    assert "There have been too many wrong sign-ins" in blocked.content.decode()


def test_a_new_code_signs_the_member_out_and_the_old_code_stops_working(client, youth_forum, join):
    membership, old = join(youth_forum, "sky-fox-12")
    client.post(SIGN_IN, {"username": "sky-fox-12", "code": old})
    assert client.get("/en-gb/my-forum/").status_code == 200
    new = services.new_code_for(membership.member)
    assert client.get("/en-gb/my-forum/").status_code == 302
    assert client.post(SIGN_IN, {"username": "sky-fox-12", "code": old}).status_code == 403
    assert client.post(SIGN_IN, {"username": "sky-fox-12", "code": new}).status_code == 302


def test_leaving_asks_first_then_ends_the_membership_and_erases_the_members_details(
    client, youth_forum, join
):
    membership, code = join(
        youth_forum,
        "young-one",
        alias="Pip",
        age=12,
        consent_given_on=datetime.date(2026, 9, 1),
        consent_given_by="parent: Mrs Jones",
    )
    client.post(SIGN_IN, {"username": "young-one", "code": code})
    confirm = client.get("/en-gb/my-forum/leave/")
    assert "Leave your forum?" in confirm.content.decode()
    assert Membership.objects.current().count() == 1  # asking changes nothing

    left = client.post("/en-gb/my-forum/leave/", follow=True)
    assert "You have left. Your alias and sign-in code have been deleted." in left.content.decode()
    member = ForumMember.objects.get()
    assert (
        member.username,
        member.alias,
        member.code_hash,
        member.consent_given_by,
        member.consent_recorded_by,
    ) == (
        None,
        "",
        "",
        "",
        None,
    )
    assert member.erased_at is not None
    # The removal is recorded, without anything that says who left.
    removal = DataRemoval.objects.get()
    assert (removal.kind, removal.by, removal.responses) == (RemovalKind.MEMBER_LEFT, "the member", 0)
    membership.refresh_from_db()
    assert membership.left_on == datetime.date.today()
    assert Membership.objects.current().count() == 0
    assert client.get("/en-gb/my-forum/").status_code == 302  # signed out
    assert client.post(SIGN_IN, {"username": "young-one", "code": code}).status_code == 403


def test_a_member_is_not_staff_and_never_reaches_the_admin(client, youth_forum, join):
    _membership, code = join(youth_forum, "sky-fox-12")
    client.post(SIGN_IN, {"username": "sky-fox-12", "code": code})
    admin = client.get("/admin/")
    assert admin.status_code == 302 and admin["Location"] == "/accounts/login/?next=/admin/"
