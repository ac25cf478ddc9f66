"""Real threads, real PostgreSQL connections: the counters never lie and nobody is overbooked.

Each worker thread gets its own database connection (Django opens one per thread) and closes
it when done. All workers wait at a gate and are released together to maximise contention."""

import sys
import threading
import time
import traceback
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout

import pytest
from django.db import connection

from appointments import lifecycle
from appointments.models import Appointment, AppointmentStatus, Slot
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 24
TIMEOUT_SECONDS = 120  # for all the calls together


def run_together(calls):
    """Run every zero-argument callable in a thread pool, released at once; return each
    call's outcome: the result, or the exception's class name."""
    gate = threading.Event()

    def worker(call):
        gate.wait()
        try:
            return call()
        except lifecycle.BookingError as error:
            return type(error).__name__
        except Exception as error:  # noqa: BLE001 - the test reports any other failure
            return f"UNEXPECTED {type(error).__name__}: {error}"
        finally:
            connection.close()

    pool = ThreadPoolExecutor(max_workers=WORKERS)
    futures = [pool.submit(worker, call) for call in calls]
    gate.set()
    deadline = time.monotonic() + TIMEOUT_SECONDS
    try:
        return [future.result(timeout=deadline - time.monotonic()) for future in futures]
    except FuturesTimeout:
        report = _stuck_report()
        # The stuck calls' connections are ended, so that those calls fail now and the
        # test's teardown (TRUNCATE) and pytest's exit are not held by their locks.
        _end_other_connections()
        pytest.fail(f"calls still running after {TIMEOUT_SECONDS} s\n{report}")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _stuck_report() -> str:
    """What a call that never ends is waiting for: each worker thread's stack and each
    other connection's wait in PostgreSQL (a hang is then readable from CI's log)."""
    lines = []
    for thread in threading.enumerate():
        frame = sys._current_frames().get(thread.ident)
        if thread.name.startswith("ThreadPoolExecutor") and frame is not None:
            lines.append(f"--- {thread.name}\n" + "".join(traceback.format_stack(frame)[-16:]))
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid, state, wait_event_type, wait_event, now() - xact_start,"
                " pg_blocking_pids(pid), left(query, 300) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            lines += [" | ".join(map(str, row)) for row in cursor.fetchall()]
    except Exception as error:  # noqa: BLE001 - the stacks above are reported anyway
        lines.append(f"(connections not read: {error})")
    return "\n".join(lines)


def _end_other_connections() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def assert_counters_match_appointments():
    for slot in Slot.objects.all():
        active = Appointment.objects.filter(slot=slot, status=AppointmentStatus.BOOKED).count()
        assert slot.booked == active, f"slot {slot.pk}: booked={slot.booked}, active={active}"


def outcome_kinds(outcomes):
    return Counter(o if isinstance(o, str) else "booked" for o in outcomes)


def _refused_by_a_constraint(monkeypatch) -> list:
    """What ``appointment_book`` logs when the database's own check stopped a booking: a
    seat count that the conditional write itself should have kept from going over (the
    race must be won by its ``booked < capacity``, re-checked on the row it waited for,
    not by the ``slot_booked_within_capacity`` constraint behind it)."""
    refused = []
    monkeypatch.setattr(lifecycle.logger, "warning", lambda *args, **kw: refused.append(args))
    return refused


def test_200_people_confirm_the_same_slot_of_capacity_5(monkeypatch):
    slot = SlotFactory(capacity=5)
    subjects = SubjectFactory.create_batch(200)
    refused = _refused_by_a_constraint(monkeypatch)
    outcomes = run_together(
        [
            lambda s=s: lifecycle.appointment_book(subject=s, slot_id=slot.pk, language="en")
            for s in subjects
        ]
    )
    kinds = outcome_kinds(outcomes)
    assert kinds == {"booked": 5, "SlotUnavailable": 195}, kinds
    assert refused == []
    slot.refresh_from_db()
    assert slot.booked == 5
    assert Appointment.objects.filter(status=AppointmentStatus.BOOKED).count() == 5
    assert_counters_match_appointments()


def test_many_people_move_into_one_slot(monkeypatch):
    target = SlotFactory(capacity=3)
    appointments = AppointmentFactory.create_batch(60)
    refused = _refused_by_a_constraint(monkeypatch)
    outcomes = run_together(
        [
            lambda a=a: lifecycle.appointment_book(
                subject=a.subject, slot_id=target.pk, language="en"
            )
            for a in appointments
        ]
    )
    kinds = outcome_kinds(outcomes)
    assert kinds == {"booked": 3, "SlotUnavailable": 57}, kinds
    assert refused == []
    target.refresh_from_db()
    assert target.booked == 3
    # Everyone still has exactly one active appointment: moved or kept.
    assert Appointment.objects.filter(status=AppointmentStatus.BOOKED).count() == 60
    assert_counters_match_appointments()


def test_moves_in_opposite_directions_do_not_deadlock():
    slot_a, slot_b = SlotFactory(capacity=50), SlotFactory(capacity=50)
    in_a = AppointmentFactory.create_batch(20, slot=slot_a)
    in_b = AppointmentFactory.create_batch(20, slot=slot_b)
    Slot.objects.filter(pk=slot_a.pk).update(booked=20)
    Slot.objects.filter(pk=slot_b.pk).update(booked=20)
    calls = [
        lambda a=a: lifecycle.appointment_book(subject=a.subject, slot_id=slot_b.pk, language="en")
        for a in in_a
    ] + [
        lambda a=a: lifecycle.appointment_book(subject=a.subject, slot_id=slot_a.pk, language="en")
        for a in in_b
    ]
    outcomes = run_together(calls)
    assert outcome_kinds(outcomes) == {"booked": 40}, outcomes
    slot_a.refresh_from_db()
    slot_b.refresh_from_db()
    assert (slot_a.booked, slot_b.booked) == (20, 20)
    assert_counters_match_appointments()


def test_one_person_double_clicking_confirm_books_once():
    slot = SlotFactory(capacity=5)
    subject = SubjectFactory()
    outcomes = run_together(
        [
            lambda: lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="en")
            for _ in range(12)
        ]
    )
    assert all(not isinstance(o, str) for o in outcomes), outcomes
    assert len({o.appointment.pk for o in outcomes}) == 1
    assert sum(o.created for o in outcomes) == 1
    slot.refresh_from_db()
    assert slot.booked == 1


def test_one_person_in_two_tabs_ends_with_one_appointment():
    slots = SlotFactory.create_batch(6, capacity=5)
    subject = SubjectFactory()
    outcomes = run_together(
        [
            lambda s=s: lifecycle.appointment_book(subject=subject, slot_id=s.pk, language="en")
            for s in slots
        ]
    )
    assert all(not isinstance(o, str) for o in outcomes), outcomes
    assert Appointment.objects.filter(subject=subject, status=AppointmentStatus.BOOKED).count() == 1
    assert_counters_match_appointments()


def test_cancel_and_book_race_keeps_counts_right():
    slot = SlotFactory(capacity=1)
    holder = AppointmentFactory(slot=slot)
    Slot.objects.filter(pk=slot.pk).update(booked=1)
    others = SubjectFactory.create_batch(20)
    calls = [lambda: lifecycle.appointment_cancel(subject=holder.subject)] + [
        lambda s=s: lifecycle.appointment_book(subject=s, slot_id=slot.pk, language="en")
        for s in others
    ]
    outcomes = run_together(calls)
    assert not any(isinstance(o, str) and o.startswith("UNEXPECTED") for o in outcomes), outcomes
    slot.refresh_from_db()
    assert slot.booked <= 1
    assert_counters_match_appointments()
