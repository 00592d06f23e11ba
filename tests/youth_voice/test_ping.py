"""The ASGI application routes websockets to consumers through the channel layer."""

import asyncio

from channels.testing import WebsocketCommunicator

from chorus.asgi import application


def communicate(messages, origin=b"http://localhost"):
    async def run():
        communicator = WebsocketCommunicator(application, "/ws/ping/", headers=[(b"origin", origin)])
        connected, _ = await communicator.connect()
        replies = []
        if connected:
            for message in messages:
                await communicator.send_json_to(message)
                replies.append(await communicator.receive_json_from(timeout=5))
        await communicator.disconnect()
        return connected, replies

    return asyncio.run(run())


def test_websocket_ping_is_answered_through_the_channel_layer():
    assert communicate([{"type": "ping"}, {"type": "hello"}]) == (
        True,
        [
            {"type": "pong"},
            {"type": "error", "code": "unknown_type", "message": "Only ping is understood here."},
        ],
    )


def test_websockets_from_other_sites_are_refused():
    connected, _ = communicate([], origin=b"http://evil.example")
    assert not connected
