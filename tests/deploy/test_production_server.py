"""Smoke test of the real production server: scripts/serve_production.sh (gunicorn with
gunicorn.conf.py, production settings, DEBUG off, whitenoise) on a free loopback port,
against a fresh PostgreSQL database, driven over HTTP with the standard library.

The client sends "X-Forwarded-Proto: https" as a deployment's reverse proxy does, so the
server runs with every production security setting on (SSL redirect included); the
client's cookie policy accepts the Secure cookies over loopback. The server is stopped by
its PID at the end, and the database dropped.

Budget: start-up plus sign-in -> booking -> confirmation in under 60 seconds."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path

import environ
import psycopg
import pytest
from django.conf import settings
from psycopg import sql

from tests.deploy.log_lines import assert_nothing_personal_in

pytestmark = pytest.mark.server

ROOT = Path(settings.BASE_DIR)
BUDGET_SECONDS = 60
SUBJECT_ID, COUNTRY = "SMOKE1001", "HN"
OFFICE = "SMOKE-IL"
# Everything personal the flow sends or shows: none of it may reach a log line.
PERSONAL = (SUBJECT_ID, "Ana María", "López", "60605", "Pennsylvania")

SEED = f"""
from tests.appointments.factories import SlotFactory, days_from_now
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory
office = OfficeFactory(
    code="{OFFICE}", name="Smoke Test Office", street="101 West Congress Parkway",
    city="Chicago", state="IL", zip="60605", latitude=41.8757, longitude=-87.6298,
    time_zone="America/Chicago",
)
for day in (3, 4):
    SlotFactory(office=office, starts_at=days_from_now(day, hour=15), capacity=2)
SubjectFactory(subject_id="{SUBJECT_ID}", country_of_birth="{COUNTRY}", report_by=None)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def _admin_connect(cfg: dict):
    return psycopg.connect(
        dbname="postgres",
        host=cfg.get("HOST") or None,
        port=cfg.get("PORT") or None,
        user=cfg.get("USER") or None,
        password=cfg.get("PASSWORD") or None,
        autocommit=True,
    )


def _drop_database(cfg: dict) -> None:
    with _admin_connect(cfg) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(cfg["NAME"]))
        )


@dataclass
class Server:
    url: str
    port: int
    env: dict
    database_url: str
    log_path: Path
    started: float
    cache: str

    def log_lines(self) -> list[str]:
        return self.log_path.read_text().splitlines()

    def json_lines(self) -> list[dict]:
        return [json.loads(line) for line in self.log_lines() if line.startswith("{")]

    def manage(self, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def production_env(*, database_url: str, cache_url: str, port: int, static_root: Path) -> dict:
    """The environment of scripts/serve_production.sh for a test server: production
    settings in full (SSL redirect included), JSON logs, two workers."""
    dropped = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_REPLICA_URL"}
    return {
        **{k: v for k, v in os.environ.items() if k not in dropped},
        "DJANGO_SETTINGS_MODULE": "checkin_portal.settings.production",
        "DATABASE_URL": database_url,
        "PORT": str(port),
        "STATIC_ROOT": str(static_root),
        "CAPTCHA_PROVIDER": "none",
        "CACHE_URL": cache_url,
        "SECURE_SSL_REDIRECT": "True",  # the full production behaviour
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_FORMAT": "json",
        "WEB_CONCURRENCY": "2",
        "SECRET_KEY": "smoke-test-secret-key-not-for-deployment-0123456789-abcdefgh",
        "PYTHONUNBUFFERED": "1",
    }


@contextmanager
def running_server(
    *, env: dict, log_path: Path, seed: str, budget: float = BUDGET_SECONDS
) -> Iterator[Server]:
    """scripts/serve_production.sh with ``env``, until /healthz answers 200 (within
    ``budget`` seconds of now), then ``seed`` run in its shell; stopped by its PID."""
    started = time.monotonic()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            ["scripts/serve_production.sh"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    port = int(env["PORT"])
    server = Server(
        f"http://127.0.0.1:{port}",
        port,
        env,
        env["DATABASE_URL"],
        log_path,
        started,
        env["CACHE_URL"].split(":")[0],
    )
    try:
        deadline = started + budget
        while True:
            if process.poll() is not None:
                pytest.fail("the server stopped:\n" + log_path.read_text()[-4000:])
            try:
                with urllib.request.urlopen(f"{server.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("no answer on /healthz in time:\n" + log_path.read_text()[-4000:])
            time.sleep(0.3)
        seeded = server.manage("shell", "-c", seed)
        assert seeded.returncode == 0, seeded.stderr
        yield server
    finally:
        process.terminate()  # SIGTERM to gunicorn's master (the script exec'd it)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)  # the process group this function started
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/checkin_portal")
    cfg = environ.Env.db_url_config(base)
    cfg["NAME"] = f"{cfg['NAME']}_smoke"[:63]
    database_url = base.rsplit("/", 1)[0] + "/" + cfg["NAME"]
    _drop_database(cfg)
    tmp = tmp_path_factory.mktemp("production-server")
    if not _redis_answers() and os.environ.get("CI"):
        pytest.fail("CI needs the Redis server at 127.0.0.1:6379 (the compose stack's cache)")
    cache_url = "redis://127.0.0.1:6379/0" if _redis_answers() else "dbcache://django_cache"
    env = production_env(
        database_url=database_url,
        cache_url=cache_url,
        port=_free_port(),
        static_root=tmp / "static",
    )
    try:
        with running_server(env=env, log_path=tmp / "server.log", seed=SEED) as server:
            yield server
    finally:
        _drop_database(cfg)


# --- A small browser: cookies, no automatic redirects, forms read from the HTML.


class _LoopbackTLS(DefaultCookiePolicy):
    """The proxy header makes the server treat the request as HTTPS: send its Secure
    cookies back over the loopback connection, as a browser would over TLS."""

    def return_ok_secure(self, cookie, request):
        return True


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Page:
    status: int
    headers: dict
    body: bytes
    set_cookies: list[str]

    @property
    def text(self) -> str:
        return self.body.decode()


class Forms(HTMLParser):
    """Every <form>: action, method, class and its named inputs and buttons."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({**attrs, "fields": {}, "buttons": []})
        elif self.forms and tag in ("input", "select", "textarea") and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value", "")
        elif self.forms and tag == "button" and attrs.get("name"):
            self.forms[-1]["buttons"].append((attrs["name"], attrs.get("value", "")))


def forms_of(page: Page) -> list[dict]:
    parser = Forms()
    parser.feed(page.text)
    return parser.forms


class Client:
    def __init__(self, server: Server):
        self.server = server
        self.jar = CookieJar(_LoopbackTLS())
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def request(self, method, path, data=None, headers=None, https=True) -> Page:
        all_headers = {"Accept-Language": "en", **(headers or {})}
        if https:
            all_headers["X-Forwarded-Proto"] = "https"
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            # A browser's Origin on a same-site HTTPS POST (Django's CSRF check reads it).
            all_headers["Origin"] = f"https://127.0.0.1:{self.server.port}"
        request = urllib.request.Request(
            self.server.url + path, data=body, headers=all_headers, method=method
        )
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            response = error
        with response:
            return Page(
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
                response.headers.get_all("Set-Cookie") or [],
            )

    def get(self, path, **kwargs) -> Page:
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs) -> Page:
        return self.request("POST", path, data=data, **kwargs)


def _db_rows(server: Server, query: str) -> list[tuple]:
    with psycopg.connect(server.database_url) as conn:
        return conn.execute(query).fetchall()


# --- The tests


def test_sign_in_book_and_confirm_over_http(server):
    client = Client(server)

    page = client.get("/en/sign-in/")
    assert page.status == 200
    assert (
        page.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    )
    assert "'unsafe-inline'" not in page.headers["content-security-policy"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in page.headers["permissions-policy"]
    assert "no-store" in page.headers["cache-control"]
    csrf_cookie = next(c for c in page.set_cookies if c.startswith("csrftoken="))
    assert "Secure" in csrf_cookie and "HttpOnly" in csrf_cookie
    # Gone when the browser is closed, like the session.
    assert "expires=" not in csrf_cookie.lower() and "max-age=" not in csrf_cookie.lower()
    [sign_in] = [form for form in forms_of(page) if "portal-sign-in" in form.get("class", "")]
    fields = {**sign_in["fields"], "subject_id": "smoke-1001", "country_of_birth": COUNTRY}

    page = client.post(sign_in.get("action") or "/en/sign-in/", fields)
    assert page.status == 302, page.text[:500]
    assert page.headers["location"] == "/en/my-check-in/"
    session_cookie = next(c for c in page.set_cookies if c.startswith("sessionid="))
    assert "Secure" in session_cookie and "HttpOnly" in session_cookie

    page = client.get("/en/my-check-in/")
    assert page.status == 200
    assert "no-store" in page.headers["cache-control"]

    page = client.get("/en/book/?q=60605")
    assert page.status == 200
    [choose] = [form for form in forms_of(page) if form.get("action") == "/en/book/times/"]
    assert choose["fields"]["office"] == OFFICE

    page = client.get(f"/en/book/times/?office={OFFICE}")
    assert page.status == 200
    [times] = [form for form in forms_of(page) if form.get("action") == "/en/book/review/"]
    (name, slot_id), *_ = times["buttons"]
    assert name == "slot"

    page = client.get(f"/en/book/review/?slot={slot_id}")
    assert page.status == 200
    assert _db_rows(server, "SELECT count(*) FROM appointments_appointment") == [(0,)]
    [confirm] = [form for form in forms_of(page) if form.get("action") == "/en/book/confirm/"]
    assert confirm["method"] == "post"
    assert confirm["fields"]["slot"] == slot_id

    page = client.post("/en/book/confirm/", confirm["fields"])
    assert page.status == 302, page.text[:500]
    assert page.headers["location"] == "/en/my-appointment/"

    page = client.get("/en/my-appointment/")
    assert page.status == 200
    assert "no-store" in page.headers["cache-control"]
    [(number, status, booked)] = _db_rows(
        server,
        "SELECT a.confirmation_number, a.status, s.booked FROM appointments_appointment a "
        "JOIN appointments_slot s ON s.id = a.slot_id",
    )
    assert (status, booked) == ("booked", 1)
    shown = re.search(r'portal-confirmation-number">([^<]+)<', page.text).group(1)
    assert shown.replace("-", "") == number

    # Confirming again (a double tap, a refresh) shows the same booking.
    assert client.post("/en/book/confirm/", confirm["fields"]).status == 302
    assert _db_rows(server, "SELECT count(*) FROM appointments_appointment") == [(1,)]

    elapsed = time.monotonic() - server.started
    print(
        f"\nstart-up + sign-in -> booking -> confirmation: {elapsed:.1f} s ({server.cache} cache)"
    )
    assert elapsed < BUDGET_SECONDS


def test_debug_is_off_and_plain_http_is_sent_to_https(server):
    client = Client(server)
    page = client.get("/en/no-such-page/?q=1600+Pennsylvania+Ave")
    assert page.status == 404
    assert "Page not found" in page.text
    assert "Traceback" not in page.text and "DEBUG" not in page.text
    page = client.get("/en/", https=False)
    assert page.status == 301
    assert page.headers["location"] == f"https://127.0.0.1:{server.port}/en/"
    assert client.get("/healthz", https=False).status == 200  # exempt from the redirect


def test_static_files_hashed_compressed_and_cached_for_ever(server):
    client = Client(server)
    html = client.get("/en/").text
    css = re.search(r'href="(/static/vendor/uswds/css/uswds\.min\.[0-9a-f]{12}\.css)"', html)
    assert css, "no hashed stylesheet URL on the home page"
    for encoding in ("br", "gzip"):
        page = client.get(css.group(1), headers={"Accept-Encoding": encoding})
        assert page.status == 200
        assert page.headers["content-encoding"] == encoding
        assert "max-age=315360000" in page.headers["cache-control"]
        assert "immutable" in page.headers["cache-control"]
    plain = client.get(css.group(1), headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert len(plain.body) > len(client.get(css.group(1), headers={"Accept-Encoding": "br"}).body)


def test_container_healthcheck_script(server):
    result = subprocess.run(
        [sys.executable, "scripts/healthcheck.py"],
        cwd=ROOT,
        env={
            "PORT": str(server.port),
            "ALLOWED_HOSTS": ".localhost,127.0.0.1",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    closed = subprocess.run(
        [sys.executable, "scripts/healthcheck.py"],
        cwd=ROOT,
        env={"PORT": str(_free_port()), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert closed.returncode == 1


def test_request_ids_and_logs(server):
    client = Client(server)
    page = client.get(
        "/en/offices/?q=1600+Pennsylvania+Ave+Washington+DC",
        headers={"X-Request-ID": "smoke-finder-1"},
    )
    assert page.status == 200
    assert page.headers["x-request-id"] == "smoke-finder-1"
    generated = client.get("/en/help/").headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the access line is written after the response
        by_id = {line["request_id"]: line for line in server.json_lines()}
        if "smoke-finder-1" in by_id and generated in by_id:
            break
        time.sleep(0.2)
    finder = by_id["smoke-finder-1"]
    assert (finder["logger"], finder["path"], finder["status_code"]) == (
        "gunicorn.access",
        "/en/offices/",
        200,
    )
    assert by_id[generated]["path"] == "/en/help/"
    # After the start-up lines, every line is one JSON object with the standard fields.
    lines = server.log_lines()
    serving = next(i for i, line in enumerate(lines) if line.startswith("Serving the production"))
    entries = [json.loads(line) for line in lines[serving + 1 :]]
    for entry in entries:
        assert {"timestamp", "level", "logger", "message", "request_id"} <= set(entry)
    assert_nothing_personal_in(entries, ("?q=", "q=", *PERSONAL))


def test_scheduler_jobs_run_against_the_production_configuration(server):
    result = subprocess.run(
        [sys.executable, "scripts/scheduler.py", "--once"],
        cwd=ROOT,
        env=server.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    done = sorted(line["message"].split()[1] for line in lines if " done in " in line["message"])
    assert done == ["offers", "queued-messages", "reminders", "sessions", "slots", "task-results"]


def test_replica_router_reads_listed_pages_from_the_second_connection(server):
    """With DATABASE_REPLICA_URL set (here: the same database through a second
    connection), the help page's reads go to `replica`; pages not listed in
    DATABASE_REPLICA_VIEWS and sessions stay on `default`."""
    code = """
import django, json
django.setup()
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

def tables(ctx):
    return sorted({q["sql"].split(" FROM ")[1].split()[0].strip('"') for q in ctx.captured_queries if " FROM " in q["sql"]})

client = Client()
result = {}
for name, path in [("help", "/en/help/"), ("finder", "/en/offices/?q=60605")]:
    with CaptureQueriesContext(connections["default"]) as d, CaptureQueriesContext(connections["replica"]) as r:
        status = client.get(path, secure=True).status_code
    result[name] = {"status": status, "default": tables(d), "replica": tables(r)}
client.post("/en/sign-in/", {"subject_id": "SMOKE1001", "country_of_birth": "HN"}, secure=True)
with CaptureQueriesContext(connections["default"]) as d, CaptureQueriesContext(connections["replica"]) as r:
    status = client.get("/en/help/", secure=True).status_code
result["help signed in"] = {"status": status, "default": tables(d), "replica": tables(r)}
print(json.dumps(result))
"""
    env = {**server.env, "DATABASE_REPLICA_URL": server.database_url, "ALLOWED_HOSTS": "testserver"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    pages = json.loads(result.stdout.strip().splitlines()[-1])
    assert pages["help"]["status"] == 200
    assert "checkin_portal_faqentry" in pages["help"]["replica"]
    assert "checkin_portal_faqentry" not in pages["help"]["default"]
    assert pages["finder"]["status"] == 200
    assert pages["finder"]["replica"] == []  # not listed: every read on the primary
    assert "offices_office" in pages["finder"]["default"]
    signed_in = pages["help signed in"]
    assert signed_in["status"] == 200
    # A public page no longer reads the session (it is saved only when it changes), and
    # whatever reads it never goes to the replica.
    assert "subjects_subjectsession" not in signed_in["replica"]
    assert "checkin_portal_faqentry" in signed_in["replica"]
