"""Right to left on the signed-in pages (issue 14 point 2), in Arabic and Persian at
1280 px: nothing starts or ends off-screen on My check-in, the times, the review, the
booked appointment, the hearing page, the address guidance and the address pages (card
grids, button groups); and the numbers people must read back keep their order: an agency's
phone, the phone and the street number they typed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from checkin_portal import clock
from subjects.release_forms import ReleaseForm
from tests.hearings.factories import HearingFactory, ImmigrationCourtFactory
from tests.subjects.factories import SubjectFactory

from .axe import assert_nothing_off_screen
from .conftest import DESKTOP
from .helpers import label, sign_in_via_form
from .test_appointments import chicago_office  # noqa: F401 (fixture)
from .test_right_to_left import _reads_left_to_right, _url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _today() -> datetime.date:
    return clock.today_in(ZoneInfo(settings.TIME_ZONE))


@pytest.fixture
def person(db):
    subject = SubjectFactory(
        subject_id="RTL123456",
        country_of_birth="AF",
        report_by=None,
        release_form=ReleaseForm.NOTICE_TO_APPEAR,
        release_date=_today() - datetime.timedelta(days=60),
    )
    HearingFactory(
        subject=subject,
        court=ImmigrationCourtFactory(name="Chicago Immigration Court"),
        starts_at=clock.now() + datetime.timedelta(days=20),
    )
    return subject


def _nothing_off_screen(page: Page, what: str, language: str) -> None:
    page.wait_for_load_state("load")
    assert_nothing_off_screen(page, context=f"{what} ({language}) @ 1280px")


@pytest.mark.usefixtures("chicago_office")
@pytest.mark.parametrize("language", ["ar", "fa"])
def test_signed_in_pages_have_nothing_off_screen_and_numbers_in_order(
    page: Page, live_server, block_other_hosts, person, language
):
    page.set_viewport_size(DESKTOP)
    sign_in_via_form(page, live_server, language=language, subject=person)
    _nothing_off_screen(page, "my check-in", language)

    page.goto(f"{live_server.url}{_url('appointments:times', language)}?office=CHICAGO-IL")
    expect(page.locator("button[name=slot]").first).to_be_visible()
    _nothing_off_screen(page, "times", language)
    page.locator("button[name=slot]").first.click()
    _nothing_off_screen(page, "review", language)
    page.get_by_role("button", name=label(language, "Confirm"), exact=True).click()
    expect(page.locator(".portal-confirmation-number")).to_be_visible()
    _nothing_off_screen(page, "booked appointment", language)
    # The office phone on the appointment: "(404) 893-1290", not "893-1290 (404)".
    _reads_left_to_right(page, "main .portal-phone", "(404)", "893-1290")

    page.goto(f"{live_server.url}/{language}/my-hearing/")
    expect(page.get_by_text("Chicago Immigration Court").first).to_be_visible()
    _nothing_off_screen(page, "hearing", language)

    page.goto(
        f"{live_server.url}/{language}/new-address/"
        "?release_form=nta&credible_fear=yes&work_permit=no"
    )
    expect(page.locator(".portal-agency").first).to_be_visible()
    _nothing_off_screen(page, "address guidance", language)
    # An agency's phone: "(800) 898-7180", not "898-7180 (800)".
    _reads_left_to_right(page, "#agency-eoir .portal-phone", "(800)", "898-7180")

    page.goto(f"{live_server.url}/{language}/new-address/send/")
    _nothing_off_screen(page, "address form", language)
    page.locator("#id_street").fill("180 Ted Turner Drive Southwest")
    page.locator("#id_city").fill("Atlanta")
    page.locator("#id_state").select_option("GA")
    page.locator("#id_zip_code").fill("30303")
    page.locator("#id_move_date").fill((_today() - datetime.timedelta(days=2)).isoformat())
    page.locator("#id_phone").fill("۲۰۲ ۵۵۵ ۰۱۲۳" if language == "fa" else "٢٠٢ ٥٥٥ ٠١٢٣")  # noqa: RUF001
    page.get_by_role("button", name=label(language, "Continue"), exact=True).click()
    expect(page.locator(".portal-address")).to_contain_text("180 TED TURNER DR SW")
    _nothing_off_screen(page, "address check", language)
    # "180 TED TURNER DR SW", "ATLANTA, GA 30303" and "(202) 555-0123" in their order.
    _reads_left_to_right(page, ".portal-address", "180", "TED TURNER")
    _reads_left_to_right(page, ".portal-address", "ATLANTA", "30303")
    _reads_left_to_right(page, "main .portal-phone", "(202)", "555-0123")
    page.get_by_role("button", name=label(language, "Yes, send it"), exact=True).click()
    expect(page.locator(".portal-receipt__number")).to_be_visible()
    _nothing_off_screen(page, "address receipt", language)
