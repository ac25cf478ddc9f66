import datetime

import factory

from appointments.confirmation import new_confirmation_number
from appointments.models import Appointment, ScheduleRule, Slot
from checkin_portal import clock
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory


def days_from_now(days: int, hour: int = 15) -> datetime.datetime:
    """An aware UTC instant ``days`` from now at ``hour``:00 UTC."""
    base = clock.now().replace(hour=hour, minute=0, second=0, microsecond=0)
    return base + datetime.timedelta(days=days)


class ScheduleRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScheduleRule

    office = factory.SubFactory(OfficeFactory)
    weekdays = 0b0011111  # Monday to Friday
    opens = datetime.time(8, 0)
    closes = datetime.time(15, 0)
    slot_minutes = 30
    capacity = 2
    valid_from = factory.LazyFunction(lambda: clock.now().date())


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    office = factory.SubFactory(OfficeFactory)
    starts_at = factory.Sequence(lambda n: days_from_now(2) + datetime.timedelta(minutes=30 * n))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(minutes=30))
    capacity = 5
    booked = 0


class AppointmentFactory(factory.django.DjangoModelFactory):
    """An active appointment; the slot's seat is taken as the service would."""

    class Meta:
        model = Appointment

    subject = factory.SubFactory(SubjectFactory)
    slot = factory.SubFactory(SlotFactory, booked=1)
    confirmation_number = factory.LazyFunction(new_confirmation_number)
    language = "en"
