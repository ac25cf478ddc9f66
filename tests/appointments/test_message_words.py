"""Issue 13, points 4-6: messages that stand alone, words that fit the moment, and the
printout as proof of trying to comply."""

import datetime
import re

import pytest
import time_machine
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import formats, translation

from appointments import notifications
from appointments.calendar_file import appointment_ics
from appointments.models import Appointment
from appointments.presentation import LocalTime
from checkin_portal.messaging.exceptions import MessageTooLong
from checkin_portal.messaging.models import OutboundMessage
from checkin_portal.messaging.rendering import render_message
from checkin_portal.messaging.sms import sms_size
from subjects.models import Subject
from tests.offices.factories import OfficeFactory
from tests.portal.test_failure_policy import CLOSED_REDIS
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory

pytestmark = pytest.mark.django_db
PHONE = "+12025550123"
LANGUAGES = [code for code, _ in settings.LANGUAGES]
TEMPLATES = [
    notifications.DETAILS,
    notifications.CANCELLED,
    notifications.CANCELLED_BY_OFFICE,
    notifications.REMINDER,
]
# A day and month in digits, either way round: 12/07/2026, 04.12.2026, 2026-12-04, 4-12-26.
NUMERIC_DATE = re.compile(r"\d{1,4}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{1,4}")
# 2026-12-08 15:00 UTC is 10:00 in Atlanta (EST), a Tuesday.
NOW = datetime.datetime(2026, 12, 8, 15, 0, tzinfo=datetime.UTC)


def _url(name, language="en"):
    with translation.override(language):
        return reverse(name)


def _longest_real_office():
    """The longest street address among the real offices (shared/data/ero_offices.csv),
    with a long name: the worst case for a text message."""
    return OfficeFactory(
        name="Seattle Field Office Check-In Location Annex",
        street="12500 Tukwila International Boulevard 4th Floor",
        city="Seattle",
        state="WA",
        zip="98168",
        latitude=47.49,
        longitude=-122.28,
    )


def _without_links(text):
    return re.sub(r"https?://\S+", "", text)  # a link may hold an IP address


def _first_that_fits(template, context, language):
    for attempt in notifications.sms_fallbacks(context):
        try:
            return render_message(
                channel="sms", template=template, context=attempt, language=language
            )
        except MessageTooLong:
            continue
    raise AssertionError(f"{template} in {language}: no text message fits two segments")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_message_stands_alone(language, template):
    """Street address, date in words (never a numeric day/month), time with its zone and
    the confirmation number, in every text and email, in every language; each text fits
    two segments without losing any of them."""
    office = _longest_real_office()
    # September: the longest month name in most languages; 14:30 has two digits each side.
    slot = SlotFactory(
        office=office, starts_at=datetime.datetime(2027, 9, 28, 21, 30, tzinfo=datetime.UTC)
    )
    appointment = AppointmentFactory(slot=slot, language=language)
    context = {**notifications.message_context(appointment), "closure_reason": "Flood"}
    local = context["local"]
    with translation.override(language):
        day, time = local.date_words, local.time_words
        clock_time = formats.time_format(local.starts, "TIME_FORMAT")
    assert "2027" in day and local.zone_abbreviation in time

    sms = _first_that_fits(template, context, language).text
    assert sms_size(sms).fits
    for part in (appointment.display_number, office.street, office.city, day, time):
        assert part in sms, (part, sms)
    assert not NUMERIC_DATE.search(_without_links(sms)), sms

    email = render_message(channel="email", template=template, context=context, language=language)
    for body in (email.text, email.html):
        address, zone = context["office_address"], local.zone_abbreviation
        for part in (appointment.display_number, address, day, clock_time, zone):
            assert part in body, (part, body)
        assert not NUMERIC_DATE.search(_without_links(body))
    assert not NUMERIC_DATE.search(email.subject)


def test_a_text_message_keeps_the_street_even_for_an_address_longer_than_any_today():
    office = OfficeFactory(
        street="12500 Tukwila International Boulevard, Floor 4, Bldg 7",
        city="North Chesterfield",
        state="VA",
    )
    appointment = AppointmentFactory(slot=SlotFactory(office=office), language="ru")
    context = notifications.message_context(appointment)
    sms = _first_that_fits(notifications.CANCELLED_BY_OFFICE, context, "ru").text
    assert office.street in sms and appointment.display_number in sms


# --- The language the person uses now


def test_automatic_messages_go_in_the_language_the_person_uses_now(
    sms_outbox, django_capture_on_commit_callbacks
):
    subject = SubjectFactory(last_language="fr")
    appointment = AppointmentFactory(
        subject=subject, language="es", wants_reminder=True, reminder_phone=PHONE
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notify_cancelled(appointment) == 1
    message = OutboundMessage.objects.get()
    assert message.language == "fr"
    with translation.override("fr"):
        assert LocalTime.of(appointment.slot).date_words in sms_outbox[0].body


def test_without_a_recent_language_messages_use_the_booking_language():
    appointment = AppointmentFactory(language="es", wants_reminder=True, reminder_phone=PHONE)
    assert appointment.subject.last_language == ""
    notifications.send_reminder(appointment)
    assert OutboundMessage.objects.get().language == "es"


def test_the_calendar_file_follows_the_language_the_person_uses_now():
    subject = SubjectFactory(last_language="fr")
    appointment = AppointmentFactory(subject=subject, language="es")
    with translation.override("fr"):
        summary = translation.gettext("Check-in appointment")
    assert f"SUMMARY:{summary}" in appointment_ics(appointment).decode()


def test_a_signed_in_page_records_the_persons_language_once(client: Client, sign_in_as):
    subject = sign_in_as(SubjectFactory())
    AppointmentFactory(subject=subject, language="es")
    history = subject.history.count()
    client.get(_url("appointments:mine", "es"))
    subject.refresh_from_db()
    assert subject.last_language == "es"
    updated_at = subject.updated_at
    client.get(_url("appointments:mine", "en"))
    assert Subject.objects.get(pk=subject.pk).last_language == "en"
    # Not a history row, not a change of the record.
    assert subject.history.count() == history
    assert Subject.objects.get(pk=subject.pk).updated_at == updated_at


def test_send_me_the_details_goes_in_the_language_of_the_page(
    client: Client, sign_in_as, sms_outbox, django_capture_on_commit_callbacks
):
    subject = sign_in_as(SubjectFactory())
    appointment = AppointmentFactory(subject=subject, language="es")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("appointments:send", "fr"), {"channel": "sms", "destination": PHONE})
    with translation.override("fr"):
        assert LocalTime.of(appointment.slot).date_words in sms_outbox[0].body


# --- Automatic messages and the person's own limit


@override_settings(MESSAGING_DESTINATION_RATE="5/h", MESSAGING_SESSION_RATE="10/h")
def test_automatic_messages_never_use_up_the_persons_own_limit(client: Client, sign_in_as):
    subject = sign_in_as(SubjectFactory())
    appointment = AppointmentFactory(subject=subject, wants_reminder=True, reminder_phone=PHONE)
    for _ in range(7):  # a family sharing one phone: moves, cancellations, reminders
        assert notifications.send_reminder(appointment) == 1
    response = client.post(_url("appointments:send"), {"channel": "sms", "destination": PHONE})
    assert response.status_code == 302
    assert OutboundMessage.objects.count() == 8


@override_settings(MESSAGING_AUTOMATIC_RATE="2/h")
def test_automatic_messages_have_their_own_limit_per_destination():
    appointment = AppointmentFactory(wants_reminder=True, reminder_phone=PHONE)
    assert [notifications.send_reminder(appointment) for _ in range(3)] == [1, 1, 0]
    other = AppointmentFactory(wants_reminder=True, reminder_phone="+12025550199")
    assert notifications.send_reminder(other) == 1


@override_settings(CACHES=CLOSED_REDIS)
def test_an_automatic_message_is_queued_when_the_cache_is_down():
    appointment = AppointmentFactory(wants_reminder=True, reminder_phone=PHONE)
    assert notifications.notify_cancelled(appointment) == 1
    assert OutboundMessage.objects.filter(destination=PHONE).count() == 1


# --- Words that fit the moment


def _today_appointment(subject, **kwargs):
    return AppointmentFactory(
        subject=subject,
        slot=SlotFactory(starts_at=NOW + datetime.timedelta(hours=4)),
        **kwargs,
    )


def test_an_appointment_today_is_called_today_and_promises_no_reminder(client: Client, sign_in_as):
    with time_machine.travel(NOW, tick=False):
        subject = sign_in_as(SubjectFactory())
        appointment = _today_appointment(subject, wants_reminder=True, reminder_phone=PHONE)
        page = client.get(_url("appointments:mine")).content.decode()
        assert "Today, " in page
        assert "the day before" not in page  # neither the promise nor the checkbox
        context = notifications.message_context(appointment)
        sms = render_message(
            channel="sms", template=notifications.DETAILS, context=context, language="en"
        )
    assert "Today, " in sms.text


@pytest.mark.parametrize(
    ("days", "said", "not_said"),
    [
        (1, ["Tomorrow, ", "Also send me a reminder the day before"], ["Today, "]),
        (3, ["Friday, "], ["Today, ", "Tomorrow, "]),  # a later day: its weekday
    ],
)
def test_tomorrow_is_called_tomorrow_and_a_later_day_by_its_weekday(
    client: Client, sign_in_as, days, said, not_said
):
    with time_machine.travel(NOW, tick=False):
        subject = sign_in_as(SubjectFactory())
        AppointmentFactory(
            subject=subject, slot=SlotFactory(starts_at=NOW + datetime.timedelta(days=days))
        )
        page = client.get(_url("appointments:mine")).content.decode()
    assert all(words in page for words in said)
    assert not any(words in page for words in not_said)


def test_is_booked_only_right_after_booking(client: Client, sign_in_as):
    sign_in_as(SubjectFactory())
    slot = SlotFactory()
    response = client.post(_url("appointments:confirm"), {"slot": slot.pk}, follow=True)
    assert "Your appointment is booked" in response.content.decode()
    again = client.get(_url("appointments:mine")).content.decode()
    assert "Your appointment is booked" not in again
    assert "Your appointment" in again


def test_hindi_times_say_morning_from_afternoon():
    with translation.override("hi"):
        morning = formats.time_format(datetime.time(9, 30), "TIME_FORMAT")
        afternoon = formats.time_format(datetime.time(21, 30), "TIME_FORMAT")
    assert morning != afternoon.replace("21", "9")


# --- Proof of trying to comply


def test_the_printout_is_proof_of_trying_to_comply(client: Client, sign_in_as):
    subject = sign_in_as(SubjectFactory(subject_id="AB1234567"))
    first = AppointmentFactory(subject=subject, status="rescheduled")
    moved = AppointmentFactory(subject=subject, replaces=first)
    Appointment.objects.filter(pk=first.pk).update(
        created_at=datetime.datetime(2026, 11, 2, 15, 0, tzinfo=datetime.UTC)
    )
    page = client.get(_url("appointments:print")).content.decode()
    for part in (
        subject.given_names,
        subject.family_names,
        "AB1234567",
        moved.display_number,
        moved.slot.office.street,
        "Booked on",
        "Nov. 2, 2026",  # the first booking, in the office's zone
        "Moved on",
        "meets your reporting requirement",
    ):
        assert part in page, part
    # The print button needs JavaScript: hidden until the script shows it.
    assert re.search(r"<button[^>]*js-print[^>]*hidden", page)


def test_the_emailed_copy_is_proof_too(client: Client, sign_in_as):
    subject = sign_in_as(SubjectFactory(subject_id="AB1234567"))
    appointment = AppointmentFactory(subject=subject)
    client.post(_url("appointments:send"), {"channel": "email", "destination": "a@example.org"})
    body = OutboundMessage.objects.get().body_text
    for part in (
        subject.given_names,
        "AB1234567",
        appointment.display_number,
        "Booked on:",
        "meets your reporting requirement",
    ):
        assert part in body, part


def test_navigation_is_not_printed_and_hidden_buttons_stay_hidden():
    print_css = (settings.BASE_DIR / "static" / "css" / "print.css").read_text()
    hidden_rule = print_css.split("{")[0]
    assert ".portal-back-link" in hidden_rule and ".portal-header__tools" in hidden_rule
    portal_css = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text()
    assert re.search(r"\.usa-button\[hidden\]\s*\{\s*display:\s*none", portal_css)


def test_the_page_after_confirm_writes_nothing(client: Client, sign_in_as):
    """Looking at the booking changes nothing: the "is booked" note comes with the
    confirm's redirect (a signed cookie), not from a session value this GET would take out
    with a database write (issue 17)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sign_in_as(SubjectFactory())
    redirect = client.post(_url("appointments:confirm"), {"slot": SlotFactory().pk})
    with CaptureQueriesContext(connection) as queries:
        page = client.get(redirect["Location"])
    assert "Your appointment is booked" in page.content.decode()
    writes = [
        q["sql"]
        for q in queries
        if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))
    ]
    assert writes == []
    # The note is taken back with the page: a second look says "Your appointment".
    assert page.cookies["portal_just_booked"]["max-age"] == 0
    assert "Your appointment is booked" not in client.get(redirect["Location"]).content.decode()


def test_a_just_booked_note_for_another_appointment_is_not_shown(client: Client, sign_in_as):
    """The note names its appointment (signed): an old or someone else's says nothing."""
    from django.core import signing

    subject = sign_in_as(SubjectFactory())
    appointment = AppointmentFactory(subject=subject)
    client.cookies["portal_just_booked"] = signing.get_cookie_signer(
        salt="portal_just_booked" + "appointments.just_booked"
    ).sign(str(appointment.pk + 1))
    assert (
        "Your appointment is booked" not in client.get(_url("appointments:mine")).content.decode()
    )
    client.cookies["portal_just_booked"] = str(appointment.pk)  # not signed
    assert (
        "Your appointment is booked" not in client.get(_url("appointments:mine")).content.decode()
    )
