"""The rules about who may book and when staff may mark an appointment: one place, read by
the lifecycle (appointments/lifecycle.py), the views and the selectors. Pure functions of
their arguments and the clock; no writes."""

import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from checkin_portal import clock

from .availability import office_zone

NOT_THE_DAY = _("This appointment is not today (office time). Mark it only on its day.")
NOT_STARTED = _("This appointment has not started yet. Mark “did not come” after its time.")


def booking_cutoff() -> datetime.datetime:
    """Times starting before this instant can no longer be booked online."""
    return clock.now() + datetime.timedelta(minutes=settings.BOOKING_MIN_NOTICE_MINUTES)


def may_book_online(subject) -> bool:
    """A person who has already checked in follows the officer's instructions instead."""
    return subject.checkin_completed_on is None


def appointment_day(slot) -> datetime.date:
    """The appointment's calendar day where it happens (the office's zone)."""
    return slot.starts_at.astimezone(office_zone(slot.office)).date()


def check_in_refusal(slot, *, now: datetime.datetime | None = None):
    """Why staff may not check this appointment in (or undo it) now, or None. Only on the
    appointment's own day, office time: a person cannot check in days ahead or after."""
    now = now or clock.now()
    if appointment_day(slot) != now.astimezone(office_zone(slot.office)).date():
        return NOT_THE_DAY
    return None


def no_show_refusal(slot, *, now: datetime.datetime | None = None):
    """Why staff may not mark "did not come" now, or None: on the day, once the time has
    started (nobody has missed an appointment that has not begun)."""
    now = now or clock.now()
    return check_in_refusal(slot, now=now) or (NOT_STARTED if now < slot.starts_at else None)
