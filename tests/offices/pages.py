"""Reading the finder's results out of a page (the finder and the booking flow's office
step share them)."""

import re

import pytest

from offices.selectors import forget_office_points

from .factories import office_at, san_jose_without_online_booking


def listed_offices(html: str) -> list[str]:
    """Codes of every office shown, in order: the ones to choose, then the ones apart."""
    return re.findall(r'<h3 class="portal-office__name" id="office-([A-Z0-9-]+)"', html)


def chooseable_offices(html: str) -> list[str]:
    """Codes behind the "Choose this office" / "See times" buttons, in order."""
    return re.findall(r'name="office" value="([A-Z0-9-]+)"', html)


@pytest.fixture
def fresh_office_points():
    """Each test ranks against the offices it made, not a copy from another test."""
    forget_office_points()
    yield
    forget_office_points()


@pytest.fixture(name="bay_area")
def bay_area_offices():
    """San Jose takes no online bookings; four bookable offices farther away (the finder's
    dead-end case, issue 14)."""
    return {
        "san_jose": san_jose_without_online_booking(),
        "san_francisco": office_at(
            "SAN-FRANCISCO-CA", "San Francisco", "CA", "94111", 37.7952, -122.4028
        ),
        "stockton": office_at("STOCKTON-CA", "Stockton", "CA", "95202", 37.9577, -121.2908),
        "fresno": office_at("FRESNO-CA", "Fresno", "CA", "93721", 36.7378, -119.7871),
        "sacramento": office_at("SACRAMENTO-CA", "Sacramento", "CA", "95814", 38.5816, -121.4944),
    }


@pytest.fixture(name="texas")
def texas_offices():
    """Three offices in Houston, one 50 miles away (Bay City), one 145 miles away (Austin)
    and one 40 miles away that takes no online bookings."""
    return {
        "downtown": office_at("HOU-DOWNTOWN", "Houston", "TX", "77002", 29.7564, -95.3657),
        "north": office_at("HOU-NORTH", "Houston", "TX", "77060", 29.9347, -95.3963),
        "west": office_at("HOU-WEST", "Houston", "TX", "77042", 29.7404, -95.5601),
        "bay_city": office_at("BAY-CITY-TX", "Bay City", "TX", "77414", 28.9828, -95.9694),
        "austin": office_at("AUSTIN-TX", "Austin", "TX", "78701", 30.2711, -97.7437),
        "galveston": office_at(
            "GALVESTON-TX",
            "Galveston",
            "TX",
            "77550",
            29.3013,
            -94.7977,
            accepts_online_booking=False,
        ),
    }
