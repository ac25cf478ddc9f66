"""Django's Redis cache backend, with one redis-py client per connection pool (issue 17).

Django makes a new ``redis.Redis`` for every cache call (``RedisCacheClient.get_client``),
and each one copies redis-py's table of ~170 response callbacks: a sign-in paid that twice,
a times page once. A client holds no connection of its own (each command takes one from
the shared pool and gives it back) and redis-py documents clients as safe to share between
threads, so one per pool does the same work. A Redis that went away and came back is
reconnected by the pool, as before."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _OneClientPerPool(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneClientPerPool
