"""Writes for appointments. Every function is one transaction.

Booking is a single conditional write: ``UPDATE slot SET booked = booked + 1 WHERE id = %s
AND booked < capacity AND NOT is_blocked AND starts_at > cutoff``. If it changes no row the
time is gone; nothing is checked first and inserted after. The person's own row is locked
first, so two tabs or a double click by the same person are served one after the other, and
the partial unique constraint on active appointments is the last line of defence."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from checkin_portal import clock
from checkin_portal.integrity import is_duplicate_of

from .confirmation import new_confirmation_number
from .models import Appointment, AppointmentStatus, Slot

logger = logging.getLogger(__name__)


class BookingError(Exception):
    """A booking could not be made; ``message`` is safe to show to the person."""

    message = _("Something went wrong with your booking. Please try again.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class SlotUnavailable(BookingError):
    message = _(
        "Sorry, someone else just took that time. Nothing was booked. Please choose another time."
    )


class NotEligible(BookingError):
    message = _(
        "You cannot book online because you have already been to a check-in. "
        "Follow the instructions the officer gave you at that visit."
    )


class NoActiveAppointment(BookingError):
    message = _("You have no appointment to change. You can book one now.")


@dataclass(frozen=True)
class BookingResult:
    appointment: Appointment
    created: bool  # False when a repeated Confirm found the booking already made
    replaced: Appointment | None = None


def booking_cutoff() -> datetime.datetime:
    """Times starting before this instant can no longer be booked online."""
    return clock.now() + datetime.timedelta(minutes=settings.BOOKING_MIN_NOTICE_MINUTES)


def _lock_subject(subject) -> None:
    type(subject).objects.select_for_update().only("pk").get(pk=subject.pk)


def _take_seat(slot_id: int) -> Slot:
    """The conditional write. Returns the slot, or raises SlotUnavailable."""
    taken = Slot.objects.filter(
        pk=slot_id,
        is_blocked=False,
        booked__lt=F("capacity"),
        starts_at__gt=booking_cutoff(),
    ).update(booked=F("booked") + 1)
    if not taken:
        raise SlotUnavailable
    slot = Slot.objects.select_related("office").get(pk=slot_id)
    if not (slot.office.is_active and slot.office.accepts_online_booking):
        raise SlotUnavailable  # the transaction rolls the seat back
    return slot


def _give_seat_back(slot_id: int) -> None:
    Slot.objects.filter(pk=slot_id, booked__gt=0).update(booked=F("booked") - 1)


class _NumberTaken(Exception):
    """The random confirmation number was already used: retry the whole transaction."""


def _create_appointment(*, subject, slot: Slot, language: str, replaces=None) -> Appointment:
    try:
        return Appointment.objects.create(
            subject=subject,
            slot=slot,
            confirmation_number=new_confirmation_number(),
            language=language,
            replaces=replaces,
        )
    except IntegrityError as error:
        if is_duplicate_of(error, model=Appointment, field="confirmation_number"):
            raise _NumberTaken from error
        raise


def _retrying_number_collisions(operation):
    """32^8 codes make a collision very unlikely; the unique index decides, not luck. On a
    collision the whole transaction is rolled back (seat included) and tried again."""
    for _attempt in range(4):
        try:
            return operation()
        except _NumberTaken:
            logger.info("Confirmation number collision; retrying")
    raise BookingError


def _active_for_update(subject) -> Appointment | None:
    return (
        Appointment.objects.select_for_update()
        .filter(subject=subject, status=AppointmentStatus.BOOKED)
        .first()
    )


def appointment_book(*, subject, slot_id: int, language: str) -> BookingResult:
    """Book ``slot_id`` for ``subject``; if they already have an appointment, move it there.

    A repeated call for the time they already hold returns that appointment unchanged."""
    if subject.checkin_completed_on is not None:
        raise NotEligible

    def book() -> BookingResult:
        with transaction.atomic():
            _lock_subject(subject)
            active = _active_for_update(subject)
            if active is not None:
                if active.slot_id == slot_id:
                    return BookingResult(appointment=active, created=False)
                return _move(active=active, new_slot_id=slot_id, language=language)
            slot = _take_seat(slot_id)
            appointment = _create_appointment(subject=subject, slot=slot, language=language)
            return BookingResult(appointment=appointment, created=True)

    try:
        return _retrying_number_collisions(book)
    except IntegrityError:
        # Only reachable if the per-person lock were bypassed: the constraint held.
        logger.warning("Booking refused by a database constraint")
        raise SlotUnavailable from None


def _move(*, active: Appointment, new_slot_id: int, language: str) -> BookingResult:
    # Lock both slots in one fixed order (by id) so two moves in opposite directions
    # cannot deadlock.
    list(
        Slot.objects.select_for_update()
        .filter(pk__in=sorted({active.slot_id, new_slot_id}))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    new_slot = _take_seat(new_slot_id)
    _give_seat_back(active.slot_id)
    contact = _reminder_contact(active)
    active.status = AppointmentStatus.RESCHEDULED
    _forget_contact(active)
    active.save(update_fields=["status", "updated_at", *CONTACT_FIELDS])
    appointment = _create_appointment(
        subject=active.subject, slot=new_slot, language=language, replaces=active
    )
    if contact["wants_reminder"]:
        # The reminder the person asked for follows the appointment to its new time.
        for name, value in contact.items():
            setattr(appointment, name, value)
        appointment.save(update_fields=list(CONTACT_FIELDS))
    return BookingResult(appointment=appointment, created=True, replaced=active)


CONTACT_FIELDS = ("wants_reminder", "reminder_email", "reminder_phone")


def _reminder_contact(appointment: Appointment) -> dict:
    return {name: getattr(appointment, name) for name in CONTACT_FIELDS}


def _forget_contact(appointment: Appointment) -> None:
    appointment.wants_reminder = False
    appointment.reminder_email = ""
    appointment.reminder_phone = ""


def appointment_reschedule(*, subject, new_slot_id: int, language: str) -> BookingResult:
    """Move the person's active appointment to ``new_slot_id`` (new confirmation number)."""

    def move() -> BookingResult:
        with transaction.atomic():
            _lock_subject(subject)
            active = _active_for_update(subject)
            if active is None:
                raise NoActiveAppointment
            if active.slot_id == new_slot_id:
                return BookingResult(appointment=active, created=False)
            return _move(active=active, new_slot_id=new_slot_id, language=language)

    return _retrying_number_collisions(move)


def appointment_cancel(*, subject) -> Appointment | None:
    """Cancel the person's active appointment and give the seat back.

    Returns the cancelled appointment, or None when there was nothing to cancel (a repeated
    Cancel, for example). The stored reminder contact is erased in the database; the
    returned object still carries it so the cancellation message can be sent."""
    with transaction.atomic():
        _lock_subject(subject)
        active = _active_for_update(subject)
        if active is None:
            return None
        _give_seat_back(active.slot_id)
        contact = _reminder_contact(active)
        active.status = AppointmentStatus.CANCELLED
        _forget_contact(active)
        active.save(update_fields=["status", "updated_at", *CONTACT_FIELDS])
        for name, value in contact.items():
            setattr(active, name, value)
        return active


def appointment_set_reminder(*, subject, channel: str, destination: str) -> Appointment | None:
    """Keep one contact for the day-before reminder on the person's active appointment."""
    with transaction.atomic():
        active = _active_for_update(subject)
        if active is None:
            return None
        active.wants_reminder = True
        if channel == "sms":
            active.reminder_phone = destination
        else:
            active.reminder_email = destination
        active.save(update_fields=[*CONTACT_FIELDS, "updated_at"])
        return active


def appointment_stop_reminders(*, subject) -> None:
    with transaction.atomic():
        active = _active_for_update(subject)
        if active is not None:
            _forget_contact(active)
            active.save(update_fields=[*CONTACT_FIELDS, "updated_at"])


def reminder_mark_sent(*, appointment_id: int) -> bool:
    """Claim the reminder for sending (True once per appointment, even with two workers)."""
    return bool(
        Appointment.objects.filter(
            pk=appointment_id, reminder_sent_at__isnull=True, status=AppointmentStatus.BOOKED
        ).update(reminder_sent_at=clock.now())
    )
