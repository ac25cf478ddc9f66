"""The booking flow through HTTP: times → review → confirm → my appointment → cancel."""

import re

import pytest
from django.test import Client
from django.utils import translation

from appointments.models import Appointment, AppointmentStatus, Slot
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = pytest.mark.django_db


def url(name: str) -> str:
    from django.urls import reverse

    with translation.override("en"):
        return reverse(name)


@pytest.fixture
def office():
    return OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago", city="Chicago", state="IL")


@pytest.fixture
def subject(sign_in_as):
    return sign_in_as(SubjectFactory())


def test_times_lists_open_slots_soonest_first_in_office_time(client: Client, office, subject):
    later = SlotFactory(office=office, starts_at=days_from_now(5, hour=15))
    sooner = SlotFactory(office=office, starts_at=days_from_now(3, hour=15))
    SlotFactory(office=office, starts_at=days_from_now(4), is_blocked=True)
    SlotFactory(office=office, starts_at=days_from_now(4, hour=16), capacity=1, booked=1)
    response = client.get(url("appointments:times"), {"office": office.code})
    assert response.status_code == 200
    html = response.content.decode()
    values = re.findall(r'name="slot"\s+value="(\d+)"', html)
    assert values == [str(sooner.pk), str(later.pk)]
    # 15:00 UTC is 9 a.m. in Chicago (CST in winter, 10 a.m. CDT in summer).
    assert "(CST)" in html or "(CDT)" in html
    assert "no-store" in response["Cache-Control"]


def test_each_time_button_names_the_full_date_and_time(client: Client, office, subject):
    SlotFactory(office=office, starts_at=days_from_now(3, hour=15))
    html = client.get(url("appointments:times"), {"office": office.code}).content.decode()
    button = re.search(r"<button[^>]*name=\"slot\".*?</button>", html, re.S).group(0)
    text = re.sub(r"<[^>]+>|\s+", " ", button)
    assert re.search(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ", text)
    assert re.search(r"\b20\d\d\b", text)


def test_times_warns_plainly_when_soonest_is_after_report_by(client: Client, office, sign_in_as):
    import datetime

    slot = SlotFactory(office=office, starts_at=days_from_now(10))
    day_before = (slot.starts_at - datetime.timedelta(days=1)).date()
    sign_in_as(SubjectFactory(report_by=day_before))
    html = client.get(url("appointments:times"), {"office": office.code}).content.decode()
    assert "The first free time is after the date on your papers" in html


def test_no_warning_when_soonest_is_before_report_by(client: Client, office, sign_in_as):
    import datetime

    slot = SlotFactory(office=office, starts_at=days_from_now(10))
    sign_in_as(SubjectFactory(report_by=(slot.starts_at + datetime.timedelta(days=5)).date()))
    html = client.get(url("appointments:times"), {"office": office.code}).content.decode()
    assert "after the date on your papers" not in html


def test_times_are_paged(client: Client, office, subject, settings):
    settings.SLOTS_PER_PAGE = 3
    SlotFactory.create_batch(7, office=office)
    first = client.get(url("appointments:times"), {"office": office.code}).content.decode()
    third = client.get(
        url("appointments:times"), {"office": office.code, "page": 3}
    ).content.decode()
    assert len(re.findall(r'name="slot"', first)) == 3
    assert "Later times" in first and "Earlier times" not in first
    assert len(re.findall(r'name="slot"', third)) == 1
    assert "Earlier times" in third and "Later times" not in third


@pytest.mark.parametrize("bad", ["", "no-such-office", "x" * 1000, "<script>", "%00"])
def test_times_with_bad_office_never_fails(client: Client, subject, bad):
    response = client.get(url("appointments:times"), {"office": bad})
    assert response.status_code == 302
    assert response["Location"] == url("appointments:start")


def test_times_for_office_without_online_booking(client: Client, subject):
    office = OfficeFactory(accepts_online_booking=False)
    response = client.get(url("appointments:times"), {"office": office.code})
    assert response.status_code == 302


def test_review_shows_details_and_confirm_form(client: Client, office, subject):
    slot = SlotFactory(office=office)
    response = client.get(url("appointments:review"), {"slot": slot.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing is booked yet" in html
    assert f'name="slot" value="{slot.pk}"' in html
    assert office.name in html
    slot.refresh_from_db()
    assert slot.booked == 0


@pytest.mark.parametrize("bad", ["", "abc", "-1", "0", "99999999999999999999999", "1.5", "<b>"])
def test_review_with_tampered_slot_is_a_clear_message(client: Client, subject, bad):
    response = client.get(url("appointments:review"), {"slot": bad}, follow=True)
    assert response.status_code == 200
    assert Appointment.objects.count() == 0


@pytest.mark.parametrize(
    "make_slot",
    [
        lambda: SlotFactory(is_blocked=True),
        lambda: SlotFactory(starts_at=days_from_now(-2)),
        lambda: SlotFactory(capacity=1, booked=1),
        lambda: SlotFactory(office=OfficeFactory(is_active=False)),
    ],
    ids=["blocked", "past", "full", "inactive-office"],
)
def test_unbookable_slot_cannot_be_reviewed_or_confirmed(client: Client, subject, make_slot):
    slot = make_slot()
    response = client.get(url("appointments:review"), {"slot": slot.pk}, follow=True)
    assert "someone else just took that time" in response.content.decode()
    response = client.post(url("appointments:confirm"), {"slot": slot.pk}, follow=True)
    assert response.status_code == 200
    assert "someone else just took that time" in response.content.decode()
    assert Appointment.objects.count() == 0
    booked_before = slot.booked
    slot.refresh_from_db()
    assert slot.booked == booked_before


def test_confirm_books_and_shows_the_confirmation(client: Client, office, subject):
    slot = SlotFactory(office=office)
    response = client.post(url("appointments:confirm"), {"slot": slot.pk})
    assert response.status_code == 302
    assert response["Location"] == url("appointments:mine")
    appointment = Appointment.objects.get(subject=subject)
    html = client.get(response["Location"]).content.decode()
    assert "Your appointment is booked" in html
    assert appointment.display_number in html
    assert re.search(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}\b", html)


def test_double_confirm_and_back_button_show_the_same_booking(client: Client, office, subject):
    slot = SlotFactory(office=office)
    client.post(url("appointments:confirm"), {"slot": slot.pk})
    client.post(url("appointments:confirm"), {"slot": slot.pk})
    assert Appointment.objects.filter(subject=subject).count() == 1
    slot.refresh_from_db()
    assert slot.booked == 1


def test_confirm_requires_post_and_csrf(office, subject, client):
    slot = SlotFactory(office=office)
    assert client.get(url("appointments:confirm"), {"slot": slot.pk}).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    response = strict.post(url("appointments:confirm"), {"slot": slot.pk})
    assert response.status_code == 403
    assert Appointment.objects.count() == 0


def test_signed_out_person_is_sent_to_sign_in(office):
    slot = SlotFactory(office=office)
    anonymous = Client()
    for name in ["appointments:times", "appointments:review", "appointments:mine"]:
        response = anonymous.get(url(name), {"slot": slot.pk, "office": office.code})
        assert response.status_code == 302
        assert "/sign-in/" in response["Location"]
        assert str(slot.pk) not in response["Location"]
    response = anonymous.post(url("appointments:confirm"), {"slot": slot.pk})
    assert response.status_code == 302
    assert Appointment.objects.count() == 0


def test_person_who_already_checked_in_cannot_book(client: Client, office, sign_in_as):
    import datetime

    sign_in_as(SubjectFactory(checkin_completed_on=datetime.date(2026, 1, 10)))
    slot = SlotFactory(office=office)
    response = client.post(url("appointments:confirm"), {"slot": slot.pk}, follow=True)
    assert "already been to a check-in" in response.content.decode()
    assert Appointment.objects.count() == 0


def test_mine_shows_only_my_appointment(client: Client, subject):
    other = AppointmentFactory()
    mine = AppointmentFactory(subject=subject)
    html = client.get(url("appointments:mine")).content.decode()
    assert mine.display_number in html
    assert other.display_number not in html


def test_cancel_needs_a_confirming_post(client: Client, subject):
    appointment = AppointmentFactory(subject=subject)
    page = client.get(url("appointments:cancel")).content.decode()
    assert "Cancel your appointment?" in page
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    response = client.post(url("appointments:cancel"))
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert Slot.objects.get(pk=appointment.slot_id).booked == 0
    # Again (double click, back button): nothing more happens, no error.
    assert client.post(url("appointments:cancel")).status_code == 302


def test_print_view_has_qr_code_and_no_inline_script(client: Client, subject):
    appointment = AppointmentFactory(subject=subject)
    html = client.get(url("appointments:print")).content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    assert appointment.display_number in html
    assert "<script>" not in html


def test_ics_download(client: Client, subject):
    appointment = AppointmentFactory(subject=subject)
    response = client.get(url("appointments:ics"))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body
    assert f"UID:{appointment.confirmation_number}@checkin-portal" in body
    assert appointment.slot.starts_at.strftime("DTSTART:%Y%m%dT%H%M%SZ") in body
    assert subject.family_names not in body
    assert 'filename="check-in-appointment.ics"' in response["Content-Disposition"]


def test_my_checkin_asks_to_rebook_after_an_office_closure_with_its_reason(client: Client, subject):
    from appointments.availability import closure_apply
    from appointments.models import Closure

    appointment = AppointmentFactory(subject=subject)
    day = appointment.slot.starts_at.astimezone(appointment.slot.office.zone).date()
    closure = Closure.objects.create(
        office=appointment.slot.office,
        starts_on=day,
        ends_on=day,
        reason_en="The building has no power",
        reason_es="El edificio no tiene luz",
    )
    closure_apply(closure=closure)
    english = client.get(url("subjects:my_checkin")).content.decode()
    assert "The office cancelled your appointment" in english
    assert "The building has no power" in english
    assert appointment.display_number in english
    with translation.override("es"):
        from django.urls import reverse

        spanish = client.get(reverse("subjects:my_checkin")).content.decode()
    assert "El edificio no tiene luz" in spanish
    assert 'href="/en/book/"' in english


def test_session_expired_mid_flow_books_nothing(client: Client, office, subject, settings):
    import datetime

    import time_machine

    from checkin_portal import clock

    slot = SlotFactory(office=office)
    assert client.get(url("appointments:review"), {"slot": slot.pk}).status_code == 200
    later = clock.now() + datetime.timedelta(seconds=settings.SESSION_IDLE_TIMEOUT + 60)
    with time_machine.travel(later, tick=False):
        response = client.post(url("appointments:confirm"), {"slot": slot.pk})
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]
    assert str(slot.pk) not in response["Location"]
    assert Appointment.objects.count() == 0
    slot.refresh_from_db()
    assert slot.booked == 0
