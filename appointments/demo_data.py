"""Demo: opening rules from each real office's published hours, then appointment times.

Offices whose hours are missing or unclear get a made-up Tuesday-to-Thursday morning, so
every office can be tried in the demo (staff set real rules in admin). Idempotent: an
office that already has rules keeps them."""

import datetime

from django.conf import settings

from checkin_portal import clock
from offices.hours import HoursNotUnderstood, parse_hours
from offices.models import Office

from . import lifecycle
from .availability import slots_generate
from .models import Appointment, ScheduleRule
from .selectors import active_appointment, open_slots
from .weekdays import weekdays_to_mask

DEMO_FALLBACK_HOURS = "Tuesday-Thursday, 9 a.m.-12 p.m."
DEMO_CAPACITY = 2
DEMO_SLOT_MINUTES = 30


def load(stdout) -> None:
    days = getattr(settings, "DEMO_SLOT_DAYS", 60)
    today = clock.now().date()
    made_up, rules_created = 0, 0
    for office in Office.objects.filter(is_active=True).order_by("code"):
        if not office.schedule_rules.exists():
            try:
                hours = parse_hours(office.hours or "")
            except HoursNotUnderstood:
                hours = parse_hours(DEMO_FALLBACK_HOURS)
                made_up += 1
            ScheduleRule.objects.create(
                office=office,
                weekdays=weekdays_to_mask(hours.weekdays),
                week_of_month=hours.week_of_month,
                opens=hours.opens,
                closes=hours.closes,
                slot_minutes=DEMO_SLOT_MINUTES,
                capacity=DEMO_CAPACITY,
                valid_from=today - datetime.timedelta(days=1),
            )
            rules_created += 1
        slots_generate(office=office, days=days)
    _book_for_demo_person()
    _offer_for_demo_person(stdout)
    stdout.write(
        f"  Appointments: {rules_created} opening rules created ({made_up} made up where the "
        f"published hours were missing), times generated for {days} days."
    )


DEMO_BOOKED_SUBJECT_ID = "DEMO1007"
DEMO_BOOKED_OFFICE_CODE = "CHICAGO-IL"


def _book_for_demo_person() -> None:
    """Give one demo person an online booking (the soonest time at a real office)."""
    # The person through the appointment's own relation: appointments imports nothing
    # from subjects, the app above it (docs/adr/0013-wiring.md).
    Subject = Appointment._meta.get_field("subject").related_model
    subject = Subject.objects.filter(subject_id=DEMO_BOOKED_SUBJECT_ID).first()
    office = Office.objects.filter(code=DEMO_BOOKED_OFFICE_CODE, is_active=True).first()
    if subject is None or office is None or active_appointment(subject=subject):
        return
    slot = open_slots(office_id=office.pk).first()
    if slot is not None:
        lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="es")


DEMO_WAITING_SUBJECT_ID = "DEMO1008"
DEMO_WAITING_EMAIL = "lucia.demo@example.org"
# How far ahead the waiting person's own appointment is, and how long the demo holds
# the offer (a real offer is held WAITLIST_OFFER_HOURS).
DEMO_WAITING_DAYS = 21
DEMO_OFFER_HELD = datetime.timedelta(days=7)


def _offer_for_demo_person(stdout) -> None:
    """The waiting-list demo: one person booked three weeks ahead at the demo office,
    waiting for an earlier time, with an offer held for them. The offer's link is printed
    (and is in the message in the demo's outbox)."""
    from .waitlist import links, services
    from .waitlist.models import Offer, OfferState, WaitlistEntry, new_offer_token

    Subject = Appointment._meta.get_field("subject").related_model
    subject = Subject.objects.filter(subject_id=DEMO_WAITING_SUBJECT_ID).first()
    office = Office.objects.filter(code=DEMO_BOOKED_OFFICE_CODE, is_active=True).first()
    if subject is None or office is None:
        return
    if WaitlistEntry.objects.filter(subject=subject).exists():
        return  # loaded before: left as the demo left it
    late = open_slots(office_id=office.pk).filter(
        starts_at__gte=clock.now() + datetime.timedelta(days=DEMO_WAITING_DAYS)
    )
    slot = late.first() or open_slots(office_id=office.pk).last()
    if slot is None:
        return
    lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="es")
    entry = services.entry_join(
        subject=subject, office_ids=[office.pk], channel="email", destination=DEMO_WAITING_EMAIL
    )
    services.run_offers(office_ids=[office.pk])
    offer = Offer.objects.filter(entry=entry, state=OfferState.HELD).first()
    if offer is None:
        return
    # A known link for the demo, held for a week; the message is sent again with it.
    from checkin_portal.messaging.api import forget_messages_about

    from . import notifications

    token, digest = new_offer_token()
    Offer.objects.filter(pk=offer.pk).update(
        token_digest=digest,
        expires_at=min(clock.now() + DEMO_OFFER_HELD, offer.expires_at + DEMO_OFFER_HELD),
    )
    forget_messages_about(model=Offer, ids=[offer.pk])
    offer.refresh_from_db()
    notifications.send_offer(offer=offer, token=token)
    stdout.write(
        f"  Waiting list: an earlier time is offered to DEMO-1008: {links.offer_url(token, 'es')}"
    )


def reset(stdout) -> None:
    """``load_demo_data --reset``: drop every appointment of a demo person (made during a
    demo too) with the messages about them, and give their seats back; ``load`` then books
    the documented one again."""
    from django.db.models import Count, Q

    from checkin_portal.messaging.api import forget_messages_about

    from .models import Appointment, AppointmentStatus, Slot

    mine = Appointment.objects.filter(subject__subject_id__startswith="DEMO")
    _give_back_held_seats(mine)
    ids = list(mine.values_list("pk", flat=True))
    slot_ids = set(mine.values_list("slot_id", flat=True))
    forget_messages_about(model=Appointment, ids=ids)
    Appointment.objects.filter(replaces__in=ids).update(replaces=None)
    mine.update(replaces=None)
    deleted, _ = Appointment.objects.filter(pk__in=ids).delete()
    # The seat counts: what the remaining appointments hold.
    holding = Q(appointments__status__in=[AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN])
    for slot in Slot.objects.filter(pk__in=slot_ids).annotate(
        held=Count("appointments", filter=holding)
    ):
        Slot.objects.filter(pk=slot.pk).update(booked=slot.held)
    stdout.write(f"  appointments: {deleted} demo appointments removed")


def _give_back_held_seats(appointments) -> None:
    """The seats held by the demo people's offers go back before their records go."""
    from .waitlist import services
    from .waitlist.models import Offer, OfferState

    held = Offer.objects.filter(entry__appointment__in=appointments, state=OfferState.HELD)
    for pk in held.values_list("pk", flat=True):
        services.end_offer(offer_id=pk, state=OfferState.WITHDRAWN)
