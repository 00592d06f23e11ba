"""The demo's forums: two forums (one with reserved places), four members, an event; idempotent."""

from django.core.management import call_command

from youth_voice.forums.demo import DEMO_CODE
from youth_voice.models import Forum, ForumEvent, ForumMember


def test_the_demo_has_two_forums_four_members_and_an_event_and_loads_twice(db, client):
    call_command("load_demo")
    call_command("load_demo")
    youth_forum = Forum.objects.get(name="Harrowby Vale Youth Forum")
    assert Forum.objects.count() == 2 and ForumMember.objects.count() == 4 and ForumEvent.objects.count() == 1
    # 20 seats: 4 minority ethnic (Sky), 2 in care (Jay), 14 general (Rowan).
    assert [(kind.total, kind.filled) for kind in youth_forum.places()] == [(4, 1), (2, 1), (14, 1)]
    rowan = ForumMember.objects.get(alias="Rowan")
    assert rowan.age == 12 and rowan.consent_given_by == "parent: Mrs Jones"
    assert ForumEvent.objects.get().members.count() == 2
    signed_in = client.post(
        "/en-gb/my-forum/sign-in/", {"username": "sky-fox-12", "code": DEMO_CODE}, follow=True
    )
    assert "Hello, Sky" in signed_in.content.decode()
    assert youth_forum.consultations.count() == 1
