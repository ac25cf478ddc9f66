"""Issue 14: ``load_demo_data --reset`` puts the demo people back as README lists them, and
the demo's dates avoid weekends and federal holidays."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command

from addresses.models import AddressChange
from appointments import lifecycle
from appointments.models import Appointment, Slot
from checkin_portal.business_days import is_federal_holiday
from subjects.demo_data import DEMO_SUBJECT_IDS, _subjects
from subjects.models import Subject

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("today", [datetime.date(2026, 12, 4), datetime.date(2027, 1, 4)])
def test_demo_papers_dates_avoid_holidays_and_weekends(today):
    # 4 Dec + 21 days is Christmas Day; 4 Jan - 10 days is Christmas Day too.
    for values in _subjects(today):
        when = values.get("paperwork_appointment_at")
        if when is not None:
            assert when.weekday() < 5, when
            assert not is_federal_holiday(when.date()), when


def _snapshot():
    return {
        "people": sorted(
            Subject.objects.filter(subject_id__in=DEMO_SUBJECT_IDS).values_list(
                "subject_id", "given_names", "paperwork_appointment_at", "checkin_completed_on"
            )
        ),
        "appointments": sorted(
            Appointment.objects.values_list("subject__subject_id", "status", "slot_id")
        ),
        "changes": sorted(AddressChange.objects.values_list("receipt_number", flat=True)),
    }


def test_reset_restores_the_documented_demo(settings):
    settings.DEMO_MODE = True
    settings.DEMO_SLOT_DAYS = 14
    with time_machine.travel(datetime.datetime(2026, 12, 4, 15, tzinfo=datetime.UTC), tick=False):
        call_command("load_demo_data", stdout=io.StringIO())
        before = _snapshot()
        booked_seats = sum(Slot.objects.values_list("booked", flat=True))
        # A demo: someone books, someone changes details, someone is deleted.
        person = Subject.objects.get(subject_id="DEMO1003")
        slot = (
            Slot.objects.filter(booked=0, is_blocked=False, office__code="CHICAGO-IL")
            .order_by("-starts_at")
            .first()
        )
        lifecycle.appointment_book(subject=person, slot_id=slot.pk, language="en")
        Subject.objects.filter(subject_id="DEMO1001").update(given_names="Changed")
        Subject.objects.filter(subject_id="DEMO1006").delete()
        assert _snapshot() != before

        call_command("load_demo_data", "--reset", stdout=io.StringIO())
        after = _snapshot()
        assert after["people"] == [(p[0], p[1], p[2], p[3]) for p in before["people"]]
        assert [(a[0], a[1]) for a in after["appointments"]] == [
            (a[0], a[1]) for a in before["appointments"]
        ]
        assert after["changes"] == before["changes"]
        assert sum(Slot.objects.values_list("booked", flat=True)) == booked_seats
