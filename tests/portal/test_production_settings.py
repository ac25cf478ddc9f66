"""Production settings boot only with their secrets and pass `check --deploy` cleanly."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
EXAMPLE_ENV = {
    "DJANGO_SETTINGS_MODULE": "checkin_portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789",
    "ALLOWED_HOSTS": "checkin.example.org",
    "DATABASE_URL": os.environ.get(
        "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/checkin_portal"
    ),
    # As in .env.example: `check --deploy` refuses email and SMS backends that deliver nothing.
    "EMAIL_URL": "smtp+tls://portal:mail-password@smtp.example.org:587",
    "SMS_BACKEND": "checkin_portal.messaging.backends.twilio.TwilioSmsBackend",
    "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
    "TWILIO_AUTH_TOKEN": "an-auth-token",
    "TWILIO_MESSAGING_SERVICE_SID": "MG" + "0" * 32,
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The browser tests allow async-unsafe calls in this process; a deployment never does.
    dropped = {*EXAMPLE_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issues():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **EXAMPLE_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_each_secret():
    for missing in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
        env = {k: v for k, v in EXAMPLE_ENV.items() if k != missing}
        result = _manage("check", **env)
        assert result.returncode != 0
        assert f"Set the {missing} environment variable" in result.stderr


def test_production_refuses_sqlite():
    result = _manage("check", **{**EXAMPLE_ENV, "DATABASE_URL": "sqlite:////tmp/x.sqlite3"})
    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr


def test_production_uses_psycopg_pool():
    code = (
        "from django.conf import settings as s;"
        "d=s.DATABASES['default'];"
        "print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'],"
        " sorted(d['OPTIONS']['pool']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django;django.setup();{code}"],
        cwd=ROOT,
        env={**os.environ, **EXAMPLE_ENV},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "checkin_portal.postgresql_backend 0 False "
        "['max_size', 'min_size', 'reconnect_timeout', 'timeout']"
    )
