"""Dates as people read them: the month written in full (no "Feb."), in the active
language, the parts in that language's order (the formats are translated strings of
Django's date-format letters): English "Friday, March 6, 2026" / "March 6, 2026", Spanish
"viernes, 6 de marzo de 2026" / "6 de marzo de 2026".

The one implementation behind the ``long_date`` and ``plain_date`` template filters
(``{% load portal_dates %}``) and behind dates written into form messages."""

import datetime

from django.utils import formats, timezone
from django.utils.translation import pgettext


def _local(value):
    # A moment already on a place's clock (``in_zone``) is shown as it is.
    if (
        isinstance(value, datetime.datetime)
        and timezone.is_aware(value)
        and getattr(value, "convert_to_local_time", True)
    ):
        return timezone.localtime(value)
    return value


def long_date(value: datetime.date | None) -> str:
    """The date with its weekday: 'Friday, March 6, 2026' ("" for no date)."""
    if not value:
        return ""
    return formats.date_format(_local(value), pgettext("date with weekday", "l, F j, Y"))


def plain_date(value: datetime.date | None) -> str:
    """The date without its weekday: 'March 6, 2026' ("" for no date)."""
    if not value:
        return ""
    return formats.date_format(_local(value), pgettext("date without weekday", "F j, Y"))
