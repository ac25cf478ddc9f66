"""Issue 16 in a real browser (English, Spanish, Arabic; axe at 320 and 1280 px): the
finder with each office's soonest time and an office further away with sooner times; the
staff capacity page with its SVG chart, its table and the extra-session form."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Page, expect

from appointments.availability import office_zone
from appointments.models import Slot
from checkin_portal import clock
from offices.selectors import forget_office_points
from tests.appointments.factories import SlotFactory, days_from_now
from tests.offices.factories import office_at

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import label
from .test_lifecycle import staff_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [MOBILE, DESKTOP]
LANGUAGES = ["en", "es", "ar"]


@pytest.fixture
def texas():
    forget_office_points()
    offices = {
        "downtown": office_at("HOU-DOWNTOWN", "Houston", "TX", "77002", 29.7564, -95.3657),
        "north": office_at("HOU-NORTH", "Houston", "TX", "77060", 29.9347, -95.3963),
        "west": office_at("HOU-WEST", "Houston", "TX", "77042", 29.7404, -95.5601),
        "bay_city": office_at("BAY-CITY-TX", "Bay City", "TX", "77414", 28.9828, -95.9694),
    }
    SlotFactory(office=offices["downtown"], starts_at=days_from_now(70))
    SlotFactory(office=offices["north"], starts_at=days_from_now(80))
    SlotFactory(office=offices["bay_city"], starts_at=days_from_now(6))
    yield offices
    forget_office_points()


@pytest.mark.parametrize("language", LANGUAGES)
def test_finder_shows_soonest_times_and_a_sooner_office_further_away(
    page: Page, live_server, block_other_hosts, texas, language
):
    page.goto(f"{live_server.url}/{language}/offices/?q=77002")
    soonest = page.locator(".portal-office__soonest")
    expect(soonest).to_have_count(4)
    sooner = page.locator(".portal-office--sooner")
    expect(sooner.locator(".portal-office__name")).to_have_text("Bay City, TX")
    expect(sooner.get_by_role("button")).to_have_count(1)
    check_at_widths(page, WIDTHS, context=f"finder with soonest times ({language})")

    # The words, in the page's language (from the catalogues).
    zone = office_zone(texas["downtown"]).key
    abbreviation = days_from_now(70).astimezone(office_zone(texas["downtown"])).tzname()
    assert zone == "America/Chicago"
    expect(soonest.first).to_contain_text(label(language, "Soonest time:"))
    expect(soonest.first).to_contain_text(abbreviation)
    expect(soonest.nth(1)).to_have_text(label(language, "No times open online"))
    expect(page.get_by_role("heading", name=label(language, "Sooner times a bit further away")))
    expect(sooner).to_contain_text(re.compile(r"\d"))  # its distance


def _staff_page(browser, live_server, django_user_model, language):
    page = staff_page(browser, live_server, django_user_model)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_capacity_page_chart_table_and_extra_session(
    browser, live_server, django_user_model, texas, language
):
    page = _staff_page(browser, live_server, django_user_model, language)
    url = f"{live_server.url}{reverse('admin:offices_office_capacity')}"
    page.goto(url)
    rows = page.locator("#capacity-overview tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.first).to_contain_text("HOU-WEST")  # nothing open online: the longest wait
    expect(page.locator("svg[role=img]")).to_have_count(1)
    check_at_widths(page, WIDTHS, context=f"capacity overview ({language})")

    page.get_by_role("link", name="HOU-DOWNTOWN").click()
    expect(page.locator("#capacity-weeks tbody tr")).to_have_count(12)
    expect(page.locator("svg[role=img] title")).to_have_count(1)
    check_at_widths(page, WIDTHS, context=f"capacity office ({language})")

    # An extra session: the form works without JavaScript's help, errors then success.
    day = clock.today_in(office_zone(texas["downtown"])) + datetime.timedelta(days=9)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    form = page.locator("form[method=post]").filter(has=page.locator("input[name=office]"))
    form.locator("input[name=day]").fill(day.isoformat())
    form.locator("input[name=opens]").fill("17:00")
    form.locator("input[name=closes]").fill("16:00")
    form.locator("button[type=submit]").click()
    expect(page.locator(".errorlist")).to_have_count(1)
    assert (
        not Slot.objects.filter(office=texas["downtown"], starts_at__gt=days_from_now(8))
        .exclude(starts_at=days_from_now(70))
        .exists()
    )
    check_at_widths(page, WIDTHS, context=f"capacity session error ({language})")
    form = page.locator("form[method=post]").filter(has=page.locator("input[name=office]"))
    form.locator("input[name=closes]").fill("18:00")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert Slot.objects.filter(office=texas["downtown"]).count() == 3
    check_at_widths(page, WIDTHS, context=f"capacity session added ({language})")
