"""One sign-in (allauth's, with its lockout), the staff second factor, and staff session limits."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from chorus.staff_sessions import SESSION_BEGAN, SESSION_LAST_SEEN
from tests.conftest import OFFICER_PASSWORD, form_data, give_second_factor, set_up_authenticator, totp_code

ADMIN_URLS = ["/admin/", "/admin/pages/", "/admin/responses/", "/admin/documents/", "/admin/account/"]


@pytest.fixture
def plan_editor(db, django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", OFFICER_PASSWORD)
    user.groups.add(Group.objects.get(name="Plan editors"))
    return user


@pytest.fixture
def reader_without_mfa(db, django_user_model):
    """A participation officer who has not set up a second factor yet."""
    user = django_user_model.objects.create_user("new", "new@example.org", OFFICER_PASSWORD)
    user.groups.add(Group.objects.get(name="Participation officers"))
    return user


def sign_in(client, email, password=OFFICER_PASSWORD, where="/accounts/login/"):
    return client.post(where, {"login": email, "password": password})


# --- One sign-in ---


def test_wagtail_sign_in_hands_over_to_allauth_keeping_next(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/admin/pages/")
    assert client.get("/admin/pages/")["Location"] == "/accounts/login/?next=/admin/pages/"


def test_200_wrong_passwords_at_the_admin_sign_in_never_get_past_the_lockout(client, plan_editor):
    for attempt in range(200):
        response = sign_in(client, plan_editor.email, f"wrong-{attempt}", where="/admin/login/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    # The right password at Wagtail's address signs nobody in either: it only redirects.
    assert sign_in(client, plan_editor.email, where="/admin/login/").status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, plan_editor):
    for _attempt in range(5):
        assert sign_in(client, plan_editor.email, "wrong").status_code == 200
    refused = sign_in(client, plan_editor.email)
    assert refused.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_the_lockout_holds_from_another_address(client, plan_editor):
    for attempt in range(5):
        client.post(
            "/accounts/login/",
            {"login": plan_editor.email, "password": "wrong"},
            REMOTE_ADDR=f"10.0.0.{attempt}",
        )
    sign_in(client, plan_editor.email)
    assert "_auth_user_id" not in client.session


def test_password_reset_goes_through_allauth(client, plan_editor):
    response = client.get("/admin/password_reset/")
    assert response["Location"] == "/accounts/password/reset/"
    client.post("/accounts/password/reset/", {"email": plan_editor.email})
    assert len(mail.outbox) == 1 and "/accounts/password/reset/key/" in mail.outbox[0].body


# --- The staff second factor ---


@pytest.mark.parametrize("address", ADMIN_URLS)
def test_a_response_reader_without_a_second_factor_is_sent_to_set_one_up(client, reader_without_mfa, address):
    client.force_login(reader_without_mfa)
    response = client.get(address)
    assert (response.status_code, response["Location"]) == (302, "/accounts/2fa/totp/activate/")


def test_signing_in_leads_a_response_reader_to_set_up_an_authenticator_then_the_admin(
    client, reader_without_mfa
):
    assert sign_in(client, reader_without_mfa.email)["Location"] == "/admin/"
    assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"
    page = set_up_authenticator(client)
    assert "recovery" in page.content.decode().lower()  # their recovery codes are shown next
    assert client.get("/admin/").status_code == 200


def test_with_a_second_factor_the_reader_signs_in_with_a_code(client, reader_without_mfa):
    give_second_factor(reader_without_mfa)
    assert sign_in(client, reader_without_mfa.email)["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not signed in until the code is given
    assert client.post("/accounts/2fa/authenticate/", {"code": "000000"}).status_code == 200
    assert client.post("/accounts/2fa/authenticate/", {"code": totp_code()}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_plan_editor_without_response_access_is_not_forced(client, plan_editor):
    sign_in(client, plan_editor.email)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_superusers_and_site_administrators_need_a_second_factor_too(client, django_user_model):
    admin = django_user_model.objects.create_user("site", "site@example.org", OFFICER_PASSWORD)
    admin.groups.add(Group.objects.get(name="Site administrators"))
    root = django_user_model.objects.create_superuser("root", "root@example.org", OFFICER_PASSWORD)
    for user in (admin, root):
        client.force_login(user)
        assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"


def test_the_second_factor_pages_exist(client, reader_without_mfa):
    give_second_factor(reader_without_mfa)
    client.force_login(reader_without_mfa)
    assert client.get("/accounts/2fa/").status_code == 200


# --- Staff sessions ---


@pytest.fixture
def editor_client(client, plan_editor):
    client.force_login(plan_editor)
    assert client.get("/admin/").status_code == 200  # the session records when it began
    return client


def later(minutes):
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(minutes=minutes))


def test_a_session_ends_after_30_idle_minutes(editor_client):
    with later(29):
        assert editor_client.get("/admin/").status_code == 200
    with later(29 + 31):
        response = editor_client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in editor_client.session


def test_a_busy_session_still_ends_after_12_hours(editor_client):
    for minutes in range(20, 12 * 60, 20):
        with later(minutes):
            assert editor_client.get("/admin/").status_code == 200
    with later(12 * 60 + 1):
        assert editor_client.get("/admin/").status_code == 302


def test_the_session_records_when_it_began_and_was_last_used(editor_client):
    session = editor_client.session
    assert session[SESSION_BEGAN] <= session[SESSION_LAST_SEEN] <= timezone.now().timestamp()


def test_young_people_get_no_session(client, consultation):
    """A young person's journey keeps its state in signed cookies of its own, never in a session,
    so the staff limits never cut a young person off mid-answer."""
    pages = [client.get(consultation.url)]
    data = form_data(consultation, {"6.1": "Someone to talk to"})
    for action in ("save", "send"):
        data.setlist("action", [action])
        pages.append(client.post(consultation.submit_url, dict(data.lists())))
    assert [page.status_code for page in pages] == [200, 200, 302]
    assert all("sessionid" not in page.cookies for page in pages)
    assert "sessionid" not in client.cookies


def test_the_rules_for_a_second_factor(db, django_user_model):
    from youth_voice.access import needs_second_factor

    user = django_user_model.objects.create_user("p", "p@example.org", "x")
    assert not needs_second_factor(user)
    user.user_permissions.add(Permission.objects.get(codename="view_response"))
    user = django_user_model.objects.get(pk=user.pk)
    assert needs_second_factor(user)
    lead = django_user_model.objects.create_user("s", "s@example.org", "x")
    lead.groups.add(Group.objects.get(name="Safeguarding leads"))
    assert needs_second_factor(lead)


def test_sign_ins_failures_second_factors_and_ended_sessions_are_logged(
    client, reader_without_mfa, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level("INFO", logger="chorus.security")
    sign_in(client, reader_without_mfa.email, "wrong")
    sign_in(client, reader_without_mfa.email)
    with django_capture_on_commit_callbacks(execute=True):  # allauth reports it once saved
        set_up_authenticator(client)
    with later(31):
        client.get("/admin/")
    logged = [record.getMessage() for record in caplog.records if record.name == "chorus.security"]
    assert any(m.startswith("sign-in failed login=new@example.org") for m in logged)
    assert f"sign-in user={reader_without_mfa.pk} address=127.0.0.1" in logged
    assert f"second factor added user={reader_without_mfa.pk} type=totp" in logged
    assert f"session ended (idle) user={reader_without_mfa.pk}" in logged
    assert not any("wrong" in m or OFFICER_PASSWORD in m for m in logged)  # never a password


def test_the_set_up_page_is_in_our_layout_and_in_welsh(client, reader_without_mfa):
    sign_in(client, reader_without_mfa.email)
    set_up = client.get("/accounts/2fa/totp/activate/")
    if set_up.status_code == 302:  # allauth asks for the password again first
        client.post(set_up["Location"], {"password": OFFICER_PASSWORD})
    english = client.get("/accounts/2fa/totp/activate/").content.decode()
    assert "Set up an authenticator app" in english and 'class="site-header"' in english
    client.cookies["django_language"] = "cy"
    welsh = client.get("/accounts/2fa/totp/activate/").content.decode()
    assert '<html lang="cy">' in welsh
    assert "Gosod ap dilysu" in welsh and "Cod o’r ap" in welsh
