import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from offices.models import Office

from .factories import FieldOfficeFactory, OfficeFactory

pytestmark = pytest.mark.django_db


def test_timezone_is_derived_from_the_zip_when_blank():
    office = OfficeFactory(zip="96910", state="GU", latitude=13.47, longitude=144.75)
    assert office.time_zone == "Pacific/Guam"
    assert office.zone.key == "Pacific/Guam"


def test_a_given_timezone_is_kept():
    office = OfficeFactory(time_zone="America/Chicago")
    assert office.time_zone == "America/Chicago"


def test_translated_fields_and_history():
    office = OfficeFactory(name_en="Atlanta", name_es="Atlanta (es)")
    office.hours_es = "lunes a viernes"
    office.save()
    assert office.history.count() == 2
    assert Office.objects.get(pk=office.pk).hours_es == "lunes a viernes"


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"latitude": 91.0}, "office_latitude_range"),
        ({"latitude": -90.5}, "office_latitude_range"),
        ({"longitude": 180.1}, "office_longitude_range"),
        ({"longitude": -181.0}, "office_longitude_range"),
        ({"latitude": None}, "office_coordinates_together"),
        ({"code": "bad code"}, "office_code_format"),
        ({"zip": "3030"}, "office_zip_format"),
    ],
)
def test_database_constraints(fields, constraint):
    office = OfficeFactory.build(**fields)
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        office.save()
    with pytest.raises(ValidationError):
        office.full_clean()


def test_a_field_office_has_no_parent():
    parent = FieldOfficeFactory()
    office = FieldOfficeFactory.build(parent=parent)
    with (
        pytest.raises(IntegrityError, match="office_field_office_has_no_parent"),
        transaction.atomic(),
    ):
        office.save()


def test_an_office_is_not_its_own_parent():
    office = OfficeFactory()
    with pytest.raises(IntegrityError, match="office_not_own_parent"), transaction.atomic():
        Office.objects.filter(pk=office.pk).update(parent=office)


def test_unplaced_office_is_allowed():
    office = OfficeFactory(latitude=None, longitude=None)
    assert not office.has_coordinates
