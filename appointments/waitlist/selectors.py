"""Reads of the waiting list."""

from checkin_portal.prepared import Prepared
from offices.selectors import nearest_offices

from ..models import Appointment, booked_by
from .models import WaitlistEntry

NEARBY_COUNT = 3  # besides the appointment's own office


def active_with_waiting(*, subject) -> Appointment | None:
    """The person's booked appointment with its office and its waiting-list entry (one
    query: the entry is joined, not fetched apart)."""
    return _ACTIVE_WITH_WAITING.first(subject_id=subject.pk)


# "My appointment" reads it on every view: compiled once per process (issue 17).
_ACTIVE_WITH_WAITING = Prepared(
    lambda subject_id: (
        Appointment.objects.select_related("slot__office", "waitlist_entry")
        .filter(booked_by(subject_id))
        .order_by("pk")[:1]
    ),
    args={"subject_id": int},
)


def open_entry(appointment: Appointment) -> WaitlistEntry | None:
    """The appointment's waiting-list entry if it is open (no query when it was joined)."""
    try:
        entry = appointment.waitlist_entry
    except WaitlistEntry.DoesNotExist:
        return None
    return entry if entry.ended_at is None else None


def office_choices(appointment: Appointment) -> list:
    """The appointment's office, then the three nearest other offices that take online
    bookings, as (id, name) pairs."""
    office = appointment.slot.office
    nearby = [
        near.office
        for near in nearest_offices(
            latitude=office.latitude, longitude=office.longitude, limit=NEARBY_COUNT + 1
        )
        if near.office.pk != office.pk
    ][:NEARBY_COUNT]
    return [(o.pk, o.name) for o in [office, *nearby]]
