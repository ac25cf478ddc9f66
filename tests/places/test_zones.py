"""One time-zone validator for every field that holds a zone name."""

import pytest
from django.core.exceptions import ValidationError

from checkin_portal.places.zones import validate_time_zone
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
