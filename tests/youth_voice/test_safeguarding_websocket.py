"""An alert reaches a connected safeguarding lead in under a second; nobody else may listen.

The coroutines run through `async_to_sync`, not `asyncio.run`: the consumers' database calls then
come back to the test's own thread and connection, instead of leaving a connection open in
asgiref's shared executor thread for a later test without database access to trip over.
"""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import Permission
from django.test import Client

from chorus.asgi import application
from tests.conftest import submit_answers

ORIGIN = (b"origin", b"http://localhost")


def session_headers(user):
    client = Client()
    client.force_login(user)
    return [ORIGIN, (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())]


@pytest.fixture
def lead(transactional_db, django_user_model):
    user = django_user_model.objects.create_user(username="lead", email="lead@example.org", password="x")
    user.user_permissions.add(Permission.objects.get(codename="handle_safeguarding"))
    return user


@pytest.mark.django_db(transaction=True)
def test_an_alert_reaches_a_connected_lead_in_under_a_second(lead, consultation):
    headers = session_headers(lead)

    async def run():
        communicator = WebsocketCommunicator(application, "/ws/safeguarding/", headers=headers)
        connected, _ = await communicator.connect()
        assert connected
        await communicator.send_to(text_data="{not json")
        assert (await communicator.receive_json_from(timeout=1))["type"] == "error"  # and still open
        response = await database_sync_to_async(submit_answers)(consultation, {"8": "i want to kill myself"})
        message = await communicator.receive_json_from(timeout=1)
        await communicator.disconnect()
        return response, message

    response, message = async_to_sync(run)()
    assert message["type"] == "safeguarding.alert"
    assert message["category"] == "suicide" and message["reference"] == response.reference
    assert "kill" not in str(message)  # what was written never travels over the socket
    assert message["text"].startswith("New safeguarding alert")


@pytest.mark.django_db(transaction=True)
def test_officers_and_strangers_are_refused(django_user_model):
    officer = django_user_model.objects.create_user(username="officer", password="x")

    async def attempt(headers):
        communicator = WebsocketCommunicator(application, "/ws/safeguarding/", headers=headers)
        connected, _ = await communicator.connect()
        closed = await communicator.receive_output(timeout=1) if connected else None
        await communicator.disconnect()
        return closed

    for headers in ([ORIGIN], session_headers(officer)):
        closed = async_to_sync(attempt)(headers)
        assert closed == {"type": "websocket.close", "code": 4403}
