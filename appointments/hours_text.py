"""Read an office's published check-in hours ("Tuesday-Thursday, 8 a.m.-3 p.m.") as opening
rules. Used to seed schedules from the real office list; staff then adjust them in admin.

Understands day ranges (Monday-Friday), lists (Tuesday and Thursday; Tuesday, Wednesday,
Thursday), single days, monthly patterns (1st Tuesday of each month, Last Tuesday of each
month) and 12-hour times with or without minutes. Anything else is refused with a reason."""

import datetime
import re
from dataclasses import dataclass

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "last": -1}
_TIME = r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?"
_RANGE = re.compile(rf"{_TIME}\s*-\s*{_TIME}\s*$")
_MONTHLY = re.compile(
    r"^(1st|2nd|3rd|4th|first|second|third|last)\s+(\w+)\s+of\s+(?:the|each)\s+month$"
)


@dataclass(frozen=True)
class ParsedHours:
    weekdays: frozenset[int]
    opens: datetime.time
    closes: datetime.time
    week_of_month: int | None = None


class HoursNotUnderstood(ValueError):
    pass


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


def _days(text: str) -> tuple[frozenset[int], int | None]:
    text = text.strip().lower()
    if not text:
        raise HoursNotUnderstood("no days given")
    monthly = _MONTHLY.match(text)
    if monthly:
        return frozenset({_day(monthly.group(2))}), ORDINALS[monthly.group(1)]
    if "-" in text:
        first, _, last = text.partition("-")
        a, b = _day(first), _day(last)
        if b < a:
            raise HoursNotUnderstood(f"backwards day range: {text!r}")
        return frozenset(range(a, b + 1)), None
    parts = re.split(r",|\band\b", text)
    return frozenset(_day(p) for p in parts if p.strip()), None


def parse_hours(text: str) -> ParsedHours:
    cleaned = text.replace("\u2013", "-").replace("\u2014", "-").strip()
    match = _RANGE.search(cleaned)
    if not match:
        raise HoursNotUnderstood("no time range such as 8 a.m.-3 p.m.")
    days_text = cleaned[: match.start()].strip().rstrip(",").strip()
    weekdays, week_of_month = _days(days_text)
    opens = _clock(*match.group(1, 2, 3))
    closes = _clock(*match.group(4, 5, 6))
    if closes <= opens:
        raise HoursNotUnderstood("closing time is not after opening time")
    return ParsedHours(weekdays, opens, closes, week_of_month)
