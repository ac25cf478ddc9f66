"""Reads for the staff capacity page: where the waits are longest, and per office the open
seats against bookings week by week, no-shows and the waiting list. A fixed number of
queries whatever the number of offices (one per figure, grouped by office).

The waiting list's figures come from its own models (``WaitlistEntry``, ``Offer``, see
appointments/waitlist/); they read as 0 where those models are not installed."""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, F, Q, Sum

from checkin_portal import clock

from ..availability import local_day_bounds, office_zone
from ..models import Appointment, AppointmentStatus, Slot
from ..selectors import offices_with_soonest

WEEKS = 12
# No-show rate and offers: over the last WEEKS weeks.
LOOKBACK = datetime.timedelta(weeks=WEEKS)


def _waitlist_model(name: str):
    try:
        return apps.get_model("appointments", name)
    except LookupError:
        return None


@dataclass
class WeekRow:
    starts_on: datetime.date  # the office's local date
    capacity: int = 0  # seats in times that can be booked
    booked: int = 0  # people booked (and seats held by an offer)

    @property
    def open(self) -> int:
        return max(self.capacity - self.booked, 0)

    @property
    def ends_on(self) -> datetime.date:
        return self.starts_on + datetime.timedelta(days=6)


@dataclass
class OfficeFigures:
    office: object
    soonest: datetime.datetime | None  # aware, in the office's zone; None: nothing open
    days_to_soonest: int | None
    open_seats: int = 0  # the next WEEKS weeks
    booked: int = 0  # the next WEEKS weeks
    checked_in: int = 0  # the last WEEKS weeks
    no_show: int = 0  # the last WEEKS weeks
    waiting: int = 0  # open waiting-list entries that asked for this office
    offers_accepted: int = 0  # the last WEEKS weeks
    offers_expired: int = 0  # the last WEEKS weeks
    weeks: list[WeekRow] = field(default_factory=list)

    @property
    def no_show_rate(self) -> float | None:
        """Share of people who did not come, of those marked (checked in or not come)."""
        marked = self.checked_in + self.no_show
        return self.no_show / marked if marked else None

    @property
    def no_show_percent(self) -> int | None:
        rate = self.no_show_rate
        return None if rate is None else round(rate * 100)

    @property
    def wait_sort_key(self):
        # Longest wait first: nothing open online at all is the longest.
        return (
            0 if self.days_to_soonest is None else 1,
            -(self.days_to_soonest or 0),
            self.office.code,
        )


def _days_until(moment: datetime.datetime | None, zone) -> int | None:
    if moment is None:
        return None
    return (moment.astimezone(zone).date() - clock.today_in(zone)).days


def offices_figures(*, office_ids) -> list[OfficeFigures]:
    """The offices ``office_ids`` with their figures, longest wait first. Five queries
    whatever the number of offices."""
    now = clock.now()
    horizon = now + datetime.timedelta(weeks=WEEKS)
    ids = list(office_ids)
    figures = {}
    for office in offices_with_soonest(office_ids=ids):
        zone = office_zone(office)
        soonest = office.soonest_starts_at.astimezone(zone) if office.soonest_starts_at else None
        figures[office.pk] = OfficeFigures(
            office=office, soonest=soonest, days_to_soonest=_days_until(soonest, zone)
        )
    seats = (
        Slot.objects.filter(office_id__in=ids, starts_at__gte=now, starts_at__lt=horizon)
        .values("office_id")
        .annotate(
            capacity=Sum("capacity", filter=Q(is_blocked=False)),
            booked_open=Sum("booked", filter=Q(is_blocked=False)),
            booked=Sum("booked"),
        )
    )
    for row in seats:
        each = figures[row["office_id"]]
        each.open_seats = max((row["capacity"] or 0) - (row["booked_open"] or 0), 0)
        each.booked = row["booked"] or 0
    marks = (
        Appointment.objects.filter(
            slot__office_id__in=ids,
            slot__starts_at__gte=now - LOOKBACK,
            slot__starts_at__lt=now,
            status__in=[AppointmentStatus.CHECKED_IN, AppointmentStatus.NO_SHOW],
        )
        .values("slot__office_id", "status")
        .annotate(n=Count("pk"))
    )
    for row in marks:
        each = figures[row["slot__office_id"]]
        if row["status"] == AppointmentStatus.CHECKED_IN:
            each.checked_in = row["n"]
        else:
            each.no_show = row["n"]
    _add_waitlist(figures, ids, since=now - LOOKBACK)
    return sorted(figures.values(), key=lambda each: each.wait_sort_key)


def _add_waitlist(figures: dict, ids: list[int], *, since: datetime.datetime) -> None:
    entry_model, offer_model = _waitlist_model("WaitlistEntry"), _waitlist_model("Offer")
    if entry_model is not None:
        waiting = (
            entry_model.objects.filter(ended_at__isnull=True, offices__in=ids)
            .values(office_id=F("offices"))
            .annotate(n=Count("pk", distinct=True))
        )
        for row in waiting:
            figures[row["office_id"]].waiting = row["n"]
    if offer_model is not None:
        offers = (
            offer_model.objects.filter(
                slot__office_id__in=ids, created_at__gte=since, state__in=["accepted", "expired"]
            )
            .values("slot__office_id", "state")
            .annotate(n=Count("pk"))
        )
        for row in offers:
            each = figures[row["slot__office_id"]]
            if row["state"] == "accepted":
                each.offers_accepted = row["n"]
            else:
                each.offers_expired = row["n"]


def office_figures(*, office) -> OfficeFigures:
    """One office's figures and its next WEEKS weeks, week by week (from today in its
    zone). Six queries."""
    (figures,) = offices_figures(office_ids=[office.pk])
    zone = office_zone(office)
    today = clock.today_in(zone)
    weeks = [WeekRow(starts_on=today + datetime.timedelta(weeks=k)) for k in range(WEEKS)]
    start, _ = local_day_bounds(today, zone)
    _, end = local_day_bounds(weeks[-1].ends_on, zone)
    rows = Slot.objects.filter(office=office, starts_at__gte=start, starts_at__lt=end).values_list(
        "starts_at", "capacity", "booked", "is_blocked"
    )
    now = clock.now()
    for starts_at, capacity, booked, blocked in rows:
        week = weeks[(starts_at.astimezone(zone).date() - today).days // 7]
        week.booked += booked
        # A blocked or past time has no open seat: its capacity is only what is booked.
        week.capacity += booked if blocked or starts_at <= now else capacity
    figures.weeks = weeks
    return figures
