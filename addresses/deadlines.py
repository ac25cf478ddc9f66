"""When each agency must have the new address: business days and calendar days.

Rules (tested in tests/addresses/test_deadlines.py):

* A **business day** (the guidance also says "working day") is Monday to Friday, except
  US federal holidays **as observed** by federal offices (``holidays.US()``, which moves a
  holiday that falls on a Saturday to the Friday before and one on a Sunday to the Monday
  after; e.g. Saturday 4 July 2026 is observed on Friday 3 July, Saturday 1 January 2022 on
  Friday 31 December 2021).
* "Within N business days of moving": the move date itself never counts. Day 1 is the
  first business day **after** the move date, and the due date is the N-th business day.
  A move on a Saturday, a Sunday or a holiday therefore starts the count on the next
  business day; the result says so (``Deadline.move_day_off``) so the page can explain it.
  Friday and the weekend after it give the same due date.
* "Within N days" (USCIS, Form AR-11): **calendar days** (8 U.S.C. 1305 counts days, not
  business days): due = move date + N, and a due date on a weekend or a holiday is *not*
  moved. The AR-11 can be sent online on any day, and the guidance asks people to finish
  everything within 5 business days anyway.

Business days and federal holidays come from the one calendar, ``checkin_portal.business_days``.
"""

import datetime
import enum
from dataclasses import dataclass

from checkin_portal.business_days import add_business_days, day_off_reason, next_business_day


class DayKind(enum.StrEnum):
    BUSINESS = "business"
    CALENDAR = "calendar"


@dataclass(frozen=True)
class DeadlineRule:
    days: int
    kind: DayKind

    def __post_init__(self) -> None:
        if self.days < 1:
            raise ValueError("A deadline is at least one day after the move.")


@dataclass(frozen=True)
class Deadline:
    rule: DeadlineRule
    move_date: datetime.date
    due: datetime.date
    # The first day that counts (business rule) or the day after the move (calendar rule).
    first_counted_day: datetime.date
    # Why the move date is not a business day ("a Saturday", "a federal holiday (…)"),
    # only for business-day rules; None when the move date is a business day.
    move_day_off: str | None


def deadline_for(move_date: datetime.date, rule: DeadlineRule) -> Deadline:
    if rule.kind == DayKind.CALENDAR:
        return Deadline(
            rule=rule,
            move_date=move_date,
            due=move_date + datetime.timedelta(days=rule.days),
            first_counted_day=move_date + datetime.timedelta(days=1),
            move_day_off=None,
        )
    return Deadline(
        rule=rule,
        move_date=move_date,
        due=add_business_days(move_date, rule.days),
        first_counted_day=next_business_day(move_date),
        move_day_off=day_off_reason(move_date),
    )
