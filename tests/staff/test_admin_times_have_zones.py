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


# --- Every admin list, read-only field and export of the project ---------------------------

PROJECT_PACKAGES = {
    "checkin_portal",
    "offices",
    "appointments",
    "subjects",
    "addresses",
    "hearings",
}
# Exported without a zone on purpose: read back by the import of the same file, with the
# zone in a column of its own (paperwork_office_time_zone), in that zone.
EXPORT_EXEMPT = {("subjects.Subject", "paperwork_appointment_at")}


def _project_admins():
    from django.apps import apps
    from django.contrib import admin

    for model in apps.get_models():
        if model.__module__.split(".")[0] in PROJECT_PACKAGES and admin.site.is_registered(model):
            yield model, admin.site.get_model_admin(model)


def _is_datetime(model, name) -> bool:
    from django.core.exceptions import FieldDoesNotExist
    from django.db import models

    if not isinstance(name, str):
        return False
    try:
        return isinstance(model._meta.get_field(name), models.DateTimeField)
    except FieldDoesNotExist:
        return False


def test_no_admin_list_or_read_only_date_time_without_its_zone(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    bare = [
        f"{model._meta.label}.{name}"
        for model, model_admin in _project_admins()
        for name in [
            *model_admin.get_list_display(request),
            *model_admin.get_readonly_fields(request),
        ]
        if _is_datetime(model, name)
    ]
    assert bare == [], "derive from checkin_portal.admin_time.ZonedTimesAdmin (or HistoryAdmin)"


def test_no_export_date_time_without_its_zone():
    from checkin_portal.admin_time import ZonedDateTimeWidget

    bare = []
    for model, model_admin in _project_admins():
        for resource_class in getattr(model_admin, "resource_classes", None) or []:
            for name, field in resource_class().fields.items():
                attribute = field.attribute or ""
                if (
                    _is_datetime(model, attribute)
                    and not isinstance(field.widget, ZonedDateTimeWidget)
                    and (model._meta.label, attribute) not in EXPORT_EXEMPT
                    and not hasattr(resource_class, f"dehydrate_{name}")
                ):
                    bare.append(f"{model._meta.label}.{name}")
    assert bare == [], "give the field widget=ZonedDateTimeWidget()"


def test_address_change_list_and_export_show_zones(root, settings):
    from addresses.admin import AddressChangeResource
    from addresses.models import AddressChange
    from tests.addresses.factories import AddressChangeFactory

    settings.TIME_ZONE = "America/New_York"
    AddressChangeFactory(submitted_at=NINE_CST)
    page = root.get(reverse("admin:addresses_addresschange_changelist")).content.decode()
    assert "2026-12-28 10:00 EST" in page
    dataset = AddressChangeResource().export(queryset=AddressChange.objects.all())
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert row["submitted_at"] == "2026-12-28 10:00 EST"
    assert row["processed_at"] == ""


def test_message_list_shows_zones(root, settings):
    from checkin_portal.messaging.models import OutboundMessage

    settings.TIME_ZONE = "America/New_York"
    OutboundMessage.objects.filter(pk__in=[]).exists()  # model importable
    page = root.get(reverse("admin:messaging_outboundmessage_changelist")).content.decode()
    assert page.count("portal-admin-zone") == 0  # a list has no inputs


def test_admin_date_time_inputs_say_their_zone(root, settings):
    settings.TIME_ZONE = "America/New_York"
    page = root.get(reverse("admin:subjects_subject_add")).content.decode()
    assert "Time zone: America/New_York (E" in page
