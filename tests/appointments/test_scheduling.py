"""Slot generation in local wall time: time zones, daylight saving, holidays, closures."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from appointments.scheduling import WeeklyRule, slot_times
from checkin_portal.business_days import is_federal_holiday

UTC = datetime.UTC
NEW_YORK = ZoneInfo("America/New_York")
HONOLULU = ZoneInfo("Pacific/Honolulu")
PUERTO_RICO = ZoneInfo("America/Puerto_Rico")
GUAM = ZoneInfo("Pacific/Guam")
TUE_THU = frozenset({1, 2, 3})
EVERY_DAY = frozenset(range(7))


def rule(**overrides) -> WeeklyRule:
    values = {
        "weekdays": TUE_THU,
        "opens": datetime.time(8, 0),
        "closes": datetime.time(15, 0),
        "slot_minutes": 30,
        "capacity": 4,
        "valid_from": datetime.date(2026, 1, 1),
    }
    values.update(overrides)
    return WeeklyRule(**values)


def local_starts(slots, zone):
    return [s.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") for s in slots]


def test_one_day_of_half_hour_slots():
    slots = slot_times(
        rules=[rule()],
        zone=NEW_YORK,
        start=datetime.date(2026, 12, 1),
        end=datetime.date(2026, 12, 1),
    )
    assert len(slots) == 14  # 8:00 ... 14:30
    assert slots[0].starts_at == datetime.datetime(2026, 12, 1, 13, 0, tzinfo=UTC)  # EST = UTC-5
    assert slots[-1].ends_at == datetime.datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    assert all(s.capacity == 4 for s in slots)
    assert all(s.starts_at.tzinfo is UTC for s in slots)


def test_only_rule_weekdays():
    slots = slot_times(
        rules=[rule()],
        zone=NEW_YORK,
        start=datetime.date(2026, 11, 30),
        end=datetime.date(2026, 12, 6),
    )
    weekdays = {s.starts_at.astimezone(NEW_YORK).weekday() for s in slots}
    assert weekdays == {1, 2, 3}


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (datetime.date(2026, 11, 26), "Thanksgiving"),
        (datetime.date(2026, 12, 25), "Christmas"),
        (datetime.date(2027, 1, 1), "New Year"),
        (datetime.date(2026, 7, 3), "Independence Day observed (July 4 is a Saturday)"),
        # Observed in the year before (1 January 2022 was a Saturday): the same calendar
        # as the address-change deadlines (checkin_portal.business_days).
        (datetime.date(2021, 12, 31), "New Year's Day 2022 observed"),
    ],
)
def test_federal_holidays_are_skipped(day, name):
    assert is_federal_holiday(day), name
    slots = slot_times(rules=[rule(weekdays=EVERY_DAY)], zone=NEW_YORK, start=day, end=day)
    assert slots == []


def test_closed_days_are_skipped():
    day = datetime.date(2026, 12, 1)
    slots = slot_times(
        rules=[rule()], zone=NEW_YORK, start=day, end=day, closed_days=frozenset({day})
    )
    assert slots == []


def test_rule_validity_window():
    r = rule(
        weekdays=EVERY_DAY,
        valid_from=datetime.date(2026, 12, 2),
        valid_to=datetime.date(2026, 12, 3),
    )
    slots = slot_times(
        rules=[r], zone=NEW_YORK, start=datetime.date(2026, 12, 1), end=datetime.date(2026, 12, 4)
    )
    days = {s.starts_at.astimezone(NEW_YORK).date() for s in slots}
    assert days == {datetime.date(2026, 12, 2), datetime.date(2026, 12, 3)}


def test_spring_forward_day_keeps_wall_clock_times():
    # 2027-03-14: clocks go from 2:00 to 3:00 in New York. Office hours stay 8:00-15:00 local.
    day = datetime.date(2027, 3, 14)
    slots = slot_times(rules=[rule(weekdays=EVERY_DAY)], zone=NEW_YORK, start=day, end=day)
    assert local_starts(slots, NEW_YORK)[0] == "2027-03-14 08:00 EDT"
    assert slots[0].starts_at == datetime.datetime(2027, 3, 14, 12, 0, tzinfo=UTC)  # UTC-4
    assert len(slots) == 14


def test_spring_forward_gap_is_skipped_for_night_slots():
    day = datetime.date(2027, 3, 14)
    night = rule(
        weekdays=EVERY_DAY, opens=datetime.time(1, 0), closes=datetime.time(4, 0), slot_minutes=60
    )
    slots = slot_times(rules=[night], zone=NEW_YORK, start=day, end=day)
    # 1:00-2:00 exists; 2:00 does not exist; 3:00-4:00 exists.
    assert local_starts(slots, NEW_YORK) == ["2027-03-14 01:00 EST", "2027-03-14 03:00 EDT"]


def test_fall_back_day_has_no_duplicate_slots():
    # 2026-11-01: 1:00-2:00 happens twice in New York.
    day = datetime.date(2026, 11, 1)
    night = rule(
        weekdays=EVERY_DAY, opens=datetime.time(0, 0), closes=datetime.time(3, 0), slot_minutes=30
    )
    slots = slot_times(rules=[night], zone=NEW_YORK, start=day, end=day)
    starts = [s.starts_at for s in slots]
    assert len(starts) == len(set(starts))
    assert all(s.ends_at > s.starts_at for s in slots)
    day_slots = slot_times(rules=[rule(weekdays=EVERY_DAY)], zone=NEW_YORK, start=day, end=day)
    assert local_starts(day_slots, NEW_YORK)[0] == "2026-11-01 08:00 EST"


@pytest.mark.parametrize(
    ("zone", "utc_hour"),
    [(HONOLULU, 18), (PUERTO_RICO, 12), (GUAM, 22)],  # 8:00 local in each
)
def test_zones_without_daylight_saving(zone, utc_hour):
    # Through both mainland change dates the local opening time never moves.
    for day in (datetime.date(2027, 3, 16), datetime.date(2026, 11, 3)):
        slots = slot_times(rules=[rule()], zone=zone, start=day, end=day)
        first = slots[0].starts_at
        assert first.astimezone(zone).time() == datetime.time(8, 0)
        # Guam is UTC+10: 8:00 there is 22:00 UTC the day before.
        expected_day = day - datetime.timedelta(days=1) if zone is GUAM else day
        assert first == datetime.datetime.combine(expected_day, datetime.time(utc_hour), tzinfo=UTC)


def test_overlapping_rules_do_not_duplicate_and_larger_capacity_wins():
    a = rule(capacity=2)
    b = rule(capacity=6, opens=datetime.time(9, 0), closes=datetime.time(10, 0))
    day = datetime.date(2026, 12, 1)
    slots = slot_times(rules=[a, b], zone=NEW_YORK, start=day, end=day)
    assert len(slots) == 14
    by_local = {s.starts_at.astimezone(NEW_YORK).strftime("%H:%M"): s.capacity for s in slots}
    assert by_local["09:00"] == 6
    assert by_local["09:30"] == 6
    assert by_local["10:00"] == 2


def test_a_year_of_slots_is_quick_to_compute_and_sorted():
    slots = slot_times(
        rules=[rule()],
        zone=NEW_YORK,
        start=datetime.date(2027, 1, 1),
        end=datetime.date(2027, 12, 31),
    )
    assert slots == sorted(slots, key=lambda s: s.starts_at)
    assert 140 * 14 < len(slots) < 157 * 14
