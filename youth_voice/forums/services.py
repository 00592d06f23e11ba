"""The writes about forum members and events: each validates, then writes in one transaction.

The forum row is locked while a place is taken, so two facilitators adding members at once can
never fill more places of a kind than there are.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Forum, ForumMember, Membership
from ..models.audit import DataRemoval, RemovalKind
from ..models.forums import check_attendance
from ..models.response import CODE_ALPHABET

CODE_LENGTH = 8


def new_sign_in_code() -> str:
    """A code such as `K7MQ-4XD9` (29^8 ≈ 500 billion of them), easy to read aloud and copy."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{chars[:4]}-{chars[4:]}"


def add_member(forum, *, username, alias, age, place=None, consent_given_on=None, consent_given_by="", by):
    """Make a member's account and give them a place in `forum`; returns (membership, sign-in code).

    The code is shown once, to the facilitator, to hand to the member: only its hash is kept."""
    member = ForumMember(
        username=username.strip().lower(),
        alias=alias.strip(),
        age=age,
        consent_given_on=consent_given_on,
        consent_given_by=consent_given_by.strip(),
        consent_recorded_by=by if consent_given_on else None,
    )
    code = new_sign_in_code()
    member.set_code(code)
    member.full_clean(exclude=["code_hash"])
    if place is not None and place.forum_id != forum.pk:
        raise ValidationError({"place": _("Choose one of this forum's places.")})
    with transaction.atomic():
        Forum.objects.select_for_update().get(pk=forum.pk)
        forum.check_place_free(place)
        try:
            with transaction.atomic():
                member.save()
        except IntegrityError as clash:  # a username taken between the check and the save
            raise ValidationError({"username": _("That username is taken. Choose another.")}) from clash
        membership = Membership.objects.create(member=member, forum=forum, place=place)
    return membership, code


def new_code_for(member) -> str:
    """A new sign-in code for a member who lost theirs; the old one stops working (and signs them out)."""
    code = new_sign_in_code()
    member.set_code(code)
    member.save(update_fields=["code_hash"])
    return code


def find_member(username, code):
    """The member with this username and sign-in code, or None."""
    member = ForumMember.objects.filter(username=(username or "").strip().lower(), erased_at=None).first()
    if member is None:
        ForumMember(code_hash="").set_code(code)  # as slow as a real check: no clue which usernames exist
        return None
    return member if member.code_matches(code) else None


def remove_from_forum(membership) -> None:
    """A facilitator ends a member's place in their forum. A member left in no forum has no use
    for an account: their personal details are erased, as when they leave themselves."""
    with transaction.atomic():
        member = ForumMember.objects.select_for_update().get(pk=membership.member_id)
        Membership.objects.filter(pk=membership.pk).current().update(left_on=timezone.localdate())
        if not member.memberships.current().exists():
            _erase(member, BY_FACILITATOR)


BY_MEMBER = "the member"
BY_FACILITATOR = "a facilitator, removing them from their last forum"


def _erase(member, by) -> None:
    """Erase a member's personal details and record that it was done (never whose they were)."""
    member.erase()
    member.save()
    DataRemoval.record(RemovalKind.MEMBER_LEFT, by)


def leave_forums(member) -> None:
    """A member leaves: every membership ends today and their personal details are erased. The
    memberships stay (ended), so past events and the forum's history still add up."""
    with transaction.atomic():
        member = ForumMember.objects.select_for_update().get(pk=member.pk)
        member.memberships.current().update(left_on=timezone.localdate())
        _erase(member, BY_MEMBER)


def save_event(event, members) -> None:
    """Save an event and who came; the count who came includes every member ticked."""
    check_attendance(event.attended, len(members))
    with transaction.atomic():
        event.full_clean()
        event.save()
        event.members.set(members)
