"""Time a staff import of subjects through the real admin screens (upload and check, then
confirm), at several file sizes, to choose STAFF_IMPORT_MAX_ROWS / _MAX_BYTES.

    make bench-staff-import       # or: .venv/bin/python bench/staff_import.py [--rows 100 500]

Runs against PostgreSQL (DATABASE_URL, like the tests) in a throwaway database that it
creates and drops. Each size is imported into an empty table (every row a new subject,
the slowest case). A size passes when each of the two steps ends within a third of
gunicorn's request timeout (GUNICORN_TIMEOUT, 30 s): the server may be busier than this
machine. Exits 1 when the configured limit does not pass.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_portal.settings.test")

HEADER = (
    "subject_id,country_of_birth,a_number,given_names,family_names,release_form,"
    "release_date,report_by,parole_ends_on,paperwork_appointment_at,paperwork_office_name,"
    "paperwork_office_address,paperwork_office_time_zone,credible_fear_filed,ead_applied,"
    "checkin_completed_on,preferred_language\n"
)


def subject_file(rows: int) -> bytes:
    """A realistic file: every column filled, as an agency's export would be."""
    return (
        HEADER
        + "".join(
            f"AB{300000 + i},MX,{200000000 + i},Ana María,Ruiz López,nta,2026-01-05,"
            "2026-03-01,,2026-03-02 09:30,Chicago Field Office,101 W Congress Pkwy,"
            "America/Chicago,0,0,,es\n"
            for i in range(rows)
        )
    ).encode()


def _import(client, content: bytes) -> tuple[float, float, int]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = "/staff/subjects/subject/"
    upload = SimpleUploadedFile("subjects.csv", content, content_type="text/csv")
    start = time.perf_counter()
    response = client.post(url + "import/", {"resource": "0", "format": "0", "import_file": upload})
    check = time.perf_counter() - start
    confirm = response.context and response.context.get("confirm_form")
    if not confirm:
        return check, 0.0, response.status_code
    data = {name: confirm[name].value() for name in confirm.fields}
    start = time.perf_counter()
    response = client.post(url + "process_import/", data)
    return check, time.perf_counter() - start, response.status_code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs="*", help="file sizes in rows")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from subjects.models import Subject

    limit_rows, limit_bytes = settings.STAFF_IMPORT_MAX_ROWS, settings.STAFF_IMPORT_MAX_BYTES
    sizes = args.rows or sorted({100, 250, limit_rows})
    budget = int(os.environ.get("GUNICORN_TIMEOUT", 30)) / 3
    settings.DEBUG = False
    settings.AXES_ENABLED = False  # staff lockout: force_login has no client address
    setup_test_environment()  # responses carry their template context (the confirm form)
    test_name = f"bench_{connection.settings_dict['NAME']}"
    connection.settings_dict.setdefault("TEST", {})["NAME"] = test_name
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    failed = False
    try:
        user = get_user_model().objects.create_superuser("bench", "b@example.invalid", "x" * 20)
        client = Client()
        client.force_login(user)
        print(f"Limits: {limit_rows} rows, {limit_bytes:,} bytes; budget per step {budget:.0f} s")
        print(f"{'rows':>6} {'bytes':>9} {'check':>8} {'confirm':>8}  result")
        for rows in sizes:
            Subject.objects.all().delete()
            content = subject_file(rows)
            check, confirm, status = _import(client, content)
            imported = Subject.objects.count()
            if not confirm:
                result = f"refused (HTTP {status})"
            else:
                result = f"{imported} imported (HTTP {status})"
            ok = max(check, confirm) <= budget
            if rows == limit_rows and len(content) <= limit_bytes:
                failed |= not ok or imported != rows
            print(
                f"{rows:6d} {len(content):9,d} {check:7.2f}s {confirm:7.2f}s  {result}"
                f"{'' if ok else '  OVER BUDGET'}"
            )
    finally:
        connection.creation.destroy_test_db(test_name, verbosity=0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
