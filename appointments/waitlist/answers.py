"""What the links in messages do: answer an offer (take it / no thanks), stop the offers,
and "I cannot come". Each answer is final and a second click shows the same result."""

import enum
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import get_language

from checkin_portal import clock

from .. import lifecycle, notifications
from ..models import Appointment, AppointmentStatus
from . import services
from .models import EndReason, Offer, OfferState, WaitlistEntry, token_digest

logger = logging.getLogger(__name__)


class Outcome(enum.StrEnum):
    OPEN = "open"  # held: the person may still answer
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    GONE = "gone"  # withdrawn: the person booked, cancelled, stopped, or the time closed
    UNKNOWN = "unknown"  # no such link


STATE_OUTCOME = {
    OfferState.HELD: Outcome.OPEN,
    OfferState.ACCEPTED: Outcome.ACCEPTED,
    OfferState.DECLINED: Outcome.DECLINED,
    OfferState.EXPIRED: Outcome.EXPIRED,
    OfferState.WITHDRAWN: Outcome.GONE,
}


@dataclass(frozen=True)
class OfferView:
    outcome: Outcome
    offer: Offer | None = None
    stopped: bool = False  # the person's offers are stopped (asked, or ended)


def _find(token: str):
    return (
        Offer.objects.select_related(
            "slot__office", "entry__appointment__slot__office", "appointment__slot__office"
        )
        .filter(token_digest=token_digest(token or ""))
        .first()
    )


def offer_read(*, token: str) -> OfferView:
    """The offer behind a link, as it stands (an offer past its time reads as expired
    even before the job has ended it)."""
    offer = _find(token)
    if offer is None:
        return OfferView(Outcome.UNKNOWN)
    outcome = STATE_OUTCOME[OfferState(offer.state)]
    if outcome is Outcome.OPEN and offer.expires_at <= clock.now():
        outcome = Outcome.EXPIRED
    return OfferView(outcome, offer, stopped=offer.entry.ended_at is not None)


def offer_answer(*, token: str, accept: bool) -> OfferView:
    """Take the offered time (the appointment moves there: new confirmation number) or
    say no (the time goes to the next person). Only a held, unexpired offer changes; any
    other answer returns the offer as it is, so a second click shows the first result."""
    found = _find(token)
    if found is None:
        return OfferView(Outcome.UNKNOWN)
    if found.state != OfferState.HELD:
        return offer_read(token=token)
    if found.expires_at <= clock.now():
        services.end_offer(offer_id=found.pk, state=OfferState.EXPIRED, pause=True)
        return offer_read(token=token)
    if not accept:
        services.end_offer(offer_id=found.pk, state=OfferState.DECLINED, pause=True)
        return offer_read(token=token)
    try:
        _accept(found)
    except (lifecycle.BookingError, lifecycle.TransitionRefused):
        # The appointment or the time changed since the offer: the seat goes back.
        services.end_offer(offer_id=found.pk, state=OfferState.WITHDRAWN)
    return offer_read(token=token)


def _accept(found: Offer) -> None:
    entry = found.entry
    with transaction.atomic():
        # The one lock order (services.LOCK_ORDER): the person, their appointment, their
        # entry, the offer; the move locks the seats.
        lifecycle.lock_subject(entry.subject_id)
        list(
            Appointment.objects.select_for_update()
            .filter(pk=entry.appointment_id)
            .values_list("pk")
        )
        locked_entry = WaitlistEntry.objects.select_for_update().get(pk=entry.pk)
        offer = Offer.objects.select_for_update().filter(pk=found.pk).first()
        if offer is None or offer.state != OfferState.HELD:
            return  # answered a moment ago (another click): show that
        contact = (locked_entry.contact_email, locked_entry.contact_phone)
        # Mark the answer first: the move ends the person's waiting and would otherwise
        # withdraw this (still held) offer.
        now = clock.now()
        Offer.objects.filter(pk=offer.pk).update(state=OfferState.ACCEPTED, decided_at=now)
        WaitlistEntry.objects.filter(pk=entry.pk).update(
            ended_at=now, end_reason=EndReason.ACCEPTED, contact_email="", contact_phone=""
        )
        result = lifecycle.appointment_move_to_held_seat(
            appointment_id=locked_entry.appointment_id,
            slot_id=offer.slot_id,
            language=get_language(),
        )
        Offer.objects.filter(pk=offer.pk).update(appointment=result.appointment)
        moved = result.appointment
        if not (moved.reminder_email or moved.reminder_phone):
            email, phone = contact
            transaction.on_commit(
                lambda: notifications.send_offer_accepted(moved, email=email, phone=phone)
            )


def offer_stop(*, token: str) -> OfferView:
    """'Stop these messages' from an offer's link: the person's waiting ends (contact
    erased), a held offer goes to the next person."""
    found = _find(token)
    if found is None:
        return OfferView(Outcome.UNKNOWN)
    services.entry_stop(entry_id=found.entry_id)
    return offer_read(token=token)


# --- "I cannot come" ----------------------------------------------------------------------


def cannot_come_read(*, appointment_id: int) -> Appointment | None:
    return (
        Appointment.objects.select_related("slot__office", "replaced_by")
        .filter(pk=appointment_id)
        .first()
    )


def cannot_come_cancel(*, appointment_id: int) -> Appointment | None:
    """Cancel from the link (no sign-in): only an appointment still booked and not yet
    started; the seat is offered on at once (the lifecycle's cancel). Returns the
    appointment as it is now (a second click finds it cancelled already)."""
    appointment = cannot_come_read(appointment_id=appointment_id)
    if appointment is None:
        return None
    if appointment.status == AppointmentStatus.BOOKED and appointment.slot.starts_at > clock.now():
        lifecycle.appointment_cancel(subject=appointment.subject, appointment_id=appointment.pk)
    return cannot_come_read(appointment_id=appointment_id)
