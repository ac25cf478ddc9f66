import io

import pytest

from appointments import demo_data
from appointments.models import ScheduleRule, Slot
from offices import demo_data as offices_demo
from offices.models import Office

pytestmark = pytest.mark.django_db


def test_demo_gives_every_office_rules_and_times_and_is_idempotent(settings):
    settings.DEMO_SLOT_DAYS = 14
    offices_demo.load(io.StringIO())
    out = io.StringIO()
    demo_data.load(out)
    active = Office.objects.filter(is_active=True)
    assert active.count() >= 100
    assert ScheduleRule.objects.values("office").distinct().count() == active.count()
    slots = Slot.objects.count()
    assert slots > 1000
    demo_data.load(io.StringIO())
    assert Slot.objects.count() == slots
    assert ScheduleRule.objects.count() == active.count()
    assert "opening rules created" in out.getvalue()


def test_demo_books_an_online_appointment_for_one_person(settings):
    from subjects import demo_data as subjects_demo
    from subjects.models import Subject

    settings.DEMO_SLOT_DAYS = 14
    offices_demo.load(io.StringIO())
    subjects_demo.load(io.StringIO())
    demo_data.load(io.StringIO())
    demo_data.load(io.StringIO())
    person = Subject.objects.get(subject_id=demo_data.DEMO_BOOKED_SUBJECT_ID)
    assert person.appointments.filter(status="booked").count() == 1
