"""The offer engine under load, on PostgreSQL with real threads (issue 16 point 6): 50 seats
open at once, 500 people wait, 8 workers run ``run_offers`` together. Every seat is
offered exactly once at a time, no seat is held twice (holds never pass capacity), and
nobody holds two offers at once. Then answers and expiry race the workers."""

import datetime
from collections import Counter

import pytest
from django.db.models import F

from appointments.confirmation import new_confirmation_number
from appointments.models import Appointment, AppointmentStatus, Slot
from appointments.waitlist import answers, services
from appointments.waitlist.models import Offer, OfferState, WaitlistEntry, token_digest
from checkin_portal import clock
from subjects.models import Subject
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .factories import SlotFactory, days_from_now
from .test_concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 8
PEOPLE = 500
SEATS = 50


def build_waiting_list(office):
    """500 people booked far ahead, all waiting at ``office`` (bulk: the setup is not what
    is measured)."""
    late = SlotFactory(office=office, starts_at=days_from_now(200), capacity=PEOPLE, booked=PEOPLE)
    template = SubjectFactory.build()
    subjects = Subject.objects.bulk_create(
        [
            Subject(
                subject_id=f"LOAD{n:06d}",
                country_of_birth=template.country_of_birth,
                given_names="Load",
                family_names=f"Person {n}",
                release_form=template.release_form,
                release_date=template.release_date,
            )
            for n in range(PEOPLE)
        ]
    )
    appointments = Appointment.objects.bulk_create(
        [
            Appointment(subject=s, slot=late, confirmation_number=new_confirmation_number())
            for s in subjects
        ]
    )
    entries = WaitlistEntry.objects.bulk_create(
        [
            WaitlistEntry(appointment=a, subject=a.subject, contact_email=f"p{a.pk}@example.org")
            for a in appointments
        ]
    )
    through = WaitlistEntry.offices.through
    through.objects.bulk_create(
        [through(waitlistentry_id=e.pk, office_id=office.pk) for e in entries]
    )
    return entries


def open_seats(office) -> list:
    """50 seats open at once: 25 earlier times of 2 seats each."""
    return [
        SlotFactory(
            office=office,
            starts_at=days_from_now(2 + n // 8, hour=14 + n % 8),
            capacity=2,
            booked=0,
        )
        for n in range(SEATS // 2)
    ]


def assert_invariants():
    held = Offer.objects.filter(state=OfferState.HELD)
    per_person = Counter(held.values_list("entry_id", flat=True))
    assert not per_person or max(per_person.values()) == 1, "a person holds two offers"
    held_per_slot = Counter(held.values_list("slot_id", flat=True))
    for slot in Slot.objects.all():
        booked = Appointment.objects.filter(slot=slot, status=AppointmentStatus.BOOKED).count()
        assert slot.booked == booked + held_per_slot.get(slot.pk, 0), (
            f"slot {slot.pk}: booked={slot.booked}, appointments={booked}, "
            f"holds={held_per_slot.get(slot.pk, 0)}"
        )
        assert slot.booked <= slot.capacity


def refused_by_a_constraint(caplog) -> list[str]:
    """The engine's picks that only the database's constraint stopped (a person offered a
    seat by another worker a moment before): each cost a whole hold rolled back."""
    return [r.getMessage() for r in caplog.records if "refused by a constraint" in r.getMessage()]


def test_50_seats_500_waiting_8_workers(caplog):
    caplog.set_level("INFO", logger=services.logger.name)
    office = OfficeFactory(time_zone="America/Chicago")
    entries = build_waiting_list(office)
    slots = open_seats(office)
    outcomes = run_together([services.run_offers] * WORKERS)
    assert not [o for o in outcomes if isinstance(o, str)], outcomes
    assert refused_by_a_constraint(caplog) == []
    assert sum(o.offered for o in outcomes) == SEATS
    held = Offer.objects.filter(state=OfferState.HELD)
    assert held.count() == SEATS
    # Every seat offered exactly once: two holds per time of two seats, all full now.
    assert Counter(held.values_list("slot_id", flat=True)) == {s.pk: 2 for s in slots}
    assert all(s.booked == s.capacity for s in Slot.objects.filter(pk__in=[s.pk for s in slots]))
    # Fair order: the 50 who waited longest (all equal groups: by time, then id).
    first_50 = sorted(entries, key=lambda e: (e.created_at, e.pk))[:SEATS]
    assert set(held.values_list("entry_id", flat=True)) == {e.pk for e in first_50}
    assert_invariants()
    # Running again changes nothing.
    assert sum(o.offered for o in run_together([services.run_offers] * WORKERS)) == 0
    assert_invariants()


def test_answers_and_expiry_race_the_workers():
    office = OfficeFactory(time_zone="America/Chicago")
    build_waiting_list(office)
    open_seats(office)
    services.run_offers()
    offers = list(Offer.objects.order_by("pk"))
    for n, offer in enumerate(offers):
        Offer.objects.filter(pk=offer.pk).update(token_digest=token_digest(f"tok{n}"))

    calls = []
    for n in range(len(offers)):
        if n % 3 == 0:  # two clicks on "Yes" at once
            calls += [lambda n=n: answers.offer_answer(token=f"tok{n}", accept=True)] * 2
        elif n % 3 == 1:  # "No" while the workers run
            calls.append(lambda n=n: answers.offer_answer(token=f"tok{n}", accept=False))
    calls += [services.run_offers] * WORKERS
    outcomes = run_together(calls)
    assert not [o for o in outcomes if isinstance(o, str)], outcomes
    accepted = Offer.objects.filter(state=OfferState.ACCEPTED)
    assert accepted.count() == len(range(0, len(offers), 3))
    # Each accepted offer made exactly one new appointment in the offered time.
    for offer in accepted.select_related("appointment"):
        assert offer.appointment.slot_id == offer.slot_id
        assert offer.appointment.status == AppointmentStatus.BOOKED
    assert_invariants()

    # Later every held offer runs out; the workers end them and offer the seats on.
    later = clock.now() + datetime.timedelta(hours=3)
    import time_machine

    with time_machine.travel(later, tick=False):
        outcomes = run_together([services.run_offers] * WORKERS)
        assert not [o for o in outcomes if isinstance(o, str)], outcomes
        assert_invariants()
    per_subject = Counter(
        Appointment.objects.filter(status=AppointmentStatus.BOOKED).values_list(
            "subject_id", flat=True
        )
    )
    assert max(per_subject.values()) == 1


def test_public_bookings_and_the_workers_share_seats_without_overbooking(caplog):
    caplog.set_level("INFO", logger=services.logger.name)
    from appointments import lifecycle

    office = OfficeFactory(time_zone="America/Chicago")
    build_waiting_list(office)
    slots = open_seats(office)
    people = SubjectFactory.create_batch(30)
    calls = [
        lambda p=p, s=slots[n % 5]: lifecycle.appointment_book(
            subject=p, slot_id=s.pk, language="en"
        )
        for n, p in enumerate(people)
    ]
    outcomes = run_together(calls + [services.run_offers] * WORKERS)
    assert not [o for o in outcomes if isinstance(o, str) and o.startswith("UNEXPECTED")]
    assert refused_by_a_constraint(caplog) == []
    assert_invariants()
    # Every seat is either booked or held: nothing left open, nothing over capacity.
    assert all(s.booked == s.capacity for s in Slot.objects.filter(pk__in=[s.pk for s in slots]))


ROUNDS = 20


def test_cancelling_while_workers_end_or_make_the_persons_offer_never_deadlocks():
    """Issue: a person cancels at the moment a worker ends their offer (expiry: offer, seat,
    then entry) or offers them a seat, while another accepts or cancels. Every path takes
    its locks in one order (services.LOCK_ORDER): no deadlock, no error, counts hold."""
    from appointments import lifecycle

    office = OfficeFactory(time_zone="America/Chicago")
    late = SlotFactory(office=office, starts_at=days_from_now(200), capacity=100, booked=0)
    for round_ in range(ROUNDS):
        # Three earlier seats open; joining runs the engine (the task backend runs at once).
        for hour in (13, 14, 15):
            SlotFactory(office=office, starts_at=days_from_now(3 + round_, hour=hour), capacity=1)
        people = []
        for n in range(4):
            subject = SubjectFactory(subject_id=f"RACE{round_:03d}{n}")
            appointment = Appointment.objects.create(
                subject=subject, slot=late, confirmation_number=new_confirmation_number()
            )
            Slot.objects.filter(pk=late.pk).update(booked=F("booked") + 1)
            people.append(
                services.entry_join(
                    subject=subject,
                    office_ids=[office.pk],
                    channel="email",
                    destination=f"r{appointment.pk}@example.org",
                )
            )
        services.run_offers()
        # Their offers have just run out: the workers end them while the people cancel.
        held = Offer.objects.filter(state=OfferState.HELD, entry__in=people)
        assert held.count() >= 2
        held.update(expires_at=clock.now() - datetime.timedelta(seconds=1))
        calls = [
            lambda e=entry: lifecycle.appointment_cancel(subject=e.subject) for entry in people
        ]
        calls += [services.run_offers] * 4
        outcomes = run_together(calls)
        assert not [o for o in outcomes if isinstance(o, str)], (round_, outcomes)
        assert_invariants()
