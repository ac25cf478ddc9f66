"""Queries compiled once per process (checkin_portal/prepared.py, issue 17) give exactly
what their ORM definition gives, with each call's own values, and never run a stand-in."""

import datetime

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from appointments.models import Appointment, Slot
from checkin_portal import prepared
from checkin_portal.prepared import Prepared
from offices.models import Office
from subjects.models import Subject
from tests.appointments.factories import SlotFactory, days_from_now
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db


def _open_after(office_id, after, capacity_left=True):
    query = Slot.objects.filter(office_id=office_id, starts_at__gt=after)
    if capacity_left:
        query = query.filter(booked__lt=F("capacity"))
    return query.order_by("starts_at")


def test_each_call_runs_with_its_own_values_and_matches_the_orm():
    first, second = OfficeFactory(), OfficeFactory()
    for office in (first, second):
        for day in (2, 4, 6):
            SlotFactory(office=office, starts_at=days_from_now(day, hour=10))
    query = Prepared(
        lambda office_id, after: _open_after(office_id, after),
        args={"office_id": int, "after": datetime.datetime},
    )
    for office in (first, second):
        for day in (1, 3, 5):
            after = days_from_now(day, hour=9)
            got = [slot.pk for slot in query.objects(office_id=office.pk, after=after)]
            assert got == list(_open_after(office.pk, after).values_list("pk", flat=True))
    assert len(query._compiled) == 1  # compiled once


def test_lists_compile_once_per_length_and_variants_once_per_value():
    people = SubjectFactory.create_batch(4)
    by_ids = Prepared(
        lambda ids: Subject.objects.filter(pk__in=ids).order_by("pk").values_list("pk"),
        args={"ids": int},
        lists=("ids",),
    )
    assert by_ids.rows(ids=[people[2].pk]) == [(people[2].pk,)]
    assert by_ids.rows(ids=[people[0].pk, people[3].pk]) == [(people[0].pk,), (people[3].pk,)]
    assert by_ids.rows(ids=[people[1].pk, people[2].pk]) == [(people[1].pk,), (people[2].pk,)]
    assert len(by_ids._compiled) == 2
    sliced = Prepared(
        lambda bounds, first: (
            Subject.objects.filter(pk__gte=first)
            .order_by("pk")
            .values_list("pk")[bounds[0] : bounds[1]]
        ),
        args={"first": int},
    )
    assert sliced.rows(variant=(1, 3), first=people[0].pk) == [
        (people[1].pk,),
        (people[2].pk,),
    ]
    assert sliced.rows(variant=(0, 1), first=people[3].pk) == [(people[3].pk,)]


def test_one_query_per_call_and_none_to_compile(django_assert_num_queries):
    person = SubjectFactory()
    query = Prepared(
        lambda code: Subject.objects.filter(subject_id=code).values_list("pk"),
        args={"code": str},
    )
    with django_assert_num_queries(1):
        assert query.rows(code=person.subject_id) == [(person.pk,)]
    with CaptureQueriesContext(connection) as ctx:
        assert query.rows(code="NO-SUCH") == []
    assert "stand-in" not in ctx.captured_queries[0]["sql"]


def test_an_argument_that_is_not_a_parameter_is_refused():
    # Written into the SQL itself (a slice), not passed as a parameter: cannot be prepared.
    query = Prepared(lambda n: Subject.objects.values_list("pk")[:1], args={"n": int})
    with pytest.raises(ValueError, match="stand-ins not passed"):
        query.rows(n=3)


def test_compiled_again_per_language_and_kept_within_bounds(monkeypatch):
    SubjectFactory(family_names="Person A")
    query = Prepared(
        lambda bounds, first: Subject.objects.filter(pk__gte=first).values_list("family_names")[
            bounds[0] : bounds[1]
        ],
        args={"first": int},
    )
    for language in ("en", "es"):
        with translation.override(language):
            query.rows(variant=(0, 1), first=0)
    assert len(query._compiled) == 2
    monkeypatch.setattr(prepared, "MAX_VARIANTS", 3)
    for start in range(10):  # a page number typed into the URL must not grow memory
        query.rows(variant=(start, start + 1), first=0)
    assert len(query._compiled) == 3


def test_related_objects_and_annotations_come_as_the_queryset_gives_them(
    django_assert_num_queries,
):
    from django.db.models import Value

    from tests.appointments.factories import AppointmentFactory

    appointment = AppointmentFactory()
    query = Prepared(
        lambda subject_id: (
            Slot.objects.filter(pk=appointment.slot_id)
            .select_related("office")
            .annotate(note=Value("x"))
            .filter(office__pk__gt=subject_id)[:1]
        ),
        args={"subject_id": int},
    )
    with django_assert_num_queries(1):
        (slot,) = query.objects(subject_id=-1)
        assert slot.office.code == appointment.slot.office.code  # joined, no query
        assert slot.starts_at == appointment.slot.starts_at  # converted, aware
        assert slot.note == "x"
    assert query.objects(subject_id=appointment.slot.office_id) == []


def test_other_databases_run_the_queryset_as_the_orm_builds_it(monkeypatch):
    """SQLite (the demo) adapts parameters while compiling (a datetime becomes text), so
    the stand-ins could not be found: there the queryset runs as built."""
    office = OfficeFactory()
    query = Prepared(
        lambda code: Office.objects.filter(code=code).values_list("pk"), args={"code": str}
    )
    monkeypatch.setattr(connection, "vendor", "sqlite")
    assert query.rows(code=office.code) == [(office.pk,)]
    assert query._compiled == {}


def test_rows_are_converted_as_the_queryset_converts_them():
    from tests.appointments.factories import AppointmentFactory

    appointment = AppointmentFactory(reminder_phone="+14045551234")
    query = Prepared(
        lambda pk: Appointment.objects.filter(pk=pk).values_list("reminder_phone", "created_at"),
        args={"pk": int},
    )
    [(phone, created)] = query.rows(pk=appointment.pk)
    [(orm_phone, orm_created)] = Appointment.objects.filter(pk=appointment.pk).values_list(
        "reminder_phone", "created_at"
    )
    assert type(phone) is type(orm_phone) and phone == orm_phone  # a PhoneNumber, not text
    assert created == orm_created


def test_a_values_list_whose_iterable_does_more_is_refused():
    # modeltranslation's values_list reorders the columns and falls back between
    # languages: rows() would not give what the queryset gives.
    office = OfficeFactory()
    query = Prepared(
        lambda pk: Office.objects.filter(pk=pk).values_list("phone", "updated_at"),
        args={"pk": int},
    )
    with pytest.raises(TypeError, match="values_list"):
        query.rows(pk=office.pk)


def test_a_conditional_write_compiles_once_and_changes_only_its_own_rows():
    office = OfficeFactory()
    full = SlotFactory(office=office, starts_at=days_from_now(3, hour=10), capacity=1, booked=1)
    free = SlotFactory(office=office, starts_at=days_from_now(3, hour=11), capacity=2)
    other = SlotFactory(office=office, starts_at=days_from_now(3, hour=12), capacity=2)
    take = Prepared(
        lambda slot_id, after: Slot.objects.filter(
            pk=slot_id, booked__lt=F("capacity"), starts_at__gt=after
        ),
        args={"slot_id": int, "after": datetime.datetime},
        changes={"booked": F("booked") + 1},
    )
    now = days_from_now(0)
    with CaptureQueriesContext(connection) as ctx:
        assert take.update(slot_id=full.pk, after=now) == 0  # no free seat: nothing changes
        assert take.update(slot_id=free.pk, after=now) == 1
        assert take.update(slot_id=free.pk, after=now) == 1
        assert take.update(slot_id=free.pk, after=now) == 0  # now full
        assert take.update(slot_id=other.pk, after=days_from_now(4)) == 0  # too early
    assert [q["sql"].split()[0] for q in ctx.captured_queries] == ["UPDATE"] * 5
    assert len(take._compiled) == 1
    assert Slot.objects.get(pk=full.pk).booked == 1
    assert Slot.objects.get(pk=free.pk).booked == 2
    assert Slot.objects.get(pk=other.pk).booked == 0
    with pytest.raises(TypeError, match="changes="):
        Prepared(lambda pk: Slot.objects.filter(pk=pk), args={"pk": int}).update(pk=free.pk)
    with pytest.raises(TypeError, match="rows"):
        take.rows(slot_id=free.pk, after=now)


def test_converters_are_worked_out_once_per_compiled_query(monkeypatch):
    from django.db.models.sql.compiler import SQLCompiler

    from tests.appointments.factories import AppointmentFactory

    appointment = AppointmentFactory(reminder_phone="+14045551234")
    calls = []
    original = SQLCompiler.get_converters

    def counted(self, expressions):
        calls.append(len(expressions))
        return original(self, expressions)

    monkeypatch.setattr(SQLCompiler, "get_converters", counted)
    query = Prepared(
        lambda pk: Appointment.objects.select_related("slot").filter(pk=pk)[:1],
        args={"pk": int},
    )
    for _ in range(3):
        found = query.first(pk=appointment.pk)
        assert found.reminder_phone == appointment.reminder_phone  # converted
        assert type(found.reminder_phone) is type(appointment.reminder_phone)
    assert len(calls) == 1


# WrittenIn: values PostgreSQL must know to plan a prepared statement once for every call.


def test_written_in_writes_its_values_into_the_statement():
    from checkin_portal.prepared import WrittenIn

    SubjectFactory()
    queryset = Appointment.objects.filter(WrittenIn("status", ["booked", "no_show"]), subject_id=7)
    sql, params = queryset.query.sql_with_params()
    assert "IN ('booked', 'no_show')" in sql
    assert list(params) == [7]  # the person only: the statuses are not parameters


def test_written_in_selects_what_status_in_selects():
    from checkin_portal.prepared import WrittenIn
    from tests.appointments.factories import AppointmentFactory

    for status in ("booked", "cancelled", "checked_in"):
        AppointmentFactory(status=status)
    for statuses in (["booked"], ["cancelled"], ["booked", "cancelled"], ["no_show"]):
        written = Appointment.objects.filter(WrittenIn("status", statuses))
        assert set(written) == set(Appointment.objects.filter(status__in=statuses))
    assert Appointment.objects.filter(WrittenIn("status", ["booked", "cancelled"])).count() == 2


@pytest.mark.parametrize("values", [[], ["Booked"], ["booked'); DROP TABLE x; --"], ["a b"]])
def test_written_in_takes_only_lower_case_codes(values):
    from checkin_portal.prepared import WrittenIn

    with pytest.raises(ValueError, match="lower-case codes"):
        WrittenIn("status", values)


def test_my_check_in_sends_only_the_person_as_a_parameter():
    """At national scale, with the statuses as parameters, PostgreSQL planned this
    statement on every call (bench/profile_flow.py --check now fails on that)."""
    from appointments.selectors import _LATEST_BOOKED_OR_CANCELLED_BY_OFFICE

    person = SubjectFactory()
    captured = []

    def capture(execute, sql, params, many, context):
        captured.append(params)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        _LATEST_BOOKED_OR_CANCELLED_BY_OFFICE.first(subject_id=person.pk)
    assert [list(params) for params in captured] == [[person.pk]]
