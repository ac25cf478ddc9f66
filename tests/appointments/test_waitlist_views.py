"""The waiting list through HTTP: the signed-in "Tell me" page, the offer link (take it,
no thanks, stop) and "I cannot come" without signing in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from appointments.models import Appointment, AppointmentStatus, Slot
from appointments.waitlist import links, services
from appointments.waitlist.models import EndReason, Offer, OfferState, WaitlistEntry, token_digest
from checkin_portal import clock
from tests.offices.factories import OfficeFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def office():
    return OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago", city="Chicago")


@pytest.fixture
def appointment(office):
    return AppointmentFactory(
        slot=SlotFactory(office=office, starts_at=days_from_now(40), capacity=1, booked=1)
    )


def held_offer(appointment, token="secret-token-1"):
    entry = services.entry_join(
        subject=appointment.subject,
        office_ids=[appointment.slot.office_id],
        channel="sms",
        destination="202 555 0123",
    )
    slot = SlotFactory(
        office=appointment.slot.office, starts_at=days_from_now(3), capacity=1, booked=0
    )
    services.run_offers()
    offer = Offer.objects.get(entry=entry)
    Offer.objects.filter(pk=offer.pk).update(token_digest=token_digest(token))
    return entry, slot, token


def link(kind, token):
    with translation.override("en"):
        return links.path(kind, token)


def test_tell_me_page_joins_the_waiting_list(client, sign_in_as, appointment, office):
    sign_in_as(appointment.subject)
    near = OfficeFactory(latitude=office.latitude + 0.1, longitude=office.longitude)
    page = client.get(url("appointments:earlier"))
    assert page.status_code == 200
    assert page["Cache-Control"].count("no-store")
    assert near.name in page.content.decode()
    response = client.post(
        url("appointments:earlier"),
        {"offices": [office.pk, near.pk], "channel": "email", "destination": "Ana@Example.ORG"},
    )
    assert response.status_code == 302
    entry = WaitlistEntry.objects.get()
    assert entry.contact_email == "Ana@example.org"
    assert set(entry.offices.values_list("pk", flat=True)) == {office.pk, near.pk}
    mine = client.get(url("appointments:mine")).content.decode()
    assert "A•••@e•••.org" in mine


def test_tell_me_page_refuses_an_office_not_offered_and_a_bad_phone(
    client, sign_in_as, appointment
):
    sign_in_as(appointment.subject)
    far = OfficeFactory(latitude=10.0, longitude=10.0)
    response = client.post(
        url("appointments:earlier"),
        {"offices": [far.pk], "channel": "sms", "destination": "12"},
    )
    assert response.status_code == 400
    assert not WaitlistEntry.objects.exists()


def test_stop_button_on_my_appointment(client, sign_in_as, appointment):
    sign_in_as(appointment.subject)
    services.entry_join(
        subject=appointment.subject,
        office_ids=[appointment.slot.office_id],
        channel="email",
        destination="a@example.org",
    )
    client.post(url("appointments:earlier_stop"))
    entry = WaitlistEntry.objects.get()
    assert entry.end_reason == EndReason.OPTED_OUT and entry.contact_email == ""


def test_offer_page_needs_no_sign_in_and_shows_no_personal_data(client, appointment):
    _entry, _slot, token = held_offer(appointment)
    page = client.get(link("offer", token))
    body = page.content.decode()
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "Yes, take this time" in body
    for personal in (appointment.subject.subject_id, appointment.subject.family_names):
        assert personal not in body


def test_taking_an_offer_from_the_link_twice_shows_the_same_result(client, appointment):
    _entry, slot, token = held_offer(appointment)
    first = client.post(link("offer", token), {"answer": "yes"})
    new = Appointment.objects.get(subject=appointment.subject, status=AppointmentStatus.BOOKED)
    assert first.status_code == 200 and new.slot == slot
    assert new.display_number in first.content.decode()
    second = client.post(link("offer", token), {"answer": "no"})
    assert new.display_number in second.content.decode()
    assert Slot.objects.get(pk=slot.pk).booked == 1


def test_no_thanks_keeps_the_appointment(client, appointment):
    _entry, slot, token = held_offer(appointment)
    response = client.post(link("offer", token), {"answer": "no"})
    assert "You kept your appointment" in response.content.decode()
    assert Offer.objects.get().state == OfferState.DECLINED
    assert Slot.objects.get(pk=slot.pk).booked == 0
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED


def test_stop_link_confirms_then_stops(client, appointment):
    entry, _slot, token = held_offer(appointment)
    assert "Yes, stop" in client.get(link("stop", token)).content.decode()
    client.post(link("stop", token))
    entry.refresh_from_db()
    assert entry.end_reason == EndReason.OPTED_OUT
    assert Offer.objects.get().state == OfferState.WITHDRAWN


def test_unknown_link_is_a_plain_404_page(client):
    assert client.get(link("offer", "made-up")).status_code == 404
    assert client.get(link("cannot-come", "made-up")).status_code == 404
    assert client.get(link("elsewhere", "made-up")).status_code == 404


def test_link_pages_are_rate_limited(client, settings, appointment, monkeypatch):
    from appointments.waitlist import views

    monkeypatch.setattr(views, "LINK_PAGE_LIMIT", 2)
    for _ in range(2):
        assert client.get(link("offer", "x")).status_code == 404
    assert client.get(link("offer", "x")).status_code == 429


def test_cannot_come_cancels_without_sign_in_and_offers_the_seat(
    client, appointment, office, django_capture_on_commit_callbacks
):
    waiter = AppointmentFactory(
        slot=SlotFactory(office=office, starts_at=days_from_now(60), capacity=1, booked=1)
    )
    services.entry_join(
        subject=waiter.subject, office_ids=[office.pk], channel="email", destination="w@x.org"
    )
    token = links.cannot_come_token(appointment.pk)
    page = client.get(link("cannot-come", token))
    body = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert appointment.display_number not in body
    assert appointment.subject.subject_id not in body
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link("cannot-come", token))
    assert "Your appointment is cancelled." in done.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    # The freed seat went straight to the waiting person.
    assert Offer.objects.get().slot_id == appointment.slot_id
    # A second click shows the same result; opening the link later says so too.
    again = client.post(link("cannot-come", token))
    assert "Your appointment is cancelled." in again.content.decode()
    assert "already cancelled" in client.get(link("cannot-come", token)).content.decode()
    assert Offer.objects.count() == 1


def test_cannot_come_link_of_a_moved_appointment_cancels_nothing(client, appointment, office):
    token = links.cannot_come_token(appointment.pk)
    from appointments import lifecycle

    other = SlotFactory(office=office, starts_at=days_from_now(9))
    lifecycle.appointment_book(subject=appointment.subject, slot_id=other.pk, language="en")
    response = client.post(link("cannot-come", token))
    assert "This link no longer works" in response.content.decode()
    assert (
        Appointment.objects.get(subject=appointment.subject, status=AppointmentStatus.BOOKED).slot
        == other
    )


def test_cannot_come_link_in_the_details_message(appointment):
    from appointments import notifications

    message = notifications.send_details(
        appointment=appointment, channel="email", destination="a@example.org"
    )
    assert "/link/cannot-come/" in message.body_text
    token = message.body_text.split("/link/cannot-come/")[1].split("/")[0]
    assert links.read_cannot_come(token) == appointment.pk
    assert links.read_cannot_come(token[:-2] + "xx") is None


def test_cannot_come_after_the_time_has_passed_does_nothing(client, appointment):
    token = links.cannot_come_token(appointment.pk)
    Slot.objects.filter(pk=appointment.slot_id).update(
        starts_at=clock.now() - datetime.timedelta(hours=1),
        ends_at=clock.now() - datetime.timedelta(minutes=30),
    )
    client.post(link("cannot-come", token))
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED


def test_link_pages_are_served_when_the_cache_cannot_count(client, monkeypatch):
    from redis.exceptions import ConnectionError as RedisConnectionError

    from appointments.waitlist import views

    def broken(*args, **kwargs):
        raise RedisConnectionError("down")

    monkeypatch.setattr(views, "count_hit", broken)
    assert client.get(link("offer", "x")).status_code == 404  # the page, not a 500
