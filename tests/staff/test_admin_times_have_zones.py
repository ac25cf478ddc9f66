"""Issue 14: staff saw "Dec. 25, 2026, 10 a.m." with no zone where the person saw 9 a.m. CST."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from appointments.admin.appointments import AppointmentResource
from appointments.models import Appointment
from checkin_portal.places.zones import with_zone
from tests.appointments.factories import AppointmentFactory, SlotFactory
from tests.helpers import staff_login
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db

NINE_CST = datetime.datetime(2026, 12, 28, 15, 0, tzinfo=datetime.UTC)  # 9 a.m. in Chicago


def test_with_zone():
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    assert with_zone(NINE_CST, chicago) == "2026-12-28 09:00 CST"
    assert with_zone(None, chicago) == ""


def test_with_zone_defaults_to_the_server_zone(settings):
    settings.TIME_ZONE = "America/New_York"
    assert with_zone(NINE_CST) == "2026-12-28 10:00 EST"


@pytest.fixture
def root():
    client = Client()
    staff_login(client, User.objects.create_superuser(username="root", password="x" * 16))
    return client


def test_subject_list_shows_the_papers_time_in_the_office_zone(root):
    SubjectFactory(
        paperwork_appointment_at=NINE_CST,
        paperwork_office_name="Chicago, IL",
        paperwork_office_address="101 W Congress Pkwy, Chicago, IL 60605",
        paperwork_office_time_zone="America/Chicago",
    )
    page = root.get(reverse("admin:subjects_subject_changelist")).content.decode()
    assert "2026-12-28 09:00 CST" in page


def test_appointment_export_has_the_office_time_with_its_zone():
    office = OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago")
    AppointmentFactory(slot=SlotFactory(office=office, starts_at=NINE_CST))
    dataset = AppointmentResource().export(queryset=Appointment.objects.all())
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert row["starts_at_office_time"] == "2026-12-28 09:00 CST"
