# ruff: noqa: RUF001 - digits and signs of other scripts on purpose
"""The one digit folder (checkin_portal.digits) and the one reader of database refusals
(checkin_portal.integrity), tested with real characters and real constraint violations."""

import datetime
import sys
import unicodedata

import pytest
from django.db import IntegrityError, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from addresses.models import AddressChange
from appointments.models import Appointment
from checkin_portal.digits import fold_digits
from checkin_portal.integrity import is_duplicate_of, refused_rule
from tests.addresses.factories import AddressChangeFactory
from tests.strategies import SCRIPTS, in_script
from tests.subjects.factories import SubjectFactory


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_every_script_of_our_languages(script):
    assert fold_digits(in_script("60605-1234", script)) == "60605-1234"


def test_every_unicode_decimal_digit_becomes_its_ascii_digit():
    digits = [chr(cp) for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) == "Nd"]
    assert len(digits) > 600
    for digit in digits:
        assert fold_digits(digit) == str(unicodedata.decimal(digit)), hex(ord(digit))


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("", ""),
        ("30303", "30303"),
        ("２０２６／０２／２７", "2026/02/27"),  # full-width signs too
        ("Apt ٤ب", "Apt 4ب"),  # letters are left for the field's own checks
        ("①②", "12"),
        ("١٬٢٣٤", "1٬234"),  # a thousands sign is not a digit
    ],
)
def test_fold_digits(typed, folded):
    assert fold_digits(typed) == folded


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_folding_leaves_no_other_digit_and_is_stable(text):
    folded = fold_digits(text)
    assert not any(ch.isdecimal() and not ch.isascii() for ch in folded)
    assert fold_digits(folded) == folded


# --- Telling a taken random number from every other refusal ----------------------------


def _refusal(**fields) -> IntegrityError:
    change = AddressChangeFactory.build(**fields)
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        change.save()
    return refused.value


@pytest.mark.django_db
def test_a_taken_receipt_number_is_a_duplicate_of_that_field_only():
    taken = AddressChangeFactory()
    error = _refusal(receipt_number=taken.receipt_number, subject=taken.subject)
    assert is_duplicate_of(error, model=AddressChange, field="receipt_number")
    assert not is_duplicate_of(error, model=AddressChange, field="submission_token")
    assert not is_duplicate_of(error, model=Appointment, field="confirmation_number")
    assert refused_rule(error).endswith("_key") or "receipt" in refused_rule(error)


@pytest.mark.django_db
def test_a_taken_submission_token_is_not_a_receipt_collision():
    taken = AddressChangeFactory()
    error = _refusal(submission_token=taken.submission_token, subject=taken.subject)
    assert is_duplicate_of(error, model=AddressChange, field="submission_token")
    assert not is_duplicate_of(error, model=AddressChange, field="receipt_number")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "rule"),
    [
        ({"zip_code": "60605-١٢٣٤"}, "addresschange_zip_format"),
        ({"receipt_number": "ABCD-123"}, "addresschange_receipt_format"),
        ({"state": "ZZ"}, "addresschange_state_known"),
    ],
)
def test_a_check_is_never_taken_for_a_collision(fields, rule):
    error = _refusal(**fields, subject=SubjectFactory(), move_date=datetime.date(2026, 2, 27))
    assert refused_rule(error) == rule
    assert not is_duplicate_of(error, model=AddressChange, field="receipt_number")
    assert not is_duplicate_of(error, model=AddressChange, field="submission_token")


def test_an_error_without_a_database_report_is_not_a_duplicate():
    assert not is_duplicate_of(
        IntegrityError("something else"), model=AddressChange, field="receipt_number"
    )
    assert is_duplicate_of(
        IntegrityError("UNIQUE constraint failed: addresses_addresschange.receipt_number"),
        model=AddressChange,
        field="receipt_number",
    )  # SQLite (the demo) says it this way
    assert refused_rule(IntegrityError("x")) == ""
