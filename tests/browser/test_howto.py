"""The illustrated how-to (issue 19) in a real browser: axe at phone and desktop width in
English, Spanish and Arabic, every picture loads when scrolled to, and nothing needs
JavaScript."""

import pytest
from playwright.sync_api import Page, expect

from checkin_portal import howto

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOADED_JS = "img => img.complete && img.naturalWidth > 0"


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_how_to_page_is_accessible_and_shows_every_picture(
    page: Page, live_server, block_other_hosts, language
):
    page.goto(f"{live_server.url}/{language}/help/how-to-book/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    check_at_widths(page, [MOBILE, DESKTOP], context=f"how-to ({language})")

    page.set_viewport_size(MOBILE)
    pictures = page.locator("img.portal-howto__picture")
    expect(pictures).to_have_count(len(howto.STEPS))
    for index in range(len(howto.STEPS)):
        picture = pictures.nth(index)
        src = picture.get_attribute("src")
        assert src == f"/static/howto/{language}/{howto.STEPS[index].slug}.webp"
        picture.scroll_into_view_if_needed()
        page.wait_for_function(LOADED_JS, arg=picture.element_handle())
        # Never wider than the phone's screen.
        assert picture.bounding_box()["width"] <= MOBILE["width"]


def test_how_to_pictures_are_lazy_and_the_page_needs_no_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=MOBILE)
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/help/how-to-book/")
    pictures = page.locator("img.portal-howto__picture")
    expect(pictures).to_have_count(len(howto.STEPS))
    # Only what is near the screen loads at first; the last picture waits for a scroll.
    last = pictures.last
    assert last.get_attribute("loading") == "lazy"
    last.scroll_into_view_if_needed()
    page.wait_for_function(LOADED_JS, arg=last.element_handle())
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_home_strip_is_accessible_and_leads_to_the_step(
    page: Page, live_server, block_other_hosts, language
):
    page.goto(f"{live_server.url}/{language}/")
    strip = page.locator(".portal-howto-strip")
    expect(strip.locator("img")).to_have_count(sum(step.strip for step in howto.STEPS))
    check_at_widths(page, [MOBILE, DESKTOP], context=f"home strip ({language})")
    strip.locator("a").first.click()
    first = next(step for step in howto.STEPS if step.strip)
    expect(page).to_have_url(f"{live_server.url}/{language}/help/how-to-book/#{first.slug}")
