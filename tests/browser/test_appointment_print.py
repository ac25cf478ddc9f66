"""The printable appointment as proof of trying to comply (issue 13.6), in a real browser:
who booked and when, no navigation on paper, and a Print button only where it works."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, expect

from tests.appointments.factories import AppointmentFactory
from tests.subjects.factories import SubjectFactory

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import sign_in_via_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _print_url(live_server, language):
    with translation.override(language):
        return live_server.url + reverse("appointments:print")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_printout_names_the_person_and_prints_no_navigation(
    page: Page, live_server, block_other_hosts, language
):
    subject = SubjectFactory(subject_id="PR123456", country_of_birth="HN")
    appointment = AppointmentFactory(subject=subject, language=language)
    sign_in_via_form(page, live_server, language=language, subject=subject)
    page.goto(_print_url(live_server, language))

    proof = page.locator(".portal-proof")
    expect(proof).to_contain_text(subject.given_names)
    expect(proof).to_contain_text("PR123456")
    expect(page.locator(".portal-confirmation-number")).to_have_text(appointment.display_number)
    expect(page.locator(".portal-proof__requirement")).to_be_visible()
    expect(page.locator("button.js-print")).to_be_visible()  # JavaScript can print here
    check_at_widths(page, [MOBILE, DESKTOP], context=f"print ({language})")

    page.emulate_media(media="print")
    expect(page.locator(".portal-back-link")).to_be_hidden()
    expect(page.locator("button.js-print")).to_be_hidden()
    expect(proof).to_be_visible()


def test_without_javascript_there_is_no_print_button(browser: Browser, live_server):
    subject = SubjectFactory(subject_id="PR654321", country_of_birth="HN")
    AppointmentFactory(subject=subject)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        sign_in_via_form(page, live_server, language="en", subject=subject)
        page.goto(_print_url(live_server, "en"))
        expect(page.locator(".portal-proof")).to_contain_text("PR654321")
        expect(page.locator("button.js-print")).to_be_hidden()
    finally:
        context.close()
