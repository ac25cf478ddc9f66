"""The load benchmark's seeding (``manage.py seed_load_data``) leaves PostgreSQL's
statistics true of what it wrote, so that the benchmark measures the query plans a
deployment runs (where autovacuum refreshes them soon after; on the bench and CI machines
it may be off)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from appointments.models import Appointment, ScheduleRule, Slot
from offices.models import Office
from subjects.models import Subject

# What the command writes, listed here on its own (not read from the command).
WRITTEN = (Office, ScheduleRule, Slot, Subject, Appointment)

# VACUUM cannot run inside a transaction: the test's writes are committed (and flushed after).
pytestmark = pytest.mark.django_db(transaction=True)


def _estimate_and_count(table: str) -> tuple[float, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        (estimate,) = cursor.fetchone()
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
        (count,) = cursor.fetchone()
    return estimate, count


def test_every_table_it_seeds_is_analysed_when_it_is_done():
    call_command(
        "seed_load_data", subjects=20, appointments=20, days=2, yes=True, stdout=io.StringIO()
    )

    for table in (model._meta.db_table for model in WRITTEN):
        estimate, count = _estimate_and_count(table)
        assert count > 0, table
        # Small tables are read whole by ANALYZE: the planner's row count is exact.
        assert estimate == count, table
