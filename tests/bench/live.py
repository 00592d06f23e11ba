"""`make bench` figures for live sessions (issue 10): 1,000 phones voting on one question while the
presenter screen is connected, with one daphne process and with two behind Redis.

How they are measured, and why the comparison is fair:

- The participants are asyncio clients of the `websockets` library in one process, opened
  gradually (PARTICIPANTS in batches of OPEN_BATCH), each joining as the protocol allows a
  benchmark to: `{"type":"hello"}` → `welcome` (docs/live-sessions.md). The presenter screen is
  a staff session (a superuser's session cookie) on `ws/live/<CODE>/presenter/`.
- Every participant then votes once, at a moment drawn uniformly over VOTE_SECONDS (a room
  voting after the question opens), for one of the question's options.
- live_p95_ms: for each vote, the time from sending it to the first presenter frame that arrives
  after the vote's `voted` acknowledgement and counts at least as many answers as had been
  acknowledged by then (so it counts that vote, or a later one in its place). Waiting for the
  acknowledgement makes the figure an upper bound: the presenter often sees a vote before its
  phone hears "voted". Votes never shown count as infinitely late.
- live_lost_votes: votes acknowledged with `voted` whose participant has no Answer row for the
  session's question in the database, counted after the run, phone by phone (failures — an error
  frame or no answer in time — are reported beside it, never hidden in it).
- The baseline, in the same run on the same server(s): the ping consumer's round trip
  (`ws/ping/`, through the channel layer, no database) with the same number of sockets sending
  at the same pace, spread over the same processes.
- _2proc: two daphne processes sharing PostgreSQL and Redis (channel layer and cache); the
  presenter on the first, the participants alternating between both.
- join_page_bytes (budget ≤ 14,336): the participant page `/join/<CODE>/` weighed by Chromium
  exactly as step_page_bytes is (tests/bench/run.py); baseline: the Wagtail form page with two
  questions' fields.
"""

import asyncio
import json
import math
import os
import random
import resource
import time
from dataclasses import dataclass, field

from websockets.exceptions import ConnectionClosed

PARTICIPANTS = int(os.environ.get("BENCH_LIVE_PARTICIPANTS", "1000"))
VOTE_SECONDS = float(os.environ.get("BENCH_LIVE_VOTE_SECONDS", "10"))
OPEN_BATCH = 50
ANSWER_TIMEOUT = 30.0  # a vote not acknowledged by then is a failure
SETTLE_SECONDS = 2.0  # after the last acknowledgement, time for the presenter's last frame
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/5"


# --- The arithmetic (unit-tested in tests/bench/test_live_arithmetic.py) ---------


@dataclass
class Vote:
    participant: str  # the participant id the session gave the phone (its response's submission key)
    sent: float
    acked: float | None = None  # when `voted` arrived; None: refused or never answered
    error: str = ""


def latencies_ms(votes, frames) -> list[float]:
    """Each acknowledged vote's delay until the presenter showed it, in ms (math.inf if never).

    `frames`: (arrival time, answers counted) of the presenter's results frames, in arrival order.
    Ranked by acknowledgement, the k-th vote is shown by the first frame arriving after its
    acknowledgement that counts at least k answers; both bounds only grow with k, so one pass
    over the frames finds them all.
    """
    acked = sorted((vote.acked, vote.sent) for vote in votes if vote.acked is not None)
    delays, frame = [], 0
    for rank, (ack, sent) in enumerate(acked, start=1):
        while frame < len(frames) and (frames[frame][0] < ack or frames[frame][1] < rank):
            frame += 1
        delays.append((frames[frame][0] - sent) * 1000 if frame < len(frames) else math.inf)
    return delays


def percentile(values, fraction) -> float:
    """Nearest-rank percentile: the smallest value with at least `fraction` of them at or below."""
    if not values:
        return math.inf
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def lost_votes(votes, stored_participants: set) -> int:
    """Votes the server said it stored (`voted`) whose participant has no answer row in the
    database: counted phone by phone, so a vote stored but not acknowledged in time cannot hide
    one that was acknowledged and lost."""
    return sum(vote.acked is not None and vote.participant not in stored_participants for vote in votes)


# --- The session under test ----------------------------------------------------------------------


def prepare_session(slug) -> dict:
    """A consultation with a single-choice question, a live session on it opened by a superuser,
    and that superuser's session cookie for the presenter screen."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.bench.content import bench_consultation
    from youth_voice.live import services

    consultation = bench_consultation(slug)
    identity = next(i for i in services.askable_questions(consultation) if i.kind == "single_choice")
    user = get_user_model().objects.filter(username="bench-presenter").first()
    user = user or get_user_model().objects.create_superuser("bench-presenter", "bench@example.org", None)
    session = services.start_session(consultation, [identity.question_key], user=user)
    services.control(session.pk, "next")
    client = Client()
    client.force_login(user)
    return {
        "session_id": session.pk,
        "code": session.join_code,
        "question": str(identity.question_key),
        "options": [o.code for o in identity.options() if not o.retired],
        "presenter_cookie": f"sessionid={client.cookies['sessionid'].value}",
    }


def stored_votes(session_id, question_key) -> list[str]:
    """The participant of every answer row to the question in the session (one row a vote)."""
    from youth_voice.models import Answer

    rows = Answer.objects.filter(response__live_session_id=session_id, question__question_key=question_key)
    return [str(key) for key in rows.values_list("response__submission_key", flat=True)]


# --- The clients ---------------------------------------------------------------------------------


@dataclass
class Room:
    votes: list = field(default_factory=list)
    frames: list = field(default_factory=list)  # (arrival, answered)
    failures: dict = field(default_factory=dict)

    def fail(self, why):
        self.failures[why] = self.failures.get(why, 0) + 1


async def _connect(port, path, **headers):
    from websockets.asyncio.client import connect

    return await connect(
        f"ws://127.0.0.1:{port}{path}",
        origin=f"http://127.0.0.1:{port}",
        additional_headers=headers,
        open_timeout=60,
        ping_interval=None,
        max_queue=None,
    )


async def _frames(socket, kinds):
    """The next frame whose type is one of `kinds` (others, such as question frames, skipped)."""
    while True:
        message = json.loads(await socket.recv())
        if message.get("type") in kinds:
            return message


async def _open_gradually(ports, path, count, setup):
    """`count` sockets, alternating over `ports`, OPEN_BATCH at a time; each made ready by `setup`."""
    sockets = []
    for start in range(0, count, OPEN_BATCH):
        batch = [_connect(ports[i % len(ports)], path) for i in range(start, min(start + OPEN_BATCH, count))]
        opened = await asyncio.gather(*batch)
        await asyncio.gather(*(setup(socket) for socket in opened))
        sockets.extend(opened)
    return sockets


async def _paced(sockets, act):
    """Each socket acts once, at a moment drawn uniformly over VOTE_SECONDS."""
    rng = random.Random(10)

    async def one(socket):
        await asyncio.sleep(rng.uniform(0, VOTE_SECONDS))
        await act(socket)

    await asyncio.gather(*(one(socket) for socket in sockets))


async def vote_in_room(ports, presenter_port, session) -> Room:
    room = Room()
    presenter = await _connect(
        presenter_port, f"/ws/live/{session['code']}/presenter/", Cookie=session["presenter_cookie"]
    )
    await _frames(presenter, {"results"})

    async def listen():
        async for text in presenter:
            message = json.loads(text)
            if message.get("type") == "results" and message.get("question") == session["question"]:
                room.frames.append((time.monotonic(), message["answered"]))

    listening = asyncio.create_task(listen())

    participants = {}

    async def hello(socket):
        await socket.send(json.dumps({"type": "hello"}))
        welcome = await _frames(socket, {"welcome"})
        participants[socket] = welcome["participant"].split(":")[1]  # signed "<session>:<id>"

    phones = await _open_gradually(ports, f"/ws/live/{session['code']}/", PARTICIPANTS, hello)
    rng = random.Random(20)

    async def vote(socket):
        frame = {"type": "vote", "question": session["question"], "option": rng.choice(session["options"])}
        record = Vote(participants[socket], sent=time.monotonic())
        room.votes.append(record)
        try:
            await socket.send(json.dumps(frame))
            answer = await asyncio.wait_for(_frames(socket, {"voted", "error"}), ANSWER_TIMEOUT)
        except TimeoutError:
            room.fail("no answer in time")
            return
        except ConnectionClosed as closed:
            room.fail(f"closed {closed.rcvd.code if closed.rcvd else 'without a code'}")
            return
        if answer["type"] == "voted":
            record.acked = time.monotonic()
        else:
            room.fail(f"error {answer.get('code')}")

    await _paced(phones, vote)
    await asyncio.sleep(SETTLE_SECONDS)
    listening.cancel()
    await asyncio.gather(*(socket.close() for socket in [*phones, presenter]), return_exceptions=True)
    return room


async def ping_in_room(ports) -> tuple[list[float], Room]:
    """The baseline: as many sockets on the ping consumer, each pinging once at the same pace."""
    room, delays = Room(), []
    sockets = await _open_gradually(ports, "/ws/ping/", PARTICIPANTS, lambda socket: asyncio.sleep(0))

    async def ping(socket):
        sent = time.monotonic()
        try:
            await socket.send('{"type": "ping"}')
            await asyncio.wait_for(_frames(socket, {"pong"}), ANSWER_TIMEOUT)
        except (TimeoutError, ConnectionClosed):
            room.fail("no pong")
            return
        delays.append((time.monotonic() - sent) * 1000)

    await _paced(sockets, ping)
    await asyncio.gather(*(socket.close() for socket in sockets), return_exceptions=True)
    return delays, room


# --- The figures ---------------------------------------------------------------------------------


def _more_files():
    """Room for 1,000 client sockets here and as many in each daphne (they inherit the limit)."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def measure_room(servers, suffix, report):
    """Ping baseline, then the vote, on `servers` (the presenter on the first); reports the figures."""
    ports = [server.port for server in servers]
    session = prepare_session(f"bench-live{suffix.replace('_', '-')}")
    pings, ping_room = asyncio.run(ping_in_room(ports))
    room = asyncio.run(vote_in_room(ports, ports[0], session))
    rows = stored_votes(session["session_id"], session["question"])
    unacknowledged = len(set(rows) - {vote.participant for vote in room.votes if vote.acked is not None})
    delays = latencies_ms(room.votes, room.frames)
    unshown = sum(math.isinf(d) for d in delays)
    acked = sum(vote.acked is not None for vote in room.votes)
    ping_p95 = percentile(pings, 0.95)
    processes = f"{len(servers)} daphne process{'es' if len(servers) > 1 else ''}"
    p95 = percentile(delays, 0.95)
    report(
        f"live_p95_ms{suffix}",
        p95 if math.isinf(p95) else round(p95),
        "ms",
        f"{PARTICIPANTS} phones voting over {VOTE_SECONDS:g} s, {processes}; median "
        f"{percentile(delays, 0.5):.0f} ms; {unshown} never shown; ping round trip p95 "
        f"{ping_p95:.0f} ms (median {percentile(pings, 0.5):.0f}) with {PARTICIPANTS} sockets at the same pace"
        + (f", {sum(ping_room.failures.values())} pings unanswered" if ping_room.failures else ""),
    )
    failures = "; ".join(f"{n}× {why}" for why, n in room.failures.items()) or "no failures"
    report(
        f"live_lost_votes{suffix}",
        lost_votes(room.votes, set(rows)),
        "votes",
        f"{len(room.votes)} sent, {acked} acknowledged, {len(rows)} answer rows stored "
        f"({unacknowledged} of them not acknowledged in time); {failures}; "
        f"presenter: {len(room.frames)} frames, last count {room.frames[-1][1] if room.frames else 'none'}",
    )


def live_figures(env, report, server_class, weigh_join_page):
    """All the live figures, on the database in `env` (PostgreSQL: two processes share it)."""
    _more_files()
    with server_class(env, "daphne-live.log") as server:
        measure_room([server], "", report)
        weigh_join_page(server, prepare_session("bench-live-join")["code"])
    redis = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    two = env | {"REDIS_URL": redis}
    with server_class(two, "daphne-live-a.log") as first, server_class(two, "daphne-live-b.log") as second:
        measure_room([first, second], "_2proc", report)
