"""The one reader of published hours (offices/hours.py): opening rules for the demo and the
hours written in every language both come from it."""

import datetime

import pytest

from appointments.scheduling import week_of_month_matches
from offices.hours import Hours, HoursNotUnderstood, parse_hours

T = datetime.time
MON_FRI = frozenset(range(5))


@pytest.mark.parametrize(
    ("text", "weekdays", "opens", "closes", "week"),
    [
        ("Monday-Friday, 8 a.m.-3 p.m.", MON_FRI, T(8), T(15), None),
        ("Monday\u2013Friday, 8 a.m.\u20133:30 p.m.", MON_FRI, T(8), T(15, 30), None),
        ("Tuesday-Thursday, 8:30 a.m.-2:30 p.m.", {1, 2, 3}, T(8, 30), T(14, 30), None),
        ("Tuesday and Thursday, 9 a.m.-1 p.m.", {1, 3}, T(9), T(13), None),
        ("Tuesday and Thursday 8 a.m.-12 p.m.", {1, 3}, T(8), T(12), None),
        ("Tuesday, Wednesday, Thursday, 8 a.m.-12 p.m.", {1, 2, 3}, T(8), T(12), None),
        ("Tuesday, Thursday, Friday, 8 a.m.-3 p.m.", {1, 3, 4}, T(8), T(15), None),
        ("Wednesday, 10 a.m.-2 p.m.", {2}, T(10), T(14), None),
        ("Monday-Saturday, 8 a.m.-4 p.m.", set(range(6)), T(8), T(16), None),
        ("Monday-Thursday, 8 a.m. -3 p.m.", {0, 1, 2, 3}, T(8), T(15), None),
        ("Monday-Friday, 6:30 a.m.-2 p.m.", MON_FRI, T(6, 30), T(14), None),
        ("Wednesday and Thursday, 12 p.m.-3 p.m.", {2, 3}, T(12), T(15), None),
        ("1st Tuesday of the month, 9 a.m.-12 p.m.", {1}, T(9), T(12), 1),
        ("1st Tuesday of each month, 7:30 a.m.-11:30 a.m.", {1}, T(7, 30), T(11, 30), 1),
        ("3rd Thursday of each month, 9 a.m.-12 p.m.", {3}, T(9), T(12), 3),
        ("Last Tuesday of each month, 8 a.m.-3 p.m.", {1}, T(8), T(15), -1),
        ("1st Monday of each month, 8 a.m. -12 p.m.", {0}, T(8), T(12), 1),
    ],
)
def test_published_hours_are_read(text, weekdays, opens, closes, week):
    parsed = parse_hours(text)
    assert parsed.weekdays == frozenset(weekdays)
    assert (parsed.opens, parsed.closes, parsed.week_of_month) == (opens, closes, week)


def test_the_shape_is_kept_for_writing_the_hours_out():
    assert parse_hours("Monday-Friday, 8 a.m.-3 p.m.") == Hours("range", (0, 4), T(8), T(15))
    assert parse_hours("Tuesday and Thursday 8 a.m.-12 p.m.") == Hours("list", (1, 3), T(8), T(12))
    assert parse_hours("Last Tuesday of each month, 7:30 a.m.-11:30 a.m.") == Hours(
        "monthly", (1,), T(7, 30), T(11, 30), -1
    )
    assert parse_hours("8 a.m.-12 p.m.", days_optional=True) == Hours("times_only", (), T(8), T(12))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Tuesday-Tuesday, 8 a.m.-3 p.m.",
        "8 a.m.-12 p.m.",
        "By appointment only",
        "Funday, 8 a.m.-3 p.m.",
        "Monday, 3 p.m.-8 a.m.",
        "Friday-Monday, 8 a.m.-3 p.m.",
        "Monday, 13 p.m.-3 p.m.",
    ],
)
def test_unclear_hours_are_refused_with_a_reason(text):
    with pytest.raises(HoursNotUnderstood):
        parse_hours(text)


def test_every_published_hours_value_in_the_office_list_is_read_or_reported():
    import csv
    from pathlib import Path

    from django.conf import settings

    data = Path(settings.BASE_DIR) / "offices" / "data" / "offices.csv"
    refused = []
    with data.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    column = next(c for c in rows[0] if "hours" in c)
    for row in rows:
        if row[column].strip():
            try:
                parse_hours(row[column])
            except HoursNotUnderstood:
                refused.append(row[column])
    assert refused == ["8 a.m.-12 p.m."]  # no days given: staff must say which


@pytest.mark.parametrize(
    ("day", "week", "expected"),
    [
        (datetime.date(2026, 12, 1), 1, True),  # first Tuesday
        (datetime.date(2026, 12, 8), 1, False),
        (datetime.date(2026, 12, 15), 3, True),
        (datetime.date(2026, 12, 29), -1, True),  # last Tuesday
        (datetime.date(2026, 12, 22), -1, False),
    ],
)
def test_week_of_month(day, week, expected):
    assert week_of_month_matches(day, week) is expected
