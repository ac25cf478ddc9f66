"""Time zones (IANA names): the one validator of every field that holds one, a moment in
a place's zone (``in_zone``; the template filter of the same name), and a wall clock time
in a zone as an aware datetime. A place's zone (from its ZIP, or city and state)
comes from the ZIP index: ``checkin_portal.places.zips.zone_for_address``."""

from __future__ import annotations

import datetime
import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@functools.cache
def valid_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_valid_time_zone(name: str) -> bool:
    return name in valid_time_zones()


def validate_time_zone(value: str) -> None:
    """The validator of Office.time_zone, Court.time_zone and
    Subject.paperwork_office_time_zone. Empty is left to the field's ``blank``."""
    if value and not is_valid_time_zone(value):
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as America/Chicago."),
            code="invalid_time_zone",
            params={"value": value},
        )


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


def zone_of(place) -> zoneinfo.ZoneInfo:
    """The zone of a place: an office or court (its ``zone``), a ZoneInfo or an IANA name;
    the server's TIME_ZONE when the place has none."""
    zone = getattr(place, "zone", place)
    if isinstance(zone, str) and zone:
        try:
            zone = zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = None
    if isinstance(zone, datetime.tzinfo):
        return zone
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class PlaceTime(datetime.datetime):
    """A moment on a place's wall clock. Django's template filters (``date``, ``time``,
    ``long_date``) show it as it is instead of converting it to the server's zone (they
    honour ``convert_to_local_time``, as for ``{% timezone %}``)."""

    convert_to_local_time = False


def in_zone(moment: datetime.datetime | None, place) -> PlaceTime | None:
    """``moment`` (aware) on the wall clock of ``place``; its ``tzname()`` is the zone's
    abbreviation at that moment (CST, EDT, ChST)."""
    if not isinstance(moment, datetime.datetime):
        return None
    local = moment.astimezone(zone_of(place))
    return PlaceTime(
        local.year,
        local.month,
        local.day,
        local.hour,
        local.minute,
        local.second,
        local.microsecond,
        tzinfo=local.tzinfo,
        fold=local.fold,
    )


def with_zone(moment: datetime.datetime | None, place=None) -> str:
    """For staff: ``2026-12-25 09:00 CST``, the moment in the place's zone (the server's
    when none); empty for no moment."""
    local = in_zone(moment, place)
    if local is None:
        return ""
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"
