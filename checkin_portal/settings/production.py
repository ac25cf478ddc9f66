"""Production: everything from the environment; refuses to start without the secrets.

Boot check: ``DJANGO_SETTINGS_MODULE=checkin_portal.settings.production manage.py check --deploy``
with the values in .env.example reports no issues."""

from django.core.exceptions import ImproperlyConfigured

from checkin_portal.logs import logging_config

from .base import *  # noqa: F403
from .base import DATABASES, POSTGRESQL_ENGINE, env


def _require(name: str) -> str:
    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return value


DEBUG = False
DEMO_MODE = env.bool("DEMO_MODE", default=False)
SECRET_KEY = _require("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set the ALLOWED_HOSTS environment variable for production.")
_require("DATABASE_URL")
if DATABASES["default"]["ENGINE"] != POSTGRESQL_ENGINE:
    raise ImproperlyConfigured("Production needs a PostgreSQL DATABASE_URL (postgres://...).")

# psycopg 3's pool replaces persistent connections; CONN_MAX_AGE must be 0 with it.
# Each process (gunicorn worker, db_worker) keeps its own pool: size PostgreSQL's
# max_connections for processes x DB_POOL_MAX_SIZE (docs/operations.md, "Scaling").
for _alias in DATABASES:
    if DATABASES[_alias]["ENGINE"] != POSTGRESQL_ENGINE:
        raise ImproperlyConfigured("Production needs PostgreSQL URLs (postgres://...).")
    DATABASES[_alias]["CONN_MAX_AGE"] = 0
    # Each connection is checked as it leaves the pool: after a database restart the pool
    # still holds dead connections, and without a check about one request in three
    # failed until each had been tried (ADR 0010). Our backend does it, with a round trip
    # only for a connection the server has written to while it was idle (ADR 0021);
    # Django's check (CONN_HEALTH_CHECKS) would add a round trip to every request.
    DATABASES[_alias]["CONN_HEALTH_CHECKS"] = False
    DATABASES[_alias].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DB_POOL_MIN_SIZE", default=2),
        "max_size": env.int("DB_POOL_MAX_SIZE", default=10),
        "timeout": env.int("DB_POOL_TIMEOUT", default=10),
        # The pool retries a lost database with a doubling delay (1, 2, 4, 8 s...): after a
        # long outage it could wait longer than DB_POOL_TIMEOUT before trying again, and
        # requests kept failing after the database was back. Giving up after 5 s caps the
        # delay at 2 s; the next request then starts a fresh attempt at once (ADR 0010).
        "reconnect_timeout": 5,
    }

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The header alone enrols nothing; submitting the domain to the preload list is a separate step.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^healthz(/live|/ready)?$"]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Every staff account signs in with a password and a code from an authenticator app; an
# account without one is taken to set it up first (README "Staff sign-in").
STAFF_REQUIRE_TWO_FACTOR = env.bool("STAFF_REQUIRE_TWO_FACTOR", default=True)

# One JSON object per log line (timestamp, level, logger, message, request_id), no query
# strings or personal data; LOG_FORMAT=plain for a person reading a terminal.
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING = logging_config(log_format=LOG_FORMAT, level=env.str("LOG_LEVEL", default="INFO"))
