"""Deadlines: business days skip weekends and observed US federal holidays; the AR-11's
10 days are calendar days. Every expected date below was checked against a calendar."""

import datetime

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from addresses.deadlines import DayKind, DeadlineRule, deadline_for
from checkin_portal.business_days import (
    add_business_days,
    day_off_reason,
    federal_holidays,
    is_business_day,
)

D = datetime.date.fromisoformat
FIVE_BUSINESS = DeadlineRule(5, DayKind.BUSINESS)
TEN_CALENDAR = DeadlineRule(10, DayKind.CALENDAR)


@pytest.mark.parametrize(
    ("moved", "due", "why"),
    [
        # An ordinary week: Monday → next Monday.
        ("2025-03-03", "2025-03-10", "Monday: five weekdays later"),
        # Friday, Saturday and Sunday all give the following Friday.
        ("2025-03-07", "2025-03-14", "Friday: the weekend is skipped"),
        ("2025-03-08", "2025-03-14", "Saturday: counting starts Monday"),
        ("2025-03-09", "2025-03-14", "Sunday: counting starts Monday"),
        # Thanksgiving (Thursday 27 November 2025) is skipped.
        ("2025-11-24", "2025-12-02", "Thanksgiving inside the five days"),
        ("2025-11-26", "2025-12-04", "the day before Thanksgiving"),
        ("2025-11-27", "2025-12-04", "moved on Thanksgiving"),
        ("2024-11-28", "2024-12-05", "moved on Thanksgiving 2024"),
        # Christmas and New Year (both Thursdays in 2025/2026) are skipped; year boundary.
        ("2025-12-22", "2025-12-30", "Christmas inside the five days"),
        ("2025-12-24", "2026-01-02", "Christmas and New Year inside the five days"),
        ("2025-12-25", "2026-01-02", "moved on Christmas"),
        ("2025-12-29", "2026-01-06", "New Year inside the five days"),
        ("2025-12-31", "2026-01-08", "moved on New Year's Eve"),
        ("2026-01-01", "2026-01-08", "moved on New Year's Day"),
        # 1 January 2022 was a Saturday: observed on Friday 31 December 2021.
        ("2021-12-27", "2022-01-04", "the observed New Year's Day (31 Dec) is skipped"),
        ("2021-12-31", "2022-01-07", "moved on the observed New Year's Day"),
        ("2022-01-01", "2022-01-07", "moved on New Year's Day, a Saturday"),
        # 4 July 2026 is a Saturday: observed on Friday 3 July.
        ("2026-06-29", "2026-07-07", "the observed Fourth of July is skipped"),
        ("2026-07-03", "2026-07-10", "moved on the observed Fourth of July"),
    ],
)
def test_five_business_days(moved, due, why):
    assert deadline_for(D(moved), FIVE_BUSINESS).due == D(due), why


def test_move_on_a_weekday_needs_no_explanation():
    deadline = deadline_for(D("2025-03-05"), FIVE_BUSINESS)
    assert deadline.move_day_off is None
    assert deadline.first_counted_day == D("2025-03-06")


@pytest.mark.parametrize(
    ("moved", "first_counted", "reason_en", "reason_es"),
    [
        ("2025-03-08", "2025-03-10", "a Saturday", "un sábado"),
        ("2025-03-09", "2025-03-10", "a Sunday", "un domingo"),
        (
            "2025-12-25",
            "2025-12-26",
            "a federal holiday (Christmas Day)",
            "un día festivo federal (Navidad)",
        ),
        (
            "2025-11-27",
            "2025-11-28",
            "a federal holiday (Thanksgiving Day)",
            "un día festivo federal (Día de Acción de Gracias)",
        ),
        (
            "2026-07-03",
            "2026-07-06",
            "a federal day off (for Independence Day (Fourth of July))",
            "un día libre federal (por el Día de la Independencia (4 de julio))",
        ),
    ],
)
def test_move_on_a_day_off_is_explained_in_the_readers_language(
    moved, first_counted, reason_en, reason_es
):
    deadline = deadline_for(D(moved), FIVE_BUSINESS)
    assert deadline.first_counted_day == D(first_counted)
    assert deadline.move_day_off == reason_en
    with translation.override("es"):
        assert deadline_for(D(moved), FIVE_BUSINESS).move_day_off == reason_es


@pytest.mark.parametrize(
    ("moved", "due"),
    [
        ("2025-03-03", "2025-03-13"),
        # Calendar days: a due date on a Saturday or on Christmas is NOT moved.
        ("2025-03-05", "2025-03-15"),  # Saturday
        ("2025-12-15", "2025-12-25"),  # Christmas Day
        ("2025-12-25", "2026-01-04"),  # Sunday, across the new year
        ("2024-02-25", "2024-03-06"),  # leap year
    ],
)
def test_ar11_ten_days_are_calendar_days(moved, due):
    deadline = deadline_for(D(moved), TEN_CALENDAR)
    assert deadline.due == D(due)
    assert deadline.move_day_off is None  # nothing to explain: every day counts


def test_federal_holidays_are_the_observed_ones():
    days_2026 = federal_holidays(2026)
    assert D("2026-07-03") in days_2026  # observed
    assert D("2026-07-04") in days_2026  # the Saturday itself (a weekend anyway)
    assert D("2021-12-31") in federal_holidays(2021)
    assert D("2021-12-31") not in federal_holidays(2022)
    assert len([d for d in days_2026 if d.weekday() < 5]) == 11
    # Not federal holidays: the day after Thanksgiving, Christmas Eve.
    assert is_business_day(D("2025-11-28"))
    assert is_business_day(D("2025-12-24"))
    assert not is_business_day(D("2025-01-20"))  # Martin Luther King Jr. Day
    assert not is_business_day(D("2025-06-19"))  # Juneteenth


def test_day_off_reason_is_none_on_business_days():
    assert day_off_reason(D("2025-03-05")) is None


def test_rules_reject_nonsense():
    with pytest.raises(ValueError):
        DeadlineRule(0, DayKind.BUSINESS)
    with pytest.raises(ValueError):
        add_business_days(D("2025-03-05"), 0)


dates = st.dates(min_value=D("2000-01-01"), max_value=D("2060-12-31"))


@settings(max_examples=300, deadline=None)
@given(moved=dates, days=st.integers(min_value=1, max_value=15))
def test_business_due_date_is_a_business_day_after_exactly_n_business_days(moved, days):
    due = deadline_for(moved, DeadlineRule(days, DayKind.BUSINESS)).due
    assert due > moved
    assert due.weekday() < 5
    assert due not in federal_holidays(due.year)
    between = [
        moved + datetime.timedelta(days=offset) for offset in range(1, (due - moved).days + 1)
    ]
    assert sum(is_business_day(day) for day in between) == days
    # Weekends and holidays never stretch the count unreasonably.
    assert (due - moved).days <= days * 2 + 4


@settings(max_examples=300, deadline=None)
@given(first=dates, gap=st.integers(min_value=0, max_value=40))
def test_due_date_is_monotonic_in_the_move_date(first, gap):
    later = first + datetime.timedelta(days=gap)
    for rule in (FIVE_BUSINESS, TEN_CALENDAR):
        assert deadline_for(first, rule).due <= deadline_for(later, rule).due
