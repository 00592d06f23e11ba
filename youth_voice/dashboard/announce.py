"""Telling connected dashboards that a consultation has a new or changed response.

The message carries no answer and no figure, only which consultation changed: each dashboard
reads the figures again as its own officer may see them (consumers.py), so nothing a reader may
not see travels through the channel layer.
"""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

CHANGED = "dashboard.changed"


def dashboard_group(consultation_id: int) -> str:
    return f"dashboard.{consultation_id}"


def announce_after_commit(consultation_id: int) -> None:
    """Once the surrounding transaction commits (at once outside one), tell the dashboards: a
    rolled-back write is never announced. `robust`: a channel layer that is down is logged, and
    never turns a stored response into an error for the young person who sent it."""
    transaction.on_commit(lambda: announce(consultation_id), robust=True)


def announce(consultation_id: int) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(dashboard_group(consultation_id), {"type": CHANGED})
