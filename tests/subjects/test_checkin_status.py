"""The "My check-in" decision (a pure function) and the page that explains it."""

import datetime
import zoneinfo

import pytest
import time_machine

from subjects.release_forms import ReleaseForm
from subjects.selectors import CheckinState, checkin_status

from .factories import SubjectFactory

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")
# Noon in Chicago on 2026-03-01; the factory's paperwork appointment is 2026-03-02 09:30.
NOW = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=CHICAGO)


def _status(now=NOW, active_appointment=None, **fields):
    subject = SubjectFactory.build(**fields)
    return checkin_status(subject, active_appointment=active_appointment, now=now)


def test_paperwork_appointment_ahead_means_no_booking_needed():
    status = _status(with_paperwork_appointment=True)
    assert status.state == CheckinState.PAPERWORK_APPOINTMENT
    assert status.paperwork_appointment_at.tzinfo.key == "America/Chicago"
    assert status.paperwork_appointment_at.hour == 9
    assert status.paperwork_office_name == "Example Field Office"


def test_paperwork_appointment_later_the_same_day_still_counts():
    late_that_day = datetime.datetime(2026, 3, 2, 16, 0, tzinfo=CHICAGO)
    status = _status(now=late_that_day, with_paperwork_appointment=True)
    assert status.state == CheckinState.PAPERWORK_APPOINTMENT
    assert not status.paperwork_appointment_passed


def test_paperwork_appointment_passed_means_book_now():
    next_day = datetime.datetime(2026, 3, 3, 0, 1, tzinfo=CHICAGO)
    status = _status(now=next_day, with_paperwork_appointment=True)
    assert status.state == CheckinState.BOOK_NOW
    assert status.paperwork_appointment_passed
    assert status.can_book_online


def test_completed_check_in_means_no_online_booking():
    status = _status(
        with_paperwork_appointment=True, checkin_completed_on=datetime.date(2026, 2, 1)
    )
    assert status.state == CheckinState.COMPLETED
    assert not status.can_book_online


def test_active_online_appointment_comes_first():
    marker = object()
    status = _status(active_appointment=marker, checkin_completed_on=datetime.date(2026, 2, 1))
    assert status.state == CheckinState.ACTIVE_APPOINTMENT
    assert status.active_appointment is marker


def test_nothing_on_the_papers_means_book_now_with_report_by_explained():
    status = _status(report_by=datetime.date(2026, 4, 1))
    assert status.state == CheckinState.BOOK_NOW
    assert status.report_by == datetime.date(2026, 4, 1)
    assert not status.report_by_passed
    status = _status(report_by=datetime.date(2026, 2, 1))
    assert status.report_by_passed


@pytest.mark.parametrize(
    ("release_form", "form_number"),
    [
        (ReleaseForm.NOTICE_TO_APPEAR, "I-220A"),
        (ReleaseForm.EXPEDITED_REMOVAL, "G-56"),
        (ReleaseForm.PAROLE_ATD, "G-56"),
        (ReleaseForm.NOTICE_TO_REPORT, "G-56"),
        (ReleaseForm.OTHER, None),
    ],
)
def test_reporting_document_follows_the_release_form(release_form, form_number):
    status = _status(release_form=release_form)
    document = status.reporting_document
    assert (document.form_number if document else None) == form_number


def test_parole_note_only_for_parole_atd():
    status = _status(release_form=ReleaseForm.PAROLE_ATD, parole_ends_on=datetime.date(2026, 2, 1))
    assert status.is_parole_atd and status.parole_ended
    assert not _status(release_form=ReleaseForm.NOTICE_TO_REPORT).is_parole_atd


# --- The page


def _page(client, signed_in, language="en", **fields):
    signed_in(SubjectFactory(**fields))
    response = client.get(f"/{language}/my-check-in/")
    assert response.status_code == 200
    assert response.context["active_appointment"] is None
    return " ".join(response.content.decode().split())


@pytest.mark.django_db
def test_page_for_paperwork_appointment(client, signed_in):
    with time_machine.travel(NOW, tick=False):
        html = _page(client, signed_in, with_paperwork_appointment=True)
    assert "You already have a check-in appointment" in html
    assert "You do not need to book one." in html
    assert "Monday, March 2, 2026, 9:30 a.m. CST" in html
    assert "Example Field Office" in html
    assert "go to the office nearest to you" in html
    assert "same office on the same day at another time still counts" in html
    assert "Order of Release on Recognizance (Form I-220A)" in html


@pytest.mark.django_db
def test_page_for_paperwork_appointment_in_spanish(client, signed_in):
    with time_machine.travel(NOW, tick=False):
        html = _page(client, signed_in, "es", with_paperwork_appointment=True)
    assert "lunes, 2 de marzo de 2026, 09:30 CST" in html
    assert "Ya tiene una cita" in html


@pytest.mark.django_db
def test_page_for_completed_check_in(client, signed_in):
    with time_machine.travel(NOW, tick=False):
        html = _page(client, signed_in, checkin_completed_on=datetime.date(2026, 2, 10))
    assert "You have already checked in" in html
    assert "February 10, 2026" in html
    assert "Follow the instructions you were given at that appointment." in html
    assert "Book now" not in html


@pytest.mark.django_db
def test_page_for_book_now_explains_report_by(client, signed_in):
    with time_machine.travel(NOW, tick=False):
        html = _page(
            client,
            signed_in,
            release_form=ReleaseForm.NOTICE_TO_REPORT,
            report_by=datetime.date(2026, 4, 15),
        )
    assert "Book your check-in appointment" in html
    assert "Your papers say to check in by April 15, 2026." in html
    assert "If the soonest time is after April 15, 2026, book it anyway" in html
    assert "Call-In Letter (Form G-56)" in html
    assert 'href="/en/help/#scheduling"' in html


@pytest.mark.django_db
def test_page_for_parole_with_report_by_passed(client, signed_in):
    with time_machine.travel(NOW, tick=False):
        html = _page(
            client,
            signed_in,
            release_form=ReleaseForm.PAROLE_ATD,
            report_by=datetime.date(2026, 2, 1),
            parole_ends_on=datetime.date(2026, 3, 20),
        )
    assert "That date has passed." in html
    assert "About your parole" in html
    assert "The parole period on your papers ends on March 20, 2026." in html
    assert "parole extension" in html


@pytest.mark.django_db
def test_page_escapes_staff_entered_text(client, signed_in):
    with time_machine.travel(NOW, tick=False):
        html = _page(
            client,
            signed_in,
            given_names="<script>x</script>",
            with_paperwork_appointment=True,
            paperwork_office_name="<b>Office</b>",
        )
    assert "<script>x</script>" not in html
    assert "&lt;b&gt;Office&lt;/b&gt;" in html
