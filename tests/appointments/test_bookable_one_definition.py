"""Every place that asks "may this time still be given to someone?" answers alike: the
booking page's check (``selectors.bookable_slot``), the times list (``open_slots``), the
finder's soonest time, the booking's seat write (``lifecycle.take_seat``), the offer
engine's pick of an open seat, and an accepted offer's move onto the seat it holds (which
ignores only the seat count, since the offer holds that seat). One definition in
appointments/models.py (``open_seat_after``, ``givable_after``); this test pins what it
says in each state a time can be in."""

import datetime

import pytest
from django.db import transaction

from appointments import lifecycle, policy, selectors
from appointments.models import Slot
from appointments.waitlist import services as waitlist_services
from checkin_portal import clock
from tests.offices.factories import OfficeFactory

from .factories import SlotFactory, days_from_now

pytestmark = pytest.mark.django_db

# (what the time is like, bookable by anyone, givable to an offer that holds its seat)
STATES = {
    "open": ({}, True, True),
    "full": ({"booked": 2}, False, True),
    "blocked": ({"is_blocked": True}, False, False),
    "too soon": ({"starts_at": "soon"}, False, False),
    "past": ({"starts_at": "past"}, False, False),
    "office closed": ({"office": {"is_active": False}}, False, False),
    "office offline": ({"office": {"accepts_online_booking": False}}, False, False),
    "kept for the waiting list": ({"waitlist_only_until": "later"}, False, True),
}


def _slot(state: str) -> Slot:
    changes, _anyone, _offer = STATES[state]
    office = OfficeFactory(time_zone="America/Chicago", **changes.get("office", {}))
    starts_at = {
        "soon": clock.now() + datetime.timedelta(minutes=5),
        "past": clock.now() - datetime.timedelta(hours=3),
    }.get(changes.get("starts_at"), days_from_now(3))
    later = clock.now() + datetime.timedelta(days=1)
    return SlotFactory(
        office=office,
        starts_at=starts_at,
        capacity=2,
        booked=changes.get("booked", 0),
        is_blocked=changes.get("is_blocked", False),
        waitlist_only_until=later if changes.get("waitlist_only_until") else None,
    )


def _seat_taken(slot_id: int, **kwargs) -> bool:
    try:
        with transaction.atomic():
            lifecycle.take_seat(slot_id, **kwargs)
            transaction.set_rollback(True)
    except lifecycle.SlotUnavailable:
        return False
    return True


@pytest.mark.parametrize("state", list(STATES))
def test_every_reader_and_writer_agrees_on_a_bookable_time(state):
    slot = _slot(state)
    _changes, anyone, for_offer = STATES[state]
    assert (selectors.bookable_slot(slot_id=slot.pk) is not None) is anyone
    if "office" not in STATES[state][0]:  # the times and the finder's offices are bookable
        open_ids = [s.pk for s in selectors.open_slots(office_id=slot.office_id)]
        assert (slot.pk in open_ids) is anyone
        (office,) = selectors.offices_with_soonest(office_ids=[slot.office_id])
        assert (office.soonest_starts_at is not None) is anyone
    assert _seat_taken(slot.pk) is anyone
    # The offer engine may also take a seat kept for the waiting list (not a full one).
    assert _seat_taken(slot.pk, for_offer=True) is (for_offer and state != "full")
    assert lifecycle.still_givable(slot.pk) is for_offer
    assert Slot.objects.get(pk=slot.pk).booked == slot.booked  # every write rolled back


@pytest.mark.parametrize("state", list(STATES))
def test_the_offer_engine_picks_only_a_seat_it_may_hold(state):
    slot = _slot(state)
    _changes, _anyone, for_offer = STATES[state]
    earliest = policy.booking_cutoff() + waitlist_services.MIN_ANSWER_TIME
    picked = waitlist_services.offerable_seats(earliest).filter(pk=slot.pk).exists()
    assert picked is (for_offer and state != "full")
