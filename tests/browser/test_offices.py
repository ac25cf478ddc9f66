"""The office finder in a real browser, English, Spanish and Arabic (right to left), with
axe at 320 and 1280 px."""

import re

import pytest
from playwright.sync_api import Page, expect

from offices.selectors import forget_office_points
from tests.offices.factories import OfficeFactory, office_at

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import label, labels

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [MOBILE, DESKTOP]


@pytest.fixture
def offices(settings):
    forget_office_points()
    settings.OFFICE_CHOSEN_REDIRECT = "offices:finder"
    OfficeFactory(
        code="ATLANTA-GA",
        name="Atlanta, GA",
        street="180 Ted Turner Drive SW",
        latitude=33.7525,
        longitude=-84.3888,
        hours="Tuesday-Thursday, 8 a.m.-3 p.m.",
        hours_es="De martes a jueves, de 8 a. m. a 3 p. m.",
        instructions="Check in via main entrance.",
        instructions_es="Regístrese por la entrada principal.",
    )
    OfficeFactory(
        code="CHARLOTTE-NC",
        name="Charlotte, NC",
        city="Charlotte",
        state="NC",
        zip="28217",
        latitude=35.1716,
        longitude=-80.9103,
        phone="",
        accepts_online_booking=False,
    )
    OfficeFactory(
        code="GADSDEN-AL",
        name="Gadsden, AL",
        city="Gadsden",
        state="AL",
        zip="35901",
        latitude=34.0143,
        longitude=-86.0066,
        hours="",
    )
    OfficeFactory(
        code="SEATTLE-WA",
        city="Seattle",
        state="WA",
        zip="98168",
        latitude=47.49,
        longitude=-122.29,
    )
    yield
    forget_office_points()


TEXT = {
    "en": {
        "h1": "Find an office near you",
        "label": "Address, city, state or ZIP code",
        "search": "Search",
        "results": "The 3 offices nearest to Atlanta, GA",
        "choose": "Choose this office",
        "chosen": "You chose this office: Atlanta, GA.",
        "ambiguous": "There is more than one Springfield. Which one do you mean?",
        "state": "Springfield, Illinois",
        "not_found": "We could not find that place",
        "empty": "Type a ZIP code, a city and state, or an address.",
        "distance": "miles away",
    },
    "es": {
        "h1": "Busque una oficina cerca de usted",
        "label": "Dirección, ciudad, estado o código postal (ZIP)",
        "search": "Buscar",
        "results": "Las 3 oficinas más cercanas a Atlanta, GA",
        "choose": "Elegir esta oficina",
        "chosen": "Usted eligió esta oficina: Atlanta, GA.",
        "ambiguous": "Hay más de un lugar llamado Springfield. ¿Cuál es el suyo?",
        "state": "Springfield, Illinois",
        "not_found": "No encontramos ese lugar",
        "empty": "Escriba un código postal (ZIP), una ciudad y estado, o una dirección.",
        "distance": "km)",
    },
}


def _text(language: str) -> dict[str, str | re.Pattern]:
    """English and Spanish as written above; any other language from the .po catalogues,
    where the English text is the msgid (the rest are messages with a place filled in)."""
    if language in TEXT:
        return TEXT[language]
    plain = ("h1", "label", "search", "choose", "not_found", "empty")
    text = labels(language, {key: TEXT["en"][key] for key in plain})
    text["results"] = label(
        language, "The %(number)s offices nearest to %(place)s", number=3, place="Atlanta, GA"
    )
    text["chosen"] = label(language, "You chose this office: %(office)s.", office="Atlanta, GA")
    text["ambiguous"] = label(
        language, "There is more than one %(place)s. Which one do you mean?", place="Springfield"
    )
    text["state"] = TEXT["en"]["state"]  # the geocoder's place names are not translated
    # Outside English the distance is in miles and kilometres: the whole sentence, any number.
    about = re.escape(label(language, "About %(miles)s miles (%(km)s km) away"))
    number = r"[\d.,\u066b\u066c]+"  # Arabic decimal and thousands separators too
    text["distance"] = re.compile(
        about.replace(re.escape("%(miles)s"), number).replace(re.escape("%(km)s"), number)
    )
    return text


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_finder_search_choose_and_messages(
    page: Page, live_server, block_other_hosts, offices, language
):
    text = _text(language)
    page.goto(f"{live_server.url}/{language}/offices/")
    expect(page.get_by_role("heading", level=1)).to_have_text(text["h1"])
    check_at_widths(page, WIDTHS, context=f"finder empty ({language})")

    # Empty search: the error summary, the field marked, nothing found.
    page.get_by_role("button", name=text["search"], exact=True).click()
    expect(page.locator(".js-error-summary")).to_contain_text(text["empty"])
    check_at_widths(page, WIDTHS, context=f"finder error ({language})")

    # Ambiguous city: the states are offered as links.
    page.get_by_label(text["label"]).fill("springfield")
    page.get_by_role("button", name=text["search"], exact=True).click()
    expect(page.get_by_role("heading", name=text["ambiguous"])).to_be_visible()
    check_at_widths(page, WIDTHS, context=f"finder ambiguous ({language})")
    page.get_by_role("link", name=text["state"]).click()
    expect(page).to_have_url(f"{live_server.url}/{language}/offices/?q=Springfield%2C%20IL")

    # Nothing found: what to type, with examples.
    page.get_by_label(text["label"]).fill("Narnia")
    page.get_by_role("button", name=text["search"], exact=True).click()
    expect(page.get_by_role("heading", name=text["not_found"])).to_be_visible()
    check_at_widths(page, WIDTHS, context=f"finder not found ({language})")

    # A city: the three nearest offices, nearest first, with distance and actions.
    page.get_by_label(text["label"]).fill("atlanta, ga")
    page.get_by_role("button", name=text["search"], exact=True).click()
    expect(page.get_by_role("heading", level=2, name=text["results"])).to_be_visible()
    names = page.locator(".portal-office__name")
    # Three to choose from, then Charlotte (nearer than Seattle, but no online booking)
    # apart, without a button.
    expect(names).to_have_count(4)
    expect(names.first).to_have_text("Atlanta, GA")
    apart = page.locator(".portal-office--not-bookable")
    expect(apart).to_have_count(1)
    expect(apart.locator(".portal-office__name")).to_have_text("Charlotte, NC")
    expect(apart.get_by_role("button")).to_have_count(0)
    expect(page.locator(".portal-office__distance").nth(1)).to_contain_text(text["distance"])
    check_at_widths(page, WIDTHS, context=f"finder results ({language})")

    # The search is bookmarkable.
    assert "q=atlanta%2C+ga" in page.url

    page.get_by_role("button", name=re.compile(rf"^{text['choose']}\W+Atlanta, GA$")).click()
    expect(page.get_by_role("status").filter(has_text=text["chosen"])).to_be_visible()


def test_finder_works_without_javascript(browser, live_server, offices):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/offices/")
    page.get_by_label("Address, city, state or ZIP code").fill("30303")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator(".portal-office__name")).to_have_count(4)
    expect(page.get_by_role("button", name=re.compile(r"^Choose this office"))).to_have_count(3)
    page.get_by_role("button", name=re.compile(r"^Choose this office\W+Atlanta, GA$")).click()
    expect(page.get_by_text("You chose this office: Atlanta, GA.")).to_be_visible()
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_territory_search_says_the_nearest_office_is_far(
    page: Page, live_server, block_other_hosts, settings, language
):
    """Issue 14: from San Juan the nearest office is in Florida; the page says so first,
    with the help line, and stays axe-clean (also right to left)."""
    forget_office_points()
    office_at("MIAMI-FL", "Miami", "FL", "33027", 25.9773, -80.3351)
    office_at("ORLANDO-FL", "Orlando", "FL", "32801", 28.5421, -81.379)
    page.goto(f"{live_server.url}/{language}/offices/?q=00918")
    heading = label(language, "The nearest office is far from %(place)s", place="Puerto Rico")
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    notice = page.locator(".portal-office-far")
    expect(notice).to_contain_text("Miami, FL")
    expect(notice.locator('a[href^="tel:"]')).to_have_text("(833) 383-1465")
    check_at_widths(page, WIDTHS, context=f"finder territory ({language})")
    forget_office_points()
