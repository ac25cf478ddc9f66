"""The Dockerfile, read without a Docker engine: its structure, and its collectstatic line
run for real (the same command, with the same settings module and placeholder values)."""

import re
import stat
import subprocess
from pathlib import Path

import pytest

from .dockerfile import DOCKERFILE, ROOT, runtime_stage, stages


def test_multi_stage_on_a_pinned_slim_python_311():
    [arg] = [args for keyword, args in DOCKERFILE if keyword == "ARG"]
    name, _, image = arg.partition("=")
    assert name == "PYTHON_IMAGE"
    assert re.fullmatch(r"python:3\.11\.\d+-slim(-\w+)?", image), image
    froms = [args for keyword, args in DOCKERFILE if keyword == "FROM"]
    assert froms == ["${PYTHON_IMAGE} AS build", "${PYTHON_IMAGE} AS runtime"]


def test_dependencies_come_from_the_lock_file():
    build = stages()[0]
    copies = [args for keyword, args in build if keyword == "COPY"]
    assert copies[0].split()[:2] == ["pyproject.toml", "constraints.txt"]
    [install] = [args for keyword, args in build if keyword == "RUN" and "pip install" in args]
    assert "--constraint constraints.txt" in install


def test_messages_compiled_and_static_collected_at_build_time():
    runs = " ".join(args for keyword, args in stages()[0] if keyword == "RUN")
    assert "scripts/compile_messages.py" in runs
    assert "manage.py collectstatic --noinput" in runs


def test_runtime_runs_as_an_unprivileged_user_with_read_only_code():
    stage = runtime_stage()
    [user] = [args for keyword, args in stage if keyword == "USER"]
    uid, _, gid = user.partition(":")
    assert int(uid) >= 1000 and int(gid) >= 1000
    keywords = [keyword for keyword, _args in stage]
    assert keywords.index("USER") > max(i for i, k in enumerate(keywords) if k in ("COPY", "RUN"))
    for keyword, args in stage:
        if keyword == "COPY":
            assert "--chown" not in args  # code stays root's: the app cannot rewrite itself
    env = " ".join(args for keyword, args in stage if keyword == "ENV")
    assert "DJANGO_SETTINGS_MODULE=checkin_portal.settings.production" in env


def test_entrypoint_is_gunicorn_by_default_and_healthcheck_hits_healthz():
    stage = dict(runtime_stage())
    assert stage["ENTRYPOINT"] == '["/app/scripts/docker-entrypoint.sh"]'
    assert stage["CMD"] == '["web"]'
    assert "/app/scripts/healthcheck.py" in stage["HEALTHCHECK"]
    assert "/healthz" in (ROOT / "scripts" / "healthcheck.py").read_text()
    entrypoint = ROOT / "scripts" / "docker-entrypoint.sh"
    assert entrypoint.stat().st_mode & stat.S_IXUSR
    assert (ROOT / "scripts" / "healthcheck.py").exists()


def test_dockerignore_keeps_secrets_and_local_state_out():
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".env", ".git", ".venv", "var", "**/*.mo", "tests"} <= ignored
    gitignored = (ROOT / ".gitignore").read_text().split()
    assert ".env" in gitignored


def test_collectstatic_line_runs_without_a_database(collected_static):
    """The Dockerfile's own command line (tests/deploy/conftest.py runs it with the venv's
    Python and a temporary STATIC_ROOT). Its DATABASE_URL names a host that does not
    exist: a connection attempt would fail the command."""
    env, argv = collected_static.env, collected_static.argv
    assert env["DJANGO_SETTINGS_MODULE"] == "checkin_portal.settings.production"
    assert env["DATABASE_URL"].startswith("postgres://") and ".invalid" in env["DATABASE_URL"]
    assert argv[:4] == ["/venv/bin/python", "manage.py", "collectstatic", "--noinput"]
    result = collected_static.result
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    static = collected_static.root
    assert (static / "staticfiles.json").exists()
    [css] = [p for p in static.glob("vendor/uswds/css/uswds.min.*.css") if p.suffix == ".css"]
    assert re.fullmatch(r"uswds\.min\.[0-9a-f]{12}\.css", css.name)
    assert Path(f"{css}.br").exists() and Path(f"{css}.gz").exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ([], "gunicorn --config gunicorn.conf.py"),
        (["web"], "gunicorn --config gunicorn.conf.py"),
        (["worker"], "python manage.py db_worker --queue-name *"),
        (["scheduler"], "python scripts/scheduler.py"),
        (["migrate"], "python manage.py setup_staff_groups"),
        (["python", "manage.py", "shell"], "python manage.py shell"),
    ],
)
def test_entrypoint_roles(tmp_path, role, expected):
    """Runs the entrypoint with stand-ins for gunicorn and python that print their
    arguments; `migrate` runs four commands (the FAQ is loaded right after the
    migrations), the last one exec'd."""
    for name in ("gunicorn", "python"):
        stub = tmp_path / name
        stub.write_text(f'#!/bin/sh\necho "{name} $*"\n')
        stub.chmod(0o755)
    result = subprocess.run(
        ["sh", str(ROOT / "scripts" / "docker-entrypoint.sh"), *role],
        cwd=ROOT,
        env={"PATH": f"{tmp_path}:/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == expected
    if role == ["migrate"]:
        assert lines == [
            "python manage.py migrate --noinput",
            "python manage.py load_faq",
            "python manage.py createcachetable",
            "python manage.py setup_staff_groups",
        ]
