"""A live session end to end: the officer starts it and projects the presenter screen, three
phones join by code and vote, the screen counts them, the facilitator locks voting, and the phones
say thank you.

Websockets need an ASGI server: the demo is served here by daphne, in a thread of this process
(so it shares the test database, as the WSGI live server of the other modules does).
"""

import re
import socket
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from youth_voice.models import Answer, LiveSession

from .helpers import sign_in_as_officer

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def demo(test_database, django_db_blocker):
    """The demo, served by daphne for this module; returns its address."""
    from daphne.server import Server  # first: it installs Twisted's asyncio reactor

    from chorus.asgi import application

    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())
        port, ready = free_port(), threading.Event()
        server = Server(
            application,
            endpoints=[f"tcp:port={port}:interface=127.0.0.1"],
            signal_handlers=False,
            ready_callable=ready.set,
            verbosity=0,
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        assert ready.wait(10)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            from twisted.internet import reactor

            reactor.callFromThread(reactor.stop)
            thread.join(10)
            call_command("flush", interactive=False, verbosity=0)


def test_officer_runs_a_live_session_that_three_phones_vote_in(demo, laptop, devices):
    sign_in_as_officer(laptop, demo + "/admin/live/")
    laptop.get_by_role("link", name="Have your say on Growing Up in Harrowby Vale").click()
    yes_no = laptop.get_by_role("checkbox").first
    yes_no.check()
    laptop.get_by_role("button", name="Start the session").click()
    expect(laptop.get_by_role("heading", name=re.compile("Live session"))).to_be_visible()
    session = LiveSession.objects.order_by("-pk").first()
    laptop.get_by_role("button", name="Start: open the first question").click()
    laptop.get_by_role("button", name="Show results").click()

    presenter = laptop.context.new_page()
    presenter.goto(f"{demo}/admin/live/{session.pk}/present/")
    expect(presenter.locator(".live-code")).to_have_text(session.join_code)

    phones = [devices() for _ in range(3)]
    for number, phone in enumerate(phones):
        phone.goto(demo + "/join/")
        phone.get_by_label("Code on the screen").fill(session.join_code.lower())
        phone.get_by_role("button", name="Join").click()
        phone.get_by_role("radio").nth(0 if number < 2 else 1).check()
        phone.get_by_role("button", name="Vote").click()
        expect(phone.get_by_role("status")).to_contain_text("Thank you: your answer is in.")

    expect(presenter.locator("[data-live=joined]")).to_have_text("3")
    expect(presenter.locator("[data-live=answered]")).to_have_text("3")
    expect(presenter.locator(".live-bar-count").first).to_have_text("2")  # two phones chose the first
    expect(presenter.locator(".live-bar-count").nth(1)).to_have_text("1")
    assert presenter.locator(".live-bar-fill").first.evaluate("bar => bar.style.width").startswith("66.6")
    stored = list(Answer.objects.filter(response__live_session=session).values_list("option", flat=True))
    assert len(stored) == 3 and len(set(stored)) == 2

    laptop.get_by_role("button", name="Lock voting").click()
    for phone in phones:
        expect(phone.get_by_text("Voting on this question has closed")).to_be_visible()
    expect(presenter.get_by_text("Voting closed")).to_be_visible()
