"""Who may see what young people said: the one place that decides it.

Every officer view, the CSV export, the admin menu and listing buttons and the API ask these
functions; none checks a permission of its own. Reading responses takes two things: the
`youth_voice.view_response` permission (the participation officer's role) and the consultation
being given to that officer (a ConsultationAccess record, made by a site administrator). A
superuser reads everything. A consultation that is not given to someone does not exist for them:
views answer 404, never 403, so ids cannot be probed. See docs/security.md.
"""

from django.db.models import Exists, F, OuterRef, Q, Subquery
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from consultations.models import ConsultationPage

from .models import ConsultationAccess, Forum, Response
from .roles import (  # noqa: F401 - the role names, for callers of this module
    FORUM_FACILITATORS,
    PARTICIPATION_OFFICERS,
    PARTNERSHIP_READERS,
    PLAN_EDITORS,
    SAFEGUARDING_LEADS,
    SITE_ADMINISTRATORS,
)

VIEW_RESPONSES = "youth_voice.view_response"
EXPORT_RESPONSES = "youth_voice.export_response"
VIEW_FIGURES = "youth_voice.view_figures"
FACILITATE_FORUMS = "youth_voice.view_forummember"
MANAGE_EVERY_FORUM = "youth_voice.change_forum"

# Anyone holding one of these can read children's answers, or give themselves the means to: they
# must set up a second factor before they reach the admin (chorus.staff_sessions). The
# safeguarding branch adds its permission for flagged answers here.
SECOND_FACTOR_PERMISSIONS = (
    VIEW_RESPONSES,
    EXPORT_RESPONSES,
    "youth_voice.handle_safeguarding",
    FACILITATE_FORUMS,  # forum members' aliases, ages and parents' consent
    "youth_voice.add_consultationaccess",
    "youth_voice.change_consultationaccess",
    "auth.add_user",
    "auth.change_user",
    "auth.change_group",
)


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def first_versions():
    """Every consultation once, as the first language version its responses are kept against."""
    first = Page.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    return ConsultationPage.objects.annotate(first_version=Subquery(first.values("pk")[:1])).filter(
        pk=F("first_version")
    )


def consultations_with_responses_for(user):
    """The consultations (first versions) whose responses this user may read: a queryset."""
    if not may_list_responses(user):
        return ConsultationPage.objects.none()
    consultations = first_versions()
    if user.is_superuser:
        return consultations
    given = ConsultationAccess.objects.filter(consultation=OuterRef("pk"), user_id=user.pk)
    return consultations.filter(Exists(given))


def may_list_figures(user) -> bool:
    """Whether this user sees the Responses menu at all: officers (for the consultations given to
    them) and partnership readers (figures of published consultations)."""
    return may_list_responses(user) or (_active(user) and user.has_perm(VIEW_FIGURES))


def consultations_with_figures_for(user):
    """The consultations (first versions) whose figures this user may read: a queryset."""
    if may_list_responses(user):
        return consultations_with_responses_for(user)
    if may_list_figures(user):
        return first_versions().filter(live=True)
    return ConsultationPage.objects.none()


def may_list_responses(user) -> bool:
    """Whether this user has the role that reads responses: the Responses menu and its index
    (which lists only the consultations given to them)."""
    return _active(user) and user.has_perm(VIEW_RESPONSES)


def can_read_responses(user, consultation) -> bool:
    """Whether this user may read this consultation's individual responses and written answers
    (in any of its language versions)."""
    if not may_list_responses(user):
        return False
    if user.is_superuser:
        return True
    return ConsultationAccess.objects.filter(
        consultation_id=consultation.answers_page_id, user_id=user.pk
    ).exists()


def can_export(user, consultation) -> bool:
    """Whether this user may download this consultation's responses as CSV."""
    return user.has_perm(EXPORT_RESPONSES) and can_read_responses(user, consultation)


def can_enter_responses(user, consultation) -> bool:
    """Whether this user may type up paper and event forms for this consultation, one at a time or
    imported from a file: its officers, who read back what they typed."""
    return can_read_responses(user, consultation)


def can_read_figures(user, consultation) -> bool:
    """Whether this user may see a consultation's counts and percentages (never a response or
    free text): its officers, and partnership readers once the consultation is published."""
    if can_read_responses(user, consultation):
        return True
    return _active(user) and user.has_perm(VIEW_FIGURES) and consultation.live


def sees_exact_figures(user, consultation) -> bool:
    """Whether this user sees a consultation's figures exact: its officers. Everyone else (partnership
    readers, anything shared or published) sees counts under 5 suppressed (youth_voice.figures)."""
    return can_read_responses(user, consultation)


def consultations_in_workspace_for(user):
    """The consultations (first versions) a user's workspace lists: those whose pages they may
    edit or publish, and those given to them."""
    if not _active(user):
        return ConsultationPage.objects.none()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    given = consultations_with_responses_for(user)
    return first_versions().filter(Q(pk__in=editable.values("pk")) | Q(pk__in=given.values("pk")))


def can_work_on(user, consultation) -> bool:
    """Whether this user may share, preview or copy a consultation from the workspace: they may edit
    it, or it is given to them."""
    if not _active(user):
        return False
    return consultation.permissions_for_user(user).can_edit() or can_read_responses(user, consultation)


def can_run_live_session(user, session) -> bool:
    """Whether this user may present and steer a live session: they may work on its consultation."""
    return can_work_on(user, session.consultation)


def can_moderate_live_comments(user, session) -> bool:
    """Whether this user may read a live session's comments before approval: what young people
    write unmoderated is read only by those who may read its consultation's responses."""
    return can_read_responses(user, session.consultation)


def needs_second_factor(user) -> bool:
    """Whether this user must have an authenticator app or a passkey before using the admin."""
    if not _active(user):
        return False
    return (
        user.is_superuser
        or any(user.has_perm(permission) for permission in SECOND_FACTOR_PERMISSIONS)
        # Safeguarding leads read flagged answers, whatever permissions their group holds yet.
        or user.groups.filter(name=SAFEGUARDING_LEADS).exists()
    )


def may_list_forums(user) -> bool:
    """Whether this user runs forums at all: facilitators (their own) and site administrators (all)."""
    return _active(user) and user.has_perm(FACILITATE_FORUMS)


def forums_facilitated_by(user):
    """The forums whose members and events this user manages: those listing them as a
    facilitator; every forum for a superuser or a site administrator."""
    if not may_list_forums(user):
        return Forum.objects.none()
    if user.is_superuser or user.has_perm(MANAGE_EVERY_FORUM):
        return Forum.objects.all()
    return Forum.objects.filter(facilitators=user)


def can_facilitate(user, forum) -> bool:
    """Whether this user may see and manage this forum's members and events."""
    return forums_facilitated_by(user).filter(pk=forum.pk).exists()


def group_forums_for(user, consultation):
    """The forums this user may record a consultation's group responses from: every forum for its
    officers; for a facilitator, their own forums the consultation was put to (in any language)."""
    if can_read_responses(user, consultation):
        return Forum.objects.all()
    return (
        forums_facilitated_by(user)
        .filter(consultations__translation_key=consultation.translation_key)
        .distinct()
    )


def can_record_group_responses(user, consultation) -> bool:
    """Whether this user may record, view, correct and delete some of a consultation's group
    responses: its officers (all of them) and the facilitators of a forum it was put to (their
    forums' ones, never anyone else's responses)."""
    return can_read_responses(user, consultation) or group_forums_for(user, consultation).exists()


def group_responses_for(user, consultation):
    """The consultation's sent group responses this user may view, correct and delete."""
    groups = Response.objects.for_consultation(consultation).groups().submitted()
    if can_read_responses(user, consultation):
        return groups
    return groups.filter(forum__in=group_forums_for(user, consultation))


def can_watch_responses_arrive(user, consultation) -> bool:
    """Whether this user may keep a consultation's live dashboard open over a websocket: they read
    its responses, and have the second factor the admin asks of them over HTTP. A websocket is not
    an admin request, so chorus.staff_sessions' middleware never sees it: the rule is asked here."""
    from allauth.mfa.utils import is_mfa_enabled

    from chorus.staff_sessions import SECOND_FACTORS  # it imports this module: imported when asked

    if not can_read_responses(user, consultation):
        return False
    return not needs_second_factor(user) or is_mfa_enabled(user, SECOND_FACTORS)


def can_work_on_feedback(user, consultation) -> bool:
    """Whether this user may write a consultation's feedback and its recommendations: the
    people who work on it (they may edit it, or it is given to them)."""
    return can_work_on(user, consultation)


def can_publish_feedback(user, consultation) -> bool:
    """Whether this user may make a consultation's feedback public: they may publish its page."""
    return can_work_on(user, consultation) and consultation.permissions_for_user(user).can_publish()


def consultations_with_recommendations_for(user):
    """The consultations (first versions) whose recommendations this user may read on the board:
    those they work on, and for partnership readers every published one."""
    if not _active(user):
        return ConsultationPage.objects.none()
    shown = consultations_in_workspace_for(user).values("pk")
    if may_list_figures(user):
        return first_versions().filter(
            Q(pk__in=shown) | Q(pk__in=consultations_with_figures_for(user).values("pk"))
        )
    return first_versions().filter(pk__in=shown)
