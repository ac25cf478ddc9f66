"""Where a ``next`` parameter may send a person: one rule for every page that takes one
(sign-in, the language chooser)."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, candidate: str, *, keep_query: bool = False) -> str:
    """``candidate`` when it is a path on this site, else "": never another host, never a
    protocol-relative or backslashed path. No query string either unless ``keep_query``
    (the language switch, whose query is the person's place: chosen office, time, page);
    elsewhere one could carry what a person typed into a log or a Referer."""
    if (
        candidate.startswith("/")
        and not candidate.startswith("//")
        and (keep_query or "?" not in candidate)
        and "\\" not in candidate
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return ""
