"""The one reader of an office's published check-in hours (issue 15: one hours parser).

The reference list gives hours as short English texts in a few shapes::

    Monday-Friday, 8 a.m.-3 p.m.                      a range of days
    Tuesday and Thursday 8 a.m.-12 p.m.               a list of days
    Tuesday, Thursday, Friday, 8 a.m.-3 p.m.          (one day is a list of one)
    1st Tuesday of each month, 7:30 a.m.-11:30 a.m.   one day a month (1st-4th or Last)
    8 a.m.-12 p.m.                                    times only (no days named)

``parse_hours`` turns such a text into ``Hours`` or raises ``HoursNotUnderstood`` with a
reason. Two callers: ``appointments.demo_data`` seeds opening rules from it (days are
required there), ``offices.hours_i18n`` writes the hours in every language (a text with
times only is still written there: ``days_optional=True``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "last": -1}
_TIME = r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?"
_RANGE = re.compile(rf"{_TIME}\s*-\s*{_TIME}\s*$")
_MONTHLY = re.compile(
    r"^(1st|2nd|3rd|4th|first|second|third|last)\s+(\w+)\s+of\s+(?:the|each)\s+month$"
)


class HoursNotUnderstood(ValueError):
    pass


@dataclass(frozen=True)
class Hours:
    """``kind``: ``range`` (``days`` = first and last day), ``list`` (these days),
    ``monthly`` (``days`` = the one day, ``week_of_month`` 1-4 or -1 for the last) or
    ``times_only`` (``days`` empty). Days are 0 (Monday) to 6 (Sunday)."""

    kind: str
    days: tuple[int, ...]
    opens: datetime.time
    closes: datetime.time
    week_of_month: int | None = None

    @property
    def weekdays(self) -> frozenset[int]:
        if self.kind == "range":
            return frozenset(range(self.days[0], self.days[1] + 1))
        return frozenset(self.days)


def _clock(hour: str, minute: str | None, half: str) -> datetime.time:
    h, m = int(hour), int(minute or 0)
    if not (1 <= h <= 12 and 0 <= m < 60):
        raise HoursNotUnderstood(f"not a time: {hour}:{minute or '00'}")
    if half == "p" and h != 12:
        h += 12
    if half == "a" and h == 12:
        h = 0
    return datetime.time(h, m)


def _day(word: str) -> int:
    try:
        return DAYS.index(word.strip().lower())
    except ValueError:
        raise HoursNotUnderstood(f"not a day: {word!r}") from None


def _days(text: str) -> tuple[str, tuple[int, ...], int | None]:
    monthly = _MONTHLY.match(text)
    if monthly:
        return "monthly", (_day(monthly.group(2)),), ORDINALS[monthly.group(1)]
    if "-" in text:
        first, _, last = text.partition("-")
        a, b = _day(first), _day(last)
        if b <= a:
            raise HoursNotUnderstood(f"backwards day range: {text!r}")
        return "range", (a, b), None
    parts = [part for part in re.split(r",|\band\b", text) if part.strip()]
    return "list", tuple(_day(part) for part in parts), None


def parse_hours(text: str, *, days_optional: bool = False) -> Hours:
    """The days and times of ``text``; ``HoursNotUnderstood`` says what is unclear."""
    cleaned = " ".join(text.replace("\u2013", "-").replace("\u2014", "-").split())
    match = _RANGE.search(cleaned)
    if not match:
        raise HoursNotUnderstood("no time range such as 8 a.m.-3 p.m.")
    opens = _clock(*match.group(1, 2, 3))
    closes = _clock(*match.group(4, 5, 6))
    if closes <= opens:
        raise HoursNotUnderstood("closing time is not after opening time")
    days_text = cleaned[: match.start()].strip().rstrip(",").strip().lower()
    if not days_text:
        if not days_optional:
            raise HoursNotUnderstood("no days given")
        return Hours("times_only", (), opens, closes)
    kind, days, week_of_month = _days(days_text)
    return Hours(kind, days, opens, closes, week_of_month)
