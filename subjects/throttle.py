"""Failed sign-ins counted on the shared cache, and lockouts.

Two counters per failure, each in its own fixed window (``SIGN_IN_FAILURE_WINDOW``):
one for the Subject ID that was tried, one for the client address. When either reaches its
limit, that ID or that address is locked for ``SIGN_IN_LOCKOUT_SECONDS``; while locked,
even the right answer is refused (and not even looked up).

Cache keys hold an HMAC of the value (keyed with SECRET_KEY), never the ID or address in
clear; log lines carry counts only.

When the shared cache (Redis) fails, the counters move to the database cache table
(``CACHES["database"]``): never "no limit", never "nobody can sign in"
(docs/adr/0010-failure-policy.md). Counts start again from zero in whichever store takes
over, so a switch can give at most one more window's worth of tries.
"""

import hashlib
import hmac
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.core.cache import BaseCache, cache, caches

from checkin_portal import clock
from checkin_portal.counters import count_hit
from checkin_portal.outages import CACHE_ERRORS

logger = logging.getLogger(__name__)

_PREFIX = "subjects:sign-in"


def _digest(kind: str, value: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:40]


@dataclass(frozen=True)
class Lockout:
    seconds_left: int

    @property
    def minutes_left(self) -> int:
        return max(1, math.ceil(self.seconds_left / 60))


def _keys(subject_id: str, address: str) -> dict[str, tuple[str, str, int]]:
    """kind → (counter key, lock key, limit)."""
    id_digest = _digest("id", subject_id)
    address_digest = _digest("ip", address)
    return {
        "id": (
            f"{_PREFIX}:fail:id:{id_digest}",
            f"{_PREFIX}:lock:id:{id_digest}",
            int(settings.SIGN_IN_MAX_FAILURES_PER_ID),
        ),
        "ip": (
            f"{_PREFIX}:fail:ip:{address_digest}",
            f"{_PREFIX}:lock:ip:{address_digest}",
            int(settings.SIGN_IN_MAX_FAILURES_PER_CLIENT),
        ),
    }


T = TypeVar("T")


def _counted(operation: Callable[[BaseCache], T]) -> T:
    """Run ``operation`` on the shared cache, or on the database cache when that fails."""
    try:
        return operation(cache)
    except CACHE_ERRORS as error:
        logger.warning(
            "Sign-in throttle: shared cache unavailable (%s); counting in the database",
            type(error).__name__,
        )
        return operation(caches["database"])


@dataclass(frozen=True)
class SignInCheck:
    """What one read of the counters says before a sign-in is looked up: the lockout in
    force, if any, and whether the ID has failures to clear if the sign-in succeeds."""

    lockout: Lockout | None
    id_has_failures: bool


def sign_in_check(*, subject_id: str, address: str) -> SignInCheck:
    return _counted(lambda store: _check_in(store, subject_id=subject_id, address=address))


def lockout_for(*, subject_id: str, address: str) -> Lockout | None:
    """The lockout in force for this ID or this address, if any (the longer one)."""
    return sign_in_check(subject_id=subject_id, address=address).lockout


def failure_record(*, subject_id: str, address: str) -> Lockout | None:
    """Count one failed sign-in; lock the ID and/or address when a limit is reached."""
    return _counted(lambda store: _failure_in(store, subject_id=subject_id, address=address))


def success_record(*, subject_id: str, check: SignInCheck) -> None:
    """A correct sign-in clears that ID's failures (not the address's): nothing to clear,
    and no second round trip, when the ``check`` before it saw none (the usual sign-in,
    issue 17). A failure counted between the two is left: it came after the check."""
    if not check.id_has_failures:
        return
    counter, _lock, _limit = _keys(subject_id, "")["id"]
    _counted(lambda store: store.delete(counter))


def _check_in(store: BaseCache, *, subject_id: str, address: str) -> SignInCheck:
    keys = _keys(subject_id, address)
    locks = [lock for _counter, lock, _limit in keys.values()]
    id_counter = keys["id"][0]
    found = store.get_many([*locks, id_counter])  # one round trip
    now = clock.now().timestamp()
    until = [found.get(lock) for lock in locks]
    left = [int(value - now) for value in until if isinstance(value, int | float)]
    left = [seconds for seconds in left if seconds > 0]
    return SignInCheck(
        lockout=Lockout(seconds_left=max(left)) if left else None,
        id_has_failures=bool(found.get(id_counter)),
    )


def _failure_in(store: BaseCache, *, subject_id: str, address: str) -> Lockout | None:
    window = int(settings.SIGN_IN_FAILURE_WINDOW)
    lockout_seconds = int(settings.SIGN_IN_LOCKOUT_SECONDS)
    locked = None
    for kind, (counter, lock, limit) in _keys(subject_id, address).items():
        count = count_hit(counter, timeout=window, store=store)
        if count >= limit:
            until = clock.now().timestamp() + lockout_seconds
            store.set(lock, until, timeout=lockout_seconds)
            store.delete(counter)
            locked = Lockout(seconds_left=lockout_seconds)
            logger.warning("Sign-in locked after %d failures (by %s)", count, kind)
    if locked is None:
        logger.info("Sign-in failed")
    return locked
