"""Time zones (IANA names): the one validator of every field that holds one, and a wall
clock time in a zone as an aware datetime. A place's zone (from its ZIP, or city and state)
comes from the ZIP index: ``checkin_portal.places.zips.zone_for_address``."""

from __future__ import annotations

import datetime
import functools
import zoneinfo

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
