"""Book, print, download the calendar file, reschedule and cancel in a real browser, in
English, Spanish and Arabic (right to left), with an axe check on every step."""

import pytest
from playwright.sync_api import Page, expect

from appointments.models import Appointment, AppointmentStatus
from tests.appointments.factories import SlotFactory, days_from_now
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import labels, sign_in_via_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = [MOBILE, DESKTOP]

# Each label by its English msgid; every language reads it from the .po catalogues.
MSGIDS = {
    "book": "Book now",
    "search": "Search",
    "see_times": "See times at this office",
    "confirm": "Confirm",
    "booked": "Your appointment is booked",
    "print": "Print",
    "calendar": "Add to my calendar",
    "back": "Back",
    "another": "Choose another time",
    "replaces": "This replaces your current appointment",
    "cancel": "Cancel this appointment",
    "yes_cancel": "Yes, cancel it",
    "cancelled": "Your appointment is cancelled.",
}


@pytest.fixture
def chicago_office(db):
    office = OfficeFactory(
        code="CHICAGO-IL",
        name="Chicago Field Office",
        street="101 West Congress Parkway",
        city="Chicago",
        state="IL",
        zip="60605",
        latitude=41.8757,
        longitude=-87.6298,
        time_zone="America/Chicago",
    )
    for day in (3, 4):
        for hour in (14, 15):
            SlotFactory(office=office, starts_at=days_from_now(day, hour=hour), capacity=2)
    return office


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_book_print_calendar_reschedule_cancel(
    page: Page, live_server, block_other_hosts, chicago_office, language, tmp_path
):
    text = labels(language, MSGIDS)
    subject = SubjectFactory(subject_id="CD654321", country_of_birth="HN", report_by=None)
    sign_in_via_form(page, live_server, language=language, subject=subject)

    page.get_by_role("link", name=text["book"]).first.click()
    check_at_widths(page, WIDTHS, context=f"office step ({language})")
    page.get_by_role("searchbox").or_(page.get_by_role("textbox")).first.fill("60605")
    page.get_by_role("button", name=text["search"], exact=True).click()
    page.get_by_role("button", name=text["see_times"]).first.click()
    check_at_widths(page, WIDTHS, context=f"times ({language})")

    page.locator("button[name=slot]").first.click()
    check_at_widths(page, WIDTHS, context=f"review ({language})")
    assert Appointment.objects.count() == 0  # nothing booked before Confirm
    page.get_by_role("button", name=text["confirm"], exact=True).click()

    expect(page.get_by_role("heading", name=text["booked"])).to_be_visible()
    check_at_widths(page, WIDTHS, context=f"my appointment ({language})")
    first = Appointment.objects.get(subject=subject)
    expect(page.locator(".portal-confirmation-number")).to_have_text(first.display_number)

    page.get_by_role("link", name=text["print"], exact=True).click()
    expect(page.locator("img.portal-qr")).to_be_visible()
    check_at_widths(page, WIDTHS, context=f"print ({language})")
    page.get_by_role("link", name=text["back"], exact=True).click()

    with page.expect_download() as download_info:
        page.get_by_role("link", name=text["calendar"]).click()
    ics = (download_info.value.path()).read_text()
    assert f"UID:{first.confirmation_number}@checkin-portal" in ics

    page.get_by_role("link", name=text["another"]).click()
    page.get_by_role("button", name=text["see_times"]).first.click()
    page.locator("button[name=slot]").nth(1).click()
    expect(page.get_by_role("heading", name=text["replaces"])).to_be_visible()
    page.get_by_role("button", name=text["confirm"], exact=True).click()
    expect(page.get_by_role("heading", name=text["booked"])).to_be_visible()
    second = Appointment.objects.get(subject=subject, status=AppointmentStatus.BOOKED)
    assert second.replaces_id == first.pk
    expect(page.locator(".portal-confirmation-number")).to_have_text(second.display_number)

    page.get_by_role("link", name=text["cancel"]).click()
    check_at_widths(page, WIDTHS, context=f"cancel ({language})")
    page.get_by_role("button", name=text["yes_cancel"]).click()
    expect(page.get_by_text(text["cancelled"])).to_be_visible()
    assert not Appointment.objects.filter(subject=subject, status=AppointmentStatus.BOOKED).exists()

    # The browser's Back button after all this books nothing again.
    page.go_back()
    assert Appointment.objects.filter(subject=subject).count() == 2
