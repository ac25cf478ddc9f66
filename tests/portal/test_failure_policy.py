"""The failure policy (docs/adr/0010-failure-policy.md) in the test client: a cache that
refuses connections (a real Redis client pointed at a closed loopback port) and a
database that fails (the driver's error raised where Django talks to PostgreSQL). The
same outages on real servers, stopped and started: tests/deploy/test_outages.py."""

import datetime

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, override_settings
from psycopg_pool import PoolTimeout

from addresses.models import AddressChange
from addresses.views import DRAFT_KEY
from checkin_portal import clock
from checkin_portal.messaging import exceptions, ratelimit
from checkin_portal.messaging.models import OutboundMessage
from subjects import throttle
from subjects.sessions import SessionStore  # SESSION_ENGINE
from tests.addresses.conftest import sign_in
from tests.addresses.test_change_flow import VALID
from tests.deploy.outage_services import free_port
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db

CLOSED_REDIS = {
    "default": {
        "BACKEND": "checkin_portal.cache.RedisCache",  # the deployment's (settings/base.py)
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    },
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    },
}


# --- Cache down


@override_settings(
    CACHES=CLOSED_REDIS, SIGN_IN_MAX_FAILURES_PER_ID=3, SIGN_IN_MAX_FAILURES_PER_CLIENT=100
)
def test_sign_in_counters_fall_back_to_the_database_when_redis_is_down():
    SubjectFactory(subject_id="FB100001", country_of_birth="GT")
    client = Client(raise_request_exception=False)
    wrong = {"subject_id": "FB100001", "country_of_birth": "MX"}
    for _ in range(2):
        assert client.post("/en/sign-in/", wrong).status_code == 200
    assert throttle.lockout_for(subject_id="FB100001", address="127.0.0.1") is None
    assert client.post("/en/sign-in/", wrong).status_code == 429  # the third: locked
    right = {"subject_id": "FB100001", "country_of_birth": "GT"}
    assert client.post("/en/sign-in/", right).status_code == 429  # never "no limit"
    SubjectFactory(subject_id="FB100002", country_of_birth="GT")
    response = client.post("/en/sign-in/", {"subject_id": "FB100002", "country_of_birth": "GT"})
    assert response.status_code == 302  # never "nobody can sign in"


@override_settings(CACHES=CLOSED_REDIS)
def test_message_rate_limit_fails_closed_when_redis_is_down():
    with pytest.raises(exceptions.RateLimitUnavailable):
        ratelimit.check_rate_limits(destination_digest="abc", session_key="s")


@override_settings(CACHES=CLOSED_REDIS)
def test_address_change_asking_for_a_text_is_saved_when_redis_is_down(settings):
    subject = SubjectFactory(release_date=datetime.date(2026, 1, 5))
    client = Client(raise_request_exception=False)
    sign_in(client, subject)
    form = {
        **VALID,
        "move_date": clock.now().date().isoformat(),
        "phone": "(202) 555-0123",
        "confirmation": "sms",
    }
    assert client.post("/en/new-address/send/", form).status_code == 302
    token = client.session[DRAFT_KEY]["token"]
    response = client.post("/en/new-address/send/check/", {"token": token})
    assert response.status_code == 302
    assert response["Location"] == "/en/new-address/send/receipt/"
    change = AddressChange.objects.get(subject=subject)
    assert change.confirmation_channel == "sms"
    assert not OutboundMessage.objects.exists()
    receipt = client.get("/en/new-address/send/receipt/")
    assert "We could not send the message" in receipt.content.decode()


@override_settings(CACHES=CLOSED_REDIS)
def test_readiness_names_the_cache_and_stays_ready_without_it():
    response = Client().get("/healthz/ready")
    assert response.status_code == 200
    assert response.content == b"database: ok\ncache: unavailable\n"


# --- Database down


def _database_down(monkeypatch):
    def fail(*args, **kwargs):
        raise OperationalError("connection refused to 10.0.0.5")

    monkeypatch.setattr(CursorWrapper, "execute", fail)


def _assert_unavailable(response, language="en"):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert "10.0.0.5" not in html and "Traceback" not in html
    return html


def test_a_page_that_needs_the_database_answers_503(monkeypatch, seeded_content):
    _database_down(monkeypatch)
    response = Client(raise_request_exception=False).get("/en/help/")
    html = _assert_unavailable(response)
    assert "This site is briefly unavailable" in html
    assert "Appointments you already booked and changes you already sent are safe." in html


def test_the_503_page_follows_the_language_in_the_address(monkeypatch, seeded_content):
    _database_down(monkeypatch)
    response = Client(raise_request_exception=False).get("/ar/help/")
    html = _assert_unavailable(response, language="ar")
    assert 'dir="rtl"' in html


def test_a_session_that_cannot_be_read_answers_503_after_one_try(monkeypatch):
    client = Client(raise_request_exception=False)
    sign_in(client, SubjectFactory())
    tries = []

    def fail(self):
        tries.append(1)
        raise OperationalError("the pool has no connection")

    monkeypatch.setattr(SessionStore, "_get_session_from_db", fail)
    response = client.get("/en/my-check-in/")
    _assert_unavailable(response)
    assert len(tries) == 1  # not read again on the way out (a second wait for the pool)
    assert "sessionid" not in response.cookies  # still signed in when the database is back


def test_a_pool_timeout_answers_503(monkeypatch):
    client = Client(raise_request_exception=False)
    sign_in(client, SubjectFactory())
    monkeypatch.setattr(
        SessionStore, "_get_session_from_db", lambda self: (_ for _ in ()).throw(PoolTimeout())
    )
    _assert_unavailable(client.get("/en/my-check-in/"))


def test_liveness_needs_neither_database_nor_cache(monkeypatch):
    _database_down(monkeypatch)
    response = Client().get("/healthz/live")
    assert response.status_code == 200
    assert response.content == b"live\n"


def test_readiness_names_the_database(monkeypatch):
    _database_down(monkeypatch)
    for path in ("/healthz", "/healthz/ready"):
        response = Client().get(path)
        assert response.status_code == 503
        assert response.content.startswith(b"database: unavailable\n")
