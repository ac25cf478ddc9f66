"""Lockout after repeated failures, on the shared cache, with time travel."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client, override_settings

from .factories import SubjectFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)
LOCKED = "Too many tries did not match."


def _post(client, url, subject_id, country="MX", address="203.0.113.5"):
    return client.post(
        url, {"subject_id": subject_id, "country_of_birth": country}, REMOTE_ADDR=address
    )


@override_settings(SIGN_IN_MAX_FAILURES_PER_ID=5, SIGN_IN_LOCKOUT_SECONDS=900)
def test_five_failures_for_one_id_lock_it_even_with_the_right_answer(client, sign_in_url):
    subject = SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(4):
            response = _post(client, sign_in_url, "AB123456", "MX")
            assert response.status_code == 200
            assert LOCKED not in response.content.decode()
        response = _post(client, sign_in_url, "AB123456", "MX")
        assert response.status_code == 429
        html = response.content.decode()
        assert LOCKED in html
        assert "15 minutes" in html
        assert '<bdi class="portal-phone" dir="ltr">(833) 383-1465</bdi>' in html
        # The right answer, from another address, is refused while locked.
        response = _post(Client(), sign_in_url, "ab-123-456", "GT", address="198.51.100.7")
        assert response.status_code == 429
        traveller.shift(datetime.timedelta(minutes=10))
        response = _post(Client(), sign_in_url, "AB123456", "GT")
        assert "5 minutes" in response.content.decode()
        traveller.shift(datetime.timedelta(minutes=5, seconds=1))
        response = _post(client, sign_in_url, "AB123456", "GT")
        assert response.status_code == 302
    assert subject.pk


@override_settings(SIGN_IN_MAX_FAILURES_PER_ID=5)
def test_unknown_ids_are_counted_too(client, sign_in_url):
    for _ in range(5):
        response = _post(client, sign_in_url, "ZZ000001")
    assert response.status_code == 429


@override_settings(SIGN_IN_MAX_FAILURES_PER_ID=5, SIGN_IN_FAILURE_WINDOW=900)
def test_failures_outside_the_window_do_not_add_up(client, sign_in_url):
    SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(4):
            _post(client, sign_in_url, "AB123456", "MX")
        traveller.shift(datetime.timedelta(minutes=16))
        for _ in range(4):
            response = _post(client, sign_in_url, "AB123456", "MX")
        assert response.status_code == 200


@override_settings(SIGN_IN_MAX_FAILURES_PER_ID=5)
def test_success_clears_the_id_counter(client, sign_in_url):
    SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    for _ in range(4):
        _post(client, sign_in_url, "AB123456", "MX")
    assert _post(client, sign_in_url, "AB123456", "GT").status_code == 302
    client.post("/en/sign-out/")
    for _ in range(4):
        response = _post(client, sign_in_url, "AB123456", "MX")
    assert response.status_code == 200


def test_a_sign_in_with_no_failures_asks_the_shared_cache_once(client, sign_in_url, monkeypatch):
    """The usual sign-in: one read says there is no lock and nothing to clear (issue 17:
    a second round trip to delete a counter that is not there cost every sign-in)."""
    SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    calls, inside = [], []

    def spy(name, original):
        def called(*args, **kwargs):  # the calls made from outside the cache only
            if not inside:
                calls.append(name)
            inside.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                inside.pop()

        return called

    for name in ("get", "get_many", "set", "delete", "incr", "add"):
        monkeypatch.setattr(cache, name, spy(name, getattr(cache, name)))
    assert _post(client, sign_in_url, "AB123456", "GT").status_code == 302
    assert calls == ["get_many"]


@override_settings(SIGN_IN_MAX_FAILURES_PER_ID=5)
def test_success_after_failures_still_clears_them(client, sign_in_url, monkeypatch):
    SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    _post(client, sign_in_url, "AB123456", "MX")
    deleted = []
    original = cache.delete
    monkeypatch.setattr(cache, "delete", lambda key, **kw: deleted.append(key) or original(key))
    assert _post(client, sign_in_url, "AB123456", "GT").status_code == 302
    assert len(deleted) == 1 and ":fail:id:" in deleted[0]


@override_settings(SIGN_IN_MAX_FAILURES_PER_CLIENT=8, SIGN_IN_MAX_FAILURES_PER_ID=5)
def test_many_ids_from_one_address_lock_that_address(client, sign_in_url):
    subject = SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    with time_machine.travel(START, tick=False) as traveller:
        for n in range(8):
            response = _post(client, sign_in_url, f"ZZ{n:06d}")
        assert response.status_code == 429
        # The address is locked, even for a real person's right answer...
        assert _post(Client(), sign_in_url, "AB123456", "GT").status_code == 429
        # ...but the same person elsewhere is not.
        other = _post(Client(), sign_in_url, "AB123456", "GT", address="198.51.100.7")
        assert other.status_code == 302
        traveller.shift(datetime.timedelta(minutes=16))
        assert _post(Client(), sign_in_url, "AB123456", "GT").status_code == 302
    assert subject.pk


@override_settings(SIGN_IN_TRUSTED_PROXIES=1, SIGN_IN_MAX_FAILURES_PER_CLIENT=3)
def test_behind_a_proxy_the_forwarded_address_is_counted(client, sign_in_url):
    for n in range(3):
        client.post(
            sign_in_url,
            {"subject_id": f"ZZ{n:06d}", "country_of_birth": "MX"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9",
        )
    other_client = Client().post(
        sign_in_url,
        {"subject_id": "ZZ999999", "country_of_birth": "MX"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert other_client.status_code == 200  # a different client behind the same proxy


def test_cache_keys_never_hold_the_id_or_address_in_clear(client, sign_in_url):
    _post(client, sign_in_url, "AB123456", address="203.0.113.5")
    keys = list(cache._cache.keys())  # LocMemCache in tests
    assert keys
    assert not any("AB123456" in key or "203.0.113.5" in key for key in keys)


def test_lockout_message_is_translated(client):
    with override_settings(SIGN_IN_MAX_FAILURES_PER_ID=1):
        response = client.post("/es/sign-in/", {"subject_id": "ZZ000001", "country_of_birth": "MX"})
    assert response.status_code == 429
    assert "Demasiados intentos" in response.content.decode()
