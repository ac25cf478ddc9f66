"""Staff: the Subject admin (search, filters) and CSV import/export (all or nothing)."""

import datetime
import io

import pytest
import tablib
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from subjects.models import Subject
from subjects.resources import SubjectResource

from .factories import SubjectFactory

pytestmark = pytest.mark.django_db

ADMIN = "/staff/subjects/subject/"
HEADER = (
    "subject_id,country_of_birth,a_number,given_names,family_names,release_form,"
    "release_date,report_by,parole_ends_on,paperwork_appointment_at,paperwork_office_name,"
    "paperwork_office_address,paperwork_office_time_zone,credible_fear_filed,ead_applied,"
    "checkin_completed_on,preferred_language\n"
)
GOOD_ROW = "ab-100 001,mx,A12345678,Ana,Ruiz,nta,2026-01-05,2026-03-01,,2026-03-02 09:30,Field Office,1 Main St,America/Chicago,0,0,,es\n"
GOOD_ROW_2 = "AB100002,GT,,Luis,Coj,parole_atd,2026-01-05,,2026-06-01,,,,,1,,,\n"


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("boss", "b@example.invalid", "pw-long-enough")
    client.force_login(user)
    return client


def _dataset(text: str) -> tablib.Dataset:
    return tablib.Dataset().load(io.StringIO(text), format="csv")


def test_valid_file_imports_every_row_normalised():
    result = SubjectResource().import_data(_dataset(HEADER + GOOD_ROW + GOOD_ROW_2), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    subject = Subject.objects.get(subject_id="AB100001")
    assert subject.a_number == "012345678"
    assert str(subject.country_of_birth) == "MX"
    assert subject.paperwork_appointment_at == datetime.datetime(
        2026, 3, 2, 15, 30, tzinfo=datetime.UTC
    )  # 09:30 in Chicago (CST)
    assert Subject.objects.count() == 2
    parole = Subject.objects.get(subject_id="AB100002")
    assert parole.credible_fear_filed and not parole.ead_applied  # blank means no


BAD_ROWS = [
    "AB1,MX,,Ana,Ruiz,nta,,,,,,,,0,0,,\n",  # Subject ID too short
    "AB100003,XX,,Ana,Ruiz,nta,,,,,,,,0,0,,\n",  # no such country
    "AB100004,MX,123,Ana,Ruiz,nta,,,,,,,,0,0,,\n",  # A-number
    "AB100005,MX,,Ana,Ruiz,bogus,,,,,,,,0,0,,\n",  # release form
    "AB100006,MX,,Ana,Ruiz,nta,2026-02-01,2026-01-01,,,,,,0,0,,\n",  # report_by < release
    "AB100007,MX,,Ana,Ruiz,nta,,,2026-06-01,,,,,0,0,,\n",  # parole end without parole
    "AB100008,MX,,Ana,Ruiz,nta,,,,2026-03-02 09:30,,,,0,0,,\n",  # no office / zone
    "AB100009,MX,,Ana,Ruiz,nta,not-a-date,,,,,,,0,0,,\n",  # bad date
    "ab-100-001,MX,,Ana,Ruiz,nta,,,,,,,,0,0,,\n",  # duplicate of row 1 after normalising
    "AB100010,MX,,,,nta,,,,,,,,0,0,,\n",  # no names
]


def test_any_invalid_row_imports_nothing_and_every_row_is_reported():
    text = HEADER + GOOD_ROW + "".join(BAD_ROWS) + GOOD_ROW_2
    result = SubjectResource().import_data(_dataset(text), dry_run=False)
    assert result.has_validation_errors() or result.has_errors()
    reported = {row.number for row in result.invalid_rows} | {n for n, _ in result.row_errors()}
    assert reported == set(range(2, 2 + len(BAD_ROWS)))
    assert Subject.objects.count() == 0


def test_existing_subjects_are_untouched_when_a_file_fails():
    SubjectFactory(subject_id="AB100001", given_names="Before")
    text = HEADER + GOOD_ROW + BAD_ROWS[0]
    SubjectResource().import_data(_dataset(text), dry_run=False)
    assert Subject.objects.get(subject_id="AB100001").given_names == "Before"


def test_admin_import_lists_every_bad_row_and_imports_nothing(staff_client):
    text = HEADER + GOOD_ROW + "".join(BAD_ROWS)
    upload = SimpleUploadedFile("subjects.csv", text.encode(), content_type="text/csv")
    response = staff_client.post(
        ADMIN + "import/", {"resource": "0", "format": "0", "import_file": upload}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "confirm" not in response.context or response.context.get("confirm_form") is None
    assert "This Subject ID is already on row 1 of this file." in html
    assert "The A-number must be 8 or 9 digits." in html
    assert "Choose one of the release forms." in html or "bogus" in html
    # Every bad row (file rows 2 to 11) is listed in the errors table, the good one is not.
    for number in range(2, 2 + len(BAD_ROWS)):
        assert f"<td>{number} </td>" in html, number
    assert "<td>1 </td>" not in html
    assert Subject.objects.count() == 0


def test_admin_import_of_a_good_file_after_confirmation(staff_client):
    upload = SimpleUploadedFile(
        "subjects.csv", (HEADER + GOOD_ROW + GOOD_ROW_2).encode(), content_type="text/csv"
    )
    response = staff_client.post(
        ADMIN + "import/", {"resource": "0", "format": "0", "import_file": upload}
    )
    confirm = response.context["confirm_form"]
    data = {name: confirm[name].value() for name in confirm.fields}
    response = staff_client.post(ADMIN + "process_import/", data)
    assert response.status_code == 302
    assert Subject.objects.count() == 2


def test_export_round_trips(staff_client):
    SubjectFactory(subject_id="AB100001", with_paperwork_appointment=True, a_number="012345678")
    exported = SubjectResource().export().csv
    assert "AB100001" in exported
    assert "2026-03-02 09:30" in exported  # in the office's own zone
    Subject.objects.all().delete()
    result = SubjectResource().import_data(_dataset(exported), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    subject = Subject.objects.get()
    assert subject.paperwork_appointment_at.astimezone(datetime.UTC).hour == 15
    response = staff_client.post(ADMIN + "export/", {"resource": "0", "format": "0"})
    assert response.status_code == 200


def test_admin_search_by_id_a_number_and_name(staff_client):
    SubjectFactory(subject_id="AB100001", a_number="012345678", family_names="Quispe")
    SubjectFactory(subject_id="ZZ999999", family_names="Other")
    for term in ["ab-100 001", "A-012-345-678", "12345678", "quispe"]:
        response = staff_client.get(ADMIN, {"q": term})
        results = list(response.context["cl"].result_list)
        assert [s.subject_id for s in results] == ["AB100001"], term


def test_admin_filters_by_release_form_and_status(staff_client):
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC), tick=False):
        SubjectFactory(subject_id="PAPER001", with_paperwork_appointment=True)
        SubjectFactory(subject_id="DONE0001", checkin_completed_on=datetime.date(2026, 2, 1))
        SubjectFactory(subject_id="BOOK0001", release_form="ntr")

        def ids(**params):
            response = staff_client.get(ADMIN, params)
            assert response.status_code == 200
            return sorted(s.subject_id for s in response.context["cl"].result_list)

        assert ids(checkin_status="paperwork") == ["PAPER001"]
        assert ids(checkin_status="completed") == ["DONE0001"]
        assert ids(checkin_status="to_book") == ["BOOK0001"]
        assert ids(release_form__exact="ntr") == ["BOOK0001"]


def test_admin_form_normalises_typed_values(staff_client):
    response = staff_client.post(
        ADMIN + "add/",
        {
            "subject_id": "ab-77 77",
            "country_of_birth": "HN",
            "given_names": "Rosa",
            "family_names": "Díaz",
            "a_number": "A 1234-5678",
            "release_form": "other",
            "preferred_language": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    subject = Subject.objects.get(subject_id="AB7777")
    assert subject.a_number == "012345678"


def test_a_database_rule_is_that_rows_error_and_nothing_is_imported():
    # The A-number is already someone else's: the database refuses the batch, the row at
    # fault is named with the model's own message, nothing of the file is kept.
    SubjectFactory(subject_id="ZZ900001", a_number="987654321")
    text = HEADER + GOOD_ROW + GOOD_ROW_2.replace("GT,,", "GT,987654321,")
    result = SubjectResource().import_data(_dataset(text), dry_run=False)
    [invalid] = result.invalid_rows
    assert invalid.number == 2
    assert "Another subject already has this A-number." in str(invalid.error)
    assert Subject.objects.count() == 1


def test_the_same_a_number_twice_in_a_file_is_a_row_error():
    text = HEADER + GOOD_ROW + GOOD_ROW_2.replace("GT,,", "GT,A12345678,")
    result = SubjectResource().import_data(_dataset(text), dry_run=False)
    assert [row.number for row in result.invalid_rows] == [2]
    assert not Subject.objects.exists()


def _rows(count: int, start: int = 0) -> str:
    return "".join(
        f"AB{500000 + start + n},MX,,Ana,Ruiz,nta,2026-01-05,,,,,,,0,0,,es\n" for n in range(count)
    )


def test_queries_do_not_grow_with_the_rows(monkeypatch):
    """Lookups once per file, writes once per batch: 30 rows cost the queries of 3."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(SubjectResource._meta, "batch_size", 1000)

    def queries(text: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            result = SubjectResource().import_data(_dataset(text), dry_run=False)
        assert not result.has_errors() and not result.has_validation_errors()
        return len(captured)

    small = queries(HEADER + _rows(3))
    large = queries(HEADER + _rows(30, start=100))
    assert large == small
    # Updating them (all changed) is as cheap, and unchanged rows write nothing.
    changed = queries(HEADER + _rows(30, start=100).replace("Ana", "Eva"))
    unchanged = queries(HEADER + _rows(30, start=100).replace("Ana", "Eva"))
    assert changed <= small + 2 and unchanged < changed
    assert Subject.objects.filter(given_names="Eva").count() == 30
    assert Subject.history.filter(given_names="Eva").count() == 30


def test_a_file_imported_by_a_staff_member_is_in_the_history_in_their_name(staff_client):
    upload = SimpleUploadedFile("s.csv", (HEADER + GOOD_ROW).encode(), content_type="text/csv")
    response = staff_client.post(
        ADMIN + "import/", {"resource": "0", "format": "0", "import_file": upload}
    )
    confirm = response.context["confirm_form"]
    staff_client.post(ADMIN + "process_import/", {n: confirm[n].value() for n in confirm.fields})
    assert Subject.history.get().history_user.username == "boss"


def test_a_changed_row_writes_only_the_columns_that_changed():
    """One UPDATE per batch names only the columns some row changed (so an unchanged
    indexed column stays as stored and PostgreSQL can update in place); dates, times,
    yes/no and countries travel as arrays and arrive intact."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = SubjectResource().import_data(_dataset(HEADER + GOOD_ROW + GOOD_ROW_2 + _rows(1)))
    assert not first.has_errors() and not first.has_validation_errors()
    changed = (
        HEADER
        + GOOD_ROW.replace("2026-03-02 09:30", "2026-04-07 14:15").replace(",0,0,", ",1,0,")
        + GOOD_ROW_2.replace("Luis", "Luisa").replace("2026-06-01", "2026-07-01")
        + _rows(1)
    )
    with CaptureQueriesContext(connection) as captured:
        result = SubjectResource().import_data(_dataset(changed), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert (result.totals["update"], result.totals["skip"]) == (2, 1)
    [update] = [q["sql"] for q in captured if q["sql"].startswith('UPDATE "subjects_subject"')]
    written = update.split(" FROM ")[0]
    for column in ("paperwork_appointment_at", "credible_fear_filed", "given_names"):
        assert f'"{column}" =' in written
    for column in ("family_names", "a_number", "country_of_birth", "release_form"):
        assert f'"{column}" =' not in written
    ana = Subject.objects.get(subject_id="AB100001")
    assert ana.paperwork_appointment_at == datetime.datetime(
        2026, 4, 7, 19, 15, tzinfo=datetime.UTC
    )
    assert ana.credible_fear_filed and ana.a_number == "012345678" and ana.family_names == "Ruiz"
    luisa = Subject.objects.get(subject_id="AB100002")
    assert luisa.given_names == "Luisa" and luisa.parole_ends_on == datetime.date(2026, 7, 1)
    assert str(luisa.country_of_birth) == "GT" and luisa.credible_fear_filed
    assert Subject.history.filter(history_type="~").count() == 2
    assert Subject.history.get(history_type="~", subject_id="AB100002").given_names == "Luisa"


def test_a_bad_new_value_for_a_stored_subject_is_still_reported():
    SubjectFactory(subject_id="AB100002", given_names="Luis", country_of_birth="GT")
    text = HEADER + GOOD_ROW_2.replace(",GT,", ",XX,").replace("parole_atd", "bogus")
    result = SubjectResource().import_data(_dataset(text), dry_run=False)
    [invalid] = result.invalid_rows
    assert {"country_of_birth", "release_form"} <= set(invalid.error.message_dict)
    assert str(Subject.objects.get(subject_id="AB100002").country_of_birth) == "GT"


def test_a_changed_row_the_database_refuses_is_named_and_nothing_is_kept():
    SubjectFactory(subject_id="ZZ900001", a_number="987654321")
    SubjectFactory(subject_id="AB100002", given_names="Luis", a_number="")
    text = HEADER + GOOD_ROW_2.replace("GT,,Luis", "GT,987654321,Luisa")
    result = SubjectResource().import_data(_dataset(text), dry_run=False)
    [invalid] = result.invalid_rows
    assert invalid.number == 1
    assert "Another subject already has this A-number." in str(invalid.error)
    assert Subject.objects.get(subject_id="AB100002").given_names == "Luis"
