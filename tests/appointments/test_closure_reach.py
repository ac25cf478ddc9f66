"""Office closures reach people (issue 13, point 3): a message to everyone who left a
contact, a call list for staff of those who could not be told, the cancelled date and
time on My check-in, and the optional "tell me if the office closes" contact at booking."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from appointments.availability import closure_apply
from appointments.models import Appointment, AppointmentStatus, Closure, OfficeStaff
from appointments.presentation import LocalTime
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory

pytestmark = pytest.mark.django_db

PHONE = "+12025550123"


def close_day_of(slot, **fields):
    day = slot.starts_at.astimezone(slot.office.zone).date()
    fields.setdefault("reason_kind", "weather")
    return Closure.objects.create(office=slot.office, starts_on=day, ends_on=day, **fields)


def admin_close(admin_client, slot):
    """Close the slot's day through the admin, as staff do."""
    day = slot.starts_at.astimezone(slot.office.zone).date()
    return admin_client.post(
        reverse("admin:appointments_closure_add"),
        {
            "office": slot.office.pk,
            "starts_on": day.isoformat(),
            "ends_on": day.isoformat(),
            "reason_kind": "weather",
        },
        follow=True,
    )


def test_closing_a_day_says_truly_who_was_told_and_links_the_call_list(
    admin_client, sms_outbox, django_capture_on_commit_callbacks
):
    slot = SlotFactory(booked=2)
    AppointmentFactory(slot=slot, reminder_phone=PHONE)
    silent = AppointmentFactory(slot=slot)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_close(admin_client, slot)
    page = response.content.decode()
    assert "their people told" not in page  # the old, untrue message
    assert "1 person was sent a message." in page
    assert "1 person left no contact: call them." in page
    closure = Closure.objects.get()
    assert reverse("admin:appointments_closure_call_list", args=[closure.pk]) in page
    assert len(sms_outbox) == 1
    silent.refresh_from_db()
    assert silent.status == AppointmentStatus.CANCELLED_BY_OFFICE
    assert silent.cancelled_by_closure == closure


def test_the_message_names_the_cancelled_day_and_time_and_the_reason_in_spanish(
    sms_outbox, django_capture_on_commit_callbacks
):
    appointment = AppointmentFactory(language="es", reminder_email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        closure_apply(closure=close_day_of(appointment.slot))
    from django.core import mail

    (message,) = mail.outbox
    with translation.override("es"):
        weather = str(Closure(reason_kind="weather").public_reason())
        local = LocalTime.of(appointment.slot)
    assert weather in message.body
    assert str(local.starts.day) in message.body
    # The contact was used for this message and is not kept.
    appointment.refresh_from_db()
    assert appointment.reminder_email == ""


def test_the_call_list_lists_who_could_not_be_told(
    admin_client, django_capture_on_commit_callbacks
):
    slot = SlotFactory(booked=2)
    told = AppointmentFactory(slot=slot, reminder_phone=PHONE)
    silent = AppointmentFactory(
        slot=slot, subject__family_names="Quispe", subject__given_names="Rosa"
    )
    with django_capture_on_commit_callbacks(execute=True):
        closure = close_day_of(slot)
        closure_apply(closure=closure)
    url = reverse("admin:appointments_closure_call_list", args=[closure.pk])
    page = admin_client.get(url).content.decode()
    assert "Quispe, Rosa" in page
    assert silent.subject.subject_id in page
    assert told.subject.subject_id not in page
    local = LocalTime.of(slot)
    assert f"{local.starts:%H:%M} {local.zone_abbreviation}" in page
    assert "Not recorded: see the release papers" in page
    assert "roster-print.css" in page  # printable
    # The change page links to it.
    change = admin_client.get(reverse("admin:appointments_closure_change", args=[closure.pk]))
    assert url in change.content.decode()


def test_a_failed_message_puts_the_person_on_the_call_list(
    admin_client, django_capture_on_commit_callbacks
):
    from checkin_portal.messaging.models import MessageStatus, OutboundMessage

    slot = SlotFactory(booked=1)
    appointment = AppointmentFactory(slot=slot, reminder_phone=PHONE)
    with django_capture_on_commit_callbacks(execute=True):
        closure = close_day_of(slot)
        closure_apply(closure=closure)
    url = reverse("admin:appointments_closure_call_list", args=[closure.pk])
    assert appointment.subject.subject_id not in admin_client.get(url).content.decode()
    OutboundMessage.objects.update(status=MessageStatus.FAILED, destination="")
    assert appointment.subject.subject_id in admin_client.get(url).content.decode()


def test_the_call_list_csv_escapes_formulae(admin_client):
    slot = SlotFactory(booked=1)
    AppointmentFactory(slot=slot, subject__family_names="=HYPERLINK(1)")
    closure = close_day_of(slot)
    closure_apply(closure=closure)
    url = reverse("admin:appointments_closure_call_list", args=[closure.pk])
    response = admin_client.get(url, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert "'=HYPERLINK(1)" in body
    assert "\n=HYPERLINK" not in body


def clerk_of(office):
    """A client signed in as staff of ``office`` who may view closures."""
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user("clerk", password="x" * 16, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_closure"))
    OfficeStaff.objects.create(office=office, user=user)
    client = Client()
    client.force_login(user)
    return client


def test_office_staff_see_only_their_offices_call_list():
    mine, theirs = OfficeFactory(code="MINE-AA"), OfficeFactory(code="THEIRS-BB")
    their_slot = SlotFactory(office=theirs, booked=1)
    AppointmentFactory(slot=their_slot, subject__subject_id="THEIRS001")
    closure = close_day_of(their_slot)
    closure_apply(closure=closure)
    client = clerk_of(mine)
    url = reverse("admin:appointments_closure_call_list", args=[closure.pk])
    response = client.get(url)
    assert response.status_code == 404
    assert "THEIRS001" not in response.content.decode()


def test_an_every_office_closure_lists_only_the_staff_members_offices():
    mine, theirs = OfficeFactory(code="MINE-AA"), OfficeFactory(code="THEIRS-BB")
    start = SlotFactory(office=mine, booked=1)
    AppointmentFactory(slot=start, subject__subject_id="MINE0001")
    other = SlotFactory(office=theirs, booked=1, starts_at=start.starts_at)
    AppointmentFactory(slot=other, subject__subject_id="THEIRS001")
    day = start.starts_at.astimezone(mine.zone).date()
    closure = Closure.objects.create(
        office=None,
        starts_on=day - datetime.timedelta(days=1),
        ends_on=day + datetime.timedelta(days=1),
        reason_kind="holiday",
    )
    closure_apply(closure=closure)
    client = clerk_of(mine)
    page = client.get(reverse("admin:appointments_closure_call_list", args=[closure.pk]))
    assert "MINE0001" in page.content.decode()
    assert "THEIRS001" not in page.content.decode()


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_my_checkin_shows_the_cancelled_date_time_and_reason(client, sign_in_as, language):
    appointment = AppointmentFactory(language=language)
    closure_apply(closure=close_day_of(appointment.slot))
    sign_in_as(appointment.subject)
    with translation.override(language):
        reason = str(Closure(reason_kind="weather").public_reason())
        page = client.get(reverse("subjects:my_checkin")).content.decode()
    notice = page.split('id="office-cancelled-heading"')[1].split("</section>")[0]
    # The cancelled time, written as every page writes a time (appointments/_when.html).
    assert 'class="portal-when"' in notice
    assert LocalTime.of(appointment.slot).zone_abbreviation in notice
    assert reason in notice


# --- the optional contact at booking


def review_then_confirm(client, slot, **contact):
    return client.post(reverse("appointments:confirm"), {"slot": slot.pk, **contact})


def test_booking_keeps_an_optional_contact_for_closures(client, sign_in_as):
    subject = sign_in_as(SubjectFactory())
    slot = SlotFactory()
    page = client.get(reverse("appointments:review"), {"slot": slot.pk}).content.decode()
    assert "If the office closes" in page
    response = review_then_confirm(
        client, slot, notice_channel="sms", notice_destination="202 555 0123"
    )
    assert response.status_code == 302
    appointment = Appointment.objects.get(subject=subject)
    assert appointment.reminder_phone == PHONE
    assert appointment.wants_reminder is False  # a closure notice, not a reminder


def test_booking_without_a_contact_still_books(client, sign_in_as):
    subject = sign_in_as(SubjectFactory())
    slot = SlotFactory()
    assert review_then_confirm(client, slot).status_code == 302
    assert Appointment.objects.get(subject=subject).reminder_phone == ""


@pytest.mark.parametrize(
    "contact",
    [
        {"notice_channel": "sms", "notice_destination": "12"},
        {"notice_channel": "email", "notice_destination": "not an address"},
        {"notice_channel": "fax", "notice_destination": "202 555 0123"},
        {"notice_channel": "sms", "notice_destination": "9" * 300},
    ],
)
def test_a_bad_contact_books_nothing_and_says_why(client, sign_in_as, contact):
    subject = sign_in_as(SubjectFactory())
    slot = SlotFactory()
    response = review_then_confirm(client, slot, **contact)
    assert response.status_code == 400
    assert "usa-error-message" in response.content.decode()
    assert not Appointment.objects.filter(subject=subject).exists()


def test_a_repeated_confirm_with_a_contact_books_once(client, sign_in_as):
    subject = sign_in_as(SubjectFactory())
    slot = SlotFactory()
    for _ in range(2):
        review_then_confirm(client, slot, notice_channel="email", notice_destination="a@b.org")
    (appointment,) = Appointment.objects.filter(subject=subject)
    assert appointment.reminder_email == "a@b.org"
    slot.refresh_from_db()
    assert slot.booked == 1


def test_the_hourly_job_erases_the_contact_once_the_appointment_is_over():
    import io

    import time_machine
    from django.core.management import call_command

    over = AppointmentFactory(reminder_phone=PHONE)
    ahead = AppointmentFactory(
        reminder_email="a@b.org",
        slot=SlotFactory(starts_at=over.slot.starts_at + datetime.timedelta(days=5)),
    )
    with time_machine.travel(over.slot.ends_at + datetime.timedelta(days=1, minutes=1)):
        out = io.StringIO()
        call_command("send_appointment_reminders", stdout=out)
    assert "1 past appointment contact(s) erased." in out.getvalue()
    over.refresh_from_db()
    ahead.refresh_from_db()
    assert over.reminder_phone == ""
    assert ahead.reminder_email == "a@b.org"
