"""One time-zone validator for every field that holds a zone name."""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import override_settings

from checkin_portal.places.zones import in_zone, validate_time_zone, with_zone, zone_of
from hearings.models import ImmigrationCourt
from offices.models import Office
from subjects.models import Subject


@pytest.mark.parametrize(
    "field",
    [
        Office._meta.get_field("time_zone"),
        ImmigrationCourt._meta.get_field("time_zone"),
        Subject._meta.get_field("paperwork_office_time_zone"),
    ],
)
def test_every_zone_field_uses_the_one_validator(field):
    assert validate_time_zone in field.validators


def test_the_validator():
    validate_time_zone("America/Chicago")
    validate_time_zone("")  # empty is the field's business (blank)
    with pytest.raises(ValidationError) as error:
        validate_time_zone("Mars/Olympus")
    assert error.value.code == "invalid_time_zone"


def test_no_field_is_named_timezone():
    from django.apps import apps

    names = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.name == "timezone"
    }
    assert names == set()


NINE_CST = datetime.datetime(2026, 12, 28, 15, 0, tzinfo=datetime.UTC)  # 9:00 in Chicago


def _render(text: str, **context) -> str:
    return Template("{% load portal_dates %}" + text).render(Context(context)).strip()


@override_settings(TIME_ZONE="America/New_York")
def test_in_zone_shows_the_places_wall_clock_not_the_servers():
    office = Office(time_zone="America/Chicago")
    text = _render('{{ at|in_zone:office|date:"H:i T" }}', at=NINE_CST, office=office)
    assert text == "09:00 CST"
    assert _render('{{ at|date:"H:i T" }}', at=NINE_CST) == "10:00 EST"  # without it


@override_settings(TIME_ZONE="Pacific/Honolulu")
def test_in_zone_keeps_the_places_date_through_long_date():
    late = datetime.datetime(2026, 12, 29, 5, 30, tzinfo=datetime.UTC)  # 23:30 on the 28th
    text = _render("{{ at|in_zone:zone|long_date }}", at=late, zone="America/Chicago")
    assert text == "Monday, December 28, 2026"


def test_zone_of_any_place():
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    assert zone_of(Office(time_zone="America/Chicago")) == chicago
    assert zone_of(chicago) == zone_of("America/Chicago") == chicago
    assert zone_of(None).key == settings.TIME_ZONE
    assert zone_of(Office(time_zone="")).key == settings.TIME_ZONE
    assert zone_of("Mars/Olympus").key == settings.TIME_ZONE
    assert in_zone(None, chicago) is None


def test_with_zone_for_staff():
    assert with_zone(NINE_CST, Office(time_zone="America/Chicago")) == "2026-12-28 09:00 CST"
    assert _render("{{ at|with_zone:zone }}", at=NINE_CST, zone="Pacific/Guam") == (
        "2026-12-29 01:00 ChST"
    )
    assert with_zone(None, "America/Chicago") == ""
