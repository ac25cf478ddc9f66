"""Writes for an appointment's contact details (the reminder and "tell me if the office
closes"). Changes of an appointment's state live in lifecycle.py, which uses the helpers
here to keep a contact only while the appointment is active. Each function is one
transaction."""

import datetime

from django.db import transaction
from django.db.models import Q

from checkin_portal import clock
from checkin_portal.prepared import Prepared

from .models import Appointment, AppointmentStatus, booked_by

CONTACT_FIELDS = ("wants_reminder", "reminder_email", "reminder_phone")


def active_for_update(subject) -> Appointment | None:
    return _ACTIVE_FOR_UPDATE.first(subject_id=subject.pk)


# Read in every booking transaction: compiled once per process (issue 17).
_ACTIVE_FOR_UPDATE = Prepared(
    lambda subject_id: (
        Appointment.objects.select_for_update().filter(booked_by(subject_id)).order_by("pk")[:1]
    ),
    args={"subject_id": int},
)


def contact_of(appointment: Appointment) -> dict:
    return {name: getattr(appointment, name) for name in CONTACT_FIELDS}


def has_contact(contact) -> bool:
    """Whether an appointment (or a ``contact_of`` dict) has somewhere to send messages."""
    if isinstance(contact, Appointment):
        contact = contact_of(contact)
    return bool(contact["reminder_email"] or contact["reminder_phone"])


def forget_contact(appointment: Appointment) -> None:
    """Erase the contact on the object; the caller saves ``CONTACT_FIELDS``."""
    appointment.wants_reminder = False
    appointment.reminder_email = ""
    appointment.reminder_phone = ""


def appointment_set_reminder(*, subject, channel: str, destination: str) -> Appointment | None:
    """Keep one contact for the day-before reminder on the person's active appointment."""
    with transaction.atomic():
        active = active_for_update(subject)
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
        active = active_for_update(subject)
        if active is not None:
            forget_contact(active)
            active.save(update_fields=[*CONTACT_FIELDS, "updated_at"])


def reminder_mark_sent(*, appointment_id: int) -> bool:
    """Claim the reminder for sending (True once per appointment, even with two workers)."""
    return bool(
        Appointment.objects.filter(
            pk=appointment_id, reminder_sent_at__isnull=True, status=AppointmentStatus.BOOKED
        ).update(reminder_sent_at=clock.now())
    )


def contacts_forget_past(*, grace=datetime.timedelta(days=1)) -> int:
    """Erase the contact of booked appointments whose time ended more than ``grace`` ago
    and that nobody marked (checked in or did not come would have erased it): a contact is
    kept only until the appointment. Returns how many were erased."""
    has_contact = ~Q(reminder_email="") | ~Q(reminder_phone="") | Q(wants_reminder=True)
    return (
        Appointment.objects.filter(has_contact, status=AppointmentStatus.BOOKED)
        .filter(slot__ends_at__lt=clock.now() - grace)
        .update(wants_reminder=False, reminder_email="", reminder_phone="")
    )
