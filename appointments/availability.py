"""Writes that shape availability: turning opening rules into slots, and closing days.

``slots_generate`` is idempotent and never touches a slot someone has booked (or ever
booked: slots with appointment history are kept). ``closure_apply`` blocks the closed days'
slots and cancels their appointments through the lifecycle (lifecycle.py); the people
affected who left a contact are told after the transaction commits."""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext

from checkin_portal import clock
from checkin_portal.business_days import is_federal_holiday

from .models import Appointment, AppointmentStatus, Closure, ScheduleRule, Slot
from .scheduling import WeeklyRule, days_between, slot_times
from .weekdays import weekdays_from_mask, weekdays_to_mask


def office_zone(office) -> zoneinfo.ZoneInfo:
    return office.zone or zoneinfo.ZoneInfo(settings.TIME_ZONE)


def local_day_bounds(day: datetime.date, zone) -> tuple[datetime.datetime, datetime.datetime]:
    """[start, end) of a local calendar day as aware UTC instants (23 or 25 hours on DST days)."""
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)


def _weekly_rule(rule: ScheduleRule) -> WeeklyRule:
    return WeeklyRule(
        weekdays=frozenset(weekdays_from_mask(rule.weekdays)),
        opens=rule.opens,
        closes=rule.closes,
        slot_minutes=rule.slot_minutes,
        capacity=rule.capacity,
        valid_from=rule.valid_from,
        valid_to=rule.valid_to,
        week_of_month=rule.week_of_month,
    )


def _weekly_rules(office) -> list[WeeklyRule]:
    return [_weekly_rule(rule) for rule in ScheduleRule.objects.filter(office=office)]


def closed_days_for(office, start: datetime.date, end: datetime.date) -> frozenset[datetime.date]:
    closures = Closure.objects.filter(
        Q(office=office) | Q(office__isnull=True), starts_on__lte=end, ends_on__gte=start
    )
    days: set[datetime.date] = set()
    for closure in closures:
        days.update(days_between(max(closure.starts_on, start), min(closure.ends_on, end)))
    return frozenset(days)


@dataclass
class GenerationReport:
    office_code: str
    created: int = 0
    updated: int = 0
    removed: int = 0
    kept_booked: int = 0
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.office_code}: {self.created} created, {self.updated} capacity updated, "
            f"{self.removed} removed, {self.kept_booked} booked kept"
        )


def slots_generate(
    *, office, start: datetime.date | None = None, days: int | None = None
) -> GenerationReport:
    """Make the office's slots match its rules from ``start`` (default: today in the office's
    zone) for ``days`` days (default ``SLOT_HORIZON_DAYS``).

    Creates missing slots; updates the capacity of unbooked ones; removes unbooked, unblocked
    slots the rules no longer produce (and that no appointment ever used). Booked and blocked
    slots are left exactly as they are."""
    zone = office_zone(office)
    start = start or clock.today_in(zone)
    end = start + datetime.timedelta(days=(days or settings.SLOT_HORIZON_DAYS) - 1)
    wanted = slot_times(
        rules=_weekly_rules(office),
        zone=zone,
        start=start,
        end=end,
        closed_days=closed_days_for(office, start, end),
    )
    wanted_by_start = {t.starts_at: t for t in wanted}
    window_start, _ = local_day_bounds(start, zone)
    _, window_end = local_day_bounds(end, zone)
    report = GenerationReport(office_code=office.code)

    with transaction.atomic():
        window = Slot.objects.select_for_update().filter(
            office=office, starts_at__gte=window_start, starts_at__lt=window_end
        )
        existing = {
            row["starts_at"]: row
            for row in window.values("pk", "starts_at", "capacity", "booked", "is_blocked")
        }
        used = set(
            Appointment.objects.filter(slot__in=window).values_list("slot_id", flat=True).distinct()
        )
        to_create = [
            Slot(office=office, starts_at=t.starts_at, ends_at=t.ends_at, capacity=t.capacity)
            for t in wanted
            if t.starts_at not in existing
        ]
        Slot.objects.bulk_create(to_create, batch_size=1000, ignore_conflicts=True)
        report.created = len(to_create)

        stale_ids = []
        for starts_at, row in existing.items():
            if row["booked"] or row["pk"] in used:
                report.kept_booked += 1
                continue
            target = wanted_by_start.get(starts_at)
            if target is None:
                if not row["is_blocked"]:
                    stale_ids.append(row["pk"])
            elif target.capacity != row["capacity"]:
                Slot.objects.filter(pk=row["pk"], booked=0).update(capacity=target.capacity)
                report.updated += 1
        if stale_ids:
            report.removed, _ = Slot.objects.filter(pk__in=stale_ids, booked=0).delete()
    return report


@dataclass
class ClosureReport:
    blocked_slots: int
    cancelled: list[int]  # appointment ids
    told: int = 0  # of them, how many had a contact the message was queued to

    @property
    def not_told(self) -> int:
        return len(self.cancelled) - self.told


def closure_apply(*, closure: Closure) -> ClosureReport:
    """Block every slot on the closed days and cancel the appointments there through the
    lifecycle ("cancelled by the office": seat, state, history, message after the commit).
    Idempotent."""
    # The lifecycle builds on availability (office zones), so it is reached lazily here.
    from .lifecycle import appointment_cancel_by_office

    offices = [closure.office] if closure.office_id else None
    with transaction.atomic():
        slot_filter = Q()
        if offices is None:
            from offices.models import Office

            offices = list(Office.objects.all())
        for office in offices:
            zone = office_zone(office)
            first, _ = local_day_bounds(closure.starts_on, zone)
            _, last = local_day_bounds(closure.ends_on, zone)
            slot_filter |= Q(office=office, starts_at__gte=first, starts_at__lt=last)
        slots = Slot.objects.filter(slot_filter)
        booked_there = Appointment.objects.filter(
            slot__in=slots, status=AppointmentStatus.BOOKED
        ).order_by("pk")
        # Lock in the booking path's order (person, then slot), so a person moving out of
        # a closing time at this moment waits instead of deadlocking with the closure.
        subject_ids = sorted(set(booked_there.values_list("subject_id", flat=True)))
        list(
            Appointment.subject.field.related_model.objects.select_for_update()
            .filter(pk__in=subject_ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        blocked = slots.update(is_blocked=True)
        affected = list(booked_there.values_list("pk", flat=True))
        told = sum(
            appointment_cancel_by_office(appointment_id=pk, closure=closure) for pk in affected
        )
    return ClosureReport(blocked_slots=blocked, cancelled=affected, told=told)


class ExtraSessionRefused(ValueError):
    """An extra session that cannot be added; ``message`` says why, for staff."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class ExtraSessionReport:
    rule: ScheduleRule
    slot_ids: list[int]


def extra_session_add(
    *,
    office,
    day: datetime.date,
    opens: datetime.time,
    closes: datetime.time,
    slot_minutes: int,
    capacity: int,
) -> ExtraSessionReport:
    """A one-off session at ``office`` on ``day`` (local times): a one-day opening rule, so
    that ``slots_generate`` makes its times now and keeps them later; then the office's
    waiting list is offered the new seats first (``waitlist.services.seats_opened``, after
    the commit), and whatever nobody takes stays open to everyone.

    Refused (``ExtraSessionRefused``, nothing written) on a closed day, a federal holiday,
    a time already past, or times that overlap the office's existing ones."""
    # The policy and the waiting list build on this module: reached lazily.
    from .policy import booking_cutoff
    from .waitlist.services import seats_opened

    zone = office_zone(office)
    if day in closed_days_for(office, day, day):
        raise ExtraSessionRefused(gettext("The office is closed on that day."))
    if is_federal_holiday(day):
        raise ExtraSessionRefused(gettext("That day is a federal holiday."))
    rule = ScheduleRule(
        office=office,
        weekdays=weekdays_to_mask([day.weekday()]),
        opens=opens,
        closes=closes,
        slot_minutes=slot_minutes,
        capacity=capacity,
        valid_from=day,
        valid_to=day,
    )
    wanted = slot_times(rules=[_weekly_rule(rule)], zone=zone, start=day, end=day)
    if not wanted:
        raise ExtraSessionRefused(gettext("No appointment fits between these times."))
    if wanted[0].starts_at <= booking_cutoff():
        raise ExtraSessionRefused(gettext("The session must start later than that."))
    with transaction.atomic():
        overlapping = Slot.objects.select_for_update().filter(
            office=office,
            starts_at__lt=wanted[-1].ends_at,
            ends_at__gt=wanted[0].starts_at,
        )
        if overlapping.exists():
            raise ExtraSessionRefused(
                gettext("The office already has times then. Change their capacity instead.")
            )
        rule.save()
        slots_generate(office=office, start=day, days=1)
        slot_ids = list(
            Slot.objects.filter(
                office=office,
                starts_at__in=[t.starts_at for t in wanted],
                is_blocked=False,
            )
            .order_by("starts_at")
            .values_list("pk", flat=True)
        )
        # The waiting list first: only offers may take these seats for a while (when
        # anyone waits here), then everyone may; the engine runs after the commit.
        _keep_for_waiting_list(office, slot_ids)
        seats_opened(slot_ids=slot_ids, office_id=office.pk)
    return ExtraSessionReport(rule=rule, slot_ids=slot_ids)


def _keep_for_waiting_list(office, slot_ids: list) -> None:
    """Keep new seats for the office's waiting list for ``EXTRA_SESSION_WAITLIST_HOURS``
    (``Slot.waitlist_only_until``), when someone waits there."""
    from .waitlist.models import WaitlistEntry

    hours = settings.EXTRA_SESSION_WAITLIST_HOURS
    if hours <= 0 or not slot_ids:
        return
    if WaitlistEntry.objects.filter(ended_at__isnull=True, offices=office).exists():
        until = clock.now() + datetime.timedelta(hours=hours)
        Slot.objects.filter(pk__in=slot_ids).update(waitlist_only_until=until)
