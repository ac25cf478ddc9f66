"""One holiday calendar: US federal holidays as observed, and business days.

The slot schedule (``appointments.scheduling``: no slots on a holiday), the address-change
deadlines (``addresses.deadlines``: "within 5 business days") and the demo data read the
same calendar from here.

* A **business day** (the guidance also says "working day") is Monday to Friday, except
  US federal holidays **as observed** by federal offices (``holidays.US()``, which moves a
  holiday that falls on a Saturday to the Friday before and one on a Sunday to the Monday
  after; e.g. Saturday 4 July 2026 is observed on Friday 3 July, Saturday 1 January 2022 on
  Friday 31 December 2021).

Holidays are looked up once per year per process (``functools.cache``): the package builds
a year's list in about a millisecond, and nothing here touches the database.
"""

import datetime
import functools

import holidays
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The federal holidays' names, in our own catalogue (the holidays package has no Spanish).
_HOLIDAY_NAMES: dict[str, Promise] = {
    "New Year's Day": _("New Year's Day"),
    "Martin Luther King Jr. Day": _("Martin Luther King Jr. Day"),
    "Washington's Birthday": _("Washington's Birthday (Presidents' Day)"),
    "Inauguration Day": _("Inauguration Day"),
    "Memorial Day": _("Memorial Day"),
    "Juneteenth National Independence Day": _("Juneteenth"),
    "Independence Day": _("Independence Day (Fourth of July)"),
    "Labor Day": _("Labor Day"),
    "Columbus Day": _("Columbus Day"),
    "Veterans Day": _("Veterans Day"),
    "Thanksgiving Day": _("Thanksgiving Day"),
    "Christmas Day": _("Christmas Day"),
}
_OBSERVED_SUFFIX = " (observed)"


@functools.cache
def federal_holidays(year: int) -> dict[datetime.date, str]:
    """US federal holidays as observed in ``year`` (English names from the package).

    Built from the neighbouring years too, so an observed date that crosses the new year
    (1 January on a Saturday → Friday 31 December) belongs to the year it falls in."""
    table = holidays.US(years=(year - 1, year, year + 1), observed=True)
    return {day: name for day, name in table.items() if day.year == year}


def holiday_on(day: datetime.date) -> tuple[str, bool] | None:
    """(translated holiday name, observed?) for the federal holiday on ``day``, if any.
    ``observed`` is True when ``day`` is the weekday off given for a weekend holiday."""
    english = federal_holidays(day.year).get(day)
    if english is None:
        return None
    # The package may join two names with "; " (rare); use the first one.
    english = english.split("; ")[0]
    observed = english.endswith(_OBSERVED_SUFFIX)
    if observed:
        english = english[: -len(_OBSERVED_SUFFIX)]
    return str(_HOLIDAY_NAMES.get(english, english)), observed


def is_federal_holiday(day: datetime.date) -> bool:
    """Whether federal offices are closed for a holiday on ``day`` (observed dates too)."""
    return day in federal_holidays(day.year)


def is_business_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and not is_federal_holiday(day)


def day_off_reason(day: datetime.date) -> str | None:
    """Why ``day`` is not a business day, in plain words, or None when it is one."""
    if day.weekday() == 5:
        return str(pgettext_lazy("day off", "a Saturday"))
    if day.weekday() == 6:
        return str(pgettext_lazy("day off", "a Sunday"))
    holiday = holiday_on(day)
    if holiday is None:
        return None
    name, observed = holiday
    if observed:
        return str(_("a federal day off (for %(holiday)s)") % {"holiday": name})
    return str(_("a federal holiday (%(holiday)s)") % {"holiday": name})


def next_business_day(day: datetime.date) -> datetime.date:
    """The first business day strictly after ``day``."""
    day += datetime.timedelta(days=1)
    while not is_business_day(day):
        day += datetime.timedelta(days=1)
    return day


def add_business_days(start: datetime.date, count: int) -> datetime.date:
    """The ``count``-th business day after ``start`` (``start`` itself never counts)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    day = start
    for _step in range(count):
        day = next_business_day(day)
    return day
