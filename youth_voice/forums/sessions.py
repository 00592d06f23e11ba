"""A forum member signed in on this browser: their id in the session, bound to their current
sign-in code, so a new code (or leaving) signs out every browser they used."""

from django.utils.crypto import constant_time_compare, salted_hmac

from ..models import ForumMember

SESSION_KEY = "chorus_forum_member"


def _binding(member) -> str:
    return salted_hmac("chorus.forum-member-session", member.code_hash).hexdigest()


def sign_in(request, member) -> None:
    request.session.cycle_key()  # a fresh session id: no fixation
    request.session[SESSION_KEY] = [member.pk, _binding(member)]


def sign_out(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()


def signed_in_member(request):
    """The member signed in on this browser, or None."""
    pk, binding = (request.session.get(SESSION_KEY) or [None, ""])[:2]
    member = ForumMember.objects.filter(pk=pk, erased_at=None).first() if pk else None
    if member is None or not constant_time_compare(binding, _binding(member)):
        return None
    return member
