"""Sign-in lockouts and message rate limits on Redis, the compose stack's shared cache,
with real threads: every replica counts on the same keys, atomically.

Needs a Redis server at REDIS_TEST_URL (default redis://127.0.0.1:6379/0; the project's
machines run one). Skipped without one, except in CI. Keys carry a random prefix and are
deleted afterwards; nothing else in that Redis is touched."""

import os
import socket
import threading
import uuid
from urllib.parse import urlparse

import pytest
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCacheClient
from django.test import override_settings

from checkin_portal.messaging import ratelimit
from checkin_portal.messaging.exceptions import RateLimited
from subjects import throttle

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/0")


def _redis_answers() -> bool:
    parsed = urlparse(REDIS_URL)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(
    not _redis_answers() and not os.environ.get("CI"),
    reason=f"no Redis server at {REDIS_URL}",
)


@pytest.fixture
def redis_cache():
    prefix = f"portal-test-{uuid.uuid4().hex}"
    caches = {
        "default": {
            "BACKEND": "checkin_portal.cache.RedisCache",  # the deployment's (settings/base.py)
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    # Django resets its cache connections when CACHES changes (setting_changed).
    with override_settings(CACHES=caches):
        yield cache
        client = cache._cache.get_client(write=True)
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)


def _in_threads(count: int, target) -> list:
    results, barrier = [], threading.Barrier(count)
    lock = threading.Lock()

    def run():
        barrier.wait(5)
        value = target()
        with lock:
            results.append(value)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return results


def test_the_cache_really_is_redis(redis_cache):
    assert isinstance(redis_cache._cache, RedisCacheClient)
    redis_cache.set("probe", 1, timeout=5)
    assert redis_cache.get("probe") == 1


def test_one_redis_client_per_pool_shared_by_threads(redis_cache):
    """checkin_portal/cache.py (issue 17): Django made a client per call."""
    first = redis_cache._cache.get_client(write=True)
    assert redis_cache._cache.get_client() is first  # one server: one pool, one client
    redis_cache.set("counter", 0, timeout=30)
    results = _in_threads(8, lambda: redis_cache.incr("counter"))
    assert sorted(results) == list(range(1, 9))
    assert redis_cache._cache.get_client(write=True) is first


@override_settings(
    SIGN_IN_MAX_FAILURES_PER_ID=5,
    SIGN_IN_MAX_FAILURES_PER_CLIENT=1000,
    SIGN_IN_FAILURE_WINDOW=60,
    SIGN_IN_LOCKOUT_SECONDS=60,
)
def test_concurrent_failed_sign_ins_lock_the_id_exactly_once(redis_cache):
    subject_id = f"X{uuid.uuid4().hex[:8].upper()}"
    results = _in_threads(
        12, lambda: throttle.failure_record(subject_id=subject_id, address="198.51.100.7")
    )
    assert len(results) == 12
    # Every failure was counted (INCR is atomic), so the limit was reached and the ID is
    # locked for every address.
    assert any(result is not None for result in results)
    lockout = throttle.lockout_for(subject_id=subject_id, address="192.0.2.1")
    assert lockout is not None and 0 < lockout.seconds_left <= 60
    assert throttle.lockout_for(subject_id="SOMEONEELSE", address="192.0.2.1") is None


@override_settings(MESSAGING_DESTINATION_RATE="5/h", MESSAGING_SESSION_RATE="100/h")
def test_concurrent_sends_never_pass_the_rate_limit(redis_cache):
    destination = uuid.uuid4().hex

    def send():
        try:
            ratelimit.check_rate_limits(destination_digest=destination, session_key=None)
            return True
        except RateLimited:
            return False

    results = _in_threads(20, send)
    assert len(results) == 20
    assert results.count(True) == 5  # Redis INCR is atomic: never one more
