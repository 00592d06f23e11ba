"""The officer's workspace: the admin home and listing of consultations, New consultation, and
copying a consultation with new dates."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from consultations.models import ConsultationPage, Question, QuestionIdentity
from consultations.translating import translate
from tests.conftest import make_consultation
from youth_voice.models import ConsultationAccess, Response
from youth_voice.workspace.listing import workspace_rows
from youth_voice.workspace.status import WorkspaceStatus

TODAY = date.today


@pytest.fixture
def editor(officer, home):
    """An officer who may add, edit and publish pages under the home page (as the demo's officers)."""
    group = Group.objects.create(name="Consultation editors")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=Page.objects.get(pk=home.pk),
            permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
        )
    officer.groups.add(group)
    return officer


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def dates(opens=0, closes=30, feedback=None, **fields):
    today = timezone.localdate()
    data = {
        "opens_on": (today + timedelta(days=opens)).isoformat(),
        "closes_on": "" if closes is None else (today + timedelta(days=closes)).isoformat(),
        "feedback_due": "" if feedback is None else (today + timedelta(days=feedback)).isoformat(),
    }
    return data | fields


# --- The listing ---------------------------------------------------------------------------------


def test_one_row_per_consultation_whatever_its_languages(home, consultation):
    translate(consultation, "cy", {"Have your say": "Dweud eich dweud"})
    rows = workspace_rows()
    assert [row.page.pk for row in rows] == [consultation.pk]


def test_rows_count_responses_so_far_and_today(home, consultation, answer):
    old = answer({"1": (["yes"], "")})
    Response.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=2))
    answer({"1": (["no"], "Too long")})
    latest = answer({"8": "More buses"})
    Response.objects.create(
        consultation=consultation,
        reference="DRA-FTX",
        secret_hash="x",
        submission_key=latest.submission_key.hex[::-1],
        status="draft",
    )
    (row,) = workspace_rows()
    assert (row.responses, row.responses_today) == (3, 2)
    assert row.latest_response_at == Response.objects.get(pk=latest.pk).submitted_at
    assert row.status == WorkspaceStatus.OPEN


def test_mine_is_what_i_created_or_edited_last(home, editor, django_user_model):
    someone = django_user_model.objects.create_user(username="someone", email="someone@example.org")
    created = make_consultation(home, slug="mine-created", owner=editor)
    edited = make_consultation(home, slug="mine-edited", owner=someone)
    edited.save_revision(user=editor)
    make_consultation(home, slug="theirs", owner=someone)
    assert {row.page.slug for row in workspace_rows(editor, mine=True)} == {created.slug, edited.slug}
    assert len(workspace_rows(editor)) == 3


def test_filter_by_status(home):
    make_consultation(home, slug="open")
    make_consultation(home, slug="draft", live=False)
    make_consultation(home, slug="later", opens_delta=5)
    make_consultation(home, slug="closed", opens_delta=-30, closes_delta=-1)
    assert {row.page.slug: row.status for row in workspace_rows()} == {
        "open": "open",
        "draft": "draft",
        "later": "scheduled",
        "closed": "closed",
    }
    assert [row.page.slug for row in workspace_rows(status=WorkspaceStatus.SCHEDULED)] == ["later"]


def test_a_scheduled_publication_makes_a_draft_scheduled(home, editor):
    page = make_consultation(home, slug="soon", live=False)
    page.go_live_at = timezone.now() + timedelta(days=3)
    page.save_revision(user=editor, approved_go_live_at=page.go_live_at)
    assert workspace_rows()[0].status == WorkspaceStatus.SCHEDULED


def test_listing_reads_a_fixed_number_of_queries(home, editor_client, django_assert_max_num_queries):
    make_consultation(home, slug="first")
    editor_client.get(reverse("workspace:index"))  # the session, content types and locales are read once

    def queries_for_listing():
        with django_assert_max_num_queries(30) as captured:
            assert editor_client.get(reverse("workspace:index")).status_code == 200
        return len(captured.captured_queries)

    few = queries_for_listing()
    for n in range(4):
        page = make_consultation(home, slug=f"more-{n}", live=n % 2 == 0, owner=None)
        if n == 0:
            translate(page, "cy", {})
    assert queries_for_listing() == few


def test_listing_page_filters_and_links(home, editor, editor_client):
    page = make_consultation(home, slug="open", title="Youth centre plans")
    not_given = make_consultation(home, slug="other", title="Skate park")
    ConsultationAccess.objects.create(consultation=page, user=editor)
    make_consultation(home, slug="draft", title="Bus fares", live=False)
    html = editor_client.get(reverse("workspace:index"), {"status": "open"}).content.decode()
    # Both can be edited, so both are listed; only the one given to the officer shows its figures.
    assert "Skate park" in html
    assert reverse("youth_voice_admin:summary", args=[not_given.pk]) not in html
    assert "Youth centre plans" in html and "Bus fares" not in html
    for url in (
        reverse("youth_voice_admin:summary", args=[page.pk]),
        reverse("workspace:phone_preview", args=[page.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("workspace:share", args=[page.pk]),
        reverse("workspace:copy", args=[page.pk]),
    ):
        assert f'href="{url}"' in html
    # An unknown status is no filter at all, never an error.
    assert (
        "Bus fares" in editor_client.get(reverse("workspace:index"), {"status": "nonsense"}).content.decode()
    )


def test_dashboard_shows_my_consultations_not_the_page_count(home, editor, editor_client):
    make_consultation(home, slug="mine", title="Youth centre plans", owner=editor)
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "My consultations" in html and "Youth centre plans" in html
    assert reverse("workspace:new") in html
    assert not re.search(r"\d+\s+Pages?\s+<span", html)  # no "5 Pages", nor counts of images or documents


def test_phone_preview_frames_the_latest_draft(home, editor_client):
    page = make_consultation(home, slug="draft", title="Bus fares", live=False)
    frame = editor_client.get(reverse("workspace:phone_preview_frame", args=[page.pk]))
    assert frame.status_code == 200 and frame["X-Frame-Options"] == "SAMEORIGIN"
    assert "Bus fares" in frame.content.decode()
    html = editor_client.get(reverse("workspace:phone_preview", args=[page.pk])).content.decode()
    assert reverse("workspace:phone_preview_frame", args=[page.pk]) in html


# --- New consultation ----------------------------------------------------------------------------


def test_new_consultation_is_a_draft_under_the_home_page_and_opens_its_editor(home, editor, editor_client):
    response = editor_client.post(
        reverse("workspace:new"), {"title": "Youth centre plans", "language": "en-gb"} | dates(1, 30, 60)
    )
    page = ConsultationPage.objects.get(title="Youth centre plans")
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )
    assert page.get_parent().pk == home.pk and not page.live and page.owner == editor
    today = timezone.localdate()
    assert timezone.localtime(page.opens_at).date() == today + timedelta(days=1)
    assert timezone.localtime(page.closes_at).date() == today + timedelta(days=30)
    assert page.feedback_due == today + timedelta(days=60)
    assert page.slug == "youth-centre-plans" and page.latest_revision is not None
    assert editor_client.get(response["Location"]).status_code == 200
    # The same title again gets a slug of its own.
    again = editor_client.post(
        reverse("workspace:new"), {"title": "Youth centre plans", "language": "en-gb"} | dates()
    )
    assert again.status_code == 302, again.content.decode()[-3000:]
    assert sorted(ConsultationPage.objects.values_list("slug", flat=True)) == [
        "youth-centre-plans",
        "youth-centre-plans-2",
    ]


def test_new_consultation_written_in_welsh_goes_under_the_welsh_home_page(
    home, consultation, editor, editor_client
):
    welsh_home = translate(consultation, "cy", {}).get_parent()  # made along with the Welsh version
    refused = editor_client.post(
        reverse("workspace:new"), {"title": "Dweud eich dweud", "language": "cy"} | dates()
    )
    assert "You do not have permission to add consultations in this language" in refused.content.decode()
    GroupPagePermission.objects.create(
        group=editor.groups.get(),
        page=welsh_home,
        permission=Permission.objects.get(codename="add_page", content_type__app_label="wagtailcore"),
    )
    editor_client.post(reverse("workspace:new"), {"title": "Dweud eich dweud", "language": "cy"} | dates())
    page = ConsultationPage.objects.get(title="Dweud eich dweud")
    assert page.locale.language_code == "cy" and page.get_parent().specific.locale.language_code == "cy"
    assert page.get_parent().translation_key == home.translation_key


def test_no_welsh_home_page_is_a_clear_message(home, editor_client):
    html = editor_client.post(
        reverse("workspace:new"), {"title": "Arolwg", "language": "cy"} | dates()
    ).content.decode()
    assert "translate the home page first" in html
    assert not ConsultationPage.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (dates(5, 1), "The closing date must be on or after the opening date."),
        (dates(-10, -1), "The closing date has passed: choose today or a later date."),
        (dates(0, 30, 10), "The feedback date must be on or after the closing date."),
        (dates(opens_on=""), "Give the opening date."),
        (dates(opens_on="31/02/2027"), "Give a real date, for example 2027-03-31."),
        (dates(title="   "), "Give the consultation a title."),
    ],
)
def test_new_consultation_explains_what_is_wrong_and_keeps_what_was_typed(
    home, editor_client, fields, message
):
    data = {"title": "Youth centre plans", "language": "en-gb"} | fields
    response = editor_client.post(reverse("workspace:new"), data)
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert "There is a problem" in html
    if data["title"].strip():
        assert 'value="Youth centre plans"' in html
    if data["closes_on"]:
        assert f'value="{data["closes_on"]}"' in html
    assert not ConsultationPage.objects.exists()


def test_new_consultation_needs_permission_to_add_pages(home, officer_client):
    response = officer_client.post(
        reverse("workspace:new"), {"title": "Youth centre plans", "language": "en-gb"} | dates()
    )
    assert "You do not have permission to add consultations" in response.content.decode()
    assert not ConsultationPage.objects.exists()


# --- Copying -------------------------------------------------------------------------------------


def test_copy_has_new_title_and_dates_the_questions_and_no_responses(
    home, consultation, editor, editor_client, answer
):
    answer({"1": (["yes"], ""), "8": "More buses"})
    response = editor_client.post(
        reverse("workspace:copy", args=[consultation.pk]),
        {"title": "Have your say again"} | dates(10, 40, 70),
    )
    copy = ConsultationPage.objects.get(title="Have your say again")
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    today = timezone.localdate()
    assert timezone.localtime(copy.opens_at).date() == today + timedelta(days=10)
    assert timezone.localtime(copy.closes_at).date() == today + timedelta(days=40)
    assert copy.feedback_due == today + timedelta(days=70)
    assert copy.get_parent().pk == home.pk and copy.owner == editor
    # Never published: nothing says "First published".
    assert not copy.live and copy.first_published_at is None and copy.last_published_at is None
    editing = copy.get_latest_revision_as_object()
    assert editing.first_published_at is None and editing.title == "Have your say again"
    assert "First published" not in editor_client.get(response["Location"]).content.decode()
    # The same questions, as new questions: new keys and identities of the copy's own.
    original = list(consultation.questions.values_list("reference", "prompt", "key"))
    copied = list(copy.questions.values_list("reference", "prompt", "key"))
    assert [q[:2] for q in copied] == [q[:2] for q in original]
    assert not {q[2] for q in copied} & {q[2] for q in original}
    assert {question.key for question in editing.questions.all()} == {q[2] for q in copied}
    identities = QuestionIdentity.objects.filter(consultation=copy)
    assert identities.count() == len(original)
    assert not identities.filter(answers__isnull=False).exists()
    assert copy.answers_page_id == copy.pk and copy.translation_key != consultation.translation_key
    assert Response.objects.filter(consultation=copy).count() == 0
    assert Response.objects.filter(consultation=consultation).count() == 1


def test_copy_takes_unpublished_changes(home, consultation, editor_client):
    draft = consultation.get_latest_revision_as_object()
    draft.questions.add(
        Question(reference="9", kind="free_text", prompt="Anything new?", follow_up_prompt="")
    )
    draft.save_revision()
    editor_client.post(reverse("workspace:copy", args=[consultation.pk]), {"title": "Again"} | dates())
    assert "Anything new?" in ConsultationPage.objects.get(title="Again").questions.values_list(
        "prompt", flat=True
    )


def test_copy_asks_for_new_dates(home, consultation, editor_client):
    html = editor_client.get(reverse("workspace:copy", args=[consultation.pk])).content.decode()
    assert 'value="Copy of Have your say"' in html
    response = editor_client.post(
        reverse("workspace:copy", args=[consultation.pk]), {"title": "Again"} | dates(-60, -30)
    )
    assert "The closing date has passed" in response.content.decode()
    assert ConsultationPage.objects.count() == 1


def test_wagtails_own_copy_asks_for_new_dates_too(home, consultation, editor_client):
    response = editor_client.get(reverse("wagtailadmin_pages:copy", args=[consultation.pk]))
    assert response["Location"] == reverse("workspace:copy", args=[consultation.pk])


def test_unknown_consultation_is_not_found(editor_client, home):
    for name in ("copy", "share", "poster", "phone_preview"):
        assert editor_client.get(reverse(f"workspace:{name}", args=[999999])).status_code == 404


# --- Who reads what they started -----------------------------------------------------------------


def test_an_officer_reads_the_responses_of_what_they_start_or_copy(home, consultation, editor, editor_client):
    """Starting a consultation (new or copied) gives it to the officer who started it."""
    editor_client.post(
        reverse("workspace:new"), {"title": "Youth centre plans", "language": "en-gb"} | dates()
    )
    new = ConsultationPage.objects.get(title="Youth centre plans")
    editor_client.post(reverse("workspace:copy", args=[consultation.pk]), {"title": "Again"} | dates(10, 40))
    copy = ConsultationPage.objects.get(title="Again")
    assert set(ConsultationAccess.objects.filter(user=editor).values_list("consultation_id", flat=True)) == {
        consultation.pk,
        new.pk,
        copy.pk,
    }
    assert editor_client.get(reverse("youth_voice_admin:summary", args=[new.pk])).status_code == 200


def test_someone_who_reads_no_responses_is_given_nothing_by_starting_one(home, officer, django_user_model):
    """A plan editor may start a consultation, but reading its responses is given by an administrator."""
    from youth_voice.workspace.creating import Dates, create_consultation

    planner = django_user_model.objects.create_user(username="planner", email="planner@example.org")
    page = create_consultation(planner, home, "Plan consultation", Dates(TODAY(), None, None))
    assert not ConsultationAccess.objects.filter(consultation=page).exists()
