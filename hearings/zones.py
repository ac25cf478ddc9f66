"""Time zones of places, offline.

A court's IANA zone comes from its ZIP code (the ``zipcodes`` package carries a zone per
ZIP); a row without a ZIP falls back to its city and state. The ZIP table is read once per
process, never per request.
"""

import datetime
import functools
import re
import zoneinfo

# ASCII digits, as in the ZIP table (Python's \d would take any script's digits).
ZIP_RE = re.compile(r"^[0-9]{5}(-[0-9]{4})?$")


@functools.cache
def valid_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_valid_zone(name: str) -> bool:
    return name in valid_zones()


@functools.cache
def _indexes() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    import zipcodes  # loads ~43,000 records: once per process

    by_zip: dict[str, str] = {}
    by_place: dict[tuple[str, str], str] = {}
    for record in zipcodes.list_all():
        zone = record.get("timezone") or ""
        if zone not in valid_zones():
            continue  # a few records carry a place name instead of a zone
        by_zip[record["zip_code"]] = zone
        by_place.setdefault((record["city"].casefold(), record["state"].upper()), zone)
    return by_zip, by_place


def zone_for_zip(zip_code: str) -> str:
    """The IANA zone of a US ZIP code (5 digits, or ZIP+4), or "" when unknown."""
    zip_code = (zip_code or "").strip()
    if not ZIP_RE.match(zip_code):
        return ""
    return _indexes()[0].get(zip_code[:5], "")


def zone_for_place(city: str, state: str) -> str:
    """The IANA zone of a city in a state (exact name, any case), or "" when unknown."""
    return _indexes()[1].get(((city or "").strip().casefold(), (state or "").strip().upper()), "")


def zone_for_address(*, zip_code: str = "", city: str = "", state: str = "") -> str:
    return zone_for_zip(zip_code) or zone_for_place(city, state)


class NonexistentLocalTime(ValueError):
    """The clock skips this time (the spring change to daylight saving time)."""


class AmbiguousLocalTime(ValueError):
    """The clock shows this time twice (the autumn change back to standard time)."""


def aware_local(day: datetime.date, time: datetime.time, zone_name: str) -> datetime.datetime:
    """``day`` at ``time`` on the wall clocks of ``zone_name``, as an aware datetime.

    Refuses a time that does not exist or happens twice on a daylight-saving change day,
    instead of silently guessing an hour."""
    zone = zoneinfo.ZoneInfo(zone_name)
    naive = datetime.datetime.combine(day, time)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        # Inside a gap both folds round-trip to another wall time; in an overlap both exist.
        if first.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != naive:
            raise NonexistentLocalTime(naive)
        raise AmbiguousLocalTime(naive)
    return first
