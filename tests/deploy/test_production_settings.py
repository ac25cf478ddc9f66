"""The production settings, booted in a subprocess as a deployment boots them (the
basics, refusal without secrets and the plain `check --deploy`, are in
tests/portal/test_production_settings.py)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.core import signing
from django.test import override_settings

from tests.deploy.log_lines import assert_nothing_personal_in

ROOT = Path(settings.BASE_DIR)
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/checkin_portal")
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "checkin_portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789",
    "ALLOWED_HOSTS": "checkin.example.org,testserver",
    "DATABASE_URL": DATABASE_URL,
    # Real delivery, as in .env.example: `check --deploy` refuses the console backends.
    "EMAIL_URL": "smtp+tls://portal:mail-password@smtp.example.org:587",
    "SMS_BACKEND": "checkin_portal.messaging.backends.twilio.TwilioSmsBackend",
    "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
    "TWILIO_AUTH_TOKEN": "an-auth-token",
    "TWILIO_MESSAGING_SERVICE_SID": "MG" + "0" * 32,
}
# Variables of this test process that must not leak into the deployment-like boot.
DROPPED = {"DJANGO_ALLOW_ASYNC_UNSAFE", "CACHE_URL", "LOG_FORMAT", "DATABASE_REPLICA_URL"}


def boot(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in DROPPED and k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + textwrap.dedent(code)],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def values(code: str, **env: str) -> dict:
    result = boot(f"import json\nfrom django.conf import settings as s\n{code}", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


SETTINGS_DUMP = """
d = s.DATABASES
print(json.dumps({
    "pools": {alias: d[alias]["OPTIONS"]["pool"] for alias in d},
    "binding": {alias: [d[alias]["OPTIONS"]["server_side_binding"],
                        d[alias]["OPTIONS"]["prepare_threshold"]] for alias in d},
    "conn_max_age": {alias: d[alias]["CONN_MAX_AGE"] for alias in d},
    "health_checks": {alias: d[alias]["CONN_HEALTH_CHECKS"] for alias in d},
    "engines": {alias: d[alias]["ENGINE"] for alias in d},
    "routers": s.DATABASE_ROUTERS,
    "debug": s.DEBUG,
    "hsts": [s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD],
    "secure_cookies": [s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE,
                       s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY],
    "ssl": [s.SECURE_SSL_REDIRECT, list(s.SECURE_PROXY_SSL_HEADER)],
    "csp": {k: [str(v) for v in vs] for k, vs in s.CONTENT_SECURITY_POLICY["DIRECTIVES"].items()},
    "middleware": s.MIDDLEWARE,
    "log_format": s.LOGGING["handlers"]["console"]["formatter"],
    "fallbacks": s.SECRET_KEY_FALLBACKS,
    "cache": s.CACHES["default"]["BACKEND"],
    "tasks": s.TASKS["default"]["BACKEND"],
    "sessions": s.SESSION_ENGINE,
}))
"""


def test_pool_sizes_come_from_the_environment():
    dump = values(
        SETTINGS_DUMP,
        DB_POOL_MIN_SIZE="3",
        DB_POOL_MAX_SIZE="7",
        DB_POOL_TIMEOUT="4",
        DATABASE_REPLICA_URL=DATABASE_URL,
    )
    expected = {"min_size": 3, "max_size": 7, "timeout": 4, "reconnect_timeout": 5}
    assert dump["pools"] == {"default": expected, "replica": expected}
    assert dump["conn_max_age"] == {"default": 0, "replica": 0}
    # Each connection the pool hands out is checked by our backend, which does the round
    # trip only for one the server has written to (ADR 0010, ADR 0021): Django's check,
    # a round trip on every request, is off.
    assert dump["health_checks"] == {"default": False, "replica": False}
    assert dump["engines"] == {
        "default": "checkin_portal.postgresql_backend",
        "replica": "checkin_portal.postgresql_backend",
    }
    assert dump["routers"] == ["checkin_portal.db_routers.ReplicaRouter"]
    assert dump["middleware"][-1] == "checkin_portal.db_routers.ReplicaReadsMiddleware"


def test_statements_are_bound_and_prepared_on_the_server():
    """The booking path's statements are planned once per connection (docs/adr/0017);
    DB_PREPARE_THRESHOLD=none turns that off for PgBouncer before 1.21."""
    dump = values(SETTINGS_DUMP, DATABASE_REPLICA_URL=DATABASE_URL)
    assert dump["binding"] == {"default": [True, 5], "replica": [True, 5]}
    dump = values(SETTINGS_DUMP, DB_PREPARE_THRESHOLD="none", DATABASE_REPLICA_URL=DATABASE_URL)
    assert dump["binding"] == {"default": [True, None], "replica": [True, None]}


@pytest.mark.django_db
def test_a_statement_run_often_is_prepared_on_its_connection():
    """The test settings bind and prepare as production does: a query run more than the
    threshold's times on one connection becomes a prepared statement there."""
    from django.db import connection

    from offices.models import Office

    for _ in range(settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"] + 1):
        list(Office.objects.filter(code="NOT-A-CODE").values_list("pk"))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%"offices_office"."code" = $1%'],
        )
        assert cursor.fetchone()[0] == 1


def test_security_settings():
    dump = values(SETTINGS_DUMP)
    assert dump["debug"] is False
    assert dump["hsts"] == [31536000, True, True]
    assert dump["secure_cookies"] == [True, True, True, True, True]
    assert dump["ssl"] == [True, ["HTTP_X_FORWARDED_PROTO", "https"]]
    csp = dump["csp"]
    assert csp["default-src"] == ["'self'"] and csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert not any("unsafe" in value for values in csp.values() for value in values)
    assert dump["routers"] == []  # no replica unless DATABASE_REPLICA_URL is set
    assert "checkin_portal.db_routers.ReplicaReadsMiddleware" not in dump["middleware"]


def test_deployment_services():
    dump = values(
        SETTINGS_DUMP,
        CACHE_URL="redis://redis:6379/0",
        SECRET_KEY_FALLBACKS="old-key-one,old-key-two",
    )
    assert dump["middleware"][0] == "checkin_portal.logs.RequestIdMiddleware"
    assert dump["log_format"] == "json"
    assert dump["fallbacks"] == ["old-key-one", "old-key-two"]
    assert dump["cache"] == "checkin_portal.cache.RedisCache"  # Django's, one client per pool
    assert dump["tasks"] == "django_tasks_db.DatabaseBackend"
    assert dump["sessions"] == "subjects.sessions"  # Django's db sessions; the row names the person
    assert boot("import redis").returncode == 0  # the client the Redis cache needs


def test_check_deploy_clean_with_redis_replica_and_fallbacks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in DROPPED},
            **PRODUCTION_ENV,
            "CACHE_URL": "redis://redis:6379/0",
            "DATABASE_REPLICA_URL": DATABASE_URL,
            "SECRET_KEY_FALLBACKS": "an-older-long-random-production-secret-key-0123456789-abc",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def _check_deploy(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in DROPPED and k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "env, check_id",
    [
        ({"EMAIL_URL": "consolemail://"}, "messaging.E004"),
        ({"EMAIL_URL": "dummymail://"}, "messaging.E004"),
        (
            {"SMS_BACKEND": "checkin_portal.messaging.backends.console.ConsoleSmsBackend"},
            "messaging.E005",
        ),
        (
            {"SMS_BACKEND": "checkin_portal.messaging.backends.filebased.FileSmsBackend"},
            "messaging.E005",
        ),
    ],
    ids=["console-email", "dummy-email", "console-sms", "file-sms"],
)
def test_check_deploy_fails_on_a_backend_that_delivers_nothing(env, check_id):
    result = _check_deploy(**env)
    assert result.returncode != 0
    assert check_id in result.stderr + result.stdout


def test_check_deploy_passes_with_smtp_and_twilio():
    result = _check_deploy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_log_lines_are_json_with_request_ids_and_no_personal_data(collected_static):
    """Requests through the real production middleware and LOGGING; the log lines are
    read from the process's stderr, exactly as a log collector would get them. (Pages
    render with the static files the image would have.)"""
    result = boot(
        """
        import json, sys
        from django.test import Client
        client = Client(raise_request_exception=False)
        ids = []
        https = {"secure": True, "HTTP_HOST": "checkin.example.org"}
        r = client.get("/en/no-such-page/", {"q": "1600 Pennsylvania Ave NW, Washington DC 20500",
                       "phone": "+1 (555) 123-4567"}, HTTP_X_REQUEST_ID="smoke-404", **https)
        ids.append([r.status_code, r["X-Request-ID"]])
        r = Client(enforce_csrf_checks=True).post(
            "/en/sign-in/", {"subject_id": "AB1234567", "country_of_birth": "MX"},
            HTTP_REFERER="https://evil.example/en/offices/?q=42+Elm+Street", **https)
        ids.append([r.status_code, r["X-Request-ID"]])
        r = client.get("/en/", HTTP_HOST="attacker.example/?email=jane.doe@example.org")
        ids.append([r.status_code, r["X-Request-ID"]])
        print(json.dumps(ids))
        """,
        STATIC_ROOT=str(collected_static.root),
    )
    assert result.returncode == 0, result.stderr
    ids = json.loads(result.stdout.strip().splitlines()[-1])
    assert [status for status, _id in ids] == [404, 403, 400]
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert lines, "no log line written"
    for line in lines:
        assert set(line) >= {"timestamp", "level", "logger", "message", "request_id"}, line
    by_id = {line["request_id"]: line for line in lines}
    assert by_id["smoke-404"]["message"] == "Not Found: /en/no-such-page/"
    assert by_id[ids[1][1]]["logger"] == "django.security.csrf"
    assert by_id[ids[2][1]]["logger"] == "django.security.DisallowedHost"
    assert_nothing_personal_in(
        lines, ("Pennsylvania", "1600", "555", "AB1234567", "Elm", "jane.doe")
    )


@pytest.mark.parametrize("fallbacks", [["old-secret-key-value-0123456789-abcdefghijklmnop"], []])
def test_secret_key_rotation_keeps_old_signatures_only_with_fallbacks(fallbacks):
    old = "old-secret-key-value-0123456789-abcdefghijklmnop"
    with override_settings(SECRET_KEY=old):
        token = signing.dumps({"booking": "kept"}, salt="portal.test")
    with override_settings(
        SECRET_KEY="new-secret-key-value-9876543210-zyxwvutsrqpon", SECRET_KEY_FALLBACKS=fallbacks
    ):
        if fallbacks:
            assert signing.loads(token, salt="portal.test") == {"booking": "kept"}
        else:
            with pytest.raises(signing.BadSignature):
                signing.loads(token, salt="portal.test")
