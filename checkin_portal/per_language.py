"""What every request shows the same way in one language, made once per process (issue 17).

``PerLanguage.get(key, make)`` returns what ``make()`` gave for ``key`` in the active
language. The active catalogue object is checked too (a test may swap a language's
catalogue); a changed setting (only tests change settings while a process runs) empties
every store; a store that reaches ``max_entries`` forgets the older half of what it
kept. Keys must hold no personal data."""

import itertools
from collections.abc import Callable, Hashable
from typing import Any

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language, trans_real

_STORES: list["PerLanguage"] = []


def _catalogue(language):
    return trans_real.translation(language) if language else None


class PerLanguage:
    def __init__(self, max_entries: int = 4096):
        self.max_entries = max_entries
        self._entries: dict[tuple, tuple[object, Any]] = {}
        _STORES.append(self)

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        found = self.find(key)
        if found is None:
            found = make()
            self.put(key, found)
        return found

    def find(self, key: Hashable) -> Any:
        """What is kept for ``key`` in the active language, or None."""
        language = get_language()
        known = self._entries.get((language, key))
        if known is None or known[0] is not _catalogue(language):
            return None
        return known[1]

    def put(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` for ``key`` in the active language."""
        language = get_language()
        if len(self._entries) >= self.max_entries:
            # The newer half stays (dicts keep their order of insertion). Made aside and
            # put in place at once: another thread's entry put meanwhile may be lost,
            # which costs it one more rendering, never a wrong one.
            entries = self._entries
            self._entries = dict(itertools.islice(entries.items(), len(entries) // 2, None))
        self._entries[(language, key)] = (_catalogue(language), value)

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


_PATHS = PerLanguage(max_entries=1024)


def path_to(name: str) -> str:
    """``reverse(name)`` of a URL that takes no arguments, worked out once per process,
    language, script prefix and URLconf: a view's links and redirects cost a dict lookup,
    not a walk of the URL patterns (about 50 µs each, issue 17)."""
    return _PATHS.get((get_script_prefix(), get_urlconf(), name), lambda: reverse(name))


def _forget(**kwargs) -> None:
    for store in _STORES:
        store.clear()


setting_changed.connect(_forget, dispatch_uid="checkin_portal.per_language")
