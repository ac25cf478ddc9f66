"""Issue 14: switching language on the review page kept nothing and then said the time
had been taken. In a real browser: review → Español → English → العربية → فارسی, same time."""

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from appointments import lifecycle
from tests.appointments.factories import SlotFactory, days_from_now
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .helpers import sign_in_via_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_review_page_keeps_the_time_through_language_changes(
    page: Page, live_server, block_other_hosts
):
    office = OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago")
    slot = SlotFactory(office=office, starts_at=days_from_now(3, hour=15), capacity=2)
    subject = SubjectFactory(subject_id="CD654322", country_of_birth="HN", report_by=None)
    sign_in_via_form(page, live_server, language="en", subject=subject)
    page.goto(f"{live_server.url}/en/book/review/?slot={slot.pk}")
    expect(page.locator(f"input[name=slot][value='{slot.pk}']")).to_have_count(1)
    for language in ("es", "en", "ar", "fa"):
        page.locator("a.portal-header__language").click()
        page.locator(f"button[name=language][value={language}]").click()
        expect(page).to_have_url(f"{live_server.url}/{language}/book/review/?slot={slot.pk}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator(f"input[name=slot][value='{slot.pk}']")).to_have_count(1)
        with translation.override(language):
            taken = str(lifecycle.SlotUnavailable.message)
        expect(page.get_by_text(taken)).to_have_count(0)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
