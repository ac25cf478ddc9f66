"""Turning weekly opening rules into concrete slot times, correctly across time zones and
daylight-saving changes. Pure functions: no database, easy to test exhaustively.

A slot is defined in the office's local wall time ("Tuesdays 8:00 to 15:00, every 30 minutes")
and stored as an aware UTC instant. On a spring-forward day a local time that does not exist
is skipped; on a fall-back day an ambiguous local time means its first occurrence, so a slot
is never created twice. A slot lasts its length in real time."""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from checkin_portal.business_days import is_federal_holiday

UTC = datetime.UTC


@dataclass(frozen=True)
class WeeklyRule:
    weekdays: frozenset[int]  # Monday = 0 ... Sunday = 6
    opens: datetime.time
    closes: datetime.time
    slot_minutes: int
    capacity: int
    valid_from: datetime.date
    valid_to: datetime.date | None = None
    # None: every week. 1-4: only the first...fourth such weekday of the month. -1: the last.
    week_of_month: int | None = None

    def applies_on(self, day: datetime.date) -> bool:
        return (
            day.weekday() in self.weekdays
            and day >= self.valid_from
            and (self.valid_to is None or day <= self.valid_to)
            and (self.week_of_month is None or week_of_month_matches(day, self.week_of_month))
        )


def week_of_month_matches(day: datetime.date, week: int) -> bool:
    """Whether ``day`` is the ``week``-th of its weekday in its month (-1: the last one)."""
    if week == -1:
        return (day + datetime.timedelta(days=7)).month != day.month
    return (day.day - 1) // 7 + 1 == week


@dataclass(frozen=True)
class SlotTime:
    starts_at: datetime.datetime  # aware, UTC
    ends_at: datetime.datetime  # aware, UTC
    capacity: int


def _local_instant(day: datetime.date, at: datetime.time, zone: ZoneInfo):
    """The UTC instant of a local wall time, or None if that wall time does not exist."""
    naive = datetime.datetime.combine(day, at)
    aware = naive.replace(tzinfo=zone, fold=0)
    as_utc = aware.astimezone(UTC)
    if as_utc.astimezone(zone).replace(tzinfo=None) != naive:
        return None  # skipped by a spring-forward change
    return as_utc


def days_between(start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
    day = start
    while day <= end:
        yield day
        day += datetime.timedelta(days=1)


def slot_times(
    *,
    rules: Iterable[WeeklyRule],
    zone: ZoneInfo,
    start: datetime.date,
    end: datetime.date,
    closed_days: frozenset[datetime.date] = frozenset(),
) -> list[SlotTime]:
    """Every slot the rules produce from ``start`` to ``end`` (inclusive, local dates),
    skipping closed days and US federal holidays, sorted by start time, without duplicates
    (when two rules produce the same start, the larger capacity wins)."""
    by_start: dict[datetime.datetime, SlotTime] = {}
    rules = list(rules)
    for day in days_between(start, end):
        if day in closed_days or is_federal_holiday(day):
            continue
        for rule in rules:
            if not rule.applies_on(day):
                continue
            step = datetime.timedelta(minutes=rule.slot_minutes)
            local = datetime.datetime.combine(day, rule.opens)
            last_start = datetime.datetime.combine(day, rule.closes) - step
            while local <= last_start:
                starts_at = _local_instant(day, local.time(), zone)
                if starts_at is not None:
                    # A slot lasts its length in real time, even across a clock change.
                    ends_at = starts_at + step
                    current = by_start.get(starts_at)
                    if current is None or current.capacity < rule.capacity:
                        by_start[starts_at] = SlotTime(starts_at, ends_at, rule.capacity)
                local += step
    return [by_start[key] for key in sorted(by_start)]
