"""The digest by which a process knows that a kept office's row is still the one it read
(offices.selectors, "Whole offices kept per process"): the row version's place in
PostgreSQL, (xmin, ctid). Each half alone misses a change that the other sees."""

import pytest
from django.db import connection

from offices.models import Office
from offices.selectors import ROW_DIGEST, with_row_digest

from .factories import OfficeFactory


def _digest(office: Office) -> str:
    return getattr(with_row_digest(Office.objects.filter(pk=office.pk)).get(), ROW_DIGEST)


def _set_hours(office: Office, hours: str) -> None:
    # updated_at is indexed: the new version is not a HOT one, so its old place can be
    # freed by VACUUM (a HOT chain keeps its first place as a redirect).
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE offices_office SET hours_en = %s, updated_at = now() WHERE id = %s",
            [hours, office.pk],
        )


def _place(office: Office) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT xmin::text, ctid::text FROM offices_office WHERE id = %s", [office.pk]
        )
        return cursor.fetchone()


def _vacuum() -> None:
    with connection.cursor() as cursor:
        cursor.execute("VACUUM offices_office")


@pytest.mark.django_db
def test_two_changes_in_one_transaction_are_two_versions():
    """One transaction writes every version with the same xmin: only the place moves."""
    office = OfficeFactory()
    _set_hours(office, "Tuesdays only")
    before, place_before = _digest(office), _place(office)
    _set_hours(office, "Wednesdays only")
    assert _place(office)[0] == place_before[0]  # this transaction's xmin, both times
    assert _digest(office) != before


@pytest.mark.django_db
def test_a_lock_or_a_read_keeps_the_version():
    office = OfficeFactory()
    before = _digest(office)
    list(Office.objects.select_for_update().filter(pk=office.pk))
    Office.objects.get(pk=office.pk)
    assert _digest(office) == before


@pytest.mark.django_db(transaction=True)
def test_a_version_written_where_an_old_one_was_is_still_new():
    """VACUUM frees an old version's place; the next change of the row may be written
    there (the same ctid as the version a process kept), by another transaction."""
    _vacuum()  # the places of earlier tests' rolled-back rows are free: the row goes first
    office = OfficeFactory()
    kept, kept_place = _digest(office), _place(office)
    moved_back = False
    for attempt in range(20):
        _set_hours(office, f"Version {attempt}")
        _vacuum()
        _set_hours(office, f"Version {attempt} again")
        assert _digest(office) != kept
        moved_back = moved_back or _place(office)[1] == kept_place[1]
    assert moved_back, "PostgreSQL never wrote the row back to its first place"
