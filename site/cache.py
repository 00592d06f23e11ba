"""The Redis cache, with one connection pool per server for the whole process.

Django keeps a cache object per async context (asgiref's Local), and each object opens pools of
its own: under daphne every websocket, and every database call made with
`thread_sensitive=False`, connected to Redis afresh (a third of a live vote's time, measured in
docs/live-dashboard.md). redis-py's pools are thread-safe, so the process shares them.
"""

import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

_pools = {}
_pools_lock = threading.Lock()


class SharedPoolClient(RedisCacheClient):
    def _get_connection_pool(self, write):
        server = self._servers[self._get_connection_pool_index(write)]
        key = (server, tuple(sorted((name, repr(value)) for name, value in self._pool_options.items())))
        with _pools_lock:
            if key not in _pools:
                _pools[key] = self._pool_class.from_url(server, **self._pool_options)
            return _pools[key]


class SharedPoolRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedPoolClient
