"""What "an outside service is unavailable" means in code, in one place.

docs/adr/0010-failure-policy.md says what each caller does then: sign-in counters move to
the database, message sends are refused, a page that needs the database answers 503."""

import psycopg
from django.db import DatabaseError, InterfaceError, OperationalError
from psycopg_pool import PoolTimeout
from redis.exceptions import RedisError

# The shared cache: Redis refusing or timing out, or the database cache table unreachable.
# OSError covers a socket error a client library lets through unwrapped.
CACHE_ERRORS: tuple[type[BaseException], ...] = (RedisError, DatabaseError, OSError)

# The database server down, restarting or out of connections. Not IntegrityError or
# ProgrammingError: those are bugs or races, answered as such. Django wraps the driver's
# errors in its own; the driver's (and the pool's PoolTimeout, an OperationalError) are
# listed for code outside Django's wrapper.
DATABASE_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
    PoolTimeout,
)


def database_unavailable(error: BaseException | None) -> bool:
    """True when ``error`` (or an error it was raised from) says the database is away."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, DATABASE_ERRORS):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False
