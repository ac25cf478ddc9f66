"""Messages about appointments: on request, on changes, on office closures, the day before."""

import datetime
import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from appointments import lifecycle, notifications
from appointments.availability import closure_apply
from appointments.models import Appointment, AppointmentStatus, Closure
from appointments.presentation import LocalTime
from checkin_portal import clock
from checkin_portal.messaging.exceptions import MessageTooLong
from checkin_portal.messaging.rendering import render_message
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = pytest.mark.django_db
PHONE = "+12025550123"
MESSAGE_TEMPLATES = [
    notifications.DETAILS,
    notifications.CANCELLED,
    notifications.CANCELLED_BY_OFFICE,
    notifications.REMINDER,
]


def url(name):
    from django.urls import reverse

    with translation.override("en"):
        return reverse(name)


@pytest.fixture
def booked(sign_in_as):
    subject = sign_in_as(SubjectFactory())
    return AppointmentFactory(subject=subject, language="es")


def test_text_me_the_details_in_my_language(
    client: Client, booked, sms_outbox, django_capture_on_commit_callbacks
):
    with translation.override("es"):  # the person reads the Spanish pages now
        send_url = reverse("appointments:send")
        spanish_date = LocalTime.of(booked.slot).date_words
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url, {"channel": "sms", "destination": "202 555 0123"})
    assert response.status_code == 302
    assert [sms.to for sms in sms_outbox] == [PHONE]
    assert booked.display_number in sms_outbox[0].body
    assert spanish_date in sms_outbox[0].body  # e.g. "6 de diciembre de 2026"
    booked.refresh_from_db()
    assert booked.reminder_phone == "" and not booked.wants_reminder  # not kept


def test_email_me_the_details(client: Client, booked, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("appointments:send"), {"channel": "email", "destination": "ana@example.org"}
        )
    assert len(mail.outbox) == 1
    assert booked.display_number in mail.outbox[0].subject
    assert booked.display_number in mail.outbox[0].body
    assert mail.outbox[0].alternatives  # HTML part too


@pytest.mark.parametrize(
    ("channel", "destination"),
    [
        ("sms", ""),
        ("sms", "12"),
        ("sms", "x" * 300),
        ("email", "not-an-email"),
        ("fax", PHONE),
        ("email", "<script>@x"),
    ],
)
def test_bad_destination_is_a_clear_message_and_nothing_is_sent(
    client: Client, booked, sms_outbox, channel, destination
):
    response = client.post(
        url("appointments:send"), {"channel": channel, "destination": destination}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert sms_outbox == [] and mail.outbox == []
    booked.refresh_from_db()
    assert not booked.wants_reminder


def test_ask_for_a_reminder_then_stop_it(client: Client, booked):
    client.post(url("appointments:send"), {"channel": "sms", "destination": PHONE, "remind": "on"})
    booked.refresh_from_db()
    assert booked.wants_reminder and booked.reminder_phone == PHONE
    client.post(url("appointments:stop_reminders"))
    booked.refresh_from_db()
    assert not booked.wants_reminder and booked.reminder_phone == ""


def test_sending_is_rate_limited_without_touching_the_booking(client: Client, booked, settings):
    settings.MESSAGING_SESSION_RATE = "2/h"
    for _ in range(2):
        assert (
            client.post(
                url("appointments:send"), {"channel": "sms", "destination": PHONE}
            ).status_code
            == 302
        )
    response = client.post(url("appointments:send"), {"channel": "sms", "destination": PHONE})
    assert response.status_code == 429
    assert "could not send" in response.content.decode()
    booked.refresh_from_db()
    assert booked.status == AppointmentStatus.BOOKED


def test_moving_keeps_the_reminder_and_tells_the_person(
    sms_outbox, django_capture_on_commit_callbacks
):
    appointment = AppointmentFactory(wants_reminder=True, reminder_phone=PHONE)
    new_slot = SlotFactory()
    with django_capture_on_commit_callbacks(execute=True):
        result = lifecycle.appointment_book(
            subject=appointment.subject, slot_id=new_slot.pk, language="en"
        )
    appointment.refresh_from_db()
    assert (appointment.wants_reminder, appointment.reminder_phone) == (False, "")
    assert result.appointment.reminder_phone == PHONE
    assert result.appointment.display_number in sms_outbox[0].body


def test_cancelling_tells_the_person_and_forgets_the_contact(
    sms_outbox, django_capture_on_commit_callbacks
):
    appointment = AppointmentFactory(wants_reminder=True, reminder_phone=PHONE)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.appointment_cancel(subject=appointment.subject)
    assert "cancelled" in sms_outbox[0].body
    appointment.refresh_from_db()
    assert appointment.reminder_phone == ""
    # History never held the contact.
    assert not hasattr(appointment.history.first(), "reminder_phone")


def test_office_closure_tells_people_who_left_a_contact(
    sms_outbox, django_capture_on_commit_callbacks
):
    office = OfficeFactory()
    slot = SlotFactory(office=office, starts_at=days_from_now(3), booked=2)
    told = AppointmentFactory(slot=slot, wants_reminder=True, reminder_phone=PHONE)
    AppointmentFactory(slot=slot)  # no contact: cannot be told, sees it at sign-in
    day = slot.starts_at.astimezone(office.zone).date()
    closure = Closure.objects.create(office=office, starts_on=day, ends_on=day, reason="Flood")
    with django_capture_on_commit_callbacks(execute=True):
        report = closure_apply(closure=closure)
    assert report.told == 1 and report.not_told == 1
    assert len(sms_outbox) == 1
    assert told.display_number in sms_outbox[0].body
    assert Appointment.objects.filter(status=AppointmentStatus.CANCELLED_BY_OFFICE).count() == 2


def test_a_failed_send_never_undoes_the_booking(monkeypatch):
    from checkin_portal.messaging import MessagingError

    def broken(**kwargs):
        raise MessagingError("provider down")

    monkeypatch.setattr(notifications, "send_message", broken)
    appointment = AppointmentFactory(wants_reminder=True, reminder_phone=PHONE)
    assert notifications.notify_moved(appointment) == 0
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED


def test_reminders_go_out_once_the_day_before(sms_outbox, django_capture_on_commit_callbacks):
    # Relative to now, not to a clock hour: "tomorrow at 17:00 UTC" is more than 36 hours
    # away just after midnight UTC, which made this test fail between 00:00 and 05:00.
    now = clock.now()
    tomorrow = AppointmentFactory(
        slot=SlotFactory(starts_at=now + datetime.timedelta(hours=24)),
        wants_reminder=True,
        reminder_phone=PHONE,
    )
    AppointmentFactory(
        slot=SlotFactory(starts_at=days_from_now(5)),
        wants_reminder=True,
        reminder_phone="+12025550199",
    )
    AppointmentFactory(slot=SlotFactory(starts_at=now + datetime.timedelta(hours=25)))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_appointment_reminders", stdout=io.StringIO())
        call_command("send_appointment_reminders", stdout=io.StringIO())
    assert [sms.to for sms in sms_outbox] == [PHONE]
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at is not None


def render_fitting(channel, template, context, language):
    """As sent: a text message that does not fit is the first shorter version that does
    (notifications.sms_fallbacks; test_message_words checks what every version keeps)."""
    attempts = list(notifications.sms_fallbacks(context)) if channel == "sms" else [context]
    for attempt in attempts[:-1]:
        try:
            return render_message(
                channel=channel, template=template, context=attempt, language=language
            )
        except MessageTooLong:
            continue
    return render_message(
        channel=channel, template=template, context=attempts[-1], language=language
    )


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
@pytest.mark.parametrize("template", MESSAGE_TEMPLATES)
def test_every_text_message_fits_two_segments(language, template):
    office = OfficeFactory(name="Chicago Field Office Check-In Location Annex")
    appointment = AppointmentFactory(slot=SlotFactory(office=office), language=language)
    context = notifications.message_context(appointment)
    rendered = render_fitting("sms", template, context, language)
    assert appointment.display_number in rendered.text
    email = render_message(channel="email", template=template, context=context, language=language)
    assert appointment.display_number in email.text
    if template in (notifications.DETAILS, notifications.REMINDER):
        assert LocalTime.of(appointment.slot).zone_abbreviation in rendered.text


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
@pytest.mark.parametrize("template", MESSAGE_TEMPLATES)
def test_messages_are_written_in_the_recipients_language(language, template):
    """No line of an email or text is left as the English one (except lines that hold only
    names, codes and numbers, which the English shares)."""
    appointment = AppointmentFactory(language=language)
    context = notifications.message_context(appointment)

    def lines(lang, channel):
        rendered = render_fitting(channel, template, context, lang)
        return rendered.subject, {line for line in rendered.text.splitlines() if line.strip()}

    english_subject, english_lines = lines("en", "email")
    subject, text_lines = lines(language, "email")
    assert subject != english_subject
    shared = {line for line in text_lines & english_lines if re.search(r"[^\W\d_]{4,}", line)}
    allowed = {context["office_name"], context["office_address"], settings.PORTAL_NAME}
    allowed |= {context["subject_id"], context["person_name"]}  # "Subject ID: A123..."
    assert not {line for line in shared if not any(a and a in line for a in allowed)}, shared
    _, sms_lines = lines(language, "sms")
    assert sms_lines != lines("en", "sms")[1]


def test_office_name_in_messages_follows_the_recipient_not_the_sender():
    office = OfficeFactory(name_en="Chicago Field Office", name_es="Oficina de Chicago")
    appointment = AppointmentFactory(slot=SlotFactory(office=office), language="es")
    with translation.override("en"):  # e.g. the reminder job, or staff in admin
        context = notifications.message_context(appointment)
    assert context["office_name"] == "Oficina de Chicago"
