"""Messages about appointments, in the language the person booked in.

Automatic messages (moved, cancelled, cancelled by the office, the day-before reminder) go
only to a contact the person chose to keep for reminders; "Email me / Text me these
details" sends to whatever they type, without storing it. Every send goes through
``checkin_portal.messaging`` (queued after commit, retried, rate-limited); a failure to send
never undoes a booking."""

import logging

from django.utils import translation

from checkin_portal.messaging import MessageTooLong, MessagingError, send_message

from .models import Appointment, Closure
from .presentation import LocalTime

logger = logging.getLogger(__name__)

DETAILS = "appointments/messages/appointment_details"
CANCELLED = "appointments/messages/appointment_cancelled"
CANCELLED_BY_OFFICE = "appointments/messages/appointment_cancelled_by_office"
REMINDER = "appointments/messages/appointment_reminder"


def message_context(appointment: Appointment) -> dict:
    slot = appointment.slot
    office = slot.office
    # The office's name is a translated field: read it in the recipient's language, not in
    # the sender's (a staff member in admin, the reminder job in the default language).
    with translation.override(appointment.language):
        office_name = office.name
    return {
        "confirmation_number": appointment.display_number,
        "local": LocalTime.of(slot),
        "office_name": office_name,
        "office_address": f"{office.street}, {office.city}, {office.state} {office.zip}",
    }


def send_details(*, appointment: Appointment, channel: str, destination: str, session_key=None):
    """The person asked to get their appointment by email or text. Raises MessagingError
    (with a translated ``user_message``) when it cannot be queued."""
    return send_message(
        channel=channel,
        destination=destination,
        template=DETAILS,
        context=message_context(appointment),
        language=appointment.language,
        session_key=session_key,
        about=appointment,
    )


def _send(appointment: Appointment, channel: str, destination: str, template: str, context):
    try:
        send_message(
            channel=channel,
            destination=destination,
            template=template,
            context=context,
            language=appointment.language,
            about=appointment,
        )
    except MessageTooLong:
        if channel != "sms" or not context.get("closure_reason"):
            raise
        # A long closure reason does not fit a text message: send it without the reason
        # (the person sees the reason when they sign in).
        _send(appointment, channel, destination, template, {**context, "closure_reason": None})


def _to_reminder_contacts(appointment: Appointment, template: str, extra=None) -> int:
    """Send ``template`` to each contact kept for reminders; returns how many were queued."""
    sent = 0
    context = {**message_context(appointment), **(extra or {})}
    contacts = [("email", appointment.reminder_email), ("sms", appointment.reminder_phone)]
    for channel, destination in contacts:
        if not destination:
            continue
        try:
            _send(appointment, channel, destination, template, context)
            sent += 1
        except MessagingError as error:
            # Never lose the booking over a message; staff see the failure in the log.
            logger.warning("appointment %s: %s not queued (%s)", appointment.pk, channel, error)
    return sent


def notify_moved(appointment: Appointment) -> int:
    return _to_reminder_contacts(appointment, DETAILS)


def notify_cancelled(appointment: Appointment) -> int:
    return _to_reminder_contacts(appointment, CANCELLED)


def notify_cancelled_by_office(
    appointment_ids: list[int], *, closure: Closure | None = None
) -> int:
    """Tell each person, in the language they booked in, that the office cancelled their
    appointment and why (``closure``; found per appointment when not given)."""
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
        with translation.override(appointment.language):
            reason = why.public_reason() if why else None
        sent += _to_reminder_contacts(appointment, CANCELLED_BY_OFFICE, {"closure_reason": reason})
    return sent


def send_reminder(appointment: Appointment) -> int:
    return _to_reminder_contacts(appointment, REMINDER)
