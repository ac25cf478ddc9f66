"""Writes of the waiting list: join, stop, the offer engine and its hooks.

The engine (``run_offers``) is idempotent and safe on several workers at once:

* an open seat is claimed with ``SELECT ... FOR UPDATE SKIP LOCKED`` (each worker takes a
  different time) and held with the booking's conditional write (``lifecycle.take_seat``:
  ``booked = booked + 1`` only while ``booked < capacity``), so a hold counts against
  capacity exactly like a booking and the slot's own check constraint is the last line;
* the person is picked in the fair order (``fair_order``) with ``SKIP LOCKED`` too and
  read once more once locked (``_lock_next_person``: a pick can be a moment stale); the
  partial unique constraint ``offer_one_held_per_entry`` would still refuse a second held
  offer for one person;
* ending an offer is ``UPDATE ... WHERE state = 'held'``: only one worker (or click) can
  end it and give its seat back.

Every path that waits for a lock takes them in one order (``LOCK_ORDER``), so a person
cancelling while a worker ends or makes their offer cannot deadlock: the person, their
appointment, their waiting entry, its offer, then seats (several at once in id order).
The engine's claims skip locked rows and never wait.

Everything else (accepting from the link) is in ``answers.py``."""

import datetime
import functools
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import TruncDate

from checkin_portal import clock
from checkin_portal.messaging import MessagingError
from checkin_portal.messaging.api import normalise_destination
from offices.models import takes_online_bookings

from .. import lifecycle, policy
from ..models import Appointment, AppointmentStatus, Slot, open_seat_after
from .models import EndReason, Offer, OfferState, WaitlistEntry, new_offer_token, token_digest

logger = logging.getLogger(__name__)

LOCK_ORDER = ("subject", "appointment", "waitlist entry", "offer", "slots by id")

# A time is offered only when the person has at least this long to answer.
MIN_ANSWER_TIME = datetime.timedelta(minutes=15)
# One run stops after this many offers (the next run goes on); keeps a run short.
MAX_OFFERS_PER_RUN = 1000


class NotWaiting(Exception):
    """The person has no booked appointment to wait with."""


# --- seats opened: queue the engine after the commit -------------------------------------


def seats_opened(*, slot_ids=(), office_id: int | None = None, office_ids=()) -> None:
    """A seat opened (a cancellation, a move, a new or extended rule, a raised capacity,
    an extra session, a declined or expired offer): after the commit, run the engine for
    those offices. Costs no query now; safe to call inside any transaction."""
    slots = sorted({int(pk) for pk in slot_ids})
    offices = sorted({int(pk) for pk in office_ids} | ({office_id} if office_id else set()))
    if slots or offices:
        transaction.on_commit(functools.partial(_enqueue, slots, offices))


def _enqueue(slot_ids: list, office_ids: list, run_after=None) -> None:
    from .tasks import offer_open_seats

    task = offer_open_seats
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # the periodic run ends the offer
        task = task.using(run_after=run_after)
    try:
        task.enqueue(slot_ids=slot_ids, office_ids=office_ids)
    except Exception:  # the queue is down: the periodic run_offers catches up
        logger.exception("waitlist: offer task not queued")


# --- the fair order -----------------------------------------------------------------------


def fair_order(queryset, *, today: datetime.date):
    """People whose report-by date has passed first, then those whose appointment is
    after their report-by date, then everyone else; in each group who has waited longest
    first (then the entry's id, so the order is total)."""
    group = Case(
        When(subject__report_by__lt=today, then=Value(0)),
        When(subject__report_by__lt=TruncDate("appointment__slot__starts_at"), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return queryset.annotate(priority=group).order_by("priority", "created_at", "pk")


def _waiting_for(slot_ref, office_ref, now: datetime.datetime):
    """Open entries that may be offered this time: at one of their offices, earlier than
    their appointment, not paused, with no offer held now and never offered this time."""
    held = Offer.objects.filter(entry=OuterRef("pk"), state=OfferState.HELD)
    offered_this = Offer.objects.filter(entry=OuterRef("pk"), slot=slot_ref)
    return (
        WaitlistEntry.objects.filter(
            ended_at__isnull=True,
            offices=office_ref,
            appointment__status=AppointmentStatus.BOOKED,
        )
        .filter(Q(paused_until__isnull=True) | Q(paused_until__lte=now))
        .filter(~Exists(held), ~Exists(offered_this))
    )


# --- the engine ---------------------------------------------------------------------------


@dataclass
class RunResult:
    expired: int = 0
    offered: int = 0
    ended: int = 0


def run_offers(*, office_ids=None) -> RunResult:
    """The job: end offers past their time and entries whose appointment has passed, then
    hold each open earlier seat for the next person in the fair order, one at a time.
    ``office_ids`` limits the work to those offices (``seats_opened``); None: all."""
    result = RunResult()
    result.expired = expire_due()
    result.ended = entries_forget_past()
    tried: set[int] = set()
    for _attempt in range(2 * MAX_OFFERS_PER_RUN):
        outcome = _offer_next_seat(office_ids=office_ids, tried=tried)
        if outcome is None:
            break
        if outcome:
            result.offered += 1
            if result.offered >= MAX_OFFERS_PER_RUN:
                break
    return result


class _NoOne(Exception):
    """Nobody could take the claimed seat now: roll the hold back."""


def offerable_seats(earliest: datetime.datetime):
    """Times with a seat the engine may hold for an offer: open after ``earliest``, at an
    office open to online booking; unlike the public's, also those kept for the waiting
    list (``Slot.waitlist_only_until``)."""
    return Slot.objects.filter(open_seat_after(earliest), takes_online_bookings("office__"))


def _offer_next_seat(*, office_ids, tried: set) -> bool | None:
    """One transaction: claim an open seat someone waits for, hold it, make the offer.
    Returns True (offered), False (try another seat), None (no seat left to try)."""
    now = clock.now()
    earliest = policy.booking_cutoff() + MIN_ANSWER_TIME
    waiting = _waiting_for(OuterRef("pk"), OuterRef("office_id"), now).filter(
        appointment__slot__starts_at__gt=OuterRef("starts_at")
    )
    candidates = offerable_seats(earliest).filter(Exists(waiting))
    if office_ids is not None:
        candidates = candidates.filter(office_id__in=list(office_ids))
    if tried:
        candidates = candidates.exclude(pk__in=list(tried))
    try:
        with transaction.atomic():
            slot = (
                candidates.select_for_update(skip_locked=True, of=("self",))
                .order_by("starts_at", "pk")
                .first()
            )
            if slot is None:
                return None
            entry = _lock_next_person(slot, now)
            if entry is None:
                tried.add(slot.pk)
                raise _NoOne
            lifecycle.take_seat(slot.pk, for_offer=True)  # the booking's conditional write
            token, digest = new_offer_token()
            hours = datetime.timedelta(hours=settings.WAITLIST_OFFER_HOURS)
            lead = datetime.timedelta(minutes=settings.BOOKING_MIN_NOTICE_MINUTES)
            offer = Offer.objects.create(
                entry=entry,
                slot=slot,
                token_digest=digest,
                expires_at=min(now + hours, slot.starts_at - lead),
            )
            transaction.on_commit(functools.partial(_send_offer, offer.pk, token))
            return True
    except _NoOne:
        return False
    except lifecycle.SlotUnavailable:
        tried.add(slot.pk)
        return False
    except IntegrityError:
        # Another worker gave this person an offer a moment ago: choose again.
        logger.info("waitlist: offer refused by a constraint; choosing again")
        return False


def _lock_next_person(slot, now: datetime.datetime) -> WaitlistEntry | None:
    """Lock the next person in the fair order who may be offered ``slot``, or None.

    The pick reads offers as they were when its statement began: a worker that offered
    this person a seat and committed while the statement ran has let go of the person's
    row, so ``SKIP LOCKED`` does not skip it. Once the row is locked nothing about the
    person can change, so asking the same question again for that row alone tells; on a
    stale pick, take the next person instead of rolling the seat's whole hold back (and
    the constraint stays the last line). A person passed over stays locked until this
    short transaction ends: their own answer or cancel waits that long."""
    waiting = _waiting_for(slot.pk, slot.office_id, now).filter(
        appointment__slot__starts_at__gt=slot.starts_at
    )
    passed_over: list[int] = []
    while True:
        entry = (
            fair_order(waiting.exclude(pk__in=passed_over), today=now.date())
            .select_for_update(skip_locked=True, of=("self",))
            .first()
        )
        if entry is None or waiting.filter(pk=entry.pk).exists():
            return entry
        passed_over.append(entry.pk)


def _send_offer(offer_id: int, token: str) -> None:
    from .. import notifications

    offer = (
        Offer.objects.select_related(
            "slot__office", "entry__appointment__slot__office", "entry__subject"
        )
        .filter(pk=offer_id, state=OfferState.HELD)
        .first()
    )
    if offer is None or offer.token_digest != token_digest(token):
        return  # answered, ended, or its link was renewed since (the demo)
    # When the hold runs out, a run ends it and offers the seat on (the hourly run is the
    # safety net, and the page reads an offer past its time as ended at once).
    _enqueue([offer.slot_id], [], run_after=offer.expires_at)
    try:
        notifications.send_offer(offer=offer, token=token)
    except MessagingError as error:  # the hold runs out and the seat goes on
        logger.warning("waitlist: offer %s not queued (%s)", offer_id, error)


# --- ending offers ------------------------------------------------------------------------


def end_offer(*, offer_id: int, state: OfferState, pause: bool = False) -> bool:
    """End a held offer (declined, expired, withdrawn): give its seat back and queue the
    seat for the next person. Returns False when it was not held any more (a second click,
    another worker)."""
    now = clock.now()
    with transaction.atomic():
        found = Offer.objects.filter(pk=offer_id, state=OfferState.HELD).values_list(
            "entry_id", "slot_id"
        )
        if not found:
            return False
        entry_id, slot_id = found[0]
        # The one lock order (LOCK_ORDER): the person's entry, then the offer, then the seat.
        list(WaitlistEntry.objects.select_for_update().filter(pk=entry_id).values_list("pk"))
        ended = Offer.objects.filter(pk=offer_id, state=OfferState.HELD).update(
            state=state, decided_at=now
        )
        if not ended:
            return False
        lifecycle.give_seat_back(slot_id)
        if pause:
            WaitlistEntry.objects.filter(pk=entry_id).update(
                paused_until=now + datetime.timedelta(hours=settings.WAITLIST_PAUSE_HOURS)
            )
        seats_opened(slot_ids=[slot_id])
        return True


def expire_due() -> int:
    """End every held offer past its time (the person did not answer)."""
    due = Offer.objects.filter(state=OfferState.HELD, expires_at__lte=clock.now())
    return sum(
        end_offer(offer_id=pk, state=OfferState.EXPIRED, pause=True)
        for pk in due.values_list("pk", flat=True)[:MAX_OFFERS_PER_RUN]
    )


def _withdraw_held(entry_id: int) -> None:
    for pk in Offer.objects.filter(entry_id=entry_id, state=OfferState.HELD).values_list(
        "pk", flat=True
    ):
        end_offer(offer_id=pk, state=OfferState.WITHDRAWN)


def _end_entries(queryset, reason: EndReason, **extra) -> int:
    """End open entries (contact erased) and withdraw their held offers."""
    ended = 0
    for pk in queryset.filter(ended_at__isnull=True).values_list("pk", flat=True):
        with transaction.atomic():
            done = WaitlistEntry.objects.filter(pk=pk, ended_at__isnull=True).update(
                ended_at=clock.now(),
                end_reason=reason,
                contact_email="",
                contact_phone="",
                **extra,
            )
            if done:
                _withdraw_held(pk)
                ended += 1
    return ended


def entries_forget_past() -> int:
    """The purge: contacts are kept only until the appointment. Ends the entries whose
    appointment has started or is no longer booked."""
    stale = WaitlistEntry.objects.filter(ended_at__isnull=True).filter(
        Q(appointment__slot__starts_at__lte=clock.now())
        | ~Q(appointment__status=AppointmentStatus.BOOKED)
    )
    return _end_entries(stale, EndReason.PAST)


# --- hooks from the lifecycle -------------------------------------------------------------


@dataclass(frozen=True)
class Leaving:
    """The person's open entry (locked) and the seats its held offer holds."""

    entry_id: int | None = None
    offer_slot_ids: tuple = ()


def appointment_leaving(appointment: Appointment) -> Leaving:
    """First step of a move out of "booked", right after the appointment is locked and
    before any seat: lock the person's open entry (LOCK_ORDER) and name the seats its held
    offer holds, so that the lifecycle locks every seat it will touch at once, in id
    order. One query when the person is not waiting."""
    entry_id = (
        WaitlistEntry.objects.select_for_update()
        .filter(appointment_id=appointment.pk, ended_at__isnull=True)
        .values_list("pk", flat=True)
        .first()
    )
    if entry_id is None:
        return Leaving()
    held = Offer.objects.filter(entry_id=entry_id, state=OfferState.HELD)
    return Leaving(entry_id, tuple(held.values_list("slot_id", flat=True)))


def appointment_left_booked(
    appointment: Appointment, *, seat_freed: bool, leaving: Leaving | None = None
) -> None:
    """Called by the lifecycle inside each move out of "booked" (moved, cancelled,
    cancelled by the office, checked in, did not come): offers stop for that person, and a
    freed seat is offered to the next. ``leaving``: what ``appointment_leaving`` found
    (when the move also changes seats). One query when the person was not waiting."""
    if leaving is None:
        leaving = appointment_leaving(appointment)
    if leaving.entry_id is not None:
        _end_entries(WaitlistEntry.objects.filter(pk=leaving.entry_id), EndReason.APPOINTMENT_ENDED)
    if seat_freed:
        seats_opened(slot_ids=[appointment.slot_id])


# --- the person's own choices -------------------------------------------------------------


def entry_join(*, subject, office_ids: list, channel: str, destination: str) -> WaitlistEntry:
    """'Tell me if an earlier time opens' for the person's booked appointment, at these
    offices, by this contact (kept until the appointment). Joining again changes the
    choice. Raises NotWaiting (no booked appointment) or InvalidDestination."""
    destination = normalise_destination(channel, destination)
    contact = {
        "contact_email": destination if channel == "email" else "",
        "contact_phone": destination if channel == "sms" else "",
    }
    with transaction.atomic():
        lifecycle.lock_subject(subject.pk)  # LOCK_ORDER: the person first
        appointment = (
            Appointment.objects.select_for_update()
            .filter(subject=subject, status=AppointmentStatus.BOOKED)
            .first()
        )
        if appointment is None:
            raise NotWaiting
        entry = WaitlistEntry.objects.select_for_update().filter(appointment=appointment).first()
        if entry is None:
            entry = WaitlistEntry.objects.create(
                appointment=appointment, subject_id=appointment.subject_id, **contact
            )
        else:
            for name, value in contact.items():
                setattr(entry, name, value)
            if entry.ended_at is not None:  # joining again after stopping
                entry.ended_at, entry.end_reason, entry.opted_out_at = None, "", None
                entry.created_at = clock.now()  # the wait starts again
                entry.paused_until = None
            entry.save()
        entry.offices.set(office_ids)
        seats_opened(office_ids=office_ids)
        return entry


def entry_stop(*, entry_id: int) -> bool:
    """The person asked to stop the offers (from the page or the link in a message).
    Their contact is erased and a held offer given back. False when it had ended."""
    return bool(
        _end_entries(
            WaitlistEntry.objects.filter(pk=entry_id),
            EndReason.OPTED_OUT,
            opted_out_at=clock.now(),
        )
    )
