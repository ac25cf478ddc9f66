"""Time-zone names (IANA), checked one way for every model field that holds one."""

from __future__ import annotations

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
