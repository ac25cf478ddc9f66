"""The AddressChange model (never overwritten; database constraints), receipt numbers,
the USPS normalisation, the ZIP table (loaded once) and office areas."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from addresses.models import AddressChange
from addresses.normalise import normalise_address, plain_upper
from addresses.office_areas import office_area_for
from addresses.receipts import ALPHABET, format_receipt_number, new_receipt_number
from addresses.services import AddressDraft, address_change_mark_processed, address_change_submit
from tests.subjects.factories import SubjectFactory

from .factories import AddressChangeFactory

pytestmark = pytest.mark.django_db


def test_a_saved_change_cannot_be_edited():
    change = AddressChangeFactory()
    change.street = "1 OTHER ST"
    with pytest.raises(ValidationError):
        change.save()
    with pytest.raises(ValidationError):
        change.save(update_fields=["street"])
    change.refresh_from_db()
    assert change.street == "123 MAIN ST"


def test_processing_records_who_and_when(admin_user, frozen_now):
    change = AddressChangeFactory()
    assert address_change_mark_processed(change=change, user=admin_user) is True
    assert address_change_mark_processed(change=change, user=admin_user) is False
    change.refresh_from_db()
    assert (change.status, change.processed_by, change.processed_at) == (
        "processed",
        admin_user,
        frozen_now,
    )
    assert [h.status for h in change.history.order_by("history_date")] == ["received", "processed"]


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"zip_code": "1234"}, "addresschange_zip_format"),
        ({"state": "ZZ"}, "addresschange_state_known"),
        ({"street": ""}, "addresschange_street_given"),
        ({"receipt_number": "ILOU1234"}, "addresschange_receipt_format"),
        ({"status": "processed"}, "addresschange_processed_has_time"),
        ({"confirmation_channel": "sms", "phone": ""}, "addresschange_sms_needs_phone"),
        ({"confirmation_channel": "email", "email": ""}, "addresschange_email_needs_address"),
    ],
)
def test_database_constraints(fields, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        AddressChangeFactory(**fields)


def test_receipt_numbers_are_random_crockford_base32():
    numbers = {new_receipt_number() for _ in range(2000)}
    assert len(numbers) == 2000
    assert all(len(n) == 8 and set(n) <= set(ALPHABET) for n in numbers)
    assert not set("ILOU") & set("".join(numbers))
    assert format_receipt_number("ABCD2345") == "ABCD-2345"


@pytest.mark.parametrize(
    ("street", "unit", "expected_street", "expected_unit"),
    [
        ("180 ted turner drive southwest", "suite 522", "180 TED TURNER DR SW", "STE 522"),
        ("123 Main Street Apt 5", "", "123 MAIN ST", "APT 5"),
        ("200 E. 3rd St.", "Apt. 4b", "200 E 3RD ST", "APT 4B"),
        ("p.o. box 55", "", "PO BOX 55", ""),
        ("PO Box 123", "", "PO BOX 123", ""),
        ("Post Office Box 9", "", "PO BOX 9", ""),
        ("POBox 12", "", "PO BOX 12", ""),
        ("10 Calle Niño", "", "10 CALLE NINO", ""),
        # Not parseable by the normaliser: kept as typed, USPS style.
        ("Rural Route 2, Box 5", "", "RURAL ROUTE 2 BOX 5", ""),
        ("123 Main St", "Rear", "123 MAIN ST", "REAR"),
    ],
)
def test_normalisation(street, unit, expected_street, expected_unit):
    address = normalise_address(
        street=street, unit=unit, city="austin", state="TX", zip_code="78701", in_care_of=""
    )
    assert (address.street, address.unit, address.city) == (
        expected_street,
        expected_unit,
        "AUSTIN",
    )
    assert address.state == "TX" and address.zip_code == "78701"


def test_address_lines_for_an_envelope():
    address = normalise_address(
        street="PO Box 7",
        unit="",
        city="San Juan",
        state="PR",
        zip_code="00901",
        in_care_of="Lcda. Ruiz",
    )
    assert address.lines == ["C/O Lcda. Ruiz", "PO BOX 7", "SAN JUAN PR 00901"]
    assert address.is_po_box


def test_plain_upper():
    assert plain_upper("  Peñuelas,  P.R. ") == "PENUELAS PR"


@pytest.mark.parametrize(
    ("state", "zip_code", "area"),
    [
        ("GA", "30303", "ATLANTA-FO"),
        ("NY", "10001", "NEW-YORK-CITY-FO"),
        ("NY", "11743", "NEW-YORK-CITY-FO"),  # Suffolk County
        ("NY", "14201", "BUFFALO-FO"),
        ("CA", "90012", "LOS-ANGELES-FO"),
        ("CA", "92101", "SAN-DIEGO-FO"),
        ("CA", "94103", "SAN-FRANCISCO-FO"),
        ("TX", "75201", "DALLAS-FO"),
        ("TX", "77002", "HOUSTON-FO"),
        ("TX", "78501", "HARLINGEN-FO"),
        ("TX", "79901", "EL-PASO-FO"),
        ("TX", "78701", "SAN-ANTONIO-FO"),
        ("PR", "00901", "MIAMI-FO"),
        ("DC", "20500", "WASHINGTON-FO"),
        ("AE", "09001", ""),
    ],
)
@pytest.mark.django_db
def test_office_area_is_the_field_offices_row(field_offices, state, zip_code, area):
    office = office_area_for(state=state, zip_code=zip_code)
    assert (office.code if office else "") == area
    assert office is None or office.kind == "field_office"


@pytest.mark.django_db
def test_office_area_without_the_field_office_rows_is_none():
    assert office_area_for(state="GA", zip_code="30303") is None
    assert office_area_for(state="TX", zip_code="75201") is None


def _draft(token="t" * 32):
    return AddressDraft(
        address=normalise_address(
            street="1 Main St", unit="", city="Austin", state="TX", zip_code="78701"
        ),
        move_date=datetime.date(2026, 3, 1),
        phone="",
        email="",
        confirmation="",
        token=token,
    )


def test_submitting_the_same_draft_twice_gives_one_change():
    subject = SubjectFactory()
    first = address_change_submit(subject=subject, draft=_draft(), language="en")
    second = address_change_submit(subject=subject, draft=_draft(), language="en")
    assert first.created and not second.created
    assert first.change.pk == second.change.pk
    assert AddressChange.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_of_one_draft_make_one_change():
    subject = SubjectFactory()
    barrier = threading.Barrier(4)
    results, errors = [], []

    def submit():
        try:
            barrier.wait()
            results.append(address_change_submit(subject=subject, draft=_draft(), language="en"))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AddressChange.objects.count() == 1
    assert sum(result.created for result in results) == 1
    assert len({result.change.pk for result in results}) == 1


@pytest.mark.django_db
def test_the_migration_maps_every_old_area_code_to_its_field_office(field_offices):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("addresses.migrations.0004_office_area_field_office")
    found = migration._field_offices(apps)
    assert set(found) == set(migration.NAMES)
    assert found["st_paul"] == field_offices["ST-PAUL-FO"].pk
    assert found["new_york_city"] == field_offices["NEW-YORK-CITY-FO"].pk
