"""Optional online geocoder (OpenStreetMap Nominatim through geopy).

Off unless ``OFFICES_ONLINE_GEOCODER`` is true. Used only to place a street address more
exactly than its ZIP centre; any failure (no network, timeout, refusal, no match) returns
None and the offline answer is used. What the person typed is an address: it is sent
only to the configured service and never written to a log.
"""

from __future__ import annotations

import logging

from django.conf import settings

from checkin_portal.places.zips import Place

logger = logging.getLogger(__name__)

MAX_TIMEOUT_SECONDS = 3.0
# Nominatim treats the territories as countries of their own.
COUNTRY_CODES = ["us", "pr", "gu", "mp", "vi", "as"]


def online_enabled() -> bool:
    return bool(getattr(settings, "OFFICES_ONLINE_GEOCODER", False))


def _client():
    from geopy.geocoders import Nominatim

    timeout = min(
        float(getattr(settings, "OFFICES_GEOCODER_TIMEOUT", MAX_TIMEOUT_SECONDS)),
        MAX_TIMEOUT_SECONDS,
    )
    return Nominatim(
        user_agent=settings.OFFICES_GEOCODER_USER_AGENT,
        domain=settings.OFFICES_GEOCODER_DOMAIN,
        timeout=timeout,
    )


def geocode_online(text: str) -> Place | None:
    """A place for ``text`` from the online service, or None (disabled, failed, no match)."""
    if not online_enabled():
        return None
    from geopy.exc import GeopyError

    try:
        location = _client().geocode(text, exactly_one=True, country_codes=COUNTRY_CODES)
    except (GeopyError, OSError, ValueError, TimeoutError) as error:
        logger.warning(
            "Online geocoder unavailable (%s); using the ZIP table", type(error).__name__
        )
        return None
    if location is None:
        return None
    try:
        latitude, longitude = float(location.latitude), float(location.longitude)
    except (TypeError, ValueError):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return Place(label=text, latitude=latitude, longitude=longitude)
