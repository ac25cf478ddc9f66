"""Booking, moving and cancelling: the seat counts always match the appointments."""

import datetime

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.db.models import Q

from appointments import lifecycle, policy
from appointments.models import Appointment, AppointmentStatus, Slot
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = pytest.mark.django_db


def active_count(slot: Slot) -> int:
    return Appointment.objects.filter(slot=slot, status=AppointmentStatus.BOOKED).count()


def assert_counts_consistent():
    for slot in Slot.objects.all():
        assert slot.booked == active_count(slot), slot


def test_book_takes_one_seat_and_issues_a_number():
    slot = SlotFactory(capacity=2)
    subject = SubjectFactory()
    result = lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="es")
    assert result.created
    slot.refresh_from_db()
    assert slot.booked == 1
    appointment = result.appointment
    assert appointment.status == AppointmentStatus.BOOKED
    assert appointment.language == "es"
    assert len(appointment.confirmation_number) == 8
    assert appointment.display_number[4] == "-"
    assert_counts_consistent()


def test_repeated_confirm_returns_the_same_booking():
    slot = SlotFactory()
    subject = SubjectFactory()
    first = lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="en")
    again = lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="en")
    assert not again.created
    assert again.appointment.pk == first.appointment.pk
    slot.refresh_from_db()
    assert slot.booked == 1


def test_full_slot_is_refused_and_nothing_changes():
    slot = SlotFactory(capacity=1, booked=1)
    subject = SubjectFactory()
    with pytest.raises(lifecycle.SlotUnavailable):
        lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="en")
    slot.refresh_from_db()
    assert slot.booked == 1
    assert not Appointment.objects.filter(subject=subject).exists()


@pytest.mark.parametrize(
    "make_slot",
    [
        lambda: SlotFactory(is_blocked=True),
        lambda: SlotFactory(starts_at=days_from_now(-1)),
        lambda: SlotFactory(starts_at=policy.booking_cutoff() - datetime.timedelta(minutes=1)),
        lambda: SlotFactory(office=OfficeFactory(is_active=False)),
        lambda: SlotFactory(office=OfficeFactory(accepts_online_booking=False)),
    ],
    ids=["blocked", "past", "too-soon", "inactive-office", "office-not-online"],
)
def test_unbookable_slots_are_refused(make_slot):
    slot = make_slot()
    with pytest.raises(lifecycle.SlotUnavailable):
        lifecycle.appointment_book(subject=SubjectFactory(), slot_id=slot.pk, language="en")
    slot.refresh_from_db()
    assert slot.booked == 0
    assert Appointment.objects.count() == 0


def test_nonexistent_slot_is_refused():
    with pytest.raises(lifecycle.SlotUnavailable):
        lifecycle.appointment_book(subject=SubjectFactory(), slot_id=987654321, language="en")


def test_person_with_completed_check_in_cannot_book():
    slot = SlotFactory()
    subject = SubjectFactory(checkin_completed_on=datetime.date(2026, 2, 1))
    with pytest.raises(lifecycle.NotEligible):
        lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="en")
    slot.refresh_from_db()
    assert slot.booked == 0


def test_booking_another_time_moves_the_appointment():
    old_slot, new_slot = SlotFactory(), SlotFactory()
    subject = SubjectFactory()
    first = lifecycle.appointment_book(subject=subject, slot_id=old_slot.pk, language="en")
    moved = lifecycle.appointment_book(subject=subject, slot_id=new_slot.pk, language="en")
    assert moved.replaced.pk == first.appointment.pk
    first.appointment.refresh_from_db()
    assert first.appointment.status == AppointmentStatus.RESCHEDULED
    assert moved.appointment.replaces_id == first.appointment.pk
    assert moved.appointment.confirmation_number != first.appointment.confirmation_number
    old_slot.refresh_from_db()
    new_slot.refresh_from_db()
    assert (old_slot.booked, new_slot.booked) == (0, 1)
    assert_counts_consistent()


def test_moving_into_a_full_slot_keeps_the_old_appointment():
    appointment = AppointmentFactory()
    full = SlotFactory(capacity=1, booked=1)
    with pytest.raises(lifecycle.SlotUnavailable):
        lifecycle.appointment_book(subject=appointment.subject, slot_id=full.pk, language="en")
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    appointment.slot.refresh_from_db()
    assert appointment.slot.booked == 1


def test_cancel_gives_the_seat_back_and_is_idempotent():
    appointment = AppointmentFactory()
    cancelled = lifecycle.appointment_cancel(subject=appointment.subject)
    assert cancelled.pk == appointment.pk
    assert cancelled.status == AppointmentStatus.CANCELLED
    appointment.slot.refresh_from_db()
    assert appointment.slot.booked == 0
    assert lifecycle.appointment_cancel(subject=appointment.subject) is None
    appointment.slot.refresh_from_db()
    assert appointment.slot.booked == 0


def test_cancel_only_touches_the_persons_own_appointment():
    mine, theirs = AppointmentFactory(), AppointmentFactory()
    lifecycle.appointment_cancel(subject=mine.subject)
    theirs.refresh_from_db()
    assert theirs.status == AppointmentStatus.BOOKED


def test_every_status_change_is_kept_in_history():
    slot_a, slot_b = SlotFactory(), SlotFactory()
    subject = SubjectFactory()
    first = lifecycle.appointment_book(subject=subject, slot_id=slot_a.pk, language="en")
    lifecycle.appointment_book(subject=subject, slot_id=slot_b.pk, language="en")
    statuses = list(
        first.appointment.history.order_by("history_date").values_list("status", flat=True)
    )
    assert statuses == [AppointmentStatus.BOOKED, AppointmentStatus.RESCHEDULED]


def test_database_refuses_overbooking_even_without_the_service():
    slot = SlotFactory(capacity=1, booked=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Slot.objects.filter(pk=slot.pk).update(booked=2)


def test_database_refuses_two_active_appointments_for_one_person():
    appointment = AppointmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AppointmentFactory(subject=appointment.subject)


def test_database_allows_many_past_appointments_per_person():
    appointment = AppointmentFactory(status=AppointmentStatus.CANCELLED)
    AppointmentFactory(subject=appointment.subject, status=AppointmentStatus.RESCHEDULED)
    AppointmentFactory(subject=appointment.subject)
    assert (
        Appointment.objects.filter(
            Q(subject=appointment.subject) & Q(status=AppointmentStatus.BOOKED)
        ).count()
        == 1
    )


def test_time_passing_makes_a_slot_unbookable():
    slot = SlotFactory(starts_at=days_from_now(1))
    with time_machine.travel(slot.starts_at, tick=False), pytest.raises(lifecycle.SlotUnavailable):
        lifecycle.appointment_book(subject=SubjectFactory(), slot_id=slot.pk, language="en")


def test_confirmation_number_collision_is_retried(monkeypatch):
    taken = AppointmentFactory()
    fresh = iter([taken.confirmation_number, "ZZZZ0000"])
    monkeypatch.setattr(lifecycle, "new_confirmation_number", lambda: next(fresh))
    slot = SlotFactory()
    result = lifecycle.appointment_book(subject=SubjectFactory(), slot_id=slot.pk, language="en")
    assert result.appointment.confirmation_number == "ZZZZ0000"
    slot.refresh_from_db()
    assert slot.booked == 1  # the rolled-back first try did not leave a seat taken


@pytest.mark.parametrize("moving", [False, True], ids=["new", "move"])
def test_the_seat_is_taken_in_one_statement(moving):
    """Issue 17: the conditional write checks the office too (is open, takes online
    bookings), so nothing reads the slot back afterwards: Confirm read the slot and its
    office (60 columns) again, a round trip and two instances, for the office check and
    the office to remember in the session (no longer written on a first booking)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    subject = SubjectFactory()
    if moving:
        lifecycle.appointment_book(subject=subject, slot_id=SlotFactory().pk, language="en")
    slot = SlotFactory()
    with CaptureQueriesContext(connection) as ctx:
        result = lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="en")
    slot_table = Slot._meta.db_table
    about_the_new_slot = [
        q["sql"]
        for q in ctx.captured_queries
        if slot_table in q["sql"] and str(slot.pk) in q["sql"]
    ]
    writes = [sql for sql in about_the_new_slot if sql.startswith("UPDATE")]
    reads = [sql for sql in about_the_new_slot if "FOR UPDATE" not in sql and sql not in writes]
    assert len(writes) == 1 and reads == [], about_the_new_slot  # a move locks both first
    assert result.appointment.slot_id == slot.pk
    slot.refresh_from_db()
    assert slot.booked == 1
