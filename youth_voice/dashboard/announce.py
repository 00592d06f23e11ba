"""Telling connected dashboards that a consultation has a new or changed response.

The message carries no answer and no figure, only which consultation changed: each dashboard
reads the figures again as its own officer may see them (consumers.py), so nothing a reader may
not see travels through the channel layer.
"""

import threading

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


# Consultations with an announcement being sent by this process, each with whether another was
# asked for meanwhile. Writes committing together on several threads (a live session's votes)
# then make one announcement after the one in flight, instead of each waiting for its own.
_sending: dict[int, bool] = {}
_sending_lock = threading.Lock()


def announce(consultation_id: int) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    with _sending_lock:
        if consultation_id in _sending:
            _sending[consultation_id] = True  # the thread sending now sends once more
            return
        _sending[consultation_id] = False
    try:
        again = True
        while again:
            async_to_sync(layer.group_send)(dashboard_group(consultation_id), {"type": CHANGED})
            with _sending_lock:
                again = _sending[consultation_id]
                if again:
                    _sending[consultation_id] = False
                else:
                    del _sending[consultation_id]
    except BaseException:  # a layer that is down: the next write announces afresh
        with _sending_lock:
            _sending.pop(consultation_id, None)
        raise
