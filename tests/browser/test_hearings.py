"""Hearing details in a real browser: signed in through the real sign-in page, in English,
Spanish and Arabic (right to left), axe-clean at 320 and 1280 px, the printable view and
the calendar download."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from checkin_portal import clock
from hearings.models import HearingFormat, HearingStatus, HearingType
from subjects.models import Subject
from tests.hearings.factories import HearingFactory, ImmigrationCourtFactory
from tests.subjects.factories import SubjectFactory

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import label, labels, sign_in_via_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [MOBILE, DESKTOP]
RTL = set(settings.LANGUAGES_BIDI)
# Each label by its English msgid; every language reads it from the .po catalogues.
MSGIDS = {
    "heading": "My court hearing",
    "next": "Your next hearing",
    "print": "Printable version",
    "calendar": "Add to my calendar",  # then "(.ics)", isolated, never translated
    "none": "No upcoming hearing on record",
    "past": "Past hearings",
    "old_dates": "Old dates — do not go to court on these days",
    "old_date": "old date — do not go to court on this day.",
}


def _sign_in(page: Page, live_server, language: str, subject_id: str) -> None:
    """Through the real sign-in page, asking to come back to the hearing page."""
    subject = Subject.objects.get(subject_id=subject_id)
    sign_in_via_form(
        page, live_server, language=language, subject=subject, next_path=f"/{language}/my-hearing/"
    )


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_hearing_details_print_and_calendar(page: Page, live_server, block_other_hosts, language):
    words = labels(language, MSGIDS)
    subject = SubjectFactory(subject_id="BROWSER01", country_of_birth="MX")
    honolulu = ImmigrationCourtFactory(
        code="honolulu",
        name="Honolulu Immigration Court",
        street="PJKK Federal Building, 300 Ala Moana Blvd., Rm. 8-112",
        city="Honolulu",
        state="HI",
        zip_code="96850",
        phone="+18085411870",
        status_notice_en="Bring your notice of hearing to the security desk.",
        status_notice_es="Lleve su aviso de audiencia al control de seguridad.",
    )
    now = clock.now()
    HearingFactory(
        subject=subject,
        court=honolulu,
        starts_at=now + datetime.timedelta(days=20),
        hearing_type=HearingType.INDIVIDUAL,
        hearing_format=HearingFormat.IN_PERSON,
        judge="Jane Roe",
    )
    HearingFactory(
        subject=subject,
        court=honolulu,
        starts_at=now - datetime.timedelta(days=40),
        status=HearingStatus.COMPLETED,
    )
    HearingFactory(  # somebody else's: must never show
        subject=SubjectFactory(subject_id="OTHER0001"),
        court=ImmigrationCourtFactory(name="Someone Else's Court", zip_code="96910"),
        starts_at=now + datetime.timedelta(days=5),
    )

    _sign_in(page, live_server, language, "BROWSER01")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language in RTL else "ltr")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["heading"])
    expect(page.get_by_role("heading", name=words["next"])).to_be_visible()
    expect(page.get_by_text("HST").first).to_be_visible()
    expect(page.get_by_role("heading", name=words["past"])).to_be_visible()
    expect(page.get_by_text("Someone Else's Court")).to_have_count(0)
    check_at_widths(page, WIDTHS, context=f"hearing details ({language})")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=words["calendar"]).click()
    download = download_info.value
    assert download.suggested_filename.startswith("court-hearing-")
    assert download.suggested_filename.endswith(".ics")
    ics = Path(download.path()).read_text(encoding="utf-8")
    assert "DTSTART;TZID=Pacific/Honolulu:" in ics and "BROWSER01" not in ics

    page.get_by_role("link", name=words["print"]).click()
    expect(page).to_have_url(f"{live_server.url}/{language}/my-hearing/print/")
    expect(page.get_by_role("heading", name=words["next"])).to_be_visible()
    expect(page.locator("button.js-print")).to_be_visible()  # JavaScript shows it
    check_at_widths(page, WIDTHS, context=f"printable hearing ({language})")
    page.emulate_media(media="print")
    expect(page.locator("button.js-print")).to_be_hidden()
    expect(
        page.get_by_role("button", name="End Session")
        .or_(page.locator(".portal-header__end-session"))
        .first
    ).to_be_hidden()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_moved_date_is_listed_apart_below_the_next_hearing(
    page: Page, live_server, block_other_hosts, language
):
    """Issue 14 (DEMO-1005): a moved date earlier than the next hearing is shown apart,
    below it, marked "old date — do not go"; the page stays axe-clean, also right to left."""
    words = labels(language, MSGIDS)
    subject = SubjectFactory(subject_id="MOVED0001", country_of_birth="MX")
    newark = ImmigrationCourtFactory(
        code="newark", name="Newark Immigration Court", city="Newark", state="NJ", zip_code="07102"
    )
    now = clock.now()
    HearingFactory(
        subject=subject,
        court=newark,
        starts_at=now + datetime.timedelta(days=14),
        status=HearingStatus.RESCHEDULED,
    )
    HearingFactory(subject=subject, court=newark, starts_at=now + datetime.timedelta(days=75))
    _sign_in(page, live_server, language, "MOVED0001")
    next_heading = page.get_by_role("heading", name=words["next"])
    old_heading = page.get_by_role("heading", name=words["old_dates"])
    expect(next_heading).to_be_visible()
    expect(old_heading).to_be_visible()
    assert old_heading.bounding_box()["y"] > next_heading.bounding_box()["y"]
    old_item = page.locator(".portal-old-dates__item")
    expect(old_item).to_have_count(1)
    expect(old_item).to_contain_text(words["old_date"])
    check_at_widths(page, WIDTHS, context=f"hearing with an old date ({language})")


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_no_hearing_on_record(page: Page, live_server, block_other_hosts, language):
    SubjectFactory(subject_id="NOHEARING1", country_of_birth="MX")
    _sign_in(page, live_server, language, "NOHEARING1")
    expect(page.get_by_role("heading", name=label(language, MSGIDS["none"]))).to_be_visible()
    expect(page.locator('a[href="https://acis.eoir.justice.gov/en/"]')).to_be_visible()
    check_at_widths(page, WIDTHS, context=f"no hearing ({language})")


def test_hearing_page_works_without_javascript(browser, live_server):
    subject = SubjectFactory(subject_id="NOJS00001", country_of_birth="MX")
    HearingFactory(subject=subject, court=ImmigrationCourtFactory(zip_code="00968"))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _sign_in(page, live_server, "en", "NOJS00001")
    expect(page.get_by_text("AST").first).to_be_visible()
    page.get_by_role("link", name="Printable version").click()
    expect(page.get_by_role("heading", name="Your next hearing")).to_be_visible()
    expect(page.locator("button.js-print")).to_be_hidden()  # no button that cannot work
    context.close()
