"""Courts: time zone from the ZIP code, status rules, constraints, history."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from checkin_portal.places.zips import zone_for_address, zone_for_place, zone_for_zip
from hearings.models import ImmigrationCourt, OperatingStatus

from .factories import ImmigrationCourtFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("zip_code", "zone"),
    [
        ("96850", "Pacific/Honolulu"),
        ("96910", "Pacific/Guam"),
        ("00968-4605", "America/Puerto_Rico"),
        ("79901", "America/Denver"),  # El Paso is on Mountain time
        ("85007", "America/Phoenix"),
        ("60603", "America/Chicago"),
    ],
)
def test_zone_comes_from_zip(zip_code, zone):
    assert zone_for_zip(zip_code) == zone


@pytest.mark.parametrize("bad", ["", "123", "abcde", "99999", "9685O", "96850-12"])
def test_unknown_or_malformed_zip_has_no_zone(bad):
    assert zone_for_zip(bad) == ""


def test_zone_falls_back_to_city_and_state():
    assert zone_for_place("saipan", "mp") == "Pacific/Saipan"
    assert zone_for_address(zip_code="", city="Louisville", state="KY") == (
        "America/Kentucky/Louisville"
    )
    assert zone_for_address(city="Nowhere", state="ZZ") == ""


def test_court_gets_zone_from_zip_when_not_given():
    court = ImmigrationCourtFactory(zip_code="96850", city="Honolulu", state="HI")
    assert court.time_zone == "Pacific/Honolulu"
    given = ImmigrationCourtFactory(zip_code="96850", time_zone="America/Chicago")
    assert given.time_zone == "America/Chicago"  # an explicit zone wins


def test_court_without_any_zone_is_refused_by_the_database():
    court = ImmigrationCourt(code="x", name="X", street="1 A St", city="Nowhere", state="ZZ")
    with pytest.raises(IntegrityError), transaction.atomic():
        court.save()


def test_bad_zone_name_fails_validation():
    court = ImmigrationCourtFactory.build(time_zone="Mars/Olympus")
    with pytest.raises(ValidationError) as caught:
        court.full_clean()
    assert "time_zone" in caught.value.message_dict


def test_closed_on_date_requires_the_date_and_only_then():
    court = ImmigrationCourtFactory()
    court.operating_status = OperatingStatus.CLOSED_ON_DATE
    with pytest.raises(IntegrityError), transaction.atomic():
        court.save()
    court.operating_status = OperatingStatus.OPEN
    court.closed_on = datetime.date(2026, 3, 9)
    with pytest.raises(IntegrityError), transaction.atomic():
        court.save()


def test_names_and_codes_are_unique_ignoring_case():
    ImmigrationCourtFactory(code="dallas", name="Dallas Immigration Court")
    with pytest.raises(IntegrityError), transaction.atomic():
        ImmigrationCourtFactory(code="dallas-2", name="DALLAS immigration court")
    with pytest.raises(IntegrityError), transaction.atomic():
        ImmigrationCourtFactory(code="dallas", name="Other")


@time_machine.travel(datetime.datetime(2026, 3, 9, 15, tzinfo=datetime.UTC), tick=False)
def test_one_date_closure_shows_until_the_date_has_passed_in_the_courts_zone():
    # 2026-03-09 15:00 UTC is 05:00 on the 9th in Honolulu.
    court = ImmigrationCourtFactory(
        zip_code="96850",
        operating_status=OperatingStatus.CLOSED_ON_DATE,
        closed_on=datetime.date(2026, 3, 9),
    )
    assert court.public_status() == OperatingStatus.CLOSED_ON_DATE
    court.closed_on = datetime.date(2026, 3, 8)
    assert court.public_status() == OperatingStatus.OPEN
    court.closed_on = datetime.date(2026, 3, 20)
    assert court.public_status() == OperatingStatus.CLOSED_ON_DATE


def test_closed_and_moved_show_as_they_are():
    court = ImmigrationCourtFactory(operating_status=OperatingStatus.MOVED)
    assert court.public_status() == OperatingStatus.MOVED


def test_court_changes_are_kept_in_history():
    court = ImmigrationCourtFactory()
    court.operating_status = OperatingStatus.CLOSED
    court.status_notice_en = "Closed because of a flood."
    court.save()
    assert court.history.count() == 2
    assert court.history.first().operating_status == OperatingStatus.CLOSED
