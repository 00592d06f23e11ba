"""Websockets stand up to bad input: unreadable frames are answered and the socket stays open,
unknown addresses close cleanly, and a connection that sends too fast is slowed, then closed.
All through the real `chorus.asgi.application`, and nothing is logged as an error."""

import asyncio
import json
import logging

import pytest
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator

from chorus.asgi import application
from youth_voice.consumers import POLICY_VIOLATION, UNKNOWN_PATH, MessageRate

ORIGIN = [(b"origin", b"http://localhost")]


@pytest.fixture(autouse=True)
def nothing_logged(caplog):
    caplog.set_level(logging.WARNING)
    yield
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def talk(frames, path="/ws/ping/"):
    """Send each frame (str: text, bytes: binary) and collect what comes back: a JSON reply, or
    ("closed", code) once the server closes."""

    async def run():
        # Each conversation runs in an event loop of its own, and a Redis channel layer made in
        # another loop holds locks bound to that loop: start with a fresh layer, leave none behind.
        channel_layers.backends.clear()
        communicator = WebsocketCommunicator(application, path, headers=ORIGIN)
        connected, code = await communicator.connect(timeout=5)
        if not connected:
            return [("refused", code)]
        replies = []
        for frame in [*frames, '{"type": "ping"}']:
            kind = "bytes" if isinstance(frame, bytes) else "text"
            await communicator.send_input({"type": "websocket.receive", kind: frame})
            output = await communicator.receive_output(timeout=5)
            if output["type"] == "websocket.close":
                replies.append(("closed", output.get("code")))
                break
            replies.append(output["text"])
        await communicator.disconnect()
        return replies

    try:
        return asyncio.run(run())
    finally:
        channel_layers.backends.clear()


def error_code(reply):
    return json.loads(reply).get("code") if isinstance(reply, str) else reply


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("not json at all", "invalid_json"),
        ('{"type": "ping"', "invalid_json"),
        ("", "invalid_json"),
        ("\x00", "invalid_json"),
        ("[" * 100_000 + "]" * 100_000, "too_large"),
        ("[" * 30_000 + "]" * 30_000, "invalid_json"),
        ("[1, 2]", "not_an_object"),
        ('"ping"', "not_an_object"),
        ("null", "not_an_object"),
        ('{"type": ["ping"]}', "unknown_type"),
        (b"\x00\xff binary", "not_text"),
        (b"", "not_text"),
    ],
)
def test_a_bad_frame_is_answered_with_an_error_and_the_socket_stays_open(frame, code):
    error, pong = talk([frame])
    assert error_code(error) == code
    assert error_code(pong) is None and '"pong"' in pong


def test_an_unknown_websocket_address_closes_cleanly_with_4404():
    assert talk([], path="/ws/no-such-thing/") == [("closed", UNKNOWN_PATH)]
    assert talk([], path="/") == [("closed", UNKNOWN_PATH)]


def test_too_many_messages_are_refused_then_the_socket_is_closed(settings):
    settings.CHORUS_WEBSOCKET_RATE_LIMIT = {"messages": 3, "seconds": 60, "close_after": 2}
    replies = talk(['{"type": "ping"}'] * 2)  # with talk's own last ping: 3 allowed
    assert replies == ['{"type": "pong"}'] * 3
    replies = talk(['{"type": "ping"}'] * 5)
    assert [error_code(r) for r in replies] == [
        None,
        None,
        None,
        "rate_limited",
        ("closed", POLICY_VIOLATION),
    ]


def test_the_rate_allows_again_once_the_window_has_passed():
    now = [0.0]
    rate = MessageRate(messages=2, seconds=1, close_after=3, clock=lambda: now[0])
    assert [rate.allow(), rate.allow(), rate.allow()] == [True, True, False]
    now[0] = 0.5
    assert not rate.allow() and rate.refused_in_a_row == 2 and not rate.sustained
    now[0] = 1.0
    assert rate.allow() and rate.refused_in_a_row == 0
    assert [rate.allow(), rate.allow(), rate.allow()] == [True, False, False] and not rate.sustained
    assert not rate.allow() and rate.sustained
