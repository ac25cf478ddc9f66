"""One counter on a cache, shared by every limit (messaging rate limits, sign-in failures).

``add`` then ``incr``: Redis makes the increment atomic; with the database cache two
simultaneous hits may both read the same count, acceptable for limits that stop abuse."""

from django.core.cache import BaseCache, cache


def count_hit(key: str, *, timeout: int, store: BaseCache = cache) -> int:
    """Add one to the counter ``key`` (created for ``timeout`` seconds) and return it."""
    store.add(key, 0, timeout=timeout)
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, timeout=timeout)
        return 1
