"""The embedded default's channel layer cleans expired messages, but not on every send."""

import time

from asgiref.sync import async_to_sync
from django.core.cache import caches
from django.test import override_settings

from chorus.cache import SharedPoolRedisCache
from chorus.channel_layers import ThrottledCleaningInMemoryChannelLayer


def test_expired_messages_are_cleaned_at_most_once_a_second():
    layer = ThrottledCleaningInMemoryChannelLayer(expiry=60)
    async_to_sync(layer.send)("phone.a", {"type": "x"})
    layer.channels["phone.a"]._queue[0] = (time.time() - 1, {"type": "x"})  # expired a second ago

    async_to_sync(layer.group_send)("presenters", {"type": "y"})  # the first send cleans
    assert "phone.a" not in layer.channels

    async_to_sync(layer.send)("phone.b", {"type": "x"})
    layer.channels["phone.b"]._queue[0] = (time.time() - 1, {"type": "x"})
    async_to_sync(layer.group_send)("presenters", {"type": "y"})  # within the second: kept
    assert "phone.b" in layer.channels

    layer._cleaned_at -= layer.clean_every_seconds
    async_to_sync(layer.group_send)("presenters", {"type": "y"})
    assert "phone.b" not in layer.channels


@override_settings(
    CACHES={"shared": {"BACKEND": "chorus.cache.SharedPoolRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
)
def test_every_redis_cache_object_of_the_process_shares_one_connection_pool():
    first = SharedPoolRedisCache("redis://127.0.0.1:1/0", {})
    second = caches.create_connection("shared")  # as each async context makes its own
    assert first._cache.get_client(write=True).connection_pool is (
        second._cache.get_client(write=True).connection_pool
    )
