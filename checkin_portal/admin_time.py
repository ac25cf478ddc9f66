"""Date-times for staff, always with their zone (issue 14: a list showed "Dec. 25, 2026,
10 a.m." in the server's zone where the person's papers said 9 a.m. CST)."""

import datetime
import zoneinfo

from django.conf import settings


def with_zone(value: datetime.datetime | None, zone: zoneinfo.ZoneInfo | None = None) -> str:
    """``2026-12-25 09:00 CST``: ``value`` in ``zone`` (the office's or court's), else in
    the server's TIME_ZONE; empty for no value."""
    if value is None:
        return ""
    local = value.astimezone(zone or zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"
