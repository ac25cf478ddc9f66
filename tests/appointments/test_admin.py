"""Staff tools: scoping to own offices, safe capacity edits, actions, search, roster."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse

from appointments.models import Appointment, AppointmentStatus, Closure, OfficeStaff, Slot
from tests.offices.factories import OfficeFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = pytest.mark.django_db


def staff_for(*offices, username="clerk"):
    user = User.objects.create_user(username=username, password="x" * 16, is_staff=True)
    codenames = [
        f"{action}_{model}"
        for model in ("slot", "appointment", "closure", "schedulerule")
        for action in ("view", "change", "add", "delete")
    ]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    for office in offices:
        OfficeStaff.objects.create(office=office, user=user)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_offices():
    return OfficeFactory(code="ATLANTA-GA"), OfficeFactory(code="MIAMI-FL")


def test_staff_see_only_their_offices_slots(two_offices):
    mine, theirs = two_offices
    my_slot, their_slot = SlotFactory(office=mine), SlotFactory(office=theirs)
    client = staff_for(mine)
    changelist = client.get(reverse("admin:appointments_slot_changelist")).content.decode()
    assert reverse("admin:appointments_slot_change", args=[my_slot.pk]) in changelist
    assert reverse("admin:appointments_slot_change", args=[their_slot.pk]) not in changelist
    # Opening the other office's slot directly does not show it.
    response = client.get(reverse("admin:appointments_slot_change", args=[their_slot.pk]))
    assert response.status_code == 302
    assert "MIAMI" not in client.get(response["Location"]).content.decode().split("messagelist")[0]


def test_staff_cannot_change_another_offices_slot(two_offices):
    mine, theirs = two_offices
    their_slot = SlotFactory(office=theirs, capacity=5)
    client = staff_for(mine)
    client.post(
        reverse("admin:appointments_slot_change", args=[their_slot.pk]),
        {"capacity": 1, "is_blocked": "on"},
    )
    their_slot.refresh_from_db()
    assert (their_slot.capacity, their_slot.is_blocked) == (5, False)
    # Nor through a bulk action.
    client.post(
        reverse("admin:appointments_slot_changelist"),
        {"action": "block", "_selected_action": [their_slot.pk]},
    )
    their_slot.refresh_from_db()
    assert not their_slot.is_blocked


def test_staff_cannot_see_another_offices_appointments(two_offices):
    mine, theirs = two_offices
    their_appointment = AppointmentFactory(slot=SlotFactory(office=theirs))
    client = staff_for(mine)
    html = client.get(
        reverse("admin:appointments_appointment_changelist"),
        {"q": their_appointment.confirmation_number},
    ).content.decode()
    assert their_appointment.display_number not in html
    roster = client.get(
        reverse("admin:appointments_appointment_roster"), {"office": theirs.code}
    ).content.decode()
    assert their_appointment.subject.subject_id not in roster


def test_superuser_sees_everything(two_offices, admin_client):
    slots = [SlotFactory(office=office) for office in two_offices]
    html = admin_client.get(reverse("admin:appointments_slot_changelist")).content.decode()
    for slot in slots:
        assert reverse("admin:appointments_slot_change", args=[slot.pk]) in html


def test_capacity_cannot_go_below_booked(admin_client):
    slot = SlotFactory(capacity=3, booked=2)
    response = admin_client.post(
        reverse("admin:appointments_slot_change", args=[slot.pk]), {"capacity": 1}
    )
    assert response.status_code == 200
    assert "2 people are already booked at this time" in response.content.decode()
    slot.refresh_from_db()
    assert slot.capacity == 3
    admin_client.post(reverse("admin:appointments_slot_change", args=[slot.pk]), {"capacity": 2})
    slot.refresh_from_db()
    assert slot.capacity == 2


def test_block_and_unblock_actions(admin_client):
    slot = SlotFactory()
    url = reverse("admin:appointments_slot_changelist")
    admin_client.post(url, {"action": "block", "_selected_action": [slot.pk]})
    slot.refresh_from_db()
    assert slot.is_blocked
    admin_client.post(url, {"action": "unblock", "_selected_action": [slot.pk]})
    slot.refresh_from_db()
    assert not slot.is_blocked


def test_search_by_confirmation_number_or_subject_id(admin_client):
    appointment, other = AppointmentFactory(), AppointmentFactory()
    url = reverse("admin:appointments_appointment_changelist")
    typed = appointment.display_number.lower()  # as a person reads it out
    html = admin_client.get(url, {"q": typed}).content.decode()
    assert appointment.display_number in html and other.display_number not in html
    html = admin_client.get(url, {"q": appointment.subject.subject_id}).content.decode()
    assert appointment.display_number in html and other.display_number not in html


def test_check_in_and_no_show_actions_record_who(admin_user):
    slot = SlotFactory(starts_at=days_from_now(2, hour=17), booked=2)  # midday in the US
    came, missed = AppointmentFactory(slot=slot), AppointmentFactory(slot=slot)
    url = reverse("admin:appointments_appointment_changelist")
    # On the appointment's day, after its time (the only time these marks are allowed).
    with time_machine.travel(slot.starts_at + datetime.timedelta(minutes=10), tick=False):
        admin_client = Client()
        admin_client.force_login(admin_user)
        admin_client.post(url, {"action": "mark_checked_in", "_selected_action": [came.pk]})
        admin_client.post(url, {"action": "mark_no_show", "_selected_action": [missed.pk]})
    came.refresh_from_db()
    missed.refresh_from_db()
    assert came.status == AppointmentStatus.CHECKED_IN
    assert came.handled_by.username == "admin"
    assert missed.status == AppointmentStatus.NO_SHOW


def test_staff_cannot_add_or_delete_appointments(admin_client):
    assert admin_client.get(reverse("admin:appointments_appointment_add")).status_code == 403
    appointment = AppointmentFactory()
    response = admin_client.get(
        reverse("admin:appointments_appointment_delete", args=[appointment.pk])
    )
    assert response.status_code == 403


def test_roster_lists_the_days_appointments_in_office_time(admin_client):
    office = OfficeFactory(time_zone="America/Chicago")
    slot = SlotFactory(office=office, starts_at=days_from_now(2, hour=15))
    appointment = AppointmentFactory(slot=slot)
    AppointmentFactory(slot=SlotFactory(office=office, starts_at=days_from_now(3)))
    day = slot.starts_at.astimezone(office.zone).date()
    html = admin_client.get(
        reverse("admin:appointments_appointment_roster"),
        {"office": office.code, "day": day.isoformat()},
    ).content.decode()
    assert appointment.subject.subject_id in html
    assert "1 appointment." in html
    assert "CST" in html or "CDT" in html


def test_csv_export_leaves_out_contact_details(admin_client):
    appointment = AppointmentFactory(wants_reminder=True, reminder_phone="+12025550123")
    form = admin_client.post(
        reverse("admin:appointments_appointment_changelist"),
        {"action": "export_admin_action", "_selected_action": [appointment.pk]},
    ).content.decode()
    assert "appointmentresource_confirmation" in form
    assert "reminder" not in form
    fields = [
        "confirmation",
        "subject_id",
        "office",
        "starts_at",
        "status",
        "language",
        "created_at",
    ]
    response = admin_client.post(
        reverse("admin:appointments_appointment_export"),
        {
            "format": "0",
            "resource": "0",
            "export_items": [appointment.pk],
            **{f"appointmentresource_{name}": "on" for name in fields},
        },
    )
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert appointment.display_number in body
    assert appointment.subject.subject_id in body
    assert "5550123" not in body


def test_closure_in_admin_cancels_bookings_by_office(admin_client, sms_outbox):
    office = OfficeFactory()
    slot = SlotFactory(office=office, starts_at=days_from_now(4), booked=1)
    appointment = AppointmentFactory(slot=slot, wants_reminder=True, reminder_phone="+12025550123")
    Slot.objects.filter(pk=slot.pk).update(booked=1)
    day = slot.starts_at.astimezone(office.zone).date()
    admin_client.post(
        reverse("admin:appointments_closure_add"),
        {
            "office": office.pk,
            "starts_on": day,
            "ends_on": day,
            "reason_en": "Storm",
            "reason_es": "Tormenta",
        },
    )
    assert Closure.objects.get().reason_es == "Tormenta"
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED_BY_OFFICE
    slot.refresh_from_db()
    assert slot.is_blocked and slot.booked == 0
    assert Appointment.objects.filter(status=AppointmentStatus.BOOKED).count() == 0


def test_only_superusers_close_every_office(two_offices):
    mine, _ = two_offices
    client = staff_for(mine)
    client.post(
        reverse("admin:appointments_closure_add"),
        {"office": "", "starts_on": "2030-01-02", "ends_on": "2030-01-02", "reason_en": "All"},
    )
    assert not Closure.objects.filter(office__isnull=True).exists()
