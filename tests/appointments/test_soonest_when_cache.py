"""A time as every page writes it (appointments/_when.html: the finder's soonest time,
When on the review and confirmation pages) is rendered once per process for the same
start, office zone, day there and language (once_tags, issue 17), and follows each of
them: never another office's zone, never yesterday's "Tomorrow"."""

from unittest import mock

import pytest
from django.utils import translation

from appointments.availability import office_zone
from appointments.templatetags import soonest_tags
from checkin_portal import clock
from checkin_portal.templatetags import once_tags
from tests.offices.factories import OfficeFactory

from .factories import days_from_now

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    once_tags._PARTS.clear()
    yield
    once_tags._PARTS.clear()


def test_rendered_once_for_the_same_start_zone_and_language():
    chicago = OfficeFactory(code="CHI-IL", time_zone="America/Chicago")
    other_chicago = OfficeFactory(code="CHI2-IL", time_zone="America/Chicago")
    starts_at = days_from_now(5, hour=15)
    first = soonest_tags.office_soonest_when(starts_at, chicago)
    assert soonest_tags.office_soonest_when(starts_at, other_chicago) == first
    assert len(once_tags._PARTS) == 1
    assert "portal-when" in first and ("CST" in first or "CDT" in first)


def test_each_zone_and_language_has_its_own_line():
    chicago = OfficeFactory(code="CHI-IL", time_zone="America/Chicago")
    new_york = OfficeFactory(code="NYC-NY", time_zone="America/New_York")
    starts_at = days_from_now(5, hour=15)
    in_chicago = soonest_tags.office_soonest_when(starts_at, chicago)
    in_new_york = soonest_tags.office_soonest_when(starts_at, new_york)
    assert in_chicago != in_new_york and ("EST" in in_new_york or "EDT" in in_new_york)
    with translation.override("es"):
        assert soonest_tags.office_soonest_when(starts_at, chicago) != in_chicago


def test_a_new_day_renders_again():
    chicago = OfficeFactory(code="CHI-IL", time_zone="America/Chicago")
    starts_at = days_from_now(1, hour=15)
    soonest_tags.office_soonest_when(starts_at, chicago)
    its_day = starts_at.astimezone(office_zone(chicago)).date()  # the next day came
    with mock.patch.object(clock, "today_in", return_value=its_day):
        again = soonest_tags.office_soonest_when(starts_at, chicago)
    assert len(once_tags._PARTS) == 2
    assert "Today" in again
