"""The life of an appointment: its states, the allowed moves between them (``TRANSITIONS``),
and one function per move. This is the only module that writes ``Appointment.status``
(tests/appointments/test_lifecycle.py fails if another one does). Views, admin actions,
closures and management commands call these functions; each is one transaction that
checks the rule (appointments/policy.py), writes the state (kept in history), updates
what depends on it (the slot's seat, the person's check-in record, the stored contact)
and queues its messages to go after the commit. See docs/adr/0012-appointment-lifecycle.md.

Booking is a single conditional write: ``UPDATE slot SET booked = booked + 1 WHERE id = %s
AND booked < capacity AND NOT is_blocked AND starts_at > cutoff AND office_id IN (the open
offices that take online bookings)``. If it changes no row the time is gone; nothing is
checked first and inserted after. The person's own row is locked
first, so two tabs or a double click by the same person are served one after the other, and
the partial unique constraint on active appointments is the last line of defence."""

import datetime
import enum
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from checkin_portal import clock
from checkin_portal.integrity import is_duplicate_of
from checkin_portal.prepared import Prepared
from offices.models import Office, takes_online_bookings

from . import notifications, policy
from .confirmation import new_confirmation_number
from .models import (
    Appointment,
    AppointmentStatus,
    Slot,
    givable_after,
    open_seat_after,
    open_to_everyone,
)
from .services import CONTACT_FIELDS, active_for_update, contact_of, forget_contact, has_contact
from .waitlist import services as waitlist

logger = logging.getLogger(__name__)

State = AppointmentStatus


class Transition(enum.StrEnum):
    BOOK = "book"
    MOVE = "move"
    CANCEL = "cancel"
    CANCEL_BY_OFFICE = "cancel_by_office"
    CHECK_IN = "check_in"
    UNDO_CHECK_IN = "undo_check_in"
    NO_SHOW = "no_show"


@dataclass(frozen=True)
class Rule:
    sources: frozenset  # the states it may start from (empty: a new appointment)
    target: AppointmentStatus


# The whole lifecycle in one table. "Moved" ends the old appointment; the new one is BOOKED.
TRANSITIONS: dict[Transition, Rule] = {
    Transition.BOOK: Rule(frozenset(), State.BOOKED),
    Transition.MOVE: Rule(frozenset({State.BOOKED}), State.RESCHEDULED),
    Transition.CANCEL: Rule(frozenset({State.BOOKED}), State.CANCELLED),
    Transition.CANCEL_BY_OFFICE: Rule(frozenset({State.BOOKED}), State.CANCELLED_BY_OFFICE),
    Transition.CHECK_IN: Rule(frozenset({State.BOOKED}), State.CHECKED_IN),
    Transition.UNDO_CHECK_IN: Rule(frozenset({State.CHECKED_IN}), State.BOOKED),
    Transition.NO_SHOW: Rule(frozenset({State.BOOKED}), State.NO_SHOW),
}


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


class TransitionRefused(Exception):
    """A staff change was not allowed; ``message`` (translated) says why."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


NOT_FROM_STATE = _("Not possible for an appointment that is “%(status)s”.")


@dataclass(frozen=True)
class BookingResult:
    appointment: Appointment
    created: bool  # False when a repeated Confirm found the booking already made
    replaced: Appointment | None = None


def _apply(appointment: Appointment, transition: Transition, *, fields=(), by=None) -> None:
    """Check the table and write the new state (simple-history keeps the change)."""
    rule = TRANSITIONS[transition]
    if appointment.status not in rule.sources:
        raise TransitionRefused(NOT_FROM_STATE % {"status": appointment.get_status_display()})
    appointment.status = rule.target
    extra = list(fields)
    if by is not None:
        appointment.handled_by = by
        extra.append("handled_by")
    appointment.save(update_fields=["status", "updated_at", *extra])


def lock_subject(subject_id: int) -> None:
    if not _LOCK_SUBJECT.rows(subject_id=subject_id):
        raise Appointment.subject.field.related_model.DoesNotExist


# The booking transaction's reads, compiled once per process (issue 17).
_LOCK_SUBJECT = Prepared(
    lambda subject_id: (
        Appointment.subject.field.related_model.objects.select_for_update()
        .filter(pk=subject_id)
        .order_by()  # one row by its key: the model's default order would only add a sort
        .values_list("pk")
    ),
    args={"subject_id": int},
)


def _free_seat(slot_id, cutoff, now=None):
    """The slot while it has a free seat that may be booked at an office that is open and
    takes online bookings (with ``now``: a seat anyone may book then, not kept for the
    waiting list)."""
    # The office as a subquery of its own, not a join: an UPDATE filtered through a join
    # becomes "id IN (SELECT ...)", and then PostgreSQL would not re-check the seat count
    # on the row it waited for (the 200-way race, tests/appointments/test_concurrency.py).
    bookable_offices = Office.objects.filter(takes_online_bookings())
    seats = Slot.objects.filter(
        open_seat_after(cutoff), pk=slot_id, office_id__in=bookable_offices.values("pk")
    )
    return seats if now is None else seats.filter(open_to_everyone(now))


# The booking's conditional write, compiled once per process (issue 17).
_TAKE_SEAT = Prepared(
    _free_seat,
    args={"slot_id": int, "cutoff": datetime.datetime, "now": datetime.datetime},
    changes={"booked": F("booked") + 1},
)
_TAKE_SEAT_FOR_OFFER = Prepared(
    lambda slot_id, cutoff: _free_seat(slot_id, cutoff),
    args={"slot_id": int, "cutoff": datetime.datetime},
    changes={"booked": F("booked") + 1},
)


def take_seat(slot_id: int, *, for_offer: bool = False) -> None:
    """The conditional write (one statement; nothing is read back), or SlotUnavailable.
    Only an earlier-time offer (``for_offer``) may take a seat kept for the waiting list."""
    cutoff = policy.booking_cutoff()
    if for_offer:
        taken = _TAKE_SEAT_FOR_OFFER.update(slot_id=slot_id, cutoff=cutoff)
    else:
        taken = _TAKE_SEAT.update(slot_id=slot_id, cutoff=cutoff, now=clock.now())
    if not taken:
        raise SlotUnavailable


def give_seat_back(slot_id: int) -> None:
    Slot.objects.filter(pk=slot_id, booked__gt=0).update(booked=F("booked") - 1)


class _NumberTaken(Exception):
    """The random confirmation number was already used: retry the whole transaction."""


def _create_appointment(*, subject, slot_id: int, language: str, replaces=None) -> Appointment:
    try:
        return Appointment.objects.create(  # the model's default state: TRANSITIONS[BOOK]
            subject=subject,
            slot_id=slot_id,
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


def _keep_contact(appointment: Appointment, contact: dict) -> None:
    for name, value in contact.items():
        setattr(appointment, name, value)
    appointment.save(update_fields=list(CONTACT_FIELDS))


def appointment_book(
    *, subject, slot_id: int, language: str, contact: dict | None = None
) -> BookingResult:
    """Book ``slot_id`` for ``subject``; if they already have an appointment, move it there
    (transition MOVE). ``contact`` (optional: ``reminder_email`` or ``reminder_phone``) is
    kept on the appointment so the office can tell the person if it closes.

    A repeated call for the time they already hold returns that appointment unchanged."""
    if not policy.may_book_online(subject):
        raise NotEligible

    def book() -> BookingResult:
        with transaction.atomic():
            lock_subject(subject.pk)
            active = active_for_update(subject)
            if active is not None:
                if active.slot_id == slot_id:
                    result = BookingResult(appointment=active, created=False)
                else:
                    result = _move(active=active, new_slot_id=slot_id, language=language)
            else:
                take_seat(slot_id)
                appointment = _create_appointment(
                    subject=subject, slot_id=slot_id, language=language
                )
                result = BookingResult(appointment=appointment, created=True)
            if contact:
                _keep_contact(result.appointment, contact)
            if result.replaced is not None and has_contact(result.appointment):
                moved = result.appointment
                transaction.on_commit(lambda: notifications.notify_moved(moved))
            return result

    try:
        return _retrying_number_collisions(book)
    except IntegrityError:
        # Only reachable if the per-person lock were bypassed: the constraint held.
        logger.warning("Booking refused by a database constraint")
        raise SlotUnavailable from None


def _lock_slots(slot_ids) -> None:
    """Lock every seat a transaction will change at once, in id order (the last step of
    the one lock order, waitlist.services.LOCK_ORDER), so two moves in opposite
    directions, or a cancel and an offer ending, cannot deadlock. One slot needs no
    statement: its own UPDATE locks it."""
    ids = sorted(set(slot_ids))
    if len(ids) > 1:
        list(
            Slot.objects.select_for_update()
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )


def _move(
    *, active: Appointment, new_slot_id: int, language: str, seat_held: bool = False
) -> BookingResult:
    leaving = waitlist.appointment_leaving(active)
    _lock_slots([active.slot_id, new_slot_id, *leaving.offer_slot_ids])
    if not seat_held:  # else an earlier-time offer holds the seat (counted in ``booked``)
        take_seat(new_slot_id)
    give_seat_back(active.slot_id)
    contact = contact_of(active)
    forget_contact(active)
    _apply(active, Transition.MOVE, fields=CONTACT_FIELDS)
    waitlist.appointment_left_booked(active, seat_freed=True, leaving=leaving)
    appointment = _create_appointment(
        subject=active.subject, slot_id=new_slot_id, language=language, replaces=active
    )
    if has_contact(contact):
        # The contact the person left follows the appointment to its new time.
        _keep_contact(appointment, contact)
    return BookingResult(appointment=appointment, created=True, replaced=active)


def still_givable(slot_id: int) -> bool:
    """Whether the time an offer holds a seat in may still be given (not blocked, not too
    soon, its office open to online booking); its seat is counted already."""
    return Slot.objects.filter(
        givable_after(policy.booking_cutoff()), takes_online_bookings("office__"), pk=slot_id
    ).exists()


def appointment_move_to_held_seat(
    *, appointment_id: int, slot_id: int, language: str
) -> BookingResult:
    """An accepted earlier-time offer (appointments/waitlist/answers.py): move the
    appointment to the time the offer holds. The same move as booking another time (new
    confirmation number, old seat freed and offered on, contact follows, message), except
    that the seat was taken when the offer was made. Raises SlotUnavailable when the time
    can no longer be booked (blocked, too soon, office closed to online booking) and
    TransitionRefused when the appointment is no longer booked."""

    def move() -> BookingResult:
        with transaction.atomic():
            subject_id = Appointment.objects.values_list("subject_id", flat=True).get(
                pk=appointment_id
            )
            lock_subject(subject_id)
            active = Appointment.objects.select_for_update().filter(pk=appointment_id).first()
            if active is None:
                raise SlotUnavailable
            if active.status not in TRANSITIONS[Transition.MOVE].sources:
                raise TransitionRefused(NOT_FROM_STATE % {"status": active.get_status_display()})
            if not still_givable(slot_id):
                raise SlotUnavailable
            result = _move(active=active, new_slot_id=slot_id, language=language, seat_held=True)
            if has_contact(result.appointment):
                moved = result.appointment
                transaction.on_commit(lambda: notifications.notify_moved(moved))
            return result

    return _retrying_number_collisions(move)


def appointment_cancel(*, subject, appointment_id: int | None = None) -> Appointment | None:
    """The person cancels their active appointment: the seat is given back, the stored
    contact erased, and a message queued to that contact. With ``appointment_id`` (the
    "I cannot come" link), only when that one is still the active appointment.

    Returns the cancelled appointment, or None when there was nothing to cancel (a repeated
    Cancel, for example)."""
    with transaction.atomic():
        lock_subject(subject.pk)
        active = active_for_update(subject)
        if active is None or (appointment_id is not None and active.pk != appointment_id):
            return None
        leaving = waitlist.appointment_leaving(active)
        _lock_slots([active.slot_id, *leaving.offer_slot_ids])
        give_seat_back(active.slot_id)
        contact = contact_of(active)
        forget_contact(active)
        _apply(active, Transition.CANCEL, fields=CONTACT_FIELDS)
        waitlist.appointment_left_booked(active, seat_freed=True, leaving=leaving)
        _queue_with_contact(active, contact, notifications.notify_cancelled)
        return active


def _queue_with_contact(appointment: Appointment, contact: dict, send) -> None:
    """After the commit, send to the contact the appointment had (erased in the database
    by now: the message is the last use of it)."""
    if not has_contact(contact):
        return
    for name, value in contact.items():
        setattr(appointment, name, value)
    transaction.on_commit(lambda: send(appointment))


def _locked(appointment_id: int) -> Appointment:
    """The appointment, its person locked first (the booking path's order)."""
    subject_id = Appointment.objects.values_list("subject_id", flat=True).get(pk=appointment_id)
    lock_subject(subject_id)
    return (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("slot__office", "subject")
        .get(pk=appointment_id)
    )


def appointment_cancel_by_office(*, appointment_id: int, closure=None) -> bool:
    """The office closed on this appointment's day: cancel it, give the seat back, erase
    the contact and queue the message about the closure to it. Returns whether a message
    was queued (False: nobody could be told; staff see them on the closure's call list).
    An appointment that is no longer booked is left alone (closures are re-applied)."""
    with transaction.atomic():
        appointment = _locked(appointment_id)
        if appointment.status not in TRANSITIONS[Transition.CANCEL_BY_OFFICE].sources:
            return False
        leaving = waitlist.appointment_leaving(appointment)
        _lock_slots([appointment.slot_id, *leaving.offer_slot_ids])
        give_seat_back(appointment.slot_id)
        contact = contact_of(appointment)
        forget_contact(appointment)
        appointment.cancelled_by_closure = closure
        _apply(
            appointment,
            Transition.CANCEL_BY_OFFICE,
            fields=[*CONTACT_FIELDS, "cancelled_by_closure"],
        )
        waitlist.appointment_left_booked(appointment, seat_freed=True, leaving=leaving)
        _queue_with_contact(
            appointment,
            contact,
            lambda a: notifications.notify_cancelled_by_office([a], closure=closure),
        )
        return has_contact(contact)


def appointment_check_in(*, appointment_id: int, by) -> Appointment:
    """Staff saw the person today: the appointment is CHECKED_IN and the person's check-in
    is recorded as completed on that day, so My check-in says so at once. The seat stays
    used; the stored contact is erased (the appointment is over)."""
    with transaction.atomic():
        appointment = _locked(appointment_id)
        _refuse_unless(appointment, Transition.CHECK_IN, policy.check_in_refusal)
        forget_contact(appointment)
        _apply(appointment, Transition.CHECK_IN, fields=CONTACT_FIELDS, by=by)
        waitlist.appointment_left_booked(appointment, seat_freed=False)
        subject = appointment.subject
        if subject.checkin_completed_on is None:
            subject.checkin_completed_on = policy.appointment_day(appointment.slot)
            subject.save(update_fields=["checkin_completed_on", "updated_at"])
        return appointment


def appointment_undo_check_in(*, appointment_id: int, by) -> Appointment:
    """Undo a check-in marked by mistake, on the same day: back to BOOKED. The person's
    completed check-in is cleared when it is this appointment's day (what the check-in
    wrote) and no other appointment of theirs is checked in. History keeps both steps."""
    with transaction.atomic():
        appointment = _locked(appointment_id)
        _refuse_unless(appointment, Transition.UNDO_CHECK_IN, policy.check_in_refusal)
        others = Appointment.objects.filter(subject_id=appointment.subject_id).exclude(
            pk=appointment.pk
        )
        if others.filter(status=State.BOOKED).exists():
            raise TransitionRefused(_("This person has booked another appointment since."))
        _apply(appointment, Transition.UNDO_CHECK_IN, by=by)
        subject = appointment.subject
        day = policy.appointment_day(appointment.slot)
        if (
            subject.checkin_completed_on == day
            and not others.filter(status=State.CHECKED_IN).exists()
        ):
            subject.checkin_completed_on = None
            subject.save(update_fields=["checkin_completed_on", "updated_at"])
        return appointment


def appointment_mark_no_show(*, appointment_id: int, by) -> Appointment:
    """The person did not come: on the day, once the time has started. The seat stays
    used (the time has passed); the stored contact is erased."""
    with transaction.atomic():
        appointment = _locked(appointment_id)
        _refuse_unless(appointment, Transition.NO_SHOW, policy.no_show_refusal)
        forget_contact(appointment)
        _apply(appointment, Transition.NO_SHOW, fields=CONTACT_FIELDS, by=by)
        waitlist.appointment_left_booked(appointment, seat_freed=False)
        return appointment


def _refuse_unless(appointment: Appointment, transition: Transition, day_rule) -> None:
    if appointment.status not in TRANSITIONS[transition].sources:
        raise TransitionRefused(NOT_FROM_STATE % {"status": appointment.get_status_display()})
    refusal = day_rule(appointment.slot, now=clock.now())
    if refusal:
        raise TransitionRefused(refusal)
