"""The portal's language-prefixed URLs, each path resolved once per process and language
(issue 17).

Django walks the URL patterns on every request: to ``/en/offices/`` it tries the home
page, the help pages and every pattern of the sign-in app first, and builds the list of
what it tried on the way, about 45 µs of the finder's 1.2 ms (``resolve`` of the ceiling
view, the first pattern, is 5 µs). The patterns do not change while a process runs, so
what a path resolved to in a language is the same every time: a ``KeptResolver``
remembers it. Only the paths of pages are kept: a path that matches nothing is walked
again (made-up paths fill nothing), and so is one with a value in it (a message's link,
whose token is the key to a person's offer: never kept in memory). The store is bounded,
per language, and emptied when a setting changes (``PerLanguage``: the language prefix
depends on ``LANGUAGE_CODE`` and the active language).
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLResolver

from checkin_portal.per_language import PerLanguage


class KeptResolver(URLResolver):
    def __init__(self, resolver: URLResolver):
        super().__init__(
            resolver.pattern,
            resolver.urlconf_name,
            resolver.default_kwargs,
            resolver.app_name,
            resolver.namespace,
        )
        self._kept = PerLanguage(max_entries=1024)

    def resolve(self, path):
        path = str(path)  # as URLResolver.resolve takes it (a lazy string is one too)
        match = self._kept.find(path)
        if match is None:
            match = super().resolve(path)  # Resolver404 when nothing matched: not kept
            # Nothing taken from the path: no arguments, and no keyword arguments but the
            # pattern's own defaults (a value captured by an include()'s prefix is in
            # kwargs only). Such a match holds nothing of the request: one object serves
            # every request for the path (Django's root resolver copies what it changes).
            if not match.args and match.kwargs == match.extra_kwargs:
                self._kept.put(path, match)
        return match


def kept_i18n_patterns(*urls, prefix_default_language: bool = True) -> list:
    """``i18n_patterns`` whose language-prefixed resolver keeps what it resolved."""
    return [
        KeptResolver(pattern) if isinstance(pattern, URLResolver) else pattern
        for pattern in i18n_patterns(*urls, prefix_default_language=prefix_default_language)
    ]
