"""Django's PostgreSQL backend with two changes for the booking path's cost (docs/adr/0021,
issue 17): datetimes read by psycopg's compiled loader, and a pooled connection checked
with a round trip only when the server has written to it while it was idle.

Datetimes.
Django registers, on every connection, a timestamptz loader of its own that subclasses
psycopg's pure-Python one (django/db/backends/postgresql/psycopg_any.py): psycopg's
compiled loader, which ``psycopg[binary]`` ships, cannot be subclassed, so every datetime
a query returns was parsed in Python, about 3 µs each: 0.14 ms of CPU of the times page's
1.9 ms (its 25 times have two datetimes each; an A/B of the two loaders in one process).
Django's loader reads the value in the connection's time zone and then sets Django's zone
on it. When that zone is UTC, which Django itself sets on the connection (``USE_TZ`` on,
no ``TIME_ZONE`` in the database's settings), psycopg's compiled loader gives exactly the
same datetimes, with ``datetime.UTC``: then, and only then, it reads them. Tests:
tests/portal/test_postgresql_backend.py (same values as Django's loader, old and far
dates, DST edges). Django ticket #36960 and psycopg issue #1273 describe the cost.

Pooled connections. Django gives the pool psycopg_pool's check when
``CONN_HEALTH_CHECKS`` is on: a round trip each time a connection leaves the pool, that
is on every request that uses the database (7 of a booking's 27 round trips). A
connection idle in the pool hears nothing from the server until the server ends it: a
restart, a crash, ``pg_terminate_backend`` or an idle timeout each send a goodbye or
close the socket. So a connection with nothing to read is given out as it is (a poll of
its socket, microseconds), and one with something to read gets psycopg_pool's round trip
and is replaced if that fails. What neither check can see (a cable cut without a word
from the server) fails the request as it would have failed the round trip. Settings:
``CONN_HEALTH_CHECKS`` off (settings/production.py), since Django's check would add its
round trip to ours. Tests: tests/portal/test_postgresql_backend.py, and the database
restart in tests/deploy/test_outages.py (the first request after it works).
"""

import datetime
import functools
import select

import psycopg
from django.db.backends.postgresql import base
from psycopg import adapt
from psycopg.pq import Format
from psycopg_pool import ConnectionPool

# psycopg's own loader for timestamptz text: its compiled class with psycopg[binary].
_COMPILED = psycopg.adapters.get_loader(base.TIMESTAMPTZ_OID, Format.TEXT)


class UtcLoader(adapt.Loader):
    """Reads timestamptz with psycopg's compiled loader on a connection whose time zone
    is UTC. ``timezone`` is what Django compares before using a cursor
    (``DatabaseWrapper.create_cursor``): the same as Django's, so it adds no loader."""

    timezone = datetime.UTC

    def __init__(self, oid, context=None):
        super().__init__(oid, context)
        # The compiled loader's own method, called with no Python frame of ours between.
        self.load = _COMPILED(oid, context).load

    def load(self, data):  # replaced on each instance (above)
        raise NotImplementedError


@functools.cache
def _utc_adapters(django_adapters: adapt.AdaptersMap) -> adapt.AdaptersMap:
    adapters = adapt.AdaptersMap(django_adapters)
    adapters.register_loader("timestamptz", UtcLoader)
    return adapters


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        # Django makes the connection's zone its timezone_name ("UTC" here) when it opens
        # it, and reads values in self.timezone: the two agree on UTC only like this.
        if self.timezone is datetime.UTC and self.timezone_name == "UTC":
            params["context"] = _utc_adapters(params["context"])
        return params

    @base.async_unsafe
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if self.pool is None:
            return connection
        # Each connection the server ended is dropped by the pool and replaced; bounded
        # so that a check failing on new connections too cannot loop.
        for _ in range(self.pool.max_size):
            try:
                ended = _ended_by_server(connection)
            except BaseException:
                self.pool.putconn(connection)  # not lost to the pool, whatever happened
                raise
            if not ended:
                break
            self.pool.putconn(connection)  # dropped and replaced by the pool (it logs it)
            connection = super().get_new_connection(conn_params)
        return connection


def _ended_by_server(connection) -> bool:
    """Whether a connection just taken from the pool is of no use. One the server has
    written nothing to since it went idle is used as it is (no round trip)."""
    if connection.closed or connection.broken:
        return True
    poller = select.poll()
    poller.register(connection.fileno(), select.POLLIN)
    if not poller.poll(0):
        return False
    try:
        ConnectionPool.check_connection(connection)  # reads what was sent: one round trip
    except psycopg.Error:
        return True
    return False
