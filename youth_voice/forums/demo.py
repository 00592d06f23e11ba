"""The demo's forums (every name invented): Harrowby Vale Youth Forum, with reserved places, and a
young carers' group; four members with aliases (one under 13, with consent on record) and an
event. Members sign in at /my-forum/sign-in/ with their username and DEMO_CODE."""

import datetime

from django.contrib.auth.models import Group

from ..models import Forum, ForumEvent, ForumKind, ForumMember
from ..roles import FORUM_FACILITATORS
from . import services

DEMO_CODE = "DEMO-2027"  # noqa: S105 - every demo member's sign-in code, printed for the demo on purpose

# (forum, username, alias, age, reserved place label or "", consent given by)
MEMBERS = [
    (
        "Harrowby Vale Youth Forum",
        "sky-fox-12",
        "Sky",
        15,
        "Places for young people from minority ethnic groups",
        "",
    ),
    ("Harrowby Vale Youth Forum", "rowan-hawk-7", "Rowan", 12, "", "parent: Mrs Jones"),
    ("Harrowby Vale Youth Forum", "jay-otter-4", "Jay", 16, "Places for young people in care", ""),
    ("Young Carers Group", "ash-wren-9", "Ash", 14, "", ""),
]


def _forum(name, reserved=(), **fields):
    forum = Forum.objects.filter(name=name).first()
    if forum:
        return forum
    forum = Forum(name=name, **fields)
    for label, number in reserved:
        forum.reserved_places.create(label=label, number=number)
    forum.save()  # a cluster: its reserved places are written with it
    return forum


def load_forums(consultation, facilitator):
    """Create (or find) the demo's forums, members and event; `facilitator` runs both forums."""
    facilitator.groups.add(Group.objects.get(name=FORUM_FACILITATORS))
    youth_forum = _forum(
        "Harrowby Vale Youth Forum",
        kind=ForumKind.YOUTH_FORUM,
        area="Harrowby Vale",
        youngest=11,
        oldest=19,
        meets="Monthly, first Tuesday, 6pm at the Civic Centre",
        seats=20,
        slug="harrowby-vale-youth-forum",
        reserved=[
            ("Places for young people from minority ethnic groups", 4),
            ("Places for young people in care", 2),
        ],
    )
    carers = _forum(
        "Young Carers Group",
        kind=ForumKind.YOUNG_CARERS,
        area="Harrowby Vale",
        youngest=10,
        oldest=18,
        meets="Fortnightly, Thursday evenings",
    )
    for forum in (youth_forum, carers):
        forum.facilitators.add(facilitator)
        forum.consultations.add(consultation.answers_page)
    for forum_name, username, alias, age, place, consent_by in MEMBERS:
        if ForumMember.objects.filter(username=username).exists():
            continue
        forum = youth_forum if forum_name == youth_forum.name else carers
        membership, _code = services.add_member(
            forum,
            username=username,
            alias=alias,
            age=age,
            place=forum.reserved_places.filter(label=place).first(),
            consent_given_on=datetime.date(2026, 9, 1) if consent_by else None,
            consent_given_by=consent_by,
            by=facilitator,
        )
        membership.member.set_code(DEMO_CODE)
        membership.member.save(update_fields=["code_hash"])
    if not youth_forum.events.exists():
        came = youth_forum.memberships.current().filter(member__username__in=["sky-fox-12", "rowan-hawk-7"])
        services.save_event(
            ForumEvent(
                forum=youth_forum,
                title="Residential weekend: our say on the plan",
                date=datetime.date(2026, 10, 10),
                place="Llangorse outdoor centre",
                attended=18,
                youngest=11,
                oldest=18,
            ),
            list(came),
        )
