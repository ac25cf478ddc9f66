"""The Subject record: normalisation and the invariants the database itself enforces."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from subjects.models import Subject
from subjects.normalise import normalise_a_number, normalise_subject_id
from subjects.release_forms import ReleaseForm

from .factories import SubjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ab-12 34", "AB1234"),
        ("  ab1234\t", "AB1234"),
        ("AB\u201312\u201434", "AB1234"),  # en and em dashes from a phone keyboard
        ("\uff21\uff22\uff11\uff12\uff13\uff14", "AB1234"),  # full-width letters and digits
        ("ab.12/34", "AB1234"),
    ],
)
def test_subject_id_is_normalised(typed, stored):
    assert normalise_subject_id(typed) == stored
    assert SubjectFactory(subject_id=typed).subject_id == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("12345678", "012345678"),
        ("A12345678", "012345678"),
        ("a-012-345-678", "012345678"),
        ("123456789", "123456789"),
        ("", ""),
    ],
)
def test_a_number_gets_nine_digits(typed, stored):
    assert normalise_a_number(typed) == stored
    assert SubjectFactory(a_number=typed).a_number == stored


def _raw_update(subject: Subject, **values) -> None:
    """Write straight to the table, past save()'s normalisation and Python validation."""
    with transaction.atomic():
        Subject.objects.filter(pk=subject.pk).update(**values)


@pytest.mark.parametrize(
    "values",
    [
        {"subject_id": "ab1234"},  # lower case
        {"subject_id": "AB-1234"},
        {"subject_id": "AB1"},  # too short
        {"a_number": "12345"},
        {"a_number": "12345678A"},
        {"country_of_birth": "X"},
        {"country_of_birth": "mx"},
        {"release_form": "bogus"},
        {"paperwork_office_name": "An office"},  # without a date and zone
        {"paperwork_office_time_zone": "Europe/Paris"},
        {"report_by": datetime.date(2025, 1, 1)},  # before the release date
        {"parole_ends_on": datetime.date(2026, 6, 1)},  # not on parole
    ],
)
def test_database_rejects_invalid_values(values):
    subject = SubjectFactory()
    with pytest.raises(IntegrityError):
        _raw_update(subject, **values)


def test_a_number_is_unique_but_blank_is_allowed_many_times():
    SubjectFactory(a_number="")
    SubjectFactory(a_number="")
    SubjectFactory(a_number="012345678")
    with pytest.raises(IntegrityError), transaction.atomic():
        SubjectFactory(a_number="12345678")


def test_subject_id_is_unique_after_normalisation():
    SubjectFactory(subject_id="AB1234")
    with pytest.raises(IntegrityError), transaction.atomic():
        SubjectFactory(subject_id="ab-12-34")


def test_full_clean_reports_translated_constraint_messages():
    subject = SubjectFactory.build(
        release_form=ReleaseForm.NOTICE_TO_APPEAR, parole_ends_on=datetime.date(2026, 6, 1)
    )
    with pytest.raises(ValidationError) as caught:
        subject.full_clean()
    assert "A parole end date only applies to release on parole with ATD." in str(caught.value)


def test_paperwork_appointment_is_all_or_nothing_in_validation():
    subject = SubjectFactory.build(paperwork_office_name="Somewhere")
    with pytest.raises(ValidationError):
        subject.full_clean()
    SubjectFactory.build(with_paperwork_appointment=True).full_clean()


def test_changes_are_kept_in_history():
    subject = SubjectFactory()
    subject.checkin_completed_on = datetime.date(2026, 2, 1)
    subject.save()
    assert subject.history.count() == 2
    assert subject.history.earliest().checkin_completed_on is None
