"""Our PostgreSQL backend (checkin_portal/postgresql_backend, docs/adr/0021): datetimes are
read by psycopg's compiled loader when the connection's time zone is UTC, with exactly
the values Django's own loader gives; a pooled connection gets a round trip before use
only when the server has written to it."""

import datetime
import zoneinfo

import pytest
from django.db import connection, connections
from django.db.backends.postgresql.base import TIMESTAMPTZ_OID
from django.db.backends.postgresql.psycopg_any import register_tzloader
from django.test import override_settings
from psycopg.pq import Format

pytestmark = pytest.mark.django_db

# Instants a page may read: microseconds, both sides of a DST change, far past and future,
# the first and last PostgreSQL and Python share. (The server sends each in the session's
# zone, UTC, whatever offset it was written with.)
TEXTS = [
    "2026-12-05 22:41:07.123456+00",
    "2026-03-08 01:59:59.999999-05",
    "2026-03-08 03:00:00-04",
    "2026-11-01 01:30:00-04",
    "2026-11-01 01:30:00-05",
    "1970-01-01 00:00:00+00",
    "2000-02-29 12:00:00.5+05:30",
    "1847-07-01 00:00:00-04:56:02",
    "0001-01-01 00:00:00+00",
    "9999-12-31 23:59:59.999999+00",
]


def _read(cursor) -> list[datetime.datetime]:
    cursor.execute(
        "SELECT t::timestamptz FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n",
        [TEXTS],
    )
    return [row[0] for row in cursor.fetchall()]


def _loader_on(cursor):
    """The timestamptz loader a Django cursor would use."""
    raw = cursor.cursor
    return raw.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)(TIMESTAMPTZ_OID, raw)


def _reader(loader) -> str:
    """The class whose code parses each value."""
    reader = type(loader.load.__self__)
    return f"{reader.__module__}.{reader.__qualname__}"


def test_datetimes_are_read_by_psycopgs_compiled_loader():
    with connection.cursor() as cursor:
        loader = _loader_on(cursor)
    # Django's own loader is a Python subclass of psycopg's pure-Python one: ~3 µs a value.
    assert _reader(loader) == "psycopg_binary._psycopg.TimestamptzLoader"


def test_the_values_are_exactly_djangos():
    with connection.cursor() as cursor:
        ours = _read(cursor)
    with connection.cursor() as cursor:
        register_tzloader(datetime.UTC, cursor.cursor)  # Django's loader, this cursor only
        assert _reader(_loader_on(cursor)).startswith("django.")
        djangos = _read(cursor)
    assert ours == djangos
    assert [value.tzinfo for value in ours] == [datetime.UTC] * len(TEXTS)
    assert [value.isoformat() for value in ours] == [value.isoformat() for value in djangos]
    assert ours[0] == datetime.datetime(2026, 12, 5, 22, 41, 7, 123456, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "settings_change",
    [{"USE_TZ": False}, {"TIME_ZONE": "America/Chicago", "USE_TZ": False}],
    ids=["naive datetimes", "naive, another zone"],
)
def test_djangos_loader_is_kept_when_the_connection_is_not_utc(settings_change):
    """Only UTC-aware reads are handed to the compiled loader: with naive datetimes or a
    connection in another zone, Django's own loader (and its rules) stay."""
    with override_settings(**settings_change):
        params = connection.get_connection_params()
    loader = params["context"].get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    assert loader.__module__ == "django.db.backends.postgresql.psycopg_any"


def test_a_database_time_zone_keeps_djangos_loader():
    wrapper = type(connections["default"])(
        {**connection.settings_dict, "TIME_ZONE": "America/Chicago"}
    )
    params = wrapper.get_connection_params()
    loader = params["context"].get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    assert loader.__module__ == "django.db.backends.postgresql.psycopg_any"
    assert loader.timezone == zoneinfo.ZoneInfo("America/Chicago")


# --- pooled connections: a round trip only for one the server has written to ---


@pytest.fixture
def pooled(django_db_blocker):
    """A wrapper of our backend with a pool of its own (production's shape, ADR 0021),
    on the test database."""
    settings_dict = {
        **connections["default"].settings_dict,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,  # as in production: the backend checks
        "OPTIONS": {
            **connections["default"].settings_dict["OPTIONS"],
            "pool": {"min_size": 1, "max_size": 1, "timeout": 5},
        },
    }
    wrapper = type(connections["default"])(settings_dict, alias="pool_check_test")
    with django_db_blocker.unblock():
        yield wrapper
        wrapper.close()
        wrapper.close_pool()


@pytest.fixture
def round_trip_checks(monkeypatch):
    """Counts psycopg_pool's check (one round trip each)."""
    from psycopg_pool import ConnectionPool

    calls = []
    check = ConnectionPool.check_connection

    def counted(conn):
        calls.append(conn)
        return check(conn)

    monkeypatch.setattr(ConnectionPool, "check_connection", staticmethod(counted))
    return calls


def _backend_pid(wrapper) -> int:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_a_quiet_pooled_connection_is_given_without_a_round_trip(pooled, round_trip_checks):
    first = _backend_pid(pooled)
    pooled.close()  # back to the pool, as at the end of each request
    for _ in range(3):
        assert _backend_pid(pooled) == first
        pooled.close()
    assert round_trip_checks == []


def test_a_connection_the_server_ended_is_replaced_before_use(pooled, round_trip_checks):
    """What a database restart leaves in every worker's pool: the next request is served
    on a new connection instead of failing."""
    first = _backend_pid(pooled)
    pooled.close()
    with connections["default"].cursor() as cursor:
        # Returns once the process has gone (PostgreSQL 14+): its goodbye is on the socket.
        cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [first])
        assert cursor.fetchone() == (True,)
    second = _backend_pid(pooled)
    assert second != first
    assert len(round_trip_checks) == 1  # the one that had heard from the server
