"""The per-process stores of what is made once per language (checkin_portal/per_language.py)."""

from django.utils import translation

from checkin_portal.per_language import PerLanguage


def test_a_full_store_keeps_its_newer_half():
    """A store at its limit forgets what it kept first, not everything: the parts of a
    busy page (its office lines, its time buttons) outnumber the limit in a long day, and
    emptying the whole store made every page render its header and footer again."""
    store = PerLanguage(max_entries=10)
    with translation.override("en"):
        for n in range(10):
            store.put(n, f"made {n}")
        assert [store.find(n) for n in (0, 9)] == ["made 0", "made 9"]
        store.put("one more", "made")
        assert len(store) == 6
        assert [store.find(n) for n in range(5)] == [None] * 5
        assert [store.find(n) for n in range(5, 10)] == [f"made {n}" for n in range(5, 10)]
        assert store.find("one more") == "made"


def test_each_language_has_its_own_entries():
    store = PerLanguage(max_entries=10)
    with translation.override("en"):
        store.put("greeting", "Hello")
    with translation.override("es"):
        assert store.find("greeting") is None
        store.put("greeting", "Hola")
    with translation.override("en"):
        assert store.get("greeting", lambda: "made again") == "Hello"
