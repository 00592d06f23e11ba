"""Websocket consumers. Live sessions with youth forums will be served from here."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class PingConsumer(AsyncJsonWebsocketConsumer):
    """Answers `{"type": "ping"}` with `{"type": "pong"}`, relayed through the channel layer.

    The relay proves the whole stack a live session needs: ASGI routing, the websocket, and
    the channel layer (in-memory or Redis).
    """

    async def receive_json(self, content, **kwargs):
        if content.get("type") != "ping":
            await self.send_json({"type": "error", "message": "Only ping is understood here."})
            return
        await self.channel_layer.send(self.channel_name, {"type": "pong.message"})

    async def pong_message(self, event):
        await self.send_json({"type": "pong"})
