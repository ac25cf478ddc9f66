"""Earlier-time offers: the engine's rules (fair order, one at a time, hold = seat, expiry,
single use, opt-out, offers stop when the appointment changes)."""

import datetime
import itertools

import pytest
import time_machine
from django.core import mail

from appointments import lifecycle
from appointments.models import Appointment, AppointmentStatus, Slot
from appointments.waitlist import answers, services
from appointments.waitlist.answers import Outcome
from appointments.waitlist.models import EndReason, Offer, OfferState, WaitlistEntry
from checkin_portal import clock
from checkin_portal.messaging.models import OutboundMessage
from tests.appointments.factories import AppointmentFactory, SlotFactory, days_from_now
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db
_minutes = itertools.count()


def at(days):
    """A distinct start time about ``days`` ahead (each call a minute later)."""
    return days_from_now(days) + datetime.timedelta(minutes=next(_minutes))


@pytest.fixture
def office():
    return OfficeFactory(time_zone="America/Chicago")


def waiting(office, *, days=30, email=None, report_by=None, **subject):
    """A person booked ``days`` ahead at ``office`` and waiting for an earlier time."""
    late = SlotFactory(office=office, starts_at=at(days), capacity=1, booked=1)
    appointment = AppointmentFactory(slot=late)
    if report_by is not None:
        appointment.subject.report_by = report_by
        appointment.subject.save(update_fields=["report_by"])
    return services.entry_join(
        subject=appointment.subject,
        office_ids=[office.pk],
        channel="email",
        destination=email or f"p{appointment.pk}@example.org",
    )


def full_slot(office, *, days=3, capacity=1):
    return SlotFactory(office=office, starts_at=at(days), capacity=capacity, booked=capacity)


def open_a_seat(slot):
    Slot.objects.filter(pk=slot.pk).update(booked=slot.capacity - 1)


def offer_token(offer):
    """Tests read the token from the message (only its digest is stored)."""
    message = OutboundMessage.objects.filter(related_id=offer.pk).latest("pk")
    marker = "/link/offer/"
    start = message.body_text.index(marker) + len(marker)
    return message.body_text[start:].split("/")[0]


def test_an_open_earlier_seat_is_held_for_the_person_and_counted(office):
    entry = waiting(office)
    slot = full_slot(office)
    open_a_seat(slot)
    assert services.run_offers().offered == 1
    offer = Offer.objects.get()
    assert (offer.entry, offer.slot, offer.state) == (entry, slot, OfferState.HELD)
    slot.refresh_from_db()
    assert slot.booked == slot.capacity  # the hold counts like a booking
    hours = (offer.expires_at - offer.created_at).total_seconds() / 3600
    assert 1.9 < hours <= 2.0
    # Idempotent: nothing more to offer.
    assert services.run_offers().offered == 0


def test_the_offer_message_has_the_links_and_goes_in_the_persons_language(office):
    entry = waiting(office)
    entry.subject.last_language = "es"
    entry.subject.save(update_fields=["last_language"])
    open_a_seat(full_slot(office))
    services.run_offers()
    offer = Offer.objects.get()
    Offer.objects.filter(pk=offer.pk).update(token_digest=answers.token_digest("tok123"))
    services._send_offer(offer.pk, "tok123")
    message = OutboundMessage.objects.filter(related_id=offer.pk).latest("pk")
    assert message.language == "es"
    assert "/es/link/offer/tok123/" in message.body_text
    assert "/es/link/stop/tok123/" in message.body_text


def test_no_offer_for_a_later_time_or_another_office(office):
    waiting(office, days=5)
    open_a_seat(full_slot(office, days=9))  # later than the appointment
    open_a_seat(full_slot(OfficeFactory(), days=2))  # an office they did not choose
    assert services.run_offers().offered == 0


def test_fair_order_report_by_passed_first_then_who_waited_longest(office):
    today = clock.now().date()
    first_come = waiting(office)
    overdue = waiting(office, report_by=today - datetime.timedelta(days=1))
    late = waiting(office, report_by=today + datetime.timedelta(days=10))  # before the day
    later_come = waiting(office)
    WaitlistEntry.objects.filter(pk=later_come.pk).update(
        created_at=first_come.created_at + datetime.timedelta(minutes=1)
    )
    order = []
    for days in (2, 3, 4, 5):
        open_a_seat(full_slot(office, days=days))
    services.run_offers()
    order = list(Offer.objects.order_by("slot__starts_at").values_list("entry_id", flat=True))
    assert order == [overdue.pk, late.pk, first_come.pk, later_come.pk]


def test_one_offer_at_a_time_per_person(office):
    waiting(office)
    for days in (2, 3):
        open_a_seat(full_slot(office, days=days))
    services.run_offers()
    assert Offer.objects.filter(state=OfferState.HELD).count() == 1


def test_accept_moves_the_appointment_and_a_second_click_shows_the_same(office):
    entry = waiting(office)
    old = entry.appointment
    slot = full_slot(office)
    open_a_seat(slot)
    services.run_offers()
    offer = Offer.objects.get()
    token = "t" * 10
    Offer.objects.filter(pk=offer.pk).update(token_digest=answers.token_digest(token))
    view = answers.offer_answer(token=token, accept=True)
    assert view.outcome is Outcome.ACCEPTED
    new = Appointment.objects.get(subject=old.subject, status=AppointmentStatus.BOOKED)
    assert new.slot == slot and new.replaces == old
    assert new.confirmation_number != old.confirmation_number
    old.refresh_from_db()
    assert old.status == AppointmentStatus.RESCHEDULED
    slot.refresh_from_db()
    assert slot.booked == slot.capacity  # the hold became the booking: no double count
    old_slot = Slot.objects.get(pk=old.slot_id)
    assert old_slot.booked == 0  # the old seat is free (and offered on)
    entry.refresh_from_db()
    assert entry.end_reason == EndReason.ACCEPTED and entry.contact_email == ""
    again = answers.offer_answer(token=token, accept=True)
    assert again.outcome is Outcome.ACCEPTED and again.offer.appointment == new
    assert answers.offer_answer(token=token, accept=False).outcome is Outcome.ACCEPTED
    assert Appointment.objects.filter(subject=old.subject).count() == 2


def _held_with_token(office, token="k" * 12, **kwargs):
    entry = waiting(office, **kwargs)
    slot = full_slot(office)
    open_a_seat(slot)
    services.run_offers()
    offer = Offer.objects.get(entry=entry)
    Offer.objects.filter(pk=offer.pk).update(token_digest=answers.token_digest(token))
    return entry, slot, offer, token


def test_decline_gives_the_seat_to_the_next_person(office):
    entry, slot, _offer, token = _held_with_token(office)
    second = waiting(office)
    # The second person waits behind the first; the seat stays held for the first.
    assert services.run_offers().offered == 0
    with_callbacks = answers.offer_answer(token=token, accept=False)
    assert with_callbacks.outcome is Outcome.DECLINED
    services.run_offers()
    assert Offer.objects.get(entry=second, state=OfferState.HELD).slot == slot
    entry.refresh_from_db()
    assert entry.paused_until > clock.now()  # no new offer to the first person for a while
    assert answers.offer_answer(token=token, accept=True).outcome is Outcome.DECLINED


def test_expiry_ends_the_hold_and_offers_it_on(office):
    entry, slot, offer, token = _held_with_token(office)
    second = waiting(office)
    with time_machine.travel(clock.now() + datetime.timedelta(hours=2, minutes=1), tick=False):
        assert answers.offer_read(token=token).outcome is Outcome.EXPIRED
        result = services.run_offers()
        assert result.expired == 1 and result.offered == 1
        assert Offer.objects.get(pk=offer.pk).state == OfferState.EXPIRED
        assert Offer.objects.get(entry=second).slot == slot
        # Taking it after it ran out does nothing.
        assert answers.offer_answer(token=token, accept=True).outcome is Outcome.EXPIRED
    assert Appointment.objects.get(pk=entry.appointment_id).status == AppointmentStatus.BOOKED


def test_expired_answer_before_the_job_gives_the_seat_back(office):
    _entry, slot, _offer, token = _held_with_token(office)
    with time_machine.travel(clock.now() + datetime.timedelta(hours=3), tick=False):
        assert answers.offer_answer(token=token, accept=True).outcome is Outcome.EXPIRED
    slot.refresh_from_db()
    assert slot.booked == slot.capacity - 1


def test_opt_out_from_the_link_stops_offers_and_erases_the_contact(office):
    entry, slot, _offer, token = _held_with_token(office)
    view = answers.offer_stop(token=token)
    assert view.stopped and view.outcome is Outcome.GONE
    entry.refresh_from_db()
    assert entry.end_reason == EndReason.OPTED_OUT and entry.opted_out_at
    assert (entry.contact_email, entry.contact_phone) == ("", "")
    slot.refresh_from_db()
    assert slot.booked == slot.capacity - 1  # the held seat went back
    assert services.run_offers().offered == 0


@pytest.mark.parametrize("change", ["cancel", "book", "check_in"])
def test_offers_stop_when_the_person_cancels_books_or_checks_in(office, change, admin_user):
    entry, slot, offer, token = _held_with_token(office)
    appointment = entry.appointment
    if change == "cancel":
        lifecycle.appointment_cancel(subject=appointment.subject)
    elif change == "book":
        other = SlotFactory(office=office, starts_at=days_from_now(10))
        lifecycle.appointment_book(subject=appointment.subject, slot_id=other.pk, language="en")
    else:
        # Starting now: "today" in the office's zone whatever the hour (now + 2 h crossed
        # midnight there when the suite ran late in the evening, office time).
        today = SlotFactory(office=office, starts_at=clock.now())
        Appointment.objects.filter(pk=appointment.pk).update(slot=today)
        lifecycle.appointment_check_in(appointment_id=appointment.pk, by=admin_user)
    entry.refresh_from_db()
    assert entry.end_reason == EndReason.APPOINTMENT_ENDED
    assert Offer.objects.get(pk=offer.pk).state == OfferState.WITHDRAWN
    slot.refresh_from_db()
    assert slot.booked == slot.capacity - 1
    assert answers.offer_answer(token=token, accept=True).outcome is Outcome.GONE


def test_a_cancellation_queues_the_engine_for_that_office(
    office, django_capture_on_commit_callbacks
):
    entry = waiting(office)
    taken = AppointmentFactory(slot=full_slot(office))
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.appointment_cancel(subject=taken.subject)
    offer = Offer.objects.get()
    assert (offer.entry, offer.slot_id) == (entry, taken.slot_id)
    assert len(mail.outbox) == 1 or OutboundMessage.objects.filter(related_id=offer.pk).exists()


def test_the_purge_ends_entries_whose_appointment_has_passed(office):
    entry = waiting(office, days=1)
    with time_machine.travel(clock.now() + datetime.timedelta(days=2), tick=False):
        assert services.entries_forget_past() == 1
    entry.refresh_from_db()
    assert entry.end_reason == EndReason.PAST and entry.contact_email == ""


def test_joining_needs_a_booked_appointment(office):
    entry = waiting(office)
    lifecycle.appointment_cancel(subject=entry.subject)
    with pytest.raises(services.NotWaiting):
        services.entry_join(
            subject=entry.subject, office_ids=[office.pk], channel="email", destination="a@b.org"
        )


def test_the_demo_has_a_person_with_an_offer_waiting(settings):
    import io

    from appointments import demo_data
    from offices import demo_data as offices_demo
    from subjects import demo_data as subjects_demo

    settings.DEMO_SLOT_DAYS = 14
    offices_demo.load(io.StringIO())
    subjects_demo.load(io.StringIO())
    out = io.StringIO()
    demo_data.load(out)
    demo_data.load(io.StringIO())  # idempotent
    offer = Offer.objects.get(entry__subject__subject_id="DEMO1008")
    assert offer.state == OfferState.HELD
    assert offer.slot.starts_at < offer.entry.appointment.slot.starts_at
    token = out.getvalue().split("/link/offer/")[1].split("/")[0]
    assert answers.offer_read(token=token).outcome is Outcome.OPEN


def test_the_seat_freed_by_an_accepted_offer_goes_to_the_next_person(
    office, django_capture_on_commit_callbacks
):
    entry, _slot, _offer, token = _held_with_token(office)
    old_slot_id = entry.appointment.slot_id
    later = waiting(office, days=50)  # waits behind, for a time earlier than day 50
    with django_capture_on_commit_callbacks(execute=True):
        assert answers.offer_answer(token=token, accept=True).outcome is Outcome.ACCEPTED
    assert Offer.objects.get(entry=later, state=OfferState.HELD).slot_id == old_slot_id
