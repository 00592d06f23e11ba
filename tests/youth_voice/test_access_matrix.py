"""Every officer address, as every role, for its own consultation, its Welsh version, another
consultation, and another consultation's ids swapped in.

The addresses come from the URL resolver (every admin view in a Chorus app, and the consultation
access screens), so an address added later without a row in EXPECTED fails here. A status is the
exact one expected: 302 for anonymous (to sign in) and for Wagtail's refusals (back to the
dashboard), 404 for a consultation that is not given to the user, or an object that is not that
consultation's.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from consultations.translating import translate
from tests.conftest import give_second_factor, make_consultation, submit_answers
from tests.consultations.test_translations import WELSH
from tests.youth_voice.groups.conftest import record_group
from youth_voice.access import (
    PARTICIPATION_OFFICERS,
    PARTNERSHIP_READERS,
    PLAN_EDITORS,
    SAFEGUARDING_LEADS,
    SITE_ADMINISTRATORS,
)
from youth_voice.forums.services import add_member
from youth_voice.models import Alert, ConsultationAccess, Forum, LiveSession, Quote, Recommendation, Theme

CHORUS_APPS = ("youth_voice", "consultations", "home", "chorus")
CHORUS_ADMIN_NAMESPACES = ("consultation_access", "forum_settings")

ROLES = (
    "anonymous",
    "plan_editor",
    "partnership_reader",
    "safeguarding_lead",
    "site_administrator",
    "officer",  # given consultation A
    "other_officer",  # given consultation B
    "superuser",
)

# The status each role gets for an address about consultation A and A's own objects, in ROLES order.
# fmt: off
EXPECTED = {
    "youth_voice_admin:index":          (302, 302, 200, 302, 302, 200, 200, 200),
    "youth_voice_admin:responses":      (302, 404, 404, 404, 404, 200, 404, 200),
    "youth_voice_admin:summary":        (302, 404, 200, 404, 404, 200, 404, 200),
    "youth_voice_admin:question_texts": (302, 404, 404, 404, 404, 200, 404, 200),
    "youth_voice_admin:live":           (302, 404, 404, 404, 404, 200, 404, 200),
    "youth_voice_admin:export":         (302, 404, 404, 404, 404, 200, 404, 200),
    "youth_voice_admin:export_codes":   (302, 404, 404, 404, 404, 200, 404, 200),
    "youth_voice_admin:response":       (302, 404, 404, 404, 404, 200, 404, 200),
    # Paper forms are typed up and imported by the officers the consultation is given to.
    "paper_responses:enter":            (302, 404, 404, 404, 404, 200, 404, 200),
    "paper_responses:import":           (302, 404, 404, 404, 404, 200, 404, 200),
    "paper_responses:template_csv":     (302, 404, 404, 404, 404, 200, 404, 200),
    "paper_responses:template_xlsx":    (302, 404, 404, 404, 404, 200, 404, 200),
    # Themes and quotes show what people wrote: the consultation's own officers only.
    "analysis:codebook":                (302, 404, 404, 404, 404, 200, 404, 200),
    "analysis:theme":                   (302, 404, 404, 404, 404, 200, 404, 200),
    "analysis:coding":                  (302, 404, 404, 404, 404, 200, 404, 200),
    "analysis:suggestions":             (302, 404, 404, 404, 404, 200, 404, 200),
    "analysis:quotes":                  (302, 404, 404, 404, 404, 200, 404, 200),
    "analysis:quote_new":               (302, 404, 404, 404, 404, 200, 404, 200),
    "analysis:quote":                   (302, 404, 404, 404, 404, 200, 404, 200),
    "youth_voice_admin:group_new":      (302, 404, 404, 404, 404, 200, 404, 200),
    "youth_voice_admin:group":          (302, 404, 404, 404, 404, 200, 404, 200),
    "youth_voice_admin:group_delete":   (302, 404, 404, 404, 404, 200, 404, 200),
    "youth_voice_admin:crosstab":       (302, 404, 200, 404, 404, 200, 404, 200),
    "youth_voice_admin:figures_xlsx":   (302, 404, 200, 404, 404, 200, 404, 200),
    "youth_voice_admin:coded_text":     (302, 404, 404, 404, 404, 200, 404, 200),
    "plan_import:import":               (302, 200, 302, 302, 200, 200, 200, 200),
    "plan_import:report":               (302, 302, 302, 302, 302, 302, 302, 302),
    "welsh_plan_import:import":         (302, 200, 302, 302, 200, 200, 200, 200),
    "welsh_plan_import:report":         (302, 302, 302, 302, 302, 302, 302, 302),
    # The workspace lists what a user may edit or was given; a page they may do neither with is not found.
    "workspace:index":                  (302, 200, 200, 200, 200, 200, 200, 200),
    "workspace:new":                    (302, 200, 200, 200, 200, 200, 200, 200),
    "workspace:copy":                   (302, 200, 404, 404, 200, 200, 200, 200),
    "workspace:share":                  (302, 200, 404, 404, 200, 200, 200, 200),
    "workspace:qr":                     (302, 200, 404, 404, 200, 200, 200, 200),
    "workspace:poster":                 (302, 200, 404, 404, 200, 200, 200, 200),
    "workspace:phone_preview":          (302, 200, 404, 404, 200, 200, 200, 200),
    "workspace:initials_avatar":        (302, 200, 200, 200, 200, 200, 200, 200),
    # Alerts are not per consultation: a safeguarding lead sees every one (docs/safeguarding.md).
    "safeguarding_admin:alerts":        (302, 302, 302, 200, 200, 302, 302, 200),
    "safeguarding_admin:alert":         (302, 302, 302, 200, 200, 302, 302, 200),
    # Live sessions: run by whoever may work on the consultation (youth_voice.access.can_run_live_session);
    # only those given it also moderate comments there.
    "live_admin:index":                 (302, 200, 200, 200, 200, 200, 200, 200),
    "live_admin:start":                 (302, 200, 404, 404, 200, 200, 200, 200),
    "live_admin:control":               (302, 200, 404, 404, 200, 200, 200, 200),
    "live_admin:present":               (302, 200, 404, 404, 200, 200, 200, 200),
    "live_admin:qr":                    (302, 200, 404, 404, 200, 200, 200, 200),
    # Feedback and recommendations: the people who work on a consultation; the board lists what each may read.
    "feedback_admin:board":             (302, 200, 200, 200, 200, 200, 200, 200),
    "feedback_admin:consultation":      (302, 200, 404, 404, 200, 200, 200, 200),
    "feedback_admin:publish":           (302, 405, 404, 404, 405, 405, 405, 405),
    "feedback_admin:publish_results":   (302, 405, 404, 404, 405, 405, 405, 405),
    "feedback_admin:unpublish_results": (302, 405, 404, 404, 405, 405, 405, 405),
    "feedback_admin:add_recommendation": (302, 200, 404, 404, 200, 200, 200, 200),
    "feedback_admin:recommendation":    (302, 200, 404, 404, 200, 200, 200, 200),
    # Board papers: prepared by the people who work on the consultation's feedback.
    "reports_admin:edit":               (302, 200, 404, 404, 200, 200, 200, 200),
    "reports_admin:html":               (302, 200, 404, 404, 200, 200, 200, 200),
    "reports_admin:pdf":                (302, 200, 404, 404, 200, 200, 200, 200),
    "reports_admin:docx":               (302, 200, 404, 404, 200, 200, 200, 200),
    "consultation_access:index":        (302, 302, 302, 302, 200, 302, 302, 200),
    "consultation_access:index_results": (302, 302, 302, 302, 200, 302, 302, 200),
    "consultation_access:add":          (302, 302, 302, 302, 200, 302, 302, 200),
    "consultation_access:edit":         (302, 302, 302, 302, 200, 302, 302, 200),
    "consultation_access:delete":       (302, 302, 302, 302, 200, 302, 302, 200),
    "consultation_access:history":      (302, 302, 302, 302, 200, 302, 302, 200),
    "consultation_access:history_results": (302, 302, 302, 302, 200, 302, 302, 200),
    "consultation_access:usage":        (302, 302, 302, 302, 200, 302, 302, 200),
    "consultation_access:copy":         (302, 302, 302, 302, 200, 302, 302, 200),
    # Forums: run by their facilitators (a role not in this table: tests/youth_voice/forums) and
    # every one by site administrators.
    "forums_admin:index":               (302, 302, 302, 302, 200, 302, 302, 200),
    "forums_admin:forum":               (302, 302, 302, 302, 200, 302, 302, 200),
    "forums_admin:add_member":          (302, 302, 302, 302, 200, 302, 302, 200),
    "forums_admin:new_code":            (302, 302, 302, 302, 200, 302, 302, 200),
    "forums_admin:remove_member":       (302, 302, 302, 302, 200, 302, 302, 200),
    "forums_admin:add_event":           (302, 302, 302, 302, 200, 302, 302, 200),
    "forums_admin:edit_event":          (302, 302, 302, 302, 200, 302, 302, 200),
    "forum_settings:index":             (302, 302, 302, 302, 200, 302, 302, 200),
    "forum_settings:index_results":     (302, 302, 302, 302, 200, 302, 302, 200),
    "forum_settings:add":               (302, 302, 302, 302, 200, 302, 302, 200),
    "forum_settings:edit":              (302, 302, 302, 302, 200, 302, 302, 200),
    "forum_settings:delete":            (302, 302, 302, 302, 200, 302, 302, 200),
    "forum_settings:history":           (302, 302, 302, 302, 200, 302, 302, 200),
    "forum_settings:history_results":   (302, 302, 302, 302, 200, 302, 302, 200),
    "forum_settings:usage":             (302, 302, 302, 302, 200, 302, 302, 200),
    "forum_settings:copy":              (302, 302, 302, 302, 200, 302, 302, 200),
}
# fmt: on


def chorus_admin_urls():
    """(name, route, argument names) of every admin address a Chorus app or the access screens add."""

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and prefix.startswith("admin/"):
                module = getattr(pattern.callback, "__module__", "")
                if module.split(".")[0] in CHORUS_APPS or set(namespaces) & set(CHORUS_ADMIN_NAMESPACES):
                    name = ":".join((*namespaces, pattern.name or "?"))
                    yield name, prefix + str(pattern.pattern), tuple(pattern.pattern.regex.groupindex)

    return list(walk(get_resolver().url_patterns, "", ()))


def test_every_officer_address_has_a_row_in_the_table():
    found = {name for name, _route, _args in chorus_admin_urls()}
    assert found == set(EXPECTED), "add a row to EXPECTED for every new officer address (and remove old ones)"


@pytest.fixture
def world(db, home, plan, client, django_user_model):
    """Consultations A (with a Welsh version) and B, a response and a question of each, and a
    signed-in-ready user for every role (each with a second factor, so MFA is not what refuses)."""
    a = make_consultation(home, plan, slug="a")
    b = make_consultation(home, plan, slug="b", title="Another consultation")
    a_welsh = translate(a, "cy", WELSH)
    answers = {"1": (["no"], "Too long"), "6.1": "Someone to talk to"}
    response_a, response_b = submit_answers(a, answers), submit_answers(b, answers)
    submit_answers(a, {"6.1": "my dad hits me when he is drunk"})  # flagged: an alert to open

    def user(name, group=None, **extra):
        made = django_user_model.objects.create_user(name, f"{name}@example.org", "pw", **extra)
        if group:
            made.groups.add(Group.objects.get(name=group))
        give_second_factor(made)
        return made

    users = {
        "anonymous": None,
        "plan_editor": user("plan_editor", PLAN_EDITORS),
        "partnership_reader": user("partnership_reader", PARTNERSHIP_READERS),
        "safeguarding_lead": user("safeguarding_lead", SAFEGUARDING_LEADS),
        "site_administrator": user("site_administrator", SITE_ADMINISTRATORS),
        "officer": user("officer", PARTICIPATION_OFFICERS),
        "other_officer": user("other_officer", PARTICIPATION_OFFICERS),
        "superuser": user("superuser", is_superuser=True, is_staff=True),
    }
    access_a = ConsultationAccess.objects.create(consultation=a, user=users["officer"])
    live_a = LiveSession.objects.create(consultation=a)
    for page in (a, b):  # R1 of each
        Recommendation.objects.create(consultation=page, text="Act", owner="Board", due_date="2027-01-31")
    ConsultationAccess.objects.create(consultation=b, user=users["other_officer"])
    # A forum under the same pk as A's access record, so one `pk` serves both viewsets.
    forum = Forum.objects.create(pk=access_a.pk, name="Youth forum")
    membership, _code = add_member(forum, username="member", alias="Member", age=15, by=users["superuser"])
    event = forum.events.create(title="Meeting", date="2026-10-10")
    group_a, group_b = (
        record_group(page, size=12, forum=forum, tallies={"1": {"yes": 9}}) for page in (a, b)
    )

    def ids(page, response, group):
        written = response.answers.exclude(text="").first()
        theme, _made = Theme.objects.get_or_create(consultation=page, name="Waiting times")
        quote, _made = Quote.objects.get_or_create(answer=written, excerpt=written.text)
        return {
            "theme_id": theme.pk,
            "answer_id": written.pk,
            "quote_id": quote.pk,
            "page_id": page.pk,
            "group_reference": group.reference,
            "question_id": response.answers.first().question_id,
            "reference": response.reference,
            "pk": access_a.pk,
            "alert_id": Alert.objects.get().pk,
            "kind": "svg",
            "initials": "AB",
            "session_id": live_a.pk,
            "forum_id": forum.pk,
            "member_id": membership.member_id,
            "event_id": event.pk,
            "number": 1,
        }

    return {
        "users": users,
        "own": ids(a, response_a, group_a),
        "welsh": {**ids(a, response_a, group_a), "page_id": a_welsh.pk},
        "other": ids(b, response_b, group_b),
        # A's responses and question under B's id.
        "swapped": {**ids(a, response_a, group_a), "page_id": b.pk},
    }


def status_of(client, user, name, route_args, ids):
    client.logout()
    if user is not None:
        client.force_login(user)
    address = reverse(name, kwargs={arg: ids[arg] for arg in route_args})
    return client.get(address).status_code


def expected(name, case):
    statuses = dict(zip(ROLES, EXPECTED[name], strict=True))
    if case in ("own", "welsh"):
        return statuses
    if case == "other":  # the same, for the officer given B instead of A
        statuses["officer"], statuses["other_officer"] = statuses["other_officer"], statuses["officer"]
        return statuses
    # swapped: an object of A under B's id is not found by anyone who gets past sign-in
    return {role: 302 if role == "anonymous" else 404 for role in ROLES}


@pytest.mark.parametrize("case", ["own", "welsh", "other", "swapped"])
def test_every_role_gets_exactly_the_expected_status(client, world, case):
    seen, wanted = {}, {}
    for name, _route, route_args in chorus_admin_urls():
        if case != "own" and "page_id" not in route_args:
            continue  # not about a consultation: asked once
        swapped_ids = {"reference", "group_reference", "question_id", "theme_id", "answer_id", "quote_id"}
        if case == "swapped" and not swapped_ids & set(route_args):
            continue  # nothing to swap
        for role, user in world["users"].items():
            seen[name, role] = status_of(client, user, name, route_args, world[case])
            wanted[name, role] = expected(name, case)[role]
    assert seen == wanted
