"""Appointment.reminder_phone is a PhoneNumberField (issue 15 point 3): the migration keeps
the data (E.164 when it parses, as typed when not) and a stored number still sends."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from appointments.models import Appointment
from checkin_portal.messaging.api import normalise_destination
from checkin_portal.messaging.exceptions import InvalidDestination

from .factories import AppointmentFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("appointments.migrations.0009_reminder_phone_number_field")


class _Editor:
    connection = connection


@pytest.mark.parametrize(
    ("stored", "after"),
    [
        ("312.555.0188", "+13125550188"),
        ("(312) 555-0188", "+13125550188"),
        ("+13125550188", "+13125550188"),
        ("", ""),
        ("nope", "nope"),
    ],
)
def test_migration_keeps_every_reminder_phone(stored, after):
    appointment = AppointmentFactory()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE appointments_appointment SET reminder_phone = %s WHERE id = %s",
            [stored, appointment.pk],
        )
    migration.normalise(apps, _Editor())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reminder_phone FROM appointments_appointment WHERE id = %s", [appointment.pk]
        )
        assert cursor.fetchone()[0] == after


def test_a_stored_number_is_a_destination_and_a_kept_text_is_refused():
    appointment = AppointmentFactory()
    Appointment.objects.filter(pk=appointment.pk).update(reminder_phone="312-555-0188")
    appointment.refresh_from_db()
    assert appointment.reminder_phone.as_e164 == "+13125550188"
    assert normalise_destination("sms", appointment.reminder_phone) == "+13125550188"
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE appointments_appointment SET reminder_phone = 'nope' WHERE id = %s",
            [appointment.pk],
        )
    appointment.refresh_from_db()
    assert str(appointment.reminder_phone) == "nope"
    with pytest.raises(InvalidDestination):
        normalise_destination("sms", appointment.reminder_phone)
