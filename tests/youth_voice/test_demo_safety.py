"""The demo stays out of production: load_demo refuses, and a deployment check fails on a demo user."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import Error
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError

from youth_voice.checks import no_demo_users_in_production
from youth_voice.demo import OFFICER_EMAIL, OFFICER_USERNAME
from youth_voice.models import Response


def test_load_demo_refuses_under_production_settings(settings, db):
    settings.CHORUS_PRODUCTION = True
    with pytest.raises(CommandError, match="refuses to run under production settings"):
        call_command("load_demo")
    assert not get_user_model().objects.exists() and not Response.objects.exists()


def test_load_demo_exits_non_zero_with_the_real_production_settings(tmp_path):
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "chorus.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "chorus.example",
        "DATABASE_URL": f"sqlite:///{tmp_path}/never.sqlite3",
    }
    environment.pop("REDIS_URL", None)
    ran = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "load_demo"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode != 0
    assert "load_demo refuses to run under production settings" in ran.stderr
    assert not (tmp_path / "never.sqlite3").exists() or "Demo officer" not in ran.stdout


@pytest.mark.parametrize(
    "fields", [{"username": OFFICER_USERNAME}, {"username": "renamed", "email": OFFICER_EMAIL.upper()}]
)
def test_a_demo_user_in_production_fails_the_deployment_check(settings, db, fields):
    settings.CHORUS_PRODUCTION = True
    get_user_model().objects.create_user(password="x", **fields)
    problems = no_demo_users_in_production()
    assert [(type(p), p.id) for p in problems] == [(Error, "youth_voice.E001")]
    with pytest.raises(SystemCheckError, match="youth_voice.E001"):
        call_command("check", "--deploy", "--tag", "security")


def test_no_demo_user_or_not_production_passes(settings, db):
    settings.CHORUS_PRODUCTION = True
    get_user_model().objects.create_user(username="real.officer", email="officer@council.example")
    assert no_demo_users_in_production() == []
    settings.CHORUS_PRODUCTION = False
    get_user_model().objects.create_user(username=OFFICER_USERNAME)
    assert no_demo_users_in_production() == []  # a local copy may hold the demo
