"""Messages about appointments, in the language the person booked in.

Automatic messages (moved, cancelled, cancelled by the office, the day-before reminder) go
only to a contact the person chose to keep for reminders; "Email me / Text me these
details" sends to whatever they type, without storing it. Every send goes through
``checkin_portal.messaging`` (queued after commit, retried, rate-limited); a failure to send
never undoes a booking."""

import logging

from checkin_portal.messaging import MessagingError, send_message

from .models import Appointment
from .presentation import LocalTime

logger = logging.getLogger(__name__)

DETAILS = "appointments/messages/appointment_details"
CANCELLED = "appointments/messages/appointment_cancelled"
CANCELLED_BY_OFFICE = "appointments/messages/appointment_cancelled_by_office"
REMINDER = "appointments/messages/appointment_reminder"


def message_context(appointment: Appointment) -> dict:
    slot = appointment.slot
    office = slot.office
    return {
        "confirmation_number": appointment.display_number,
        "local": LocalTime.of(slot),
        "office_name": office.name,
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
    )


def _to_reminder_contacts(appointment: Appointment, template: str) -> int:
    """Send ``template`` to each contact kept for reminders; returns how many were queued."""
    sent = 0
    contacts = [("email", appointment.reminder_email), ("sms", appointment.reminder_phone)]
    for channel, destination in contacts:
        if not destination:
            continue
        try:
            send_message(
                channel=channel,
                destination=destination,
                template=template,
                context=message_context(appointment),
                language=appointment.language,
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


def notify_cancelled_by_office(appointment_ids: list[int]) -> int:
    appointments = Appointment.objects.select_related("slot__office").filter(pk__in=appointment_ids)
    return sum(_to_reminder_contacts(a, CANCELLED_BY_OFFICE) for a in appointments)


def send_reminder(appointment: Appointment) -> int:
    return _to_reminder_contacts(appointment, REMINDER)
