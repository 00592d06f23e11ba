"""Playwright on Debian's chromium, at a phone's size. No browser is downloaded.

The demo is loaded once per module and served by a live server of the module's own (`demo`), so
the tests of a module share it: each one counts what it adds rather than what is there. Those
tests use no `db` or `live_server` fixture (either would empty the database after every test);
the database stays open to them while the module runs, and when it ends it is emptied and given
back what the migrations made (for the tests that run after it in the same worker).
"""

import os
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections

from tests.conftest import remember_migrated_data, restore_migrated_data

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}
# Long enough for a slow CI machine, short enough that a missing element fails in seconds.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="module")
def browser():
    """One browser per module: its event loop must not outlive the browser tests."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium.")
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own database work is
    # plain synchronous code, so Django's async-safety guard is lifted while it runs.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def test_database(django_db_setup, django_db_blocker):
    """The test database. pytest-django creates it only for tests that ask for `db`, so when only
    browser tests run it is created here (and never is the development database used)."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        if connection.settings_dict["NAME"] == connection.creation._get_test_db_name():
            yield
            return
        created = setup_databases(
            verbosity=0, interactive=False, aliases={connection.alias}, serialized_aliases=set()
        )
        remember_migrated_data()
        yield
        teardown_databases(created, verbosity=0)


@pytest.fixture(scope="module")
def demo(test_database, django_db_blocker):
    """The demo site (`load_demo`), served live for one module; returns its address."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())
        server = LiveServer("localhost")
        try:
            yield server.url
        finally:
            server.stop()
            restore_migrated_data()


@pytest.fixture
def devices(browser):
    """Opens a page in a browser context of its own: another phone, or the officer's laptop."""
    contexts, script_errors = [], []

    def open_page(javascript=True, **size):
        context = browser.new_context(java_script_enabled=javascript, **(size or PHONE))
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: script_errors.append(f"{page.url}: {error}"))
        return page

    yield open_page
    for context in contexts:
        context.close()
    # While Playwright runs, the test's own queries get connections of their own (Django keeps one
    # per context, and Playwright's sync API switches contexts): close them, or PostgreSQL refuses
    # to drop the test database at the end.
    connections.close_all()
    assert not script_errors, "JavaScript errors on the page"


@pytest.fixture
def phone(devices):
    return devices()


@pytest.fixture
def phone_without_javascript(devices):
    return devices(javascript=False)


@pytest.fixture
def laptop(devices):
    return devices(**LAPTOP)
