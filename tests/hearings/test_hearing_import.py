"""Staff CSV import of hearings: by Subject ID or A-number, all or nothing, per-row errors."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearings.hearing_rows import HearingDataError
from hearings.models import Hearing, HearingFormat, HearingStatus, HearingType
from hearings.services import hearings_import
from tests.subjects.factories import SubjectFactory

from .factories import HearingFactory, ImmigrationCourtFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
HEADER = "subject_id,a_number,court,date,time,type,format,judge,status\n"


@pytest.fixture
def people():
    return (
        SubjectFactory(subject_id="AB123456", a_number="012345678"),
        SubjectFactory(subject_id="CD987654", a_number="987654321"),
    )


@pytest.fixture
def courts():
    return {
        "honolulu": ImmigrationCourtFactory(
            code="honolulu", name="Honolulu Immigration Court", zip_code="96850"
        ),
        "pr": ImmigrationCourtFactory(
            code="guaynabo-san-juan",
            name="Guaynabo (San Juan) Immigration Court",
            zip_code="00968-4605",
        ),
        "chicago": ImmigrationCourtFactory(
            code="chicago", name="Chicago Immigration Court", zip_code="60603"
        ),
        "old": ImmigrationCourtFactory(
            code="older-court", name="Court at 1 Old St (older list)", is_active=False
        ),
    }


def _import(body: str, **kwargs):
    return hearings_import(text=HEADER + body, **kwargs)


def test_rows_by_subject_id_or_a_number_become_hearings_on_the_courts_clock(people, courts):
    report = _import(
        "ab-1234 56,,honolulu,2026-03-09,09:00,master_calendar,in_person,,\n"
        ",A 12-345-678,Guaynabo (San Juan) Immigration Court,03/10/2026,1:30 PM,"
        "Individual,Video,Jane Roe,Scheduled\n"
        "CD987654,987654321,chicago,2026-03-08,9:00 a.m.,other,telephone,,\n"
    )
    assert report.ok and report.saved
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    first, second = people
    honolulu = Hearing.objects.get(subject=first, court=courts["honolulu"])
    assert honolulu.starts_at == datetime.datetime(2026, 3, 9, 19, 0, tzinfo=UTC)
    puerto_rico = Hearing.objects.get(subject=first, court=courts["pr"])
    assert puerto_rico.starts_at == datetime.datetime(2026, 3, 10, 17, 30, tzinfo=UTC)
    assert puerto_rico.hearing_type == HearingType.INDIVIDUAL
    assert puerto_rico.hearing_format == HearingFormat.VIDEO
    assert puerto_rico.judge == "Jane Roe"
    # The day daylight saving time starts in Chicago: 9 a.m. is already UTC-5.
    chicago = Hearing.objects.get(subject=second)
    assert chicago.starts_at == datetime.datetime(2026, 3, 8, 14, 0, tzinfo=UTC)
    assert chicago.hearing_format == HearingFormat.PHONE
    assert chicago.status == HearingStatus.SCHEDULED


def test_importing_again_changes_nothing_and_a_change_is_an_update_with_history(people, courts):
    body = "AB123456,,honolulu,2026-03-09,09:00,master_calendar,in_person,,\n"
    _import(body)
    again = _import(body)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    hearing = Hearing.objects.get()
    assert hearing.history.count() == 1
    changed = _import("AB123456,,honolulu,2026-03-09,09:00,master_calendar,in_person,,cancelled\n")
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 0)
    hearing.refresh_from_db()
    assert hearing.status == HearingStatus.CANCELLED
    assert hearing.history.count() == 2


def test_one_bad_row_means_nothing_is_saved(people, courts):
    report = _import(
        "AB123456,,honolulu,2026-03-09,09:00,master_calendar,in_person,,\n"
        "NOSUCH99,,honolulu,2026-03-09,09:00,master_calendar,in_person,,\n"
    )
    assert not report.ok and not report.saved
    assert report.errors == [(3, "No person has this Subject ID.")]
    assert not Hearing.objects.exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ",,honolulu,2026-03-09,09:00,master_calendar,in_person,,",
            "Give a Subject ID or an A-number.",
        ),
        ("A!,,honolulu,2026-03-09,09:00,master_calendar,in_person,,", "4 to 20 letters and digits"),
        (",12345,honolulu,2026-03-09,09:00,master_calendar,in_person,,", "8 or 9 digits"),
        (
            ",111111111,honolulu,2026-03-09,09:00,master_calendar,in_person,,",
            "No person has this A-number.",
        ),
        (
            "AB123456,987654321,honolulu,2026-03-09,09:00,master_calendar,in_person,,",
            "two different people",
        ),
        (
            "AB123456,,mars,2026-03-09,09:00,master_calendar,in_person,,",
            "No court has this code or name.",
        ),
        (
            "AB123456,,,2026-03-09,09:00,master_calendar,in_person,,",
            "Give the court's code or name.",
        ),
        ("AB123456,,honolulu,2026-02-30,09:00,master_calendar,in_person,,", "Give the date as"),
        ("AB123456,,honolulu,9 March,09:00,master_calendar,in_person,,", "Give the date as"),
        ("AB123456,,honolulu,2026-03-09,25:00,master_calendar,in_person,,", "Give the time as"),
        ("AB123456,,honolulu,2026-03-09,,master_calendar,in_person,,", "Give the time as"),
        ("AB123456,,honolulu,2026-03-09,09:00,bail,in_person,,", "Give the type"),
        ("AB123456,,honolulu,2026-03-09,09:00,master_calendar,carrier pigeon,,", "Give the format"),
        (
            "AB123456,,honolulu,2026-03-09,09:00,master_calendar,in_person,,postponed",
            "The status must be",
        ),
        (
            "AB123456,,honolulu,2026-03-09,09:00,master_calendar,in_person," + "x" * 201 + ",",
            "too long",
        ),
        ("AB123456,,honolulu,2026-03-09", "This row has 4 values; the header has 9 columns."),
        # 02:30 does not exist in Chicago on 2026-03-08 (clocks jump from 2:00 to 3:00)...
        ("AB123456,,chicago,2026-03-08,02:30,master_calendar,in_person,,", "the clocks skip it"),
        # ...and 01:30 happens twice on 2026-11-01 (clocks go back from 2:00 to 1:00).
        ("AB123456,,chicago,2026-11-01,01:30,master_calendar,in_person,,", "happens twice"),
        ("AB123456,,older-court,2026-03-09,09:00,master_calendar,in_person,,", "not active"),
    ],
)
def test_each_bad_row_is_reported_with_its_line(people, courts, row, message):
    report = _import("CD987654,,chicago,2026-04-01,09:00,individual,video,,\n" + row + "\n")
    assert not report.ok
    assert [line for line, _ in report.errors] == [3] * len(report.errors)
    assert any(message in text for _, text in report.errors), report.errors
    assert not Hearing.objects.exists()


def test_the_same_person_and_time_twice_in_one_file_is_an_error(people, courts):
    row = "AB123456,,honolulu,2026-03-09,09:00,master_calendar,in_person,,\n"
    report = _import(row + row.replace("AB123456,", ",012345678"))
    assert report.errors == [(3, "Line 2 already has this person at this time.")]


def test_an_existing_hearing_at_an_inactive_court_can_still_be_updated(people, courts):
    old = courts["old"]
    HearingFactory(
        subject=people[0],
        court=old,
        starts_at=datetime.datetime(2026, 3, 9, 14, 0, tzinfo=UTC),  # 09:00 in Chicago (CDT)
    )
    report = _import(
        "AB123456,,older-court,2026-03-09,09:00,master_calendar,in_person,,completed\n"
    )
    assert report.ok and report.updated == 1


def test_errors_never_repeat_the_identifiers(people, courts):
    report = _import("ZZ999999,,honolulu,2026-03-09,09:00,master_calendar,in_person,,\n")
    assert all("ZZ999999" not in message for _, message in report.errors)


def test_dry_run_counts_but_saves_nothing(people, courts):
    report = _import(
        "AB123456,,honolulu,2026-03-09,09:00,master_calendar,in_person,,\n", dry_run=True
    )
    assert report.ok and not report.saved and report.created == 1
    assert not Hearing.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty."),
        (HEADER, "a header but no rows"),
        ("court,date,time,type,format\nx,y,z,a,b\n", "subject_id or a_number"),
        ("subject_id,court,date\nA,B,C\n", "Missing column(s): format, time, type."),
        (HEADER.strip() + ",shoe_size\n" + "x," * 9 + "x\n", "Unknown column(s): shoe_size."),
        ("\x00\x01binary", "This is not a CSV file."),
    ],
)
def test_unusable_files_are_refused_as_a_whole(text, message):
    with pytest.raises(HearingDataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        hearings_import(text=text)


def test_non_utf8_files_are_refused():
    with pytest.raises(HearingDataError, match="CSV UTF-8"):
        hearings_import(text="subject_id,court\nÉ,x\n".encode("cp1252"))


def test_queries_do_not_grow_with_the_rows(people, courts):
    """People, courts and existing hearings are fetched once per file, written once per
    batch: 40 rows cost the queries of 2."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(count: int, day: int) -> int:
        rows = "".join(
            f"AB123456,,honolulu,2026-03-{day:02d},{9 + n // 60:02d}:{n % 60:02d},"
            "individual,video,,\n"
            for n in range(count)
        )
        with CaptureQueriesContext(connection) as captured:
            assert _import(rows).saved
        return len(captured)

    assert queries(40, 10) == queries(2, 11)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.text(max_size=300))
def test_any_text_gives_a_report_or_a_file_error_never_a_crash(people, courts, body):
    try:
        report = hearings_import(text=HEADER + body)
    except HearingDataError:
        return
    assert report.ok or not report.saved


# --- the management command


def test_command_imports_and_reports(tmp_path, people, courts):
    path = tmp_path / "hearings.csv"
    path.write_text(HEADER + "AB123456,,honolulu,2026-03-09,09:00,master_calendar,in_person,,\n")
    out = io.StringIO()
    call_command("import_hearings", str(path), stdout=out)
    assert "Hearings: 1 created, 0 updated, 0 unchanged." in out.getvalue()


def test_command_lists_problems_and_saves_nothing(tmp_path, people, courts):
    path = tmp_path / "hearings.csv"
    path.write_text(
        HEADER
        + "AB123456,,honolulu,2026-03-09,09:00,master_calendar,in_person,,\n"
        + "AB123456,,honolulu,2026-03-10,9h,master_calendar,in_person,,\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_hearings", str(path), stderr=err)
    assert "line 3: Give the time as" in err.getvalue()
    assert not Hearing.objects.exists()
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_hearings", str(tmp_path / "missing.csv"))


# --- a court name that fits several courts (issue 14) -----------------------------------


@pytest.fixture
def two_atlanta_courts():
    return [
        ImmigrationCourtFactory(
            code="atlanta-ted-turner-drive",
            name="Atlanta (Ted Turner Drive) Immigration Court",
            zip_code="30303",
        ),
        ImmigrationCourtFactory(
            code="atlanta-w-peachtree-street",
            name="Atlanta (W. Peachtree Street) Immigration Court",
            zip_code="30308",
        ),
    ]


@pytest.mark.parametrize("typed", ["atlanta", "Atlanta", "  ATLANTA "])
def test_a_name_that_fits_several_courts_lists_them(people, two_atlanta_courts, typed):
    report = _import(f"AB123456,,{typed},2026-03-09,09:00,master_calendar,in_person,,\n")
    assert not report.ok and not Hearing.objects.exists()
    assert report.errors == [
        (
            2,
            f'Several courts match "{typed.strip()}": '
            "atlanta-ted-turner-drive (Atlanta (Ted Turner Drive) Immigration Court), "
            "atlanta-w-peachtree-street (Atlanta (W. Peachtree Street) Immigration Court). "
            "Use the court's code.",
        )
    ]


def test_a_name_that_fits_one_court_suggests_its_code(people, two_atlanta_courts):
    report = _import("AB123456,,Atlanta (Ted Turner,2026-03-09,09:00,master_calendar,in_person,,\n")
    assert report.errors == [
        (
            2,
            "No court has exactly this code or name. Did you mean "
            "atlanta-ted-turner-drive (Atlanta (Ted Turner Drive) Immigration Court)? "
            "Use its code.",
        )
    ]


def test_the_code_of_one_of_several_courts_is_taken(people, two_atlanta_courts):
    report = _import(
        "AB123456,,atlanta-w-peachtree-street,2026-03-09,09:00,master_calendar,in_person,,\n"
    )
    assert report.ok
    assert Hearing.objects.get().court == two_atlanta_courts[1]


@pytest.mark.parametrize("typed", ["atlantis", "***", "immigration court", "atlanta-ted-x"])
def test_a_name_that_fits_no_court_still_says_so(people, two_atlanta_courts, typed):
    report = _import(f"AB123456,,{typed},2026-03-09,09:00,master_calendar,in_person,,\n")
    assert report.errors == [(2, "No court has this code or name.")]


def test_a_name_that_fits_many_courts_lists_a_few(people):
    for number in range(9):
        ImmigrationCourtFactory(code=f"new-york-{number}", name=f"New York {number} Court")
    report = _import("AB123456,,New York,2026-03-09,09:00,master_calendar,in_person,,\n")
    message = report.errors[0][1]
    assert message.startswith('Several courts match "New York": new-york-0 (New York 0 Court)')
    assert "new-york-5 (New York 5 Court), …. Use the court's code." in message
    assert "new-york-6" not in message
