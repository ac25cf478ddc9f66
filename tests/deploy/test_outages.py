"""Outages of the database and of the shared cache, on the real production server
(scripts/serve_production.sh: gunicorn, production settings), against a PostgreSQL and a
Redis that this module starts itself on free ports and stops and starts again (never the
shared servers). docs/adr/0010-failure-policy.md says what each outage must cost:

* Redis down: sign-in (right and wrong answers, and the lockout) still works, counting in
  the database; "send details" is refused with a message, never a 500; an address change
  that asked for a text is saved.
* PostgreSQL down: 503 with Retry-After and a page that says bookings are safe, no
  traceback; liveness still 200. Back up: the first request already works.

Each step prints what it measured (pytest -s shows it)."""

from __future__ import annotations

import time

import psycopg
import pytest

from checkin_portal import clock
from tests.addresses.test_change_flow import VALID

from .outage_services import OwnPostgres, OwnRedis, free_port
from .test_production_server import (
    Client,
    Page,
    Server,
    forms_of,
    production_env,
    running_server,
)

pytestmark = pytest.mark.server

OFFICE = "OUTAGE-IL"
RIGHT, LOCKED, BOOKER = "OUT1001", "OUT1002", "OUT1003"
COUNTRY = "HN"
SEED = f"""
from tests.appointments.factories import SlotFactory, days_from_now
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory
office = OfficeFactory(
    code="{OFFICE}", name="Outage Test Office", street="101 West Congress Parkway",
    city="Chicago", state="IL", zip="60605", latitude=41.8757, longitude=-87.6298,
    time_zone="America/Chicago",
)
for day in (3, 4, 5):
    SlotFactory(office=office, starts_at=days_from_now(day, hour=15), capacity=3)
for subject_id in ("{RIGHT}", "{LOCKED}", "{BOOKER}"):
    SubjectFactory(subject_id=subject_id, country_of_birth="{COUNTRY}", report_by=None)
"""
# A move today, with a text confirmation.
ADDRESS = {
    **VALID,
    "move_date": clock.now().date().isoformat(),
    "phone": "(202) 555-0123",
    "confirmation": "sms",
}
RECOVERY_REQUESTS = 30


@pytest.fixture(scope="module")
def services():
    postgres, redis = OwnPostgres(), OwnRedis()
    try:
        postgres.create()
        redis.start()
        yield postgres, redis
    finally:
        redis.stop()
        postgres.destroy()


@pytest.fixture(scope="module")
def server(services, tmp_path_factory):
    postgres, redis = services
    tmp = tmp_path_factory.mktemp("outage-server")
    env = production_env(
        database_url=postgres.url("checkin_outage"),
        cache_url=redis.url,
        port=free_port(),
        static_root=tmp / "static",
    )
    # A shorter wait for a pool connection than production's 10 s keeps the test short;
    # the answer (503) is the same.
    env["DB_POOL_TIMEOUT"] = "3"
    with running_server(env=env, log_path=tmp / "server.log", seed=SEED, budget=90) as server:
        yield server


def _count(server: Server, table: str) -> int:
    with psycopg.connect(server.database_url) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _sign_in(client: Client, subject_id: str, country: str = COUNTRY) -> Page:
    page = client.get("/en/sign-in/")
    assert page.status == 200, page.status
    [form] = [f for f in forms_of(page) if "portal-sign-in" in f.get("class", "")]
    fields = {**form["fields"], "subject_id": subject_id, "country_of_birth": country}
    return client.post("/en/sign-in/", fields)


def _confirm_form(client: Client) -> dict:
    page = client.get(f"/en/book/times/?office={OFFICE}")
    assert page.status == 200, page.status
    [times] = [f for f in forms_of(page) if f.get("action") == "/en/book/review/"]
    (_name, slot_id), *_ = times["buttons"]
    page = client.get(f"/en/book/review/?slot={slot_id}")
    [confirm] = [f for f in forms_of(page) if f.get("action") == "/en/book/confirm/"]
    return confirm["fields"]


def _report(what: str, page: Page, seconds: float) -> None:
    print(f"  {what}: HTTP {page.status} in {seconds:.2f} s")


def _timed(what: str, call) -> Page:
    started = time.monotonic()
    page = call()
    _report(what, page, time.monotonic() - started)
    return page


def test_redis_outage_costs_nobody_a_sign_in_or_an_address_change(services, server):
    _postgres, redis = services
    client = Client(server)
    redis.stop()
    print("\nRedis stopped:")
    try:
        page = _timed("sign-in, wrong country", lambda: _sign_in(client, RIGHT, "MX"))
        assert page.status == 200
        assert "We could not sign you in" in page.text

        page = _timed("sign-in, right answer", lambda: _sign_in(client, RIGHT))
        assert page.status == 302
        assert page.headers["location"] == "/en/my-check-in/"

        # The lockout still holds, counted in the database cache table.
        for _ in range(5):
            _sign_in(Client(server), LOCKED, "MX")
        page = _timed(
            "sign-in after 5 wrong, right answer", lambda: _sign_in(Client(server), LOCKED)
        )
        assert page.status == 429
        assert "sign-in is paused" in page.text
        assert _count(server, "django_cache") >= 1

        page = _timed(
            "confirm a booking", lambda: client.post("/en/book/confirm/", _confirm_form(client))
        )
        assert page.status == 302

        messages_before = _count(server, "messaging_outboundmessage")
        page = _timed(
            "send details",
            lambda: client.post(
                "/en/my-appointment/send/",
                {
                    **next(
                        f["fields"]
                        for f in forms_of(client.get("/en/my-appointment/"))
                        if f.get("action") == "/en/my-appointment/send/"
                    ),
                    "channel": "sms",
                    "destination": "202 555 0123",
                },
            ),
        )
        assert page.status != 500
        assert "We could not send the message" in page.text
        assert _count(server, "messaging_outboundmessage") == messages_before

        changes_before = _count(server, "addresses_addresschange")
        page = client.get("/en/new-address/send/")
        [form] = [
            f for f in forms_of(page) if f.get("method") == "post" and "street" in f["fields"]
        ]
        page = client.post("/en/new-address/send/", {**form["fields"], **ADDRESS})
        assert page.status == 302, page.text[:2000]
        page = client.get("/en/new-address/send/check/")
        [check] = [f for f in forms_of(page) if "token" in f["fields"]]
        page = _timed(
            "address change with a text confirmation",
            lambda: client.post("/en/new-address/send/check/", check["fields"]),
        )
        assert page.status == 302
        assert page.headers["location"] == "/en/new-address/send/receipt/"
        assert _count(server, "addresses_addresschange") == changes_before + 1
        page = client.get("/en/new-address/send/receipt/")
        assert page.status == 200
        assert "We could not send the message" in page.text

        page = _timed("/healthz/ready", lambda: client.get("/healthz/ready"))
        assert page.status == 200
        assert page.text == "database: ok\ncache: unavailable\n"
        assert Client(server).get("/healthz/live").status == 200
    finally:
        redis.start()
    print("Redis started again:")
    page = _timed("sign-in, right answer", lambda: _sign_in(Client(server), RIGHT))
    assert page.status == 302
    page = _timed("/healthz/ready", lambda: client.get("/healthz/ready"))
    assert page.text == "database: ok\ncache: ok\n"


def _assert_unavailable_page(page: Page) -> None:
    assert page.status == 503, page.text[:2000]
    assert page.headers["retry-after"] == "30"
    assert "no-store" in page.headers["cache-control"]
    assert "This site is briefly unavailable" in page.text
    assert "already booked" in page.text
    assert "Traceback" not in page.text and "Something went wrong" not in page.text


def test_postgres_outage_answers_503_and_the_first_request_after_works(services, server):
    postgres, _redis = services
    client = Client(server)
    assert _sign_in(client, BOOKER).status == 302
    confirm_fields = _confirm_form(client)
    visitor = Client(server)
    sign_in_page = visitor.get("/en/sign-in/")
    [form] = [f for f in forms_of(sign_in_page) if "portal-sign-in" in f.get("class", "")]

    postgres.stop()
    print("\nPostgreSQL stopped:")
    try:
        home = _timed("home, no session", lambda: visitor.get("/en/"))
        assert home.status in (200, 503)
        if home.status == 503:
            _assert_unavailable_page(home)
        # A public page does not read the session (saved only when it changes): it may
        # still be served whole; what needs the database answers 503.
        page = _timed("home, signed in", lambda: client.get("/en/"))
        assert page.status in (200, 503)
        if page.status == 503:
            _assert_unavailable_page(page)
        page = _timed("sign-in page", lambda: visitor.get("/en/sign-in/"))
        assert page.status in (200, 503)
        page = _timed(
            "sign-in POST",
            lambda: visitor.post(
                "/en/sign-in/",
                {**form["fields"], "subject_id": RIGHT, "country_of_birth": COUNTRY},
            ),
        )
        _assert_unavailable_page(page)
        page = _timed("my check-in", lambda: client.get("/en/my-check-in/"))
        _assert_unavailable_page(page)
        page = _timed("confirm", lambda: client.post("/en/book/confirm/", confirm_fields))
        _assert_unavailable_page(page)
        spanish = client.get("/es/my-check-in/", headers={"Accept-Language": "es"})
        assert spanish.status == 503 and 'lang="es"' in spanish.text
        # A probe sends no cookies (a session cookie would make Django save the session).
        probe = Client(server)
        page = _timed("/healthz/live", lambda: probe.get("/healthz/live"))
        assert page.status == 200
        page = _timed("/healthz/ready", lambda: probe.get("/healthz/ready"))
        assert page.status == 503
        assert page.text.startswith("database: unavailable\n")
        assert probe.get("/healthz").status == 503
    finally:
        postgres.start()

    print("PostgreSQL started again:")
    statuses, seconds = [], []
    for _ in range(RECOVERY_REQUESTS):
        started = time.monotonic()
        statuses.append(client.get("/en/my-check-in/").status)
        seconds.append(time.monotonic() - started)
    failures = sum(status != 200 for status in statuses)
    print(
        f"  first {RECOVERY_REQUESTS} requests to my check-in: {failures} failed, "
        f"first {seconds[0]:.2f} s, slowest {max(seconds):.2f} s"
    )
    assert failures == 0, statuses
    page = _timed("confirm", lambda: client.post("/en/book/confirm/", confirm_fields))
    assert page.status == 302
    assert client.get("/healthz").status == 200
