"""Weekdays stored as a 7-bit mask (Monday = bit 0): portable to SQLite and PostgreSQL."""

from django.utils.translation import gettext_lazy as _

WEEKDAY_NAMES = [
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
]


def weekdays_to_mask(days) -> int:
    mask = 0
    for day in days:
        day = int(day)
        if not 0 <= day <= 6:
            raise ValueError(f"weekday out of range: {day}")
        mask |= 1 << day
    return mask


def weekdays_from_mask(mask: int) -> list[int]:
    return [day for day in range(7) if mask & (1 << day)]
