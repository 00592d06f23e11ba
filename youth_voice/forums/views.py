"""The public forum pages: a forum's own page, and a member's sign-in, space and leaving."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..models import Forum
from ..throttle import count, member_sign_in_checks, over
from ..views import wait_in_words
from . import services, sessions
from .forms import MemberSignInForm
from .space import put_to_forum


def forum_page(request, slug):
    """A forum's public page: what it is and its places, filled and vacant, never a name."""
    forum = get_object_or_404(Forum, slug=slug)
    return TemplateResponse(
        request, "youth_voice/forums/forum_page.html", {"forum": forum, "places": forum.places()}
    )


@never_cache
def sign_in(request):
    if sessions.signed_in_member(request):
        return redirect("youth_voice:my_forum")
    form = MemberSignInForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return TemplateResponse(request, "youth_voice/forums/sign_in.html", {"form": form})
    checks = member_sign_in_checks(request, form.cleaned_data["username"])
    refused = over(checks)
    if refused:
        form.add_error(
            None,
            _("There have been too many wrong sign-ins, so none are being checked for a while.")
            + " "
            + wait_in_words(refused.retry_after),
        )
        page = TemplateResponse(request, "youth_voice/forums/sign_in.html", {"form": form}, status=429)
        page["Retry-After"] = str(refused.retry_after)
        return page
    member = services.find_member(form.cleaned_data["username"], form.cleaned_data["code"])
    if member is None:
        count(checks)
        form.add_error(
            "code",
            _(
                "That username and sign-in code do not match. "
                "Check both and try again, or ask your facilitator."
            ),
        )
        return TemplateResponse(request, "youth_voice/forums/sign_in.html", {"form": form}, status=403)
    sessions.sign_in(request, member)
    return redirect("youth_voice:my_forum")


def _member_or_sign_in(view):
    def wrapped(request, *args, **kwargs):
        member = sessions.signed_in_member(request)
        if member is None:
            return redirect("youth_voice:member_sign_in")
        return view(request, member, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return never_cache(wrapped)


@_member_or_sign_in
def my_forum(request, member):
    """A member's own space: each forum, the consultations put to it, and what it said."""
    memberships = member.memberships.current().select_related("forum", "place")
    forums = [(membership, put_to_forum(membership.forum)) for membership in memberships]
    return TemplateResponse(request, "youth_voice/forums/my_forum.html", {"member": member, "forums": forums})


@_member_or_sign_in
def leave(request, member):
    """Leaving, after a confirm step: every membership ends and the account's details are erased."""
    if request.method != "POST":
        return TemplateResponse(request, "youth_voice/forums/leave_confirm.html", {"member": member})
    services.leave_forums(member)
    sessions.sign_out(request)
    messages.success(request, _("You have left. Your alias and sign-in code have been deleted."))
    return redirect("youth_voice:member_sign_in")


@require_POST
def sign_out(request):
    sessions.sign_out(request)
    return redirect("youth_voice:member_sign_in")
