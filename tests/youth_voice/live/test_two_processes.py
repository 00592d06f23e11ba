"""Two daphne processes behind one Redis: the presenter on process A sees the votes that phones
connected to process B cast, and every acknowledged vote is a row in PostgreSQL.

Fan-out between processes goes only through the Redis channel layer, so this needs PostgreSQL and
Redis (CI's second run sets DATABASE_URL and REDIS_URL). The servers get a database of their own,
migrated and seeded by subprocesses and dropped afterwards: the test database's transactions are
invisible to other processes, and flushing it would take the pages other tests need.
"""

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
ROOT = Path(__file__).resolve().parents[3]
PHONES = 5

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL.startswith(("postgres://", "postgresql://")) and REDIS_URL),
    reason="needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), as CI's second run sets",
)


def seed() -> None:
    """Run in a subprocess on the servers' database: a consultation, a superuser signed in, and
    a session open on its first question. Prints what the test needs as JSON."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from home.models import HomePage
    from tests.conftest import make_consultation
    from youth_voice.live import services

    page = make_consultation(HomePage.objects.get())
    officer = get_user_model().objects.create_superuser("presenter", "presenter@example.org", "pw")
    client = Client()
    client.force_login(officer)
    keys = [
        identity.question_key for identity in services.askable_questions(page) if identity.reference == "1"
    ]
    session = services.control(services.start_session(page, keys, user=officer).pk, "next")
    print(
        json.dumps(
            {
                "code": session.join_code,
                "key": session.question_keys[0],
                "session_id": session.pk,
                "cookie": client.cookies["sessionid"].value,
            }
        )
    )


def stored(session_id) -> None:
    """Run in a subprocess: the votes stored for the session, {option: count}, as JSON."""
    from django.db.models import Count

    from youth_voice.models import Answer

    rows = (
        Answer.objects.filter(response__live_session_id=session_id).values("option").annotate(n=Count("id"))
    )
    print(json.dumps({row["option"]: row["n"] for row in rows}))


def django_call(env, call) -> dict:
    code = f"import django; django.setup(); from tests.youth_voice.live.test_two_processes import *; {call}"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"daphne did not listen on {port} in {seconds} s")


def run_sql(url, sql):
    """Run a statement on the server's maintenance database (CREATE and DROP DATABASE)."""
    import psycopg

    with psycopg.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(sql)


@pytest.fixture
def servers_database():
    """A database of the servers' own, migrated; dropped afterwards. Yields its URL."""
    name = f"{urlsplit(DATABASE_URL).path.lstrip('/') or 'chorus'}_two_processes"
    url = urlunsplit(urlsplit(DATABASE_URL)._replace(path=f"/{name}"))
    run_sql(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run_sql(url, f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "chorus.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
    )
    yield env
    run_sql(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def two_daphnes(servers_database):
    ports, processes = [free_port(), free_port()], []
    daphne = str(Path(sys.executable).with_name("daphne"))
    try:
        for port in ports:
            processes.append(
                subprocess.Popen(
                    [daphne, "-b", "127.0.0.1", "-p", str(port), "chorus.asgi:application"],
                    env=servers_database,
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            )
        for port, process in zip(ports, processes, strict=True):
            wait_for(port, process)
        yield servers_database, ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


async def scenario(ports, code, key, cookie):
    from websockets.asyncio.client import connect

    a, b = ports
    origin = f"http://localhost:{a}"
    presenter = await connect(
        f"ws://127.0.0.1:{a}/ws/live/{code}/presenter/",
        origin=origin,
        additional_headers={"Cookie": f"sessionid={cookie}"},
    )
    phones, acknowledged = [], 0
    for _ in range(PHONES):
        phone = await connect(f"ws://127.0.0.1:{b}/ws/live/{code}/", origin=f"http://localhost:{b}")
        assert json.loads(await phone.recv())["type"] == "question"
        await phone.send(json.dumps({"type": "hello"}))
        assert json.loads(await phone.recv())["type"] == "welcome"
        phones.append(phone)
    for number, phone in enumerate(phones):
        await phone.send(
            json.dumps({"type": "vote", "question": key, "option": "yes" if number < 3 else "no"})
        )
    for phone in phones:
        reply = json.loads(await asyncio.wait_for(phone.recv(), 10))
        acknowledged += reply == {"type": "voted", "question": key}
    latest = {}
    while latest.get("answered") != PHONES:
        message = json.loads(await asyncio.wait_for(presenter.recv(), 10))
        if message["type"] == "results":
            latest = message
    for websocket in (presenter, *phones):
        await websocket.close()
    return acknowledged, latest


def test_a_presenter_on_one_process_sees_votes_taken_by_another(two_daphnes):
    env, ports = two_daphnes
    seeded = django_call(env, "seed()")
    acknowledged, latest = asyncio.run(scenario(ports, seeded["code"], seeded["key"], seeded["cookie"]))
    assert acknowledged == PHONES
    assert (latest["joined"], latest["answered"], latest["counts"]) == (PHONES, PHONES, {"yes": 3, "no": 2})
    assert django_call(env, f"stored({seeded['session_id']})") == {"yes": 3, "no": 2}
