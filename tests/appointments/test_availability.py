import datetime
import zoneinfo

import pytest

from appointments.availability import closure_apply, local_day_bounds, slots_generate
from appointments.models import Appointment, AppointmentStatus, Closure, Slot
from tests.offices.factories import OfficeFactory

from .factories import AppointmentFactory, ScheduleRuleFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2027, 1, 4)  # not a holiday
WEEKDAYS = 0b0011111


def office_with_rule(**rule):
    office = OfficeFactory(time_zone="America/Chicago")
    ScheduleRuleFactory(office=office, weekdays=WEEKDAYS, valid_from=MONDAY, **rule)
    return office


def test_generates_a_week_of_slots_in_the_office_zone():
    office = office_with_rule(capacity=3)
    report = slots_generate(office=office, start=MONDAY, days=7)
    assert report.created == 5 * 14
    first = Slot.objects.filter(office=office).order_by("starts_at").first()
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    assert first.starts_at.astimezone(chicago) == datetime.datetime(
        2027, 1, 4, 8, 0, tzinfo=chicago
    )
    assert first.capacity == 3


def test_generation_is_idempotent():
    office = office_with_rule()
    slots_generate(office=office, start=MONDAY, days=14)
    count = Slot.objects.count()
    again = slots_generate(office=office, start=MONDAY, days=14)
    assert (again.created, again.updated, again.removed) == (0, 0, 0)
    assert Slot.objects.count() == count


def test_booked_slots_are_never_touched():
    office = office_with_rule(capacity=2)
    slots_generate(office=office, start=MONDAY, days=7)
    booked_slot = Slot.objects.filter(office=office).order_by("starts_at").first()
    AppointmentFactory(slot=booked_slot)
    Slot.objects.filter(pk=booked_slot.pk).update(booked=1)
    # The office stops opening on Mondays and halves capacity.
    office.schedule_rules.update(weekdays=0b0011110, capacity=1)
    report = slots_generate(office=office, start=MONDAY, days=7)
    booked_slot.refresh_from_db()
    assert booked_slot.capacity == 2
    assert booked_slot.booked == 1
    assert report.kept_booked == 1
    # Other Monday slots (unbooked) are gone; the rest have the new capacity.
    monday_start, monday_end = local_day_bounds(MONDAY, office.zone)
    monday = Slot.objects.filter(
        office=office, starts_at__gte=monday_start, starts_at__lt=monday_end
    )
    assert list(monday) == [booked_slot]
    others = Slot.objects.filter(office=office).exclude(pk=booked_slot.pk)
    assert set(others.values_list("capacity", flat=True)) == {1}


def test_blocked_slots_are_kept():
    office = office_with_rule()
    slots_generate(office=office, start=MONDAY, days=1)
    slot = Slot.objects.filter(office=office).first()
    slot.is_blocked = True
    slot.save()
    office.schedule_rules.all().delete()
    slots_generate(office=office, start=MONDAY, days=1)
    assert list(Slot.objects.filter(office=office)) == [slot]


def test_closures_and_holidays_are_skipped():
    office = office_with_rule()
    Closure.objects.create(office=office, starts_on=MONDAY, ends_on=MONDAY, reason="Repairs")
    Closure.objects.create(
        office=None,
        starts_on=MONDAY + datetime.timedelta(days=1),
        ends_on=MONDAY + datetime.timedelta(days=1),
        reason="All closed",
    )
    slots_generate(office=office, start=MONDAY, days=5)
    days = {s.starts_at.astimezone(office.zone).date() for s in Slot.objects.filter(office=office)}
    assert days == {MONDAY + datetime.timedelta(days=n) for n in (2, 3, 4)}
    # Martin Luther King Jr. Day 2027 (January 18) is skipped.
    slots_generate(office=office, start=datetime.date(2027, 1, 18), days=1)
    mlk_start, mlk_end = local_day_bounds(datetime.date(2027, 1, 18), office.zone)
    assert not Slot.objects.filter(starts_at__gte=mlk_start, starts_at__lt=mlk_end).exists()


def test_closing_a_booked_day_cancels_by_office_and_releases_seats():
    office = office_with_rule(capacity=2)
    slots_generate(office=office, start=MONDAY, days=2)
    monday_slot = Slot.objects.filter(office=office).order_by("starts_at").first()
    appointment = AppointmentFactory(slot=monday_slot)
    Slot.objects.filter(pk=monday_slot.pk).update(booked=1)
    closure = Closure.objects.create(
        office=office, starts_on=MONDAY, ends_on=MONDAY, reason="Storm"
    )
    report = closure_apply(closure=closure)
    assert report.cancelled == [appointment.pk]
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED_BY_OFFICE
    monday_slot.refresh_from_db()
    assert monday_slot.is_blocked and monday_slot.booked == 0
    tuesday = Slot.objects.filter(office=office).order_by("-starts_at").first()
    assert not tuesday.is_blocked
    # Applying it again changes nothing more.
    assert closure_apply(closure=closure).cancelled == []
    assert Appointment.objects.filter(status=AppointmentStatus.CANCELLED_BY_OFFICE).count() == 1


def test_daylight_saving_days_have_full_local_days():
    office = office_with_rule()
    spring = datetime.date(2027, 3, 15)  # Monday after the change
    slots_generate(office=office, start=datetime.date(2027, 3, 12), days=4)
    for day in (datetime.date(2027, 3, 12), spring):
        start, end = local_day_bounds(day, office.zone)
        local_times = sorted(
            s.starts_at.astimezone(office.zone).strftime("%H:%M")
            for s in Slot.objects.filter(office=office, starts_at__gte=start, starts_at__lt=end)
        )
        assert local_times[0] == "08:00"
        assert local_times[-1] == "14:30"
