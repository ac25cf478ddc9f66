"""Where is the place a person typed? One function: ``geocode(text) -> GeocodeResult``.

* Offline first, always: ``parser.geocode_offline`` reads ZIPs, cities and states from
  the ZIP index (``checkin_portal.places.zips``, built once per process).
* Online only when ``OFFICES_ONLINE_GEOCODER`` is on, and only for a street address
  (house number and street), where it can be more exact than the ZIP or city centre, or
  when the offline reading found nothing. On any failure the offline answer stands.
"""

from __future__ import annotations

from dataclasses import replace

from .online import geocode_online, online_enabled
from .parser import (
    MAX_QUERY_LENGTH,
    Choice,
    GeocodeResult,
    Status,
    clean_query,
    geocode_offline,
    looks_like_street_address,
)

__all__ = [
    "MAX_QUERY_LENGTH",
    "Choice",
    "GeocodeResult",
    "Status",
    "clean_query",
    "geocode",
]

# Offline answers the online service may not replace: it cannot do better than "this is
# a military address" or "this ZIP has no position" is the person's own input.
_ONLINE_MAY_IMPROVE = {Status.FOUND, Status.NOT_FOUND}


def geocode(text: str) -> GeocodeResult:
    offline = geocode_offline(text)
    if not online_enabled() or offline.status not in _ONLINE_MAY_IMPROVE:
        return offline
    if offline.found and not looks_like_street_address(text):
        return offline
    place = geocode_online(clean_query(text)[:MAX_QUERY_LENGTH])
    if place is None:
        return offline
    if offline.found:
        place = replace(place, label=offline.place.label, state=offline.place.state)
    return GeocodeResult(Status.FOUND, place=place, source="online")
