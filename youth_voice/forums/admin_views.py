"""The facilitators' admin views: their forums, each forum's places, members and events.

A forum that is not theirs does not exist for them (404), as with consultations; someone who runs
no forum is refused (Wagtail sends them back to the dashboard). youth_voice.access decides both.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import access
from ..models import ForumEvent, ForumMember
from . import services
from .forms import EventForm, NewMemberForm


def forum_view(view):
    """Runs `view(request, forum, …)` for a forum this user facilitates; 404 for any other."""

    @wraps(view)
    def wrapped(request, forum_id, **kwargs):
        if not access.may_list_forums(request.user):
            raise PermissionDenied
        forum = get_object_or_404(access.forums_facilitated_by(request.user), pk=forum_id)
        return view(request, forum, **kwargs)

    return wrapped


def _page(request, template, title, **context):
    return TemplateResponse(
        request,
        f"youth_voice/forums/admin/{template}",
        {"page_title": title, "header_title": title, "header_icon": "group", **context},
    )


def index(request):
    if not access.may_list_forums(request.user):
        raise PermissionDenied
    forums = access.forums_facilitated_by(request.user).annotate(
        members=Count("memberships", filter=Q(memberships__left_on__isnull=True))
    )
    return _page(
        request,
        "index.html",
        _("Forums"),
        forums=forums,
        may_add=request.user.has_perm("youth_voice.add_forum"),
        may_edit=request.user.has_perm("youth_voice.change_forum"),
    )


@forum_view
def forum_detail(request, forum):
    memberships = forum.memberships.current().select_related("member", "place", "member__consent_recorded_by")
    return _page(
        request,
        "forum.html",
        forum.name,
        forum=forum,
        places=forum.places(),
        memberships=memberships,
        events=forum.events.annotate(members_ticked=Count("members")),
        consultations=forum.consultations.order_by("title"),
        group_responses=forum.responses.groups()
        .submitted()
        .select_related("consultation", "event")
        .order_by("-submitted_at"),
        may_edit=request.user.has_perm("youth_voice.change_forum"),
    )


@never_cache
@forum_view
def add_member(request, forum):
    form = NewMemberForm(forum, request.POST if request.method == "POST" else None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            membership, code = services.add_member(
                forum,
                username=data["username"],
                alias=data["alias"],
                age=data["age"],
                place=data["place"],
                consent_given_on=data["consent_given_on"],
                consent_given_by=data["consent_given_by"],
                by=request.user,
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            # Shown this once, never stored as it is: the facilitator hands it to the member.
            return _page(
                request, "code.html", _("Sign-in code"), forum=forum, member=membership.member, code=code
            )
    intro = _(
        "A young person's account for %(forum)s: an alias and a username, never their name or email "
        "address. You will see their sign-in code once, to give them."
    ) % {"forum": forum.name}
    return _page(
        request,
        "form.html",
        _("Add a member"),
        forum=forum,
        form=form,
        intro=intro,
        submit_label=_("Add the member"),
    )


def _current_member(forum, member_id):
    return get_object_or_404(
        ForumMember, pk=member_id, erased_at=None, memberships__forum=forum, memberships__left_on=None
    )


@never_cache
@forum_view
def new_code(request, forum, member_id):
    member = _current_member(forum, member_id)
    if request.method != "POST":
        return _page(request, "new_code_confirm.html", _("New sign-in code"), forum=forum, member=member)
    code = services.new_code_for(member)
    return _page(request, "code.html", _("Sign-in code"), forum=forum, member=member, code=code)


@forum_view
def remove_member(request, forum, member_id):
    member = _current_member(forum, member_id)
    if request.method != "POST":
        return _page(request, "remove_confirm.html", _("Remove from the forum"), forum=forum, member=member)
    services.remove_from_forum(member.memberships.current().get(forum=forum))
    messages.success(request, _("%(alias)s is no longer a member.") % {"alias": member.alias})
    return redirect("forums_admin:forum", forum.pk)


@forum_view
def event_form(request, forum, event_id=None):
    event = get_object_or_404(ForumEvent, pk=event_id, forum=forum) if event_id else ForumEvent(forum=forum)
    form = EventForm(forum, request.POST if request.method == "POST" else None, instance=event)
    if form.is_valid():
        services.save_event(form.save(commit=False), form.cleaned_data["members"])
        return redirect("forums_admin:forum", forum.pk)
    title = _("Edit event") if event_id else _("Add an event")
    return _page(request, "form.html", title, forum=forum, form=form, submit_label=_("Save the event"))
