"""One place that says what time it is, so tests can travel in time (time-machine)
and no module scatters its own ``now()``."""

import datetime

from django.utils import timezone


def now() -> datetime.datetime:
    """The current aware UTC datetime."""
    return timezone.now()


def today_in(tz: datetime.tzinfo) -> datetime.date:
    """Today's date as seen in ``tz`` (an office's or a court's zone)."""
    return timezone.localtime(now(), tz).date()
