"""`manage.py setup_staff_groups`: the staff groups the runbook tells people to use, with
exactly the permissions they need; and what an office account can and cannot reach."""

import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from appointments.models import OfficeStaff
from checkin_portal import staff_groups
from checkin_portal.staff_groups import CHECKIN_OFFICE_STAFF, PORTAL_DATA_STAFF, STAFF_GROUPS
from tests.appointments.factories import AppointmentFactory, SlotFactory
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db


def _perms(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def _member(group_name, username, *offices):
    user = User.objects.create_user(username=username, password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    for office in offices:
        OfficeStaff.objects.create(office=office, user=user)
    client = Client()
    client.force_login(user)
    return client


def test_groups_get_exactly_their_permissions():
    out = io.StringIO()
    call_command("setup_staff_groups", stdout=out)
    for name, wanted in STAFF_GROUPS.items():
        assert _perms(name) == set(wanted)
    assert "Check-in office staff: created" in out.getvalue()


def test_running_again_restores_the_list():
    call_command("setup_staff_groups", verbosity=0)
    group = Group.objects.get(name=CHECKIN_OFFICE_STAFF)
    group.permissions.add(Permission.objects.get(codename="delete_subject"))
    group.permissions.remove(Permission.objects.get(codename="change_appointment"))
    call_command("setup_staff_groups", verbosity=0)
    assert _perms(CHECKIN_OFFICE_STAFF) == set(STAFF_GROUPS[CHECKIN_OFFICE_STAFF])
    assert Group.objects.filter(name=CHECKIN_OFFICE_STAFF).count() == 1


def test_unknown_permission_stops_and_changes_nothing(monkeypatch):
    monkeypatch.setattr(
        staff_groups,
        "STAFF_GROUPS",
        {"Check-in office staff": ["offices.view_office", "offices.fly_office"]},
    )
    monkeypatch.setattr(
        "checkin_portal.management.commands.setup_staff_groups.STAFF_GROUPS",
        staff_groups.STAFF_GROUPS,
    )
    with pytest.raises(CommandError, match=r"offices\.fly_office"):
        call_command("setup_staff_groups", verbosity=0)
    assert not Group.objects.exists()


def test_office_staff_see_their_offices_appointments_only():
    call_command("setup_staff_groups", verbosity=0)
    mine, theirs = OfficeFactory(code="ATLANTA-GA"), OfficeFactory(code="MIAMI-FL")
    my_appointment = AppointmentFactory(slot=SlotFactory(office=mine, booked=1))
    their_appointment = AppointmentFactory(slot=SlotFactory(office=theirs, booked=1))
    client = _member(CHECKIN_OFFICE_STAFF, "clerk", mine)

    page = client.get(reverse("admin:appointments_appointment_changelist"))
    assert page.status_code == 200
    html = page.content.decode()
    assert reverse("admin:appointments_appointment_change", args=[my_appointment.pk]) in html
    assert reverse("admin:appointments_appointment_change", args=[their_appointment.pk]) not in html
    offices = client.get(reverse("admin:offices_office_changelist")).content.decode()
    assert "ATLANTA-GA" in offices
    assert "MIAMI-FL" not in offices
    for name in ("slot", "schedulerule", "closure"):
        assert client.get(reverse(f"admin:appointments_{name}_changelist")).status_code == 200
    # The capacity page's waiting-list and offer figures link to these lists.
    for name in ("waitlistentry", "offer"):
        assert client.get(reverse(f"admin:appointments_{name}_changelist")).status_code == 200


def test_office_staff_cannot_reach_people_records_hearings_or_messages():
    call_command("setup_staff_groups", verbosity=0)
    client = _member(CHECKIN_OFFICE_STAFF, "clerk", OfficeFactory())
    for url in (
        reverse("admin:subjects_subject_changelist"),
        reverse("admin:hearings_hearing_changelist"),
        reverse("admin:messaging_outboundmessage_changelist"),
        reverse("admin:auth_user_changelist"),
    ):
        assert client.get(url).status_code == 403, url


def test_staff_without_change_permission_cannot_import_people_by_url():
    """django-import-export lets any staff account import unless told which permission
    to ask for (IMPORT_EXPORT_IMPORT_PERMISSION_CODE)."""
    call_command("setup_staff_groups", verbosity=0)
    office_client = _member(CHECKIN_OFFICE_STAFF, "clerk", OfficeFactory())
    assert office_client.get(reverse("admin:subjects_subject_import")).status_code == 403
    assert office_client.get(reverse("admin:subjects_subject_export")).status_code == 403
    data_client = _member(PORTAL_DATA_STAFF, "records")
    assert data_client.get(reverse("admin:subjects_subject_import")).status_code == 200
    assert data_client.get(reverse("admin:subjects_subject_changelist")).status_code == 200
