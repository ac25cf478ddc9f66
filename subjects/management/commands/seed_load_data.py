"""Seed data for load benchmarks (bench/load.py), in bulk: offices with a year of times
behind and ahead of today, N people and M appointments (most in the past).

    manage.py seed_load_data --subjects 50000 --appointments 50000
    manage.py seed_load_data --subjects 1000000 --appointments 5000000   # national scale

People and appointments are made by PostgreSQL itself (INSERT ... SELECT over
generate_series), so national scale takes minutes. Seeded people have Subject IDs
``LOAD0000001``... and country of birth Mexico; the first half never has a booked
appointment (the benchmark signs them in and books). Safe to run again: it tops up to the
asked numbers. Benchmark databases only: it refuses SQLite and asks for --yes unless the
database name contains "bench".
"""

from __future__ import annotations

import datetime
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction

from appointments.availability import slots_generate
from appointments.models import Appointment, ScheduleRule, Slot
from checkin_portal import clock
from offices.models import Office
from subjects.models import Subject

SUBJECT_PREFIX = "LOAD"
# Every table the command writes, vacuumed and analysed once it is done: PostgreSQL plans
# each query by its statistics, and autovacuum, which would refresh them soon after in a
# deployment, may be off (the bench and CI machines turn it off). Left out, the offices'
# table kept the statistics of before the seeding, and the finder's one query read every
# office's wide row where a deployment reads a few through their index (issue 17: 0.40 ms
# of PostgreSQL's CPU a search against 0.27 ms).
SEEDED_MODELS = (Office, ScheduleRule, Slot, Subject, Appointment)
# One opening rule for every office: Monday to Friday, 8 a.m. to 4 p.m. (weekday bit mask,
# Monday = bit 0), every 30 minutes. Benchmarks need many times, not each office's hours.
WEEKDAYS_MASK = 0b0011111
OPENS, CLOSES = datetime.time(8, 0), datetime.time(16, 0)


def load_subject_id(n: int) -> str:
    """The Subject ID of seeded person number ``n`` (1-based), as bench/load.py signs in."""
    return f"{SUBJECT_PREFIX}{n:07d}"


def _insert_select(model, values: dict[str, str], source: str) -> int:
    """INSERT INTO <model> (every concrete column) SELECT <expressions> <source>.

    Columns not in ``values`` get the field's default (or NULL): the command keeps working
    when a column is added, and on an older commit of the schema."""
    columns, expressions, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.name not in values:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.name in values:
            expressions.append(values[field.name])
        elif field.has_default() or (field.empty_strings_allowed and not field.null):
            expressions.append("%s")
            params.append(field.get_db_prep_save(field.get_default(), connection))
        elif field.null:
            expressions.append("NULL")
        elif isinstance(field, models.DateTimeField):
            expressions.append("now()")
        else:
            raise CommandError(f"No value for {model.__name__}.{field.name}")
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} "
        f"({', '.join(columns)}) SELECT {', '.join(expressions)} {source}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


class Command(BaseCommand):
    help = "Seed offices, a year of times, people and appointments in bulk (load benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--subjects", type=int, default=50_000)
        parser.add_argument("--appointments", type=int, default=50_000)
        parser.add_argument("--capacity", type=int, default=4, help="people per time")
        parser.add_argument("--days", type=int, default=365, help="days of times each side")
        parser.add_argument("--yes", action="store_true", help="seed a non-bench database")

    def handle(self, *args, subjects, appointments, capacity, days, yes, **options):
        if connection.vendor != "postgresql":
            raise CommandError("seed_load_data needs PostgreSQL.")
        if "bench" not in connection.settings_dict["NAME"] and not yes:
            raise CommandError("Not a bench database (name without 'bench'): add --yes.")
        started = time.perf_counter()
        self._offices_and_times(capacity=capacity, days=days)
        self._log(started, f"{Slot.objects.count()} times")
        made = self._subjects(subjects)
        self._log(started, f"{made} people added")
        made = self._appointments(appointments, subjects)
        self._log(started, f"{made} appointments added")
        with connection.cursor() as cursor:
            for model in SEEDED_MODELS:
                cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        self._log(started, "analysed")

    def _log(self, started: float, what: str) -> None:
        self.stdout.write(f"  {time.perf_counter() - started:7.1f} s  {what}")

    def _offices_and_times(self, *, capacity: int, days: int) -> None:
        if not Office.objects.exists():
            call_command("import_offices", verbosity=0)
        today = clock.now().date()
        for office in Office.objects.filter(is_active=True).order_by("code"):
            if not office.schedule_rules.exists():
                ScheduleRule.objects.create(
                    office=office,
                    weekdays=WEEKDAYS_MASK,
                    opens=OPENS,
                    closes=CLOSES,
                    slot_minutes=30,
                    capacity=capacity,
                    valid_from=today - datetime.timedelta(days=days + 1),
                )
            if not Slot.objects.filter(office=office).exists():
                slots_generate(
                    office=office, start=today - datetime.timedelta(days=days), days=2 * days
                )

    def _subjects(self, wanted: int) -> int:
        have = Subject.objects.filter(subject_id__startswith=SUBJECT_PREFIX).count()
        if have >= wanted:
            return 0
        with transaction.atomic():
            return _insert_select(
                Subject,
                {
                    "subject_id": f"'{SUBJECT_PREFIX}' || lpad(i::text, 7, '0')",
                    "country_of_birth": "'MX'",
                    "given_names": "'Load'",
                    "family_names": "'Person ' || i",
                    "release_form": "'other'",
                    "created_at": "now()",
                    "updated_at": "now()",
                },
                f"FROM generate_series({have + 1}, {wanted}) AS i",
            )

    def _appointments(self, wanted: int, subjects: int) -> int:
        """Past appointments (checked in, no-show, cancelled) spread over people and past
        times; one in fifty booked ahead, for people of the second half only, at most one
        per future time, with the seats counted."""
        first = Subject.objects.filter(subject_id=load_subject_id(1)).values_list("pk", flat=True)
        first_pk = first.first()
        have = Appointment.objects.filter(subject__subject_id__startswith=SUBJECT_PREFIX).count()
        if first_pk is None or have >= wanted:
            return 0
        now = clock.now()
        future_wanted = (wanted - have) // 50
        past_wanted = wanted - have - future_wanted
        half = subjects // 2
        last_pk = Subject.objects.filter(subject_id=load_subject_id(subjects)).values_list(
            "pk", flat=True
        )
        if last_pk.first() != first_pk + subjects - 1:
            raise CommandError("The seeded people's ids are not one run: use a fresh database.")
        made = 0
        with transaction.atomic():
            made += self._past(first_pk, subjects, have, past_wanted, now)
            if future_wanted and half:
                made += self._future(first_pk, half, have + past_wanted, future_wanted, now)
        return made

    def _past(self, first_pk, subjects, have, count, now) -> int:
        if count <= 0:
            return 0
        slot_table = connection.ops.quote_name(Slot._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE seed_past_slots ON COMMIT DROP AS "  # noqa: S608 - model table names
                f"SELECT id, starts_at, (row_number() OVER (ORDER BY id)) - 1 AS rn "
                f"FROM {slot_table} WHERE starts_at < %s",
                [now],
            )
            cursor.execute("SELECT count(*) FROM seed_past_slots")
            past_slots = cursor.fetchone()[0]
            cursor.execute("CREATE UNIQUE INDEX ON seed_past_slots (rn)")
        if not past_slots:
            raise CommandError("No past times to put past appointments on.")
        return self._insert_appointments(
            first_pk=first_pk,
            person=f"mod(i, {subjects})",
            status=(
                "CASE mod(i, 10) WHEN 0 THEN 'cancelled' WHEN 1 THEN 'no_show' "
                "ELSE 'checked_in' END"
            ),
            join=f"JOIN seed_past_slots s ON s.rn = mod(i, {past_slots})",
            start=have + 1,
            end=have + count,
        )

    def _future(self, first_pk, half, offset, count, now) -> int:
        """Booked appointments on future times (one per time), people from the second half."""
        slot_table = connection.ops.quote_name(Slot._meta.db_table)
        appointment_table = connection.ops.quote_name(Appointment._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE seed_future_slots ON COMMIT DROP AS "  # noqa: S608 - model table names
                f"SELECT id, starts_at, (row_number() OVER (ORDER BY random())) - 1 AS rn "
                f"FROM {slot_table} WHERE starts_at > %s AND booked = 0 AND NOT is_blocked",
                [now + datetime.timedelta(days=2)],
            )
            cursor.execute("CREATE UNIQUE INDEX ON seed_future_slots (rn)")
            cursor.execute("SELECT count(*) FROM seed_future_slots")
            future_slots = cursor.fetchone()[0]
        count = min(count, future_slots, half)
        if count <= 0:
            return 0
        made = self._insert_appointments(
            first_pk=first_pk,
            person=f"{half} + (i - {offset + 1})",
            status="'booked'",
            join=f"JOIN seed_future_slots s ON s.rn = i - {offset + 1}",
            start=offset + 1,
            end=offset + count,
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {slot_table} AS t SET booked = c.n FROM (SELECT slot_id, count(*) AS n "  # noqa: S608 - model table names
                f"FROM {appointment_table} WHERE status = 'booked' GROUP BY slot_id) c "
                "WHERE t.id = c.slot_id AND t.booked <> c.n"
            )
        return made

    def _insert_appointments(self, *, first_pk, person, status, join, start, end) -> int:
        return _insert_select(
            Appointment,
            {
                "subject": f"{first_pk} + ({person})",
                "slot": "s.id",
                # A bijection of i into 8 hex digits (valid Crockford characters): unique.
                "confirmation_number": (
                    "upper(lpad(to_hex(mod(i::bigint * 2654435761, 4294967296)), 8, '0'))"
                ),
                "status": status,
                "language": "'es'",
                "created_at": "s.starts_at - interval '10 days'",
                "updated_at": "s.starts_at",
            },
            f"FROM generate_series({start}, {end}) AS i {join}",
        )
