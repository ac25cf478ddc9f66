"""Reading the finder's results out of a page (the finder and the booking flow's office
step share them)."""

import re

import pytest
from django.db import connection
from django.test import Client

from offices.models import Office
from offices.selectors import forget_office_points
from tests.helpers import subject_sign_in
from tests.subjects.factories import SubjectFactory

from .factories import office_at, san_jose_without_online_booking

FINDER = "/en/offices/"
OFFICE_STEP = "/en/book/"  # the booking flow's office step, which shows the same results


def listed_offices(html: str) -> list[str]:
    """Codes of every office shown, in order: the ones to choose, then the ones apart."""
    return re.findall(r'<h3 class="portal-office__name" id="office-([A-Z0-9-]+)"', html)


def chooseable_offices(html: str) -> list[str]:
    """Codes behind the "Choose this office" / "See times" buttons, in order."""
    return re.findall(r'name="office" value="([A-Z0-9-]+)"', html)


@pytest.fixture(name="search_page", params=[FINDER, OFFICE_STEP], ids=["finder", "office step"])
def search_pages(request, client: Client) -> str:
    """Each page that shows a search's results: the finder, and the office step with a
    signed-in person."""
    if request.param == OFFICE_STEP:
        subject_sign_in(client, SubjectFactory())
    return request.param


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


EDITS = ["save", "bulk update", "plain sql"]


def edit_office(office: Office, field: str, value: str, how: str) -> None:
    """Change one translated text field of ``office`` the way ``how`` (one of EDITS)
    says: through the model ("save"), in bulk with no save, so ``updated_at`` stays as it
    was ("bulk update"), or in plain SQL on its English column ("plain sql")."""
    if how == "save":
        setattr(office, field, value)
        office.save()
    elif how == "bulk update":
        Office.objects.filter(pk=office.pk).update(**{field: value})
    else:
        column = connection.ops.quote_name(f"{field}_en")
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE offices_office SET {column} = %s WHERE id = %s",
                [value, office.pk],
            )


def reads_offices_whole(sql: str) -> bool:
    """Whether a statement reads the offices' columns (a translated one stands for all),
    not just a digest of their rows."""
    return '"offices_office"."hours_en"' in sql
