"""Each page of the booking flow issues a fixed number of queries (<= 10), the same with
a year of slots and 50,000 appointments in the database; the next-available query uses the
partial index."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from appointments import selectors
from appointments.confirmation import new_confirmation_number
from appointments.models import Appointment, AppointmentStatus, Slot
from appointments.policy import booking_cutoff
from checkin_portal import clock
from offices.selectors import forget_office_points
from subjects.models import Subject
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = pytest.mark.django_db
BUDGET = 10
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


def statements(ctx) -> int:
    """SQL statements run, not counting savepoint bookkeeping."""
    return sum(1 for q in ctx.captured_queries if not q["sql"].startswith(TRANSACTION_CONTROL))


def url(name):
    from django.urls import reverse

    with translation.override("en"):
        return reverse(name)


def bulk_history(office, *, years_of_slots=1, appointments=50_000):
    """A year of half-hourly slots at ``office`` and ``appointments`` past appointments
    spread over them (cancelled/checked in, so capacity stays free)."""
    start = days_from_now(1, hour=13)
    slots = [
        Slot(
            office=office,
            starts_at=start + datetime.timedelta(days=d, minutes=30 * k),
            ends_at=start + datetime.timedelta(days=d, minutes=30 * (k + 1)),
            capacity=3,
        )
        for d in range(365 * years_of_slots)
        for k in range(14)
    ]
    Slot.objects.bulk_create(slots, batch_size=2000)
    slot_ids = list(Slot.objects.filter(office=office).values_list("pk", flat=True))
    subjects = Subject.objects.bulk_create(
        [
            Subject(
                subject_id=f"BULK{n:07d}",
                country_of_birth="GT",
                given_names="Bulk",
                family_names="Person",
            )
            for n in range(appointments // 5)
        ],
        batch_size=2000,
    )
    statuses = [
        AppointmentStatus.CANCELLED,
        AppointmentStatus.CHECKED_IN,
        AppointmentStatus.RESCHEDULED,
    ]
    # Distinct numbers: 50,000 random ones collide about once in a thousand runs, and the
    # unique constraint then fails the whole insert.
    numbers = set()
    while len(numbers) < appointments:
        numbers.add(new_confirmation_number())
    Appointment.objects.bulk_create(
        [
            Appointment(
                subject=subjects[n % len(subjects)],
                slot_id=slot_ids[n % len(slot_ids)],
                confirmation_number=number,
                status=statuses[n % 3],
            )
            for n, number in enumerate(numbers)
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE appointments_slot; ANALYZE appointments_appointment;")


def page_query_counts(client, sign_in_as, office):
    subject = sign_in_as(SubjectFactory())
    slot = Slot.objects.filter(office=office).order_by("starts_at").first()
    counts = {}

    def measure(name, method="get", **data):
        with CaptureQueriesContext(connection) as ctx:
            response = getattr(client, method)(url(name), data)
        assert response.status_code in (200, 302), (name, response.status_code)
        counts[name] = statements(ctx)

    # The office step with a search: the nearest offices and all their soonest times.
    forget_office_points()
    measure("appointments:start", q="30303")
    measure("appointments:times", office=office.code)
    measure("appointments:review", slot=slot.pk)
    measure("appointments:confirm", method="post", slot=slot.pk)
    measure("appointments:mine")
    measure("appointments:print")
    measure("appointments:ics")
    measure("appointments:cancel")
    Appointment.objects.filter(subject=subject).delete()
    Slot.objects.filter(pk=slot.pk).update(booked=0)
    return counts


def test_flow_query_counts_are_fixed_and_within_budget(client, sign_in_as):
    small_office = OfficeFactory(time_zone="America/Chicago")
    SlotFactory.create_batch(3, office=small_office)
    small = page_query_counts(client, sign_in_as, small_office)

    big_office = OfficeFactory(time_zone="America/Chicago")
    bulk_history(big_office)
    AppointmentFactory.create_batch(3)
    big = page_query_counts(client, sign_in_as, big_office)

    print(f"\nqueries per page, small data: {small}\nwith 50,000 appointments: {big}")
    assert big == small, (small, big)
    assert max(big.values()) <= BUDGET, big
    # My appointment reads what print reads plus one query: the newest message about the
    # appointment on each channel, so that the page can say whether the details went
    # (checkin_portal.messaging.selectors.latest_deliveries). Right after Confirm it saves
    # nothing: the "just booked" note is a cookie the page takes back (issue 17).
    assert big["appointments:mine"] == big["appointments:print"] + 1, big


def test_next_available_query_uses_an_office_time_index():
    office = OfficeFactory()
    bulk_history(office, appointments=5_000)
    query = selectors.open_slots(office_id=office.pk)[:24]
    plan = query.explain()
    print("\nEXPLAIN next available times:\n" + plan)
    # An index on the time serves it, never a scan of the whole table. With many offices
    # the (office, starts_at) ones win (the partial one also skips full and blocked
    # times); here every slot is this office's, so walking ``slot_starts_at`` in order and
    # stopping after 24 rows is as good, and the planner sometimes takes it.
    assert "Seq Scan" not in plan
    assert any(
        name in plan
        for name in ("slot_open_by_office", "slot_unique_office_start", "slot_starts_at")
    ), plan


def test_times_by_office_code_read_the_office_time_index():
    """The times page finds its office by code inside the times query (issue 17). Joined
    to the offices, PostgreSQL walked every office's open times in time order and kept
    one office's (30 ms at 50,000 people); as a scalar subquery the office is worked out
    first and its times read from the (office, time) index. (bench/profile_flow.py --check
    EXPLAINs the generic plan of a prepared statement too, at the benchmark's scale.)"""
    offices = OfficeFactory.create_batch(30)
    start = days_from_now(1, hour=13)
    Slot.objects.bulk_create(
        [
            Slot(
                office=office,
                starts_at=start + datetime.timedelta(days=d, minutes=30 * k),
                ends_at=start + datetime.timedelta(days=d, minutes=30 * (k + 1)),
                capacity=3,
            )
            for office in offices
            for d in range(60)
            for k in range(14)
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE appointments_slot; ANALYZE offices_office;")
    query = selectors._OPEN_SLOTS_AT_CODE._build(
        (0, 25), code=offices[7].code, cutoff=booking_cutoff(), now=clock.now()
    )
    plan = query.explain()
    print("\nEXPLAIN times by office code:\n" + plan)
    assert "Seq Scan on appointments_slot" not in plan, plan
    assert "slot_starts_at" not in plan, plan
    # The office worked out once (an InitPlan's value), then looked up in the index.
    assert re.search(r"Index Cond: \(\(office_id = \$\d+\)", plan), plan
