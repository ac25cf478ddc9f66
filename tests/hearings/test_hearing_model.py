"""Hearing invariants held by the database, history, and concurrent imports."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, transaction

from checkin_portal.places.zones import AmbiguousLocalTime, NonexistentLocalTime, aware_local
from hearings.models import Hearing, HearingStatus
from hearings.services import hearings_import
from tests.subjects.factories import SubjectFactory

from .factories import HearingFactory, ImmigrationCourtFactory

UTC = datetime.UTC


@pytest.mark.django_db
def test_one_person_cannot_have_two_hearings_at_the_same_moment():
    hearing = HearingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        HearingFactory(subject=hearing.subject, starts_at=hearing.starts_at)
    # The same moment for someone else is fine.
    HearingFactory(starts_at=hearing.starts_at)


@pytest.mark.django_db
@pytest.mark.parametrize("column", ["status", "hearing_type", "hearing_format"])
def test_the_database_refuses_unknown_values(column):
    hearing = HearingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Hearing.objects.filter(pk=hearing.pk).update(**{column: "nonsense"})


@pytest.mark.django_db
def test_a_court_with_hearings_cannot_be_deleted_but_a_person_takes_theirs_along():
    from django.db.models import ProtectedError

    hearing = HearingFactory()
    with pytest.raises(ProtectedError):
        hearing.court.delete()
    hearing.subject.delete()
    assert not Hearing.objects.exists()
    # History outlives the record: the deletion itself is kept.
    assert Hearing.history.filter(id=hearing.pk, history_type="-").exists()


@pytest.mark.django_db
def test_the_hot_query_uses_the_person_and_start_index():
    names = {constraint.name for constraint in Hearing._meta.constraints} | {
        index.name for index in Hearing._meta.indexes
    }
    assert "hearings_hearing_subject_starts_at_unique" in names
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'hearings_hearing'")
        definitions = " ".join(row[0] for row in cursor.fetchall())
    assert "(subject_id, starts_at)" in definitions


@pytest.mark.django_db
def test_every_change_is_kept_in_history():
    hearing = HearingFactory()
    hearing.status = HearingStatus.RESCHEDULED
    hearing.save()
    assert [h.status for h in hearing.history.order_by("history_date")] == [
        HearingStatus.SCHEDULED,
        HearingStatus.RESCHEDULED,
    ]


@pytest.mark.parametrize(
    ("zone", "day", "time", "utc"),
    [
        (
            "Pacific/Honolulu",
            datetime.date(2026, 3, 8),
            datetime.time(9),
            datetime.datetime(2026, 3, 8, 19, tzinfo=UTC),
        ),
        (
            "Pacific/Guam",
            datetime.date(2026, 3, 8),
            datetime.time(9),
            datetime.datetime(2026, 3, 7, 23, tzinfo=UTC),
        ),
        (
            "America/Puerto_Rico",
            datetime.date(2026, 11, 1),
            datetime.time(1, 30),
            datetime.datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
        ),
        (
            "America/Chicago",
            datetime.date(2026, 3, 8),
            datetime.time(3),
            datetime.datetime(2026, 3, 8, 8, tzinfo=UTC),
        ),
        (
            "America/Chicago",
            datetime.date(2026, 11, 1),
            datetime.time(2),
            datetime.datetime(2026, 11, 1, 8, tzinfo=UTC),
        ),
        (
            "America/Phoenix",
            datetime.date(2026, 3, 8),
            datetime.time(2, 30),
            datetime.datetime(2026, 3, 8, 9, 30, tzinfo=UTC),
        ),
    ],
)
def test_local_times_become_the_right_instant(zone, day, time, utc):
    assert aware_local(day, time, zone) == utc


def test_skipped_and_repeated_local_times_are_refused():
    with pytest.raises(NonexistentLocalTime):
        aware_local(datetime.date(2026, 3, 8), datetime.time(2, 30), "America/Chicago")
    with pytest.raises(AmbiguousLocalTime):
        aware_local(datetime.date(2026, 11, 1), datetime.time(1, 30), "America/Chicago")


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_file_at_once_never_duplicate_or_crash():
    court = ImmigrationCourtFactory(code="honolulu", zip_code="96850")
    subjects = [SubjectFactory(subject_id=f"RACE{n:04d}") for n in range(20)]
    body = "subject_id,court,date,time,type,format\n" + "".join(
        f"{subject.subject_id},{court.code},2026-05-04,09:00,master_calendar,in_person\n"
        for subject in subjects
    )
    reports, failures = [], []
    barrier = threading.Barrier(2)

    def run():
        try:
            barrier.wait()
            reports.append(hearings_import(text=body))
        except Exception as error:  # noqa: BLE001 - the test reports it
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert Hearing.objects.count() == 20
    assert sorted(report.created for report in reports if report.saved) in ([20], [0, 20])
    for report in reports:
        assert report.saved or "at the same time" in report.errors[0][1]
