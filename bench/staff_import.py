"""Time staff imports of subjects through the real admin screens, and print rows/s.

    make bench-staff-import       # or: .venv/bin/python bench/staff_import.py [--rows 1000 10000]

Runs against PostgreSQL (DATABASE_URL, like the tests) in a throwaway database that it
creates and drops. Each size is imported into an empty table (every row a new subject,
the slowest case), then imported again with every row changed (all updates).

A file of at most STAFF_IMPORT_SYNC_MAX_ROWS rows goes through the screen's two steps
(check, then confirm); each step must end within a third of gunicorn's request timeout
(GUNICORN_TIMEOUT, 30 s). A bigger file is uploaded once and runs as a background
ImportJob (here the task backend is the Immediate one, so the upload request runs the job;
in production the worker does). Budgets (issue 15): 10,000 rows in under 15 s, 100,000 in
under 2 minutes. Exits 1 when a budget is missed.
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
URL = "/staff/subjects/subject/"
# Seconds for a whole import of this many rows (issue 15).
BUDGETS = {10_000: 15.0, 100_000: 120.0}


def subject_file(rows: int, given: str = "Ana María") -> bytes:
    """A realistic file: every column filled, as an agency's export would be."""
    return (
        HEADER
        + "".join(
            f"AB{300000 + i},MX,{200000000 + i},{given},Ruiz López,nta,2026-01-05,"
            "2026-03-01,,2026-03-02 09:30,Chicago Field Office,101 W Congress Pkwy,"
            "America/Chicago,0,0,,es\n"
            for i in range(rows)
        )
    ).encode()


def _upload(client, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("subjects.csv", content, content_type="text/csv")
    return client.post(URL + "import/", {"resource": "0", "format": "0", "import_file": upload})


def _on_screen(client, content: bytes) -> tuple[float, float, str]:
    start = time.perf_counter()
    response = _upload(client, content)
    check = time.perf_counter() - start
    confirm = response.context and response.context.get("confirm_form")
    if not confirm:
        return check, 0.0, f"refused (HTTP {response.status_code})"
    data = {name: confirm[name].value() for name in confirm.fields}
    start = time.perf_counter()
    response = client.post(URL + "process_import/", data)
    return check, time.perf_counter() - start, f"HTTP {response.status_code}"


def _in_background(client, content: bytes) -> tuple[float, str]:

    from checkin_portal.staff_imports.models import ImportJob

    start = time.perf_counter()
    response = _upload(client, content)
    elapsed = time.perf_counter() - start
    job = ImportJob.objects.order_by("-pk").first()
    if response.status_code != 302 or job is None:
        return elapsed, f"not queued (HTTP {response.status_code})"
    return elapsed, f"job {job.status}, {job.error_count} problems"


def _run_size(client, rows: int, sync_max: int) -> tuple[bool, list[str]]:
    from subjects.models import Subject

    lines = []
    ok = True
    for label, content in (
        ("new", subject_file(rows)),
        ("changed", subject_file(rows, given="Eva")),
    ):
        cpu = time.process_time()
        if rows <= sync_max:
            check, confirm, result = _on_screen(client, content)
            total = check + confirm
            how = f"screen: check {check:6.2f}s, confirm {confirm:6.2f}s"
            ok &= max(check, confirm) <= int(os.environ.get("GUNICORN_TIMEOUT", 30)) / 3
        else:
            total, result = _in_background(client, content)
            how = f"background job {total:6.2f}s"
        cpu = time.process_time() - cpu
        count = Subject.objects.count()
        ok &= count == rows
        budget = BUDGETS.get(rows)
        over = budget is not None and total > budget
        ok &= not over
        lines.append(
            f"{rows:7,d} {label:8} {len(content):12,d} {total:8.2f}s {rows / total:9,.0f} "
            f"{cpu:7.1f}s  "
            f"{how}; {count:,} subjects; {result}{'  OVER BUDGET' if over else ''}"
        )
    return ok, lines


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

    sizes = args.rows or [1_000, 10_000, 100_000]
    sync_max = settings.STAFF_IMPORT_SYNC_MAX_ROWS
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
        print(
            f"Limits: {settings.STAFF_IMPORT_MAX_ROWS:,} rows, "
            f"{settings.STAFF_IMPORT_MAX_BYTES:,} bytes; on the screen up to {sync_max:,} rows"
        )
        # cpu: this process's CPU time (the web and worker side; PostgreSQL's is apart).
        # On a busy machine the wall time grows, the CPU time much less.
        print(f"{'rows':>7} {'rows are':8} {'bytes':>12} {'time':>9} {'rows/s':>9} {'cpu':>8}  how")
        for rows in sizes:
            Subject.objects.all().delete()
            Subject.history.all().delete()
            ok, lines = _run_size(client, rows, sync_max)
            failed |= not ok
            for line in lines:
                print(line, flush=True)
    finally:
        connection.creation.destroy_test_db(test_name, verbosity=0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
