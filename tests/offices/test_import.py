"""The project's office data file and `manage.py import_offices`."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from offices import demo_data
from offices.importer import COLUMNS, DEFAULT_FILE, OfficeFileError, read_office_rows
from offices.models import Office, OfficeKind
from offices.services import offices_import

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)


def _row(**values) -> dict:
    base = {
        "code": "TEST-GA",
        "kind": "sub_office",
        "parent_code": "",
        "name_en": "Test, GA",
        "street": "1 Main Street",
        "city": "Atlanta",
        "state": "GA",
        "zip": "30303",
        "phone": "(404) 555-0100",
        "hours_en": "Monday-Friday, 8 a.m.-3 p.m.",
        "accepts_online_booking": "yes",
        "is_active": "yes",
    }
    base.update(values)
    return base


def _rows(*dicts):
    handle = io.StringIO()
    writer = csv.DictWriter(handle, fieldnames=COLUMNS)
    writer.writeheader()
    for values in dicts:
        writer.writerow({column: values.get(column, "") for column in COLUMNS})
    return read_office_rows(io.StringIO(handle.getvalue()))


# --- The committed data file -----------------------------------------------------------


def test_data_file_has_all_146_offices_placed_with_zones():
    rows = read_office_rows(DEFAULT_FILE)
    assert len(rows) == 146
    kinds = [row.get("kind") for row in rows]
    assert kinds.count("field_office") == 25
    assert kinds.count("sub_office") == 121
    codes = [row.get("code") for row in rows]
    assert len(set(codes)) == 146
    for row in rows:
        assert -90 <= float(row.get("latitude")) <= 90, row.get("code")
        assert -180 <= float(row.get("longitude")) <= 180, row.get("code")
        assert row.get("time_zone"), row.get("code")
    states = {row.get("state") for row in rows}
    assert {"GU", "MP", "HI", "AK"} <= states
    # Published hours kept word for word.
    atlanta = next(row for row in rows if row.get("code") == "ATLANTA-GA")
    assert atlanta.get("hours_en") == "Tuesday-Thursday, 8 a.m.-3 p.m."
    assert atlanta.get("hours_es") == "De martes a jueves, de 08:00 a 15:00"


def test_build_script_reproduces_the_committed_file(tmp_path):
    # The reference list is committed beside the script, so this runs on a clean clone.
    source = Path(__file__).resolve().parents[2] / "scripts" / "data" / "ero_offices.csv"
    from scripts.build_offices_csv import main

    out = tmp_path / "offices.csv"
    assert main([str(source), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == DEFAULT_FILE.read_text(encoding="utf-8")


def test_spanish_hours_rendering():
    from offices.hours_i18n import render_hours

    def hours_in_spanish(text):
        return render_hours(text, "es")

    assert hours_in_spanish("Tuesday and Thursday 8 a.m.-12 p.m.") == (
        "Martes y jueves, de 08:00 a 12:00"
    )
    assert hours_in_spanish("1st Tuesday of each month, 7:30 a.m.-11:30 a.m.") == (
        "Primer martes de cada mes, de 07:30 a 11:30"
    )
    assert hours_in_spanish("Monday\u2013Friday, 8 a.m.\u20133:30 p.m.") == (
        "De lunes a viernes, de 08:00 a 15:30"
    )
    assert hours_in_spanish("By appointment only") == ""


# --- Import ----------------------------------------------------------------------------


def test_import_all_then_again_changes_nothing():
    first = offices_import(rows=read_office_rows(DEFAULT_FILE))
    assert len(first.created) == 146 and not first.skipped and not first.warnings
    assert Office.objects.count() == 146
    assert Office.objects.filter(is_active=True).count() == 121
    histories = Office.history.count()
    second = offices_import(rows=read_office_rows(DEFAULT_FILE))
    assert (len(second.created), len(second.updated), len(second.unchanged)) == (0, 0, 146)
    assert Office.history.count() == histories
    office = Office.objects.get(code="SAIPAN-MP")
    assert office.parent.code == "SAN-FRANCISCO-FO"
    assert office.time_zone == "Pacific/Saipan"
    assert Office.objects.get(code="MIAMI-FO").kind == OfficeKind.FIELD_OFFICE


def test_import_updates_a_changed_row_and_keeps_history():
    offices_import(rows=_rows(_row()))
    report = offices_import(rows=_rows(_row(phone="(404) 555-0199", hours_es="Lunes")))
    assert report.updated == ["TEST-GA"]
    office = Office.objects.get(code="TEST-GA")
    assert str(office.phone) == "+14045550199"
    assert office.hours_es == "Lunes"
    assert office.history.count() == 2


def test_create_only_leaves_existing_offices_alone():
    offices_import(rows=_rows(_row()))
    report = offices_import(rows=_rows(_row(name_en="Changed")), create_only=True)
    assert report.unchanged == ["TEST-GA"]
    assert Office.objects.get(code="TEST-GA").name_en == "Test, GA"


def test_coordinates_and_timezone_come_from_the_zip_when_missing():
    offices_import(rows=_rows(_row(zip="96910", state="GU", city="Hagatna")))
    office = Office.objects.get(code="TEST-GA")
    assert office.latitude == pytest.approx(13.476, abs=0.01)
    assert office.time_zone == "Pacific/Guam"


def test_a_row_that_cannot_be_placed_is_imported_and_reported():
    # A ZIP the table knows but has no position for, and no coordinates in the row.
    from checkin_portal.places.zips import get_index

    zip_code = next(
        z.zip_code for z in get_index().by_zip.values() if not z.has_coordinates and z.state == "NJ"
    )
    report = offices_import(rows=_rows(_row(zip=zip_code, state="NJ", city="Somewhere")))
    assert report.created == ["TEST-GA"]
    [(line, code, note)] = report.warnings
    assert code == "TEST-GA" and "without coordinates" in note and line == 2
    office = Office.objects.get(code="TEST-GA")
    assert office.latitude is None and office.longitude is None


def test_the_old_timezone_column_is_still_read():
    header = ",".join(["code", "kind", "name_en", "street", "city", "state", "zip", "timezone"])
    rows = read_office_rows(
        io.StringIO(f"{header}\nOLD-GA,sub_office,Old,1 Main St,Atlanta,GA,30303,America/Chicago\n")
    )
    assert offices_import(rows=rows).created == ["OLD-GA"]
    assert Office.objects.get(code="OLD-GA").time_zone == "America/Chicago"


def test_parents_may_come_after_their_sub_offices_in_the_file():
    report = offices_import(
        rows=_rows(
            _row(code="CHILD-GA", parent_code="PARENT-FO"),
            _row(code="PARENT-FO", kind="field_office", name_en="Parent Field Office"),
        )
    )
    assert sorted(report.created) == ["CHILD-GA", "PARENT-FO"]
    assert Office.objects.get(code="CHILD-GA").parent.code == "PARENT-FO"


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"code": ""}, "code"),
        ({"code": "bad code!"}, "code"),
        ({"kind": "palace"}, "kind"),
        ({"parent_code": "NOPE-FO"}, "No office has the code NOPE-FO"),
        ({"state": "XX"}, "state"),
        ({"zip": "3030A"}, "zip"),
        ({"latitude": "north", "longitude": "-84"}, "latitude: “north” is not a number"),
        ({"latitude": "95", "longitude": "-84"}, "latitude"),
        ({"latitude": "nan", "longitude": "-84"}, "not a number"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"phone": "call us"}, "phone"),
        ({"email": "not-an-email"}, "email"),
        ({"is_active": "maybe"}, "is_active: Write yes or no"),
        ({"name_en": ""}, "name"),
        ({"street": "x" * 300}, "street"),
    ],
)
def test_a_bad_row_is_refused_with_a_reason_and_nothing_is_imported(values, reason):
    report = offices_import(rows=_rows(_row(**values), _row(code="GOOD-GA")))
    assert report.created == []
    assert report.skipped and {line for line, _code, _why in report.skipped} == {2}
    assert any(reason in why for _line, _code, why in report.skipped), report.skipped
    assert Office.objects.count() == 0


def test_a_code_twice_in_the_file_is_reported():
    report = offices_import(rows=_rows(_row(), _row(name_en="Again")))
    assert report.created == []
    assert report.skipped == [(3, "TEST-GA", "code: This code is already on line 2.")]


def test_a_field_office_cannot_point_to_a_sub_office_as_parent():
    offices_import(rows=_rows(_row(code="SUB-GA")))
    report = offices_import(rows=_rows(_row(code="OTHER-GA", parent_code="SUB-GA")))
    assert "is not a field office" in report.skipped[0][2]


def test_what_staff_decide_is_kept_when_the_file_is_loaded_again():
    offices_import(rows=_rows(_row()))
    Office.objects.filter(code="TEST-GA").update(is_active=False, accepts_online_booking=False)
    report = offices_import(rows=_rows(_row(phone="(404) 555-0199")))
    assert report.updated == ["TEST-GA"]
    office = Office.objects.get(code="TEST-GA")
    assert str(office.phone) == "+14045550199"
    assert (office.is_active, office.accepts_online_booking) == (False, False)


def test_an_office_moves_to_a_field_office_new_in_the_same_file():
    offices_import(rows=_rows(_row(code="CHILD-GA")))
    report = offices_import(
        rows=_rows(
            _row(code="CHILD-GA", parent_code="NEW-FO"),
            _row(code="NEW-FO", kind="field_office", name_en="New Field Office"),
        )
    )
    assert (report.created, report.updated) == (["NEW-FO"], ["CHILD-GA"])
    assert Office.objects.get(code="CHILD-GA").parent.code == "NEW-FO"


def test_the_admin_import_screen_is_for_superusers(client):
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    handle = io.StringIO()
    writer = csv.DictWriter(handle, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerow({column: _row().get(column, "") for column in COLUMNS})
    url = "/staff/offices/office/import/"
    clerk = get_user_model().objects.create_user("clerk", password="x" * 20, is_staff=True)
    client.force_login(clerk)
    assert client.get(url).status_code == 403
    boss = get_user_model().objects.create_superuser("boss", "b@example.invalid", "x" * 20)
    client.force_login(boss)
    upload = SimpleUploadedFile("offices.csv", handle.getvalue().encode(), content_type="text/csv")
    response = client.post(url, {"resource": "0", "format": "0", "import_file": upload})
    confirm = response.context["confirm_form"]
    response = client.post(
        "/staff/offices/office/process_import/",
        {name: confirm[name].value() for name in confirm.fields},
    )
    assert response.status_code == 302
    assert Office.objects.get().code == "TEST-GA"


def test_file_errors():
    with pytest.raises(OfficeFileError, match="missing columns"):
        read_office_rows(io.StringIO("code,name_en\nX,Y\n"))
    with pytest.raises(OfficeFileError, match="cannot read"):
        read_office_rows(Path("/nonexistent/offices.csv"))


# --- The command and the demo data ------------------------------------------------------


def test_command_lists_problems_and_saves_nothing(tmp_path):
    path = tmp_path / "offices.csv"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow({c: _row().get(c, "") for c in COLUMNS})
        writer.writerow({c: _row(code="BAD-GA", zip="x").get(c, "") for c in COLUMNS})
    out = io.StringIO()
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command("import_offices", str(path), stdout=out)
    assert "line 3: BAD-GA: zip:" in out.getvalue()
    assert not Office.objects.exists()
    good = tmp_path / "good.csv"
    good.write_text("\n".join(path.read_text().splitlines()[:2]) + "\n")
    out = io.StringIO()
    call_command("import_offices", str(good), "--dry-run", stdout=out)
    assert "dry run, nothing saved: 1 created, 0 updated, 0 unchanged, 0 skipped" in out.getvalue()
    assert not Office.objects.exists()


def test_command_dry_run_saves_nothing():
    out = io.StringIO()
    call_command("import_offices", "--dry-run", stdout=out)
    assert "146 created" in out.getvalue()
    assert Office.objects.count() == 0


def test_command_refuses_a_broken_file(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text("hello,world\n1,2\n")
    with pytest.raises(CommandError, match="missing columns"):
        call_command("import_offices", str(path), stdout=io.StringIO())


def test_demo_data_loads_all_offices_and_is_idempotent():
    out = io.StringIO()
    demo_data.load(out)
    demo_data.load(out)
    assert Office.objects.count() == 146
    assert "146 created" in out.getvalue()
    assert "146 unchanged" in out.getvalue()
