"""Fixed-window counters on the shared cache (``CACHES["default"]``: the database cache
table by default, Redis in production), one per session and one per destination.

Counting is deliberately simple: ``cache.add`` then ``cache.incr``. Redis makes the
increment atomic; with the database cache two simultaneous sends may both pass the very
last free place, which is acceptable for a limit meant to stop abuse, not to count.

When the cache cannot count, the limit fails closed for messages a person asks for: the send
is refused with ``RateLimitUnavailable`` (a ``MessagingError``, so the caller's record stands
and the person is told to print or write down the details). Automatic messages (a reminder,
a moved or cancelled appointment) are counted apart, per destination only, so they never
use up the person's own "send me the details" limit; when the cache cannot count them they
are sent anyway and logged (the person did not ask, and the notice must not be lost);
docs/adr/0010-failure-policy.md."""

import hashlib
import logging
import re

from django.conf import settings

from checkin_portal import clock
from checkin_portal.counters import count_hit
from checkin_portal.outages import CACHE_ERRORS

from .exceptions import RateLimited, RateLimitUnavailable

logger = logging.getLogger("checkin_portal.messaging")

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'5/h' → (5, 3600); '10/15m' → (10, 900)."""
    match = _RATE.match(rate)
    if not match:
        raise ValueError(f"invalid rate {rate!r}: use N/s, N/m, N/h, N/d or N/<k><unit>")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * _UNIT_SECONDS[unit]


def _hit(scope: str, identity: str, rate: str) -> bool:
    limit, window = parse_rate(rate)
    bucket = int(clock.now().timestamp()) // window
    key = f"messaging:rate:{scope}:{identity}:{window}:{bucket}"
    return count_hit(key, timeout=window + 1) <= limit


def check_rate_limits(
    *, destination_digest: str, session_key: str | None, automatic: bool = False
) -> None:
    """Count one message against the destination and the session; raise RateLimited
    when either has reached its limit, RateLimitUnavailable when the cache cannot count.
    An ``automatic`` message counts only in its own per-destination scope and is let
    through when the cache cannot count. The identities are digests, never clear values."""
    try:
        if automatic:
            if not _hit("automatic", destination_digest, settings.MESSAGING_AUTOMATIC_RATE):
                raise RateLimited("destination")
            return
        _check(destination_digest=destination_digest, session_key=session_key)
    except CACHE_ERRORS as error:
        if automatic:
            logger.warning(
                "automatic message sent uncounted: rate-limit cache unavailable (%s)",
                type(error).__name__,
            )
            return
        logger.warning("message refused: rate-limit cache unavailable (%s)", type(error).__name__)
        raise RateLimitUnavailable() from error


def _check(*, destination_digest: str, session_key: str | None) -> None:
    if not _hit("destination", destination_digest, settings.MESSAGING_DESTINATION_RATE):
        raise RateLimited("destination")
    if session_key and not _hit(
        "session",
        hashlib.sha256(session_key.encode()).hexdigest()[:32],
        settings.MESSAGING_SESSION_RATE,
    ):
        raise RateLimited("session")
