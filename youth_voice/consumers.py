"""Websocket consumers. Live sessions with youth forums will be served from here.

Every consumer inherits `GuardedJsonWebsocketConsumer`: a frame it cannot read is answered with an
error and the socket stays open, and each connection may send only so many messages a second.
See docs/security.md, "Websockets". https://channels.readthedocs.io/en/latest/topics/consumers.html
"""

import json
import time
from collections import deque

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncJsonWebsocketConsumer, AsyncWebsocketConsumer
from django.conf import settings

# RFC 6455 7.4.1: "a message that violates its policy". 4404 is ours (4000–4999 are private).
POLICY_VIOLATION = 1008
UNKNOWN_PATH = 4404


class MessageRate:
    """At most `messages` in any `seconds` on one connection; `close_after` refusals in a row
    means the sender does not slow down, and the connection should end."""

    def __init__(self, messages: int, seconds: float, close_after: int, clock=time.monotonic):
        self.messages, self.seconds, self.close_after = messages, seconds, close_after
        self.clock = clock
        self.recent = deque(maxlen=messages)
        self.refused_in_a_row = 0

    @classmethod
    def from_settings(cls):
        return cls(**settings.CHORUS_WEBSOCKET_RATE_LIMIT)

    def allow(self) -> bool:
        now = self.clock()
        if len(self.recent) == self.messages and now - self.recent[0] < self.seconds:
            self.refused_in_a_row += 1
            return False
        self.recent.append(now)
        self.refused_in_a_row = 0
        return True

    @property
    def sustained(self) -> bool:
        return self.refused_in_a_row >= self.close_after


class GuardedJsonWebsocketConsumer(AsyncJsonWebsocketConsumer):
    """A JSON consumer that never falls over on what a client sends.

    Subclasses implement `receive_json(content)` for a JSON object and answer mistakes with
    `send_error(code, message)`. Errors carry a stable `code` so a page's script can show its own
    translated words; `message` is for developers.
    """

    max_message_chars = 64 * 1024

    async def dispatch(self, message):
        """Channels' own dispatch, without its hop to the one shared database thread before every
        message (to close old connections): ours reach the database only through
        `database_sync_to_async`, which closes them itself, and a live session's thousand phones
        queued every vote and every count behind that hop (docs/live-dashboard.md)."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def websocket_connect(self, message):
        self.rate = MessageRate.from_settings()
        await super().websocket_connect(message)

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        if not self.rate.allow():
            if self.rate.sustained:
                await self.close(code=POLICY_VIOLATION)
            else:
                await self.send_error("rate_limited", "Too many messages: slow down.")
            return
        if text_data is None:
            await self.send_error("not_text", "Send JSON as text, not binary.")
            return
        if len(text_data) > self.max_message_chars:
            await self.send_error("too_large", f"Messages are at most {self.max_message_chars} characters.")
            return
        try:
            content = await self.decode_json(text_data)
        except ValueError:  # json.JSONDecodeError is one, and so is nesting too deep (below)
            await self.send_error("invalid_json", "That is not valid JSON.")
            return
        if not isinstance(content, dict):
            await self.send_error("not_an_object", 'Send a JSON object, such as {"type": "ping"}.')
            return
        await self.receive_json(content, **kwargs)

    async def send_error(self, code: str, message: str):
        await self.send_json({"type": "error", "code": code, "message": message})

    @classmethod
    async def decode_json(cls, text_data):
        try:
            return json.loads(text_data)
        except RecursionError:  # "[[[[…" nested deeper than Python recurses
            raise ValueError("nested too deeply") from None


class UnknownPathConsumer(AsyncWebsocketConsumer):
    """The last websocket route: any other address is accepted and closed at once with 4404, so
    a mistyped address is a clean close rather than a server error and a logged traceback."""

    async def connect(self):
        await self.accept()
        await self.close(code=UNKNOWN_PATH)


class PingConsumer(GuardedJsonWebsocketConsumer):
    """Answers `{"type": "ping"}` with `{"type": "pong"}`, relayed through the channel layer.

    The relay proves the whole stack a live session needs: ASGI routing, the websocket, and
    the channel layer (in-memory or Redis).
    """

    async def receive_json(self, content, **kwargs):
        if content.get("type") != "ping":
            await self.send_error("unknown_type", "Only ping is understood here.")
            return
        await self.channel_layer.send(self.channel_name, {"type": "pong.message"})

    async def pong_message(self, event):
        await self.send_json({"type": "pong"})
