"""Messages about appointments, in the language the person uses now.

Every message of an appointment stands alone: it names the office's street address, the
date in words (never a numeric day/month), the time with its zone and the confirmation
number. It goes in the person's latest language (``Subject.last_language``, kept by
``signed_in_gate``), falling back to the language they booked in.

Automatic messages (moved, cancelled, cancelled by the office, the reminder) go only to a
contact the person chose to keep for reminders, and are counted apart from the person's
own limit (``send_message(automatic=True)``); "Email me / Text me these details" sends to
whatever they type, without storing it. Every send goes through
``checkin_portal.messaging`` (queued after commit, retried, rate-limited); a failure to send
never undoes a booking."""

import logging

from django.conf import settings
from django.utils import translation

from checkin_portal.messaging import MessageTooLong, MessagingError, send_message

from .availability import office_zone
from .models import Appointment, Closure
from .presentation import BookingDates, LocalTime
from .waitlist import links

logger = logging.getLogger(__name__)

DETAILS = "appointments/messages/appointment_details"
CANCELLED = "appointments/messages/appointment_cancelled"
CANCELLED_BY_OFFICE = "appointments/messages/appointment_cancelled_by_office"
REMINDER = "appointments/messages/appointment_reminder"
OFFER = "appointments/messages/earlier_time_offer"


def recipient_language(appointment: Appointment) -> str:
    """The language the person uses now (their latest signed-in page), else the one
    they booked in."""
    return getattr(appointment.subject, "last_language", "") or appointment.language


def message_context(appointment: Appointment) -> dict:
    slot = appointment.slot
    office = slot.office
    subject = appointment.subject
    # The office's name is a translated field: read it in the recipient's language, not in
    # the sender's (a staff member in admin, the reminder job in the default language).
    with translation.override(recipient_language(appointment)):
        office_name = office.name
    return {
        "confirmation_number": appointment.display_number,
        "local": LocalTime.of(slot),
        "office_name": office_name,
        "office_address": f"{office.street}, {office.city}, {office.state} {office.zip}",
        # A text message (two segments) has room for the street and the city only.
        "sms_address": f"{office.street}, {office.city}",
        "office_street": office.street,
        # Proof of trying to comply, in the emailed copy (never in a text message).
        "person_name": f"{subject.given_names} {subject.family_names}".strip(),
        "subject_id": subject.subject_id,
        "booking": BookingDates.of(appointment),
        # What a text message leaves out when it would not fit (``sms_fallbacks``).
        "with_note": True,
        "book_url": f"{settings.MESSAGING_BASE_URL.rstrip('/')}/",
        # "I cannot come": cancel without signing in (appointments/waitlist/links.py).
        "cannot_come_url": links.cannot_come_url(appointment, recipient_language(appointment)),
    }


def sms_fallbacks(context: dict):
    """The context, then with less and less of what a text message can do without: the
    link (the message came from the portal), the closing note, the closure's reason (the
    person sees it when they sign in), and last (an address longer than any office has
    today) the city. The confirmation number, date, time and street always stay."""
    yield context
    for key in ("book_url", "cannot_come_url", "with_note", "closure_reason"):
        if context.get(key):
            context = {**context, key: None}
            yield context
    if context["sms_address"] != context["office_street"]:
        yield {**context, "sms_address": context["office_street"]}


def _send_fitting(*, appointment: Appointment, channel: str, context: dict, **kwargs):
    """``send_message`` in the recipient's language; a text message that does not fit
    is tried again with less (``sms_fallbacks``)."""
    attempts = list(sms_fallbacks(context)) if channel == "sms" else [context]
    for number, attempt in enumerate(attempts, start=1):
        try:
            return send_message(
                channel=channel,
                context=attempt,
                language=recipient_language(appointment),
                about=appointment,
                **kwargs,
            )
        except MessageTooLong:
            if number == len(attempts):
                raise
    return None  # not reached: the last attempt returns or raises


def send_details(*, appointment: Appointment, channel: str, destination: str, session_key=None):
    """The person asked to get their appointment by email or text. Raises MessagingError
    (with a translated ``user_message``) when it cannot be queued."""
    return _send_fitting(
        appointment=appointment,
        channel=channel,
        context=message_context(appointment),
        destination=destination,
        template=DETAILS,
        session_key=session_key,
    )


def _to_reminder_contacts(
    appointment: Appointment, template: str, extra=None, *, email=None, phone=None
) -> int:
    """Send ``template`` to each contact kept for reminders (or to ``email`` / ``phone``
    when given); returns how many were queued."""
    sent = 0
    context = {**message_context(appointment), **(extra or {})}
    contacts = [
        ("email", appointment.reminder_email if email is None else email),
        ("sms", appointment.reminder_phone if phone is None else phone),
    ]
    for channel, destination in contacts:
        if not destination:
            continue
        try:
            _send_fitting(
                appointment=appointment,
                channel=channel,
                context=context,
                destination=destination,
                template=template,
                automatic=True,  # not asked for: apart from the person's own limit
            )
            sent += 1
        except MessagingError as error:
            # Never lose the booking over a message; staff see the failure in the log.
            logger.warning("appointment %s: %s not queued (%s)", appointment.pk, channel, error)
    return sent


def notify_moved(appointment: Appointment) -> int:
    return _to_reminder_contacts(appointment, DETAILS)


def notify_cancelled(appointment: Appointment) -> int:
    return _to_reminder_contacts(appointment, CANCELLED)


def notify_cancelled_by_office(appointment_ids: list, *, closure: Closure | None = None) -> int:
    """Tell each person, in the language they use now, that the office cancelled their
    appointment and why (``closure``; found per appointment when not given). Items may be
    appointments as they are (the lifecycle passes the one it cancelled, still carrying the
    contact it has just erased in the database) or ids (loaded, with their stored contact)."""
    from .selectors import closure_for

    given = [a for a in appointment_ids if isinstance(a, Appointment)]
    ids = [a for a in appointment_ids if not isinstance(a, Appointment)]
    appointments = given + list(
        Appointment.objects.select_related("slot__office").filter(pk__in=ids) if ids else []
    )
    sent = 0
    for appointment in appointments:
        why = closure or closure_for(appointment=appointment)
        # The same rule as on My check-in, read in the recipient's language.
        with translation.override(recipient_language(appointment)):
            reason = why.public_reason() if why else None
        sent += _to_reminder_contacts(appointment, CANCELLED_BY_OFFICE, {"closure_reason": reason})
    return sent


def send_reminder(appointment: Appointment) -> int:
    return _to_reminder_contacts(appointment, REMINDER)


def send_offer(*, offer, token: str) -> int:
    """Offer an earlier time to a waiting person, in the language they use now, to the
    contact they left for it, with the single-use link that answers it and the link that
    stops the offers. Returns how many messages were queued."""
    entry = offer.entry
    appointment = entry.appointment
    language = recipient_language(appointment)
    slot = offer.slot
    zone = office_zone(slot.office)
    with translation.override(language):
        office_name = slot.office.name
    expires = offer.expires_at.astimezone(zone)
    context = {
        "local": LocalTime.of(slot),
        "current": LocalTime.of(appointment.slot),
        "office_name": office_name,
        "office_address": f"{slot.office.street}, {slot.office.city}, {slot.office.state} "
        f"{slot.office.zip}",
        "sms_address": f"{slot.office.street}, {slot.office.city}",
        "expires": expires.replace(tzinfo=None),
        "expires_zone": expires.tzname() or "",
        "offer_url": links.offer_url(token, language),
        "stop_url": links.offer_stop_url(token, language),
    }
    contacts = [("email", entry.contact_email), ("sms", entry.contact_phone)]
    sent = 0
    for channel, destination in contacts:
        if not destination:
            continue
        # A text message that does not fit drops the stop link (the offer's page has it)
        # and then the city.
        attempts = [context]
        if channel == "sms":
            attempts += [
                {**context, "stop_url": None},
                {**context, "stop_url": None, "sms_address": slot.office.street},
            ]
        for number, attempt in enumerate(attempts, start=1):
            try:
                send_message(
                    channel=channel,
                    destination=destination,
                    template=OFFER,
                    context=attempt,
                    language=language,
                    about=offer,
                    automatic=True,
                )
                sent += 1
                break
            except MessageTooLong:
                if number == len(attempts):
                    logger.warning("offer %s: text message too long", offer.pk)
            except MessagingError as error:
                logger.warning("offer %s: %s not queued (%s)", offer.pk, channel, error)
                break
    return sent


def send_offer_accepted(appointment: Appointment, *, email: str, phone: str) -> int:
    """The new appointment's details, to the contact the person left for offers (the
    moved message goes to the reminder contact, which they may not have left)."""
    return _to_reminder_contacts(appointment, DETAILS, email=email, phone=phone)
