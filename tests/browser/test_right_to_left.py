"""Right to left, as people see it (issue 14): in Arabic and Persian an address, a phone
number and a ZIP keep their left-to-right order inside the right-to-left text; no box
starts or ends outside the window at 320 or 1280 px; and at 320 px the times keep two
columns in every language."""

from itertools import pairwise

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from tests.appointments.factories import SlotFactory, days_from_now
from tests.subjects.factories import SubjectFactory

from .axe import assert_nothing_off_screen
from .conftest import DESKTOP, MOBILE
from .helpers import sign_in_via_form
from .test_offices import offices  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The box of the first occurrence of a piece of text inside an element (a DOM Range over
# its text nodes), so we can compare where two words of one line are drawn.
WORD_BOX_JS = """([selector, word]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const at = walker.currentNode.nodeValue.indexOf(word);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(walker.currentNode, at);
    range.setEnd(walker.currentNode, at + word.length);
    const box = range.getBoundingClientRect();
    return { left: box.left, right: box.right, top: box.top };
  }
  return null;
}"""


def _box(page: Page, selector: str, word: str) -> dict:
    box = page.evaluate(WORD_BOX_JS, [selector, word])
    assert box, f"{word!r} not found in {selector}"
    return box


def _reads_left_to_right(page: Page, selector: str, *words: str) -> None:
    boxes = [_box(page, selector, word) for word in words]
    for (a, box_a), (b, box_b) in pairwise(zip(words, boxes, strict=True)):
        assert box_a["top"] == pytest.approx(box_b["top"], abs=2), (a, b, "not on one line")
        assert box_a["right"] <= box_b["left"] + 1, f"{a!r} is drawn after {b!r}: {boxes}"


def _url(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


@pytest.mark.usefixtures("offices")
@pytest.mark.parametrize("language", ["ar", "fa"])
def test_finder_address_and_phone_keep_their_order(
    page: Page,
    live_server,
    language,
):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}{_url('offices:finder', language)}?q=30303")
    card = "#office-ATLANTA-GA ~ .portal-office__facts"
    expect(page.locator(card)).to_be_visible()
    # "180 Ted Turner Drive SW", not "Ted Turner Drive SW 180".
    _reads_left_to_right(page, f"{card} address", "180", "Ted Turner Drive")
    # "Atlanta, GA 30303", not "30303 Atlanta, GA".
    _reads_left_to_right(page, f"{card} address", "Atlanta", "30303")
    # "(404) 893-1290", not "893-1290 (404)".
    _reads_left_to_right(page, f"{card} .portal-phone", "(404)", "893-1290")


@pytest.mark.usefixtures("offices")
@pytest.mark.parametrize("language", ["ar", "fa", "en"])
@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["320", "1280"])
def test_public_pages_have_nothing_off_screen(
    page: Page,
    live_server,
    language,
    viewport,
):
    page.set_viewport_size(viewport)
    for path in [
        f"/{language}/",
        "/language/",
        f"{_url('offices:finder', language)}?q=30303",
        _url("subjects:sign_in", language),
        _url("help", language),
    ]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        assert_nothing_off_screen(page, context=f"{path} @ {viewport['width']}px")


@pytest.mark.parametrize("language", ["en", "ar", "fa", "hi"])
def test_times_keep_two_columns_at_320_px(page: Page, live_server, db, language):
    from tests.offices.factories import OfficeFactory

    office = OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago")
    for hour in (14, 15, 16, 17):
        SlotFactory(office=office, starts_at=days_from_now(3, hour=hour), capacity=2)
    subject = SubjectFactory(subject_id="CD654321", country_of_birth="HN", report_by=None)
    sign_in_via_form(page, live_server, language=language, subject=subject)
    page.set_viewport_size(MOBILE)
    page.goto(f"{live_server.url}{_url('appointments:times', language)}?office=CHICAGO-IL")
    buttons = page.locator(".portal-slot-list").first.locator(".portal-slot-button")
    expect(buttons.first).to_be_visible()
    tops = [buttons.nth(i).bounding_box()["y"] for i in range(2)]
    assert tops[0] == pytest.approx(tops[1], abs=1), f"one column of times in {language}"
    assert_nothing_off_screen(page, context=f"times ({language}) @ 320px")
