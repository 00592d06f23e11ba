"""Project-level behaviour: settings, sign-in, the API, compression."""

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from youth_voice.models import Response

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz!@#$%^&*()"


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "chorus.settings.production", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="chorus.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="chorus.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_wagtail_admin_sign_in_goes_through_allauth(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_staff_sign_in_by_email(client, officer):
    from tests.conftest import OFFICER_PASSWORD, totp_code

    response = client.post("/accounts/login/", {"login": "officer@example.org", "password": OFFICER_PASSWORD})
    # An officer reads responses, so the password is followed by their authenticator's code.
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.post(response["Location"], {"code": totp_code()}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_wrong_password_gets_a_clear_message(client, officer):
    response = client.post("/accounts/login/", {"login": "officer@example.org", "password": "nope"})
    assert response.status_code == 200
    assert "That email address and password do not match a staff account." in response.content.decode()


def test_nobody_can_sign_themselves_up(client, db):
    html = client.get("/accounts/signup/").content.decode()
    assert "No sign-up" in html and "Staff accounts are made by whoever manages Chorus" in html
    assert 'name="password1"' not in html
    assert "sign up" not in client.get("/accounts/login/").content.decode().lower()


def test_api_lists_published_pages_and_never_responses(client, consultation, answer):
    answer({"6.1": "private words"})
    response = client.get("/api/v2/pages/?type=consultations.ConsultationPage&fields=questions,closes_at")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == [consultation.title]
    assert {q["reference"] for q in items[0]["questions"]} == {"1", "6.1", "6.2", "7", "8"}
    assert "private words" not in response.content.decode()
    assert Response.objects.count() == 1


def test_pages_are_compressed_for_phones(client, consultation):
    response = client.get(consultation.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"Have your say" in gzip.decompress(response.content)


@pytest.mark.parametrize("path", ["/en-gb/no-such-page/", "/cy/no-such-page/", "/api/v2/pages/999999/"])
def test_missing_things_are_404_not_500(client, db, path):
    assert client.get(path).status_code == 404
