"""The project's court data file, the script that builds it and `manage.py import_courts`."""

import csv
import importlib.util
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from hearings.models import Docket, ImmigrationCourt, OperatingStatus

ROOT = Path(settings.BASE_DIR)
DATA_FILE = ROOT / "hearings" / "data" / "immigration_courts.csv"
HEADER = (
    "code,name,street,city,state,zip_code,phone,time_zone,docket,is_active,"
    "needs_verification,staff_note,source\n"
)


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_court_data", ROOT / "scripts" / "build_court_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*args) -> str:
    out = io.StringIO()
    call_command("import_courts", *args, stdout=out)
    return out.getvalue()


def _write(tmp_path, body: str) -> str:
    path = tmp_path / "courts.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return str(path)


# --- the shipped data file


def test_data_file_has_86_courts_with_unique_codes_and_known_zones():
    with DATA_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 86
    assert len({row["code"] for row in rows}) == 86
    assert all(row["time_zone"] for row in rows)
    older = [row for row in rows if row["code"].startswith("older-")]
    assert len(older) == 16
    assert all(row["is_active"] == "false" and row["needs_verification"] == "true" for row in older)
    assert all("may be closed, moved or renamed" in row["staff_note"] for row in older)


@pytest.mark.django_db
def test_loading_the_data_file_twice_creates_then_changes_nothing():
    first = _run()
    assert "86 created, 0 updated, 0 unchanged, 0 skipped" in first
    second = _run()
    assert "0 created, 0 updated, 86 unchanged, 0 skipped" in second
    assert ImmigrationCourt.objects.count() == 86
    assert ImmigrationCourt.objects.filter(is_active=False, needs_verification=True).count() == 16
    honolulu = ImmigrationCourt.objects.get(code="honolulu")
    assert honolulu.time_zone == "Pacific/Honolulu"
    assert str(honolulu.phone) == "+18085411870"
    assert ImmigrationCourt.objects.get(code="guaynabo-san-juan").time_zone == (
        "America/Puerto_Rico"
    )
    assert ImmigrationCourt.objects.get(code="adelanto").docket == Docket.DETAINED


@pytest.mark.django_db
def test_reload_updates_facts_but_keeps_what_staff_decided(tmp_path):
    path = _write(
        tmp_path, "dallas,Dallas Immigration Court,1 Old St,Dallas,TX,75242,,,non_detained,,,,\n"
    )
    _run(path)
    court = ImmigrationCourt.objects.get(code="dallas")
    court.operating_status = OperatingStatus.CLOSED
    court.status_notice_en = "Closed after a fire."
    court.is_active = False
    court.save()
    path = _write(
        tmp_path,
        "dallas,Dallas Immigration Court,2 New St,Dallas,TX,75242,(214) 767-1814,,"
        "non_detained,true,false,,\n",
    )
    output = _run(path)
    assert "0 created, 1 updated, 0 unchanged, 0 skipped" in output
    assert "updated: dallas" in output
    court.refresh_from_db()
    assert court.street == "2 New St"
    assert str(court.phone) == "+12147671814"
    assert court.time_zone == "America/Chicago"
    assert court.operating_status == OperatingStatus.CLOSED
    assert court.status_notice_en == "Closed after a fire."
    assert court.is_active is False


@pytest.mark.django_db
def test_bad_rows_are_listed_with_their_reasons_and_nothing_loads(tmp_path):
    path = _write(
        tmp_path,
        "good,Good Immigration Court,1 A St,Dallas,TX,75242,,,detained,true,false,,\n"
        "bad zip,Bad Court,1 A St,Dallas,TX,7524,,,detained,true,false,,\n"
        "nozone,Nowhere Court,1 A St,Nowhere,ZZ,,,,unknown,true,false,,\n"
        "mars,Mars Court,1 A St,Dallas,TX,75242,,Mars/Olympus,unknown,true,false,,\n"
        "good,Good Again,1 A St,Dallas,TX,75242,,,detained,true,false,,\n"
        "dup-name,GOOD IMMIGRATION COURT,1 A St,Dallas,TX,75242,,,detained,true,false,,\n"
        "phone,Phone Court,1 A St,Dallas,TX,75242,12345,,detained,maybe,false,,\n"
        ",,,,,,,,,,,,\n",
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command("import_courts", path, stdout=io.StringIO(), stderr=err)
    output = err.getvalue()
    assert "line 3: code:" in output
    assert "zip_code: Use 5 digits" in output
    assert "line 4: No time zone given" in output
    assert "Mars/Olympus" in output
    assert "line 6: This row repeats row 1 of this file." in output
    assert "line 7: Another court already has this name." in output
    assert "phone:" in output and "is_active:" in output
    assert not ImmigrationCourt.objects.exists()


@pytest.mark.django_db
def test_unreadable_files_stop_with_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        _run(str(tmp_path / "missing.csv"))
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("name,city\nX,Y\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Missing column"):
        _run(str(wrong))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(CommandError, match="Cannot read"):
        _run(str(binary))
    assert not ImmigrationCourt.objects.exists()


@pytest.mark.django_db
def test_dry_run_saves_nothing():
    output = _run("--dry-run")
    assert output.startswith("Dry run, nothing saved. Courts: 86 created")
    assert not ImmigrationCourt.objects.exists()


# --- the build script


def test_build_script_turns_reference_rows_into_the_project_format():
    build = _build_module()
    rows = build.build(
        [
            {
                "name": "Honolulu Immigration Court",
                "street": "300 Ala Moana Blvd.",
                "city": "Honolulu",
                "state": "HI",
                "zip": "96850",
                "phone": "(808) 541-1870",
                "docket": "non-detained",
                "note": "",
                "source": "a list",
            },
            {
                "name": "(older list) court at Marina Heights Business Park, Saipan",
                "street": "Marina Heights Business Park",
                "city": "Saipan",
                "state": "MP",
                "zip": "",
                "phone": "(670) 322-0601",
                "docket": "unknown",
                "note": "only in older/undated list; not in newer catalog - may be closed",
                "source": "older list",
            },
        ]
    )
    honolulu, saipan = sorted(rows, key=lambda row: row["code"] != "honolulu")
    assert honolulu == {
        "code": "honolulu",
        "name": "Honolulu Immigration Court",
        "street": "300 Ala Moana Blvd.",
        "city": "Honolulu",
        "state": "HI",
        "zip_code": "96850",
        "phone": "+18085411870",
        "time_zone": "Pacific/Honolulu",
        "docket": "non_detained",
        "is_active": "true",
        "needs_verification": "false",
        "staff_note": "",
        "source": "a list",
    }
    assert saipan["code"] == "older-saipan-marina-heights-business-park"
    assert saipan["time_zone"] == "Pacific/Saipan"
    assert saipan["is_active"] == "false"
    assert saipan["needs_verification"] == "true"


def test_build_script_refuses_duplicate_codes_and_unknown_places():
    build = _build_module()
    row = {
        "name": "X Immigration Court",
        "street": "1 A St",
        "city": "Dallas",
        "state": "TX",
        "zip": "75242",
        "phone": "",
        "docket": "detained",
        "note": "",
        "source": "",
    }
    with pytest.raises(ValueError, match="duplicate codes"):
        build.build([row, dict(row)])
    with pytest.raises(ValueError, match="no time zone"):
        build.build([{**row, "city": "Nowhere", "state": "ZZ", "zip": ""}])
