"""Issue 14: no dead ends in the finder. An office that takes no online bookings is shown
apart, with what to do instead, never with a choose button; the three offered are the
nearest that can be booked. A search from a territory says honestly when the nearest
office is far."""

import pytest
from django.test import Client

from offices.importer import DEFAULT_FILE, read_office_rows
from offices.selectors import SESSION_KEY, office_search
from offices.services import offices_import

from .factories import OfficeFactory
from .pages import FINDER, bay_area_offices, fresh_office_points  # noqa: F401 - fixtures
from .pages import chooseable_offices as _chooseable
from .pages import listed_offices as _listed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_office_points")]


def test_three_offered_are_the_nearest_bookable_and_the_nearer_one_is_apart(
    client: Client, bay_area
):
    html = client.get(FINDER, {"q": "95112"}).content.decode()
    assert _chooseable(html) == ["SAN-FRANCISCO-CA", "STOCKTON-CA", "SACRAMENTO-CA"]
    # San Jose is named, apart, with what to do instead and no button.
    assert _listed(html) == ["SAN-FRANCISCO-CA", "STOCKTON-CA", "SACRAMENTO-CA", "SAN-JOSE-CA"]
    apart = html.split('id="office-not-bookable-heading"', 1)[1]
    assert "Nearer, but not on this website" in apart
    assert "San Jose, CA" in apart
    assert "This office does not take appointments on this website." in apart
    assert "Call the office to ask how and when to check in:" in apart
    assert (
        'href="tel:+14085551234" dir="ltr"><bdi class="portal-phone" dir="ltr">(408) 555-1234</bdi></a>'
        in apart
    )
    assert "Monday-Friday, 9 a.m.-2 p.m." in apart
    assert "<button" not in apart.split("</section>", 1)[0]


def test_not_bookable_office_farther_than_the_three_is_not_listed(client: Client, bay_area):
    # From Sacramento, San Jose is farther than the three bookable offices.
    html = client.get(FINDER, {"q": "95814"}).content.decode()
    assert _chooseable(html) == ["SACRAMENTO-CA", "STOCKTON-CA", "SAN-FRANCISCO-CA"]
    assert "SAN-JOSE-CA" not in html
    assert "not-bookable" not in html


def test_not_bookable_office_without_phone_points_to_the_help_line(
    client: Client, bay_area, settings
):
    bay_area["san_jose"].phone = ""
    bay_area["san_jose"].save()
    html = client.get(FINDER, {"q": "95112"}).content.decode()
    advice = html.split("Call the help line to ask how and when to check in:", 1)[1]
    assert (
        'dir="ltr"><bdi class="portal-phone" dir="ltr">(833) 383-1465</bdi></a>'
        in advice.split("</p>", 1)[0]
    )


def test_only_not_bookable_offices_near_says_so_and_offers_no_button(client: Client):
    OfficeFactory(code="WALK-IN-GA", accepts_online_booking=False)
    html = client.get(FINDER, {"q": "30303"}).content.decode()
    assert "No office is open for booking right now" in html
    assert "Near you, but not on this website" in html
    assert _listed(html) == ["WALK-IN-GA"]
    assert _chooseable(html) == []


def test_choose_refuses_an_office_that_takes_no_online_bookings(client: Client, bay_area):
    response = client.post("/en/offices/choose/", {"office": "SAN-JOSE-CA"})
    assert response["Location"] == FINDER
    assert SESSION_KEY not in client.session


def test_one_query_per_search_with_the_not_bookable_office(
    client: Client, bay_area, django_assert_num_queries
):
    client.get(FINDER, {"q": "95112"})
    # The offices and the soonest time of each bookable one: one query.
    with django_assert_num_queries(1):
        html = client.get(FINDER, {"q": "San Jose, CA"}).content.decode()
    assert "SAN-JOSE-CA" in _listed(html)


def test_switching_online_booking_off_is_seen_on_the_next_search(client: Client, bay_area):
    assert _chooseable(client.get(FINDER, {"q": "94111"}).content.decode())[0] == (
        "SAN-FRANCISCO-CA"
    )
    bay_area["san_francisco"].accepts_online_booking = False
    bay_area["san_francisco"].save()
    html = client.get(FINDER, {"q": "94111"}).content.decode()
    assert "SAN-FRANCISCO-CA" not in _chooseable(html)
    assert "SAN-FRANCISCO-CA" in _listed(html)


# --- Territories ------------------------------------------------------------------------


@pytest.fixture
def real_offices():
    offices_import(rows=read_office_rows(DEFAULT_FILE))


@pytest.mark.parametrize(
    ("zip_code", "territory", "far_from"),
    [
        ("00918", "Puerto Rico", "Miami"),
        ("00802", "U.S. Virgin Islands", "Miami"),
        ("96799", "American Samoa", "Honolulu"),
    ],
)
def test_territory_without_an_office_is_told_the_nearest_is_far(
    client: Client, real_offices, settings, zip_code, territory, far_from
):
    search = office_search(query=zip_code)
    assert search.is_far
    assert search.nearest.office.state != search.geocoded.place.state
    assert search.nearest.miles > 1000
    html = client.get(FINDER, {"q": zip_code}).content.decode()
    notice = html.split('id="office-far-heading"', 1)[1].split("</div>", 1)[0]
    assert f"The nearest office is far from {territory}" in notice
    assert far_from in notice
    miles = round(search.nearest.miles)
    assert f"about {miles} miles" in notice
    assert "Before you travel, call the help line:" in notice
    assert '<bdi class="portal-phone" dir="ltr">(833) 383-1465</bdi>' in notice
    assert "If your papers name an office or a date, follow your papers." in notice
    # The notice comes before the list, so it is read first.
    assert html.index('id="office-far-heading"') < html.index('id="office-results-heading"')


@pytest.mark.parametrize(("zip_code", "office"), [("96910", "AGANA-GU"), ("96950", "SAIPAN-MP")])
def test_territory_with_its_own_office_lists_it_first_without_the_notice(
    client: Client, real_offices, zip_code, office
):
    search = office_search(query=zip_code)
    assert not search.is_far
    assert search.results[0].office.code == office
    html = client.get(FINDER, {"q": zip_code}).content.decode()
    assert _chooseable(html)[0] == office
    assert "office-far-heading" not in html


def test_territory_office_switched_off_brings_the_notice(client: Client, real_offices):
    from offices.models import Office

    for office in Office.objects.filter(state="GU"):
        office.is_active = False
        office.save()
    search = office_search(query="96910")
    assert search.results[0].office.state != "GU"
    assert search.is_far


def test_a_state_search_far_from_offices_gets_no_territory_notice(client: Client, real_offices):
    # The notice is for territories: a mainland place is never told "far" by this rule.
    assert not office_search(query="30303").is_far
