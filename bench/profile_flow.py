"""Profile the booking path in-process and EXPLAIN its queries (issue 17, step 2).

    PYTHONPATH=var/prof-lib DATABASE_URL=postgres://postgres@127.0.0.1:5432/cp_bench_<digest> \\
        .venv/bin/python bench/profile_flow.py [--page times] [--repeat 200] [--explain] \\
        [--code var/bench/worktrees/<commit>]

Runs against a database that bench/load.py prepared (seeded by seed_load_data), with the
benchmark settings (production + ceiling views), through Django's test client, so the
whole middleware stack runs but no server: pyinstrument (installed into var/prof-lib,
not a project dependency: pip install --target var/prof-lib pyinstrument) samples
``--repeat`` requests of each page; ``--explain`` prints EXPLAIN (ANALYZE, BUFFERS) of
every query one request of each page makes, with its time and whether it used an index,
twice: as planned for its values, and as the generic plan PostgreSQL may keep once the
statement is prepared (the settings prepare a statement on its fifth run). ``--steps``
runs ``--repeat`` of the load benchmark's own bookings (bench/load_client.py's ``book``,
the offices and times chosen as its clients choose them) through Django's WSGI handler
and prints each step's CPU: this thread's, and PostgreSQL's for the one connection
(from /proc, so this machine's PostgreSQL only).
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import sys
from pathlib import Path

import load  # bench/, beside this script
import load_client

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["finder", "times", "my_checkin", "review", "booking"]


def _setup_django(code: Path) -> None:
    sys.path.insert(0, str(code))
    os.chdir(code)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_portal.settings.bench")
    os.environ.setdefault(
        "SECRET_KEY", "bench-load-secret-not-for-deployment-0123456789abcdefghijklmn"
    )
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "False")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # One connection, so that every run of a statement is on it (pg_prepared_statements
    # is per connection: see replanned).
    os.environ.setdefault("DB_POOL_MIN_SIZE", "1")
    os.environ.setdefault("DB_POOL_MAX_SIZE", "1")
    import django

    django.setup()
    # As gunicorn's post_fork does in each worker (gunicorn.conf.py): without the copy of
    # the offices it reads, the times page never finds its office kept and makes a query
    # for it that the server does not make, and the profiles would say so.
    try:
        from checkin_portal.startup import warm_up_worker
    except ModuleNotFoundError as missing:  # a tree from before it (--code)
        if missing.name != "checkin_portal.startup":
            raise
        return  # that tree's first search reads them
    warm_up_worker()


def _people(count: int) -> list[str]:
    from appointments.models import Appointment
    from subjects.models import Subject

    booked = Appointment.objects.filter(status="booked").values("subject_id")
    return list(
        Subject.objects.filter(subject_id__startswith="LOAD", subject_id__gt="LOAD0005000")
        .exclude(pk__in=booked)
        .order_by("subject_id")
        .values_list("subject_id", flat=True)[:count]
    )


class Flow:
    def __init__(self):
        from django.test import Client

        from offices.models import Office

        self.client = Client(HTTP_HOST="127.0.0.1", secure=True, HTTP_ACCEPT_LANGUAGE="en")
        # The fields, not offices.models.takes_online_bookings: this script also runs
        # against older trees (--code, and bench/load.py's index check of each --ref).
        office = (
            Office.objects.filter(is_active=True, accepts_online_booking=True)
            .order_by("code")
            .first()
        )
        self.office, self.zip = office.code, office.zip

    def sign_in(self, subject_id: str) -> None:
        self.client.cookies.clear()
        response = self.client.post(
            "/en/sign-in/", {"subject_id": subject_id, "country_of_birth": "MX"}
        )
        assert response.status_code == 302, response.status_code

    def get(self, path: str, expect: int = 200):
        response = self.client.get(path)
        assert response.status_code == expect, (path, response.status_code)
        return response

    def page(self, name: str, subject_id: str) -> None:
        if name == "finder":
            self.get(f"/en/offices/?q={self.zip}")
        elif name == "times":
            self.get(f"/en/book/times/?office={self.office}")
        elif name == "my_checkin":
            self.get("/en/my-check-in/")
        elif name == "review":
            self.get(f"/en/book/review/?slot={self._slot()}")
        elif name == "booking":
            self.sign_in(subject_id)
            self.get("/en/my-check-in/")
            self.get(f"/en/book/?q={self.zip}")
            self.get(f"/en/book/times/?office={self.office}")
            slot = self._slot()
            self.get(f"/en/book/review/?slot={slot}")
            self.client.post("/en/book/confirm/", {"slot": slot})
            self.get("/en/my-appointment/")

    def _slot(self) -> int:
        from appointments.selectors import open_slots
        from offices.models import Office

        office = Office.objects.get(code=self.office)
        return open_slots(office_id=office.pk).values_list("pk", flat=True)[5]


def profile(flow: Flow, name: str, repeat: int, people: list[str]) -> None:
    from pyinstrument import Profiler

    flow.page(name, people.pop())  # warm
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(repeat):
        flow.page(name, people.pop() if name == "booking" else "")
    profiler.stop()
    print(f"===== {name}: {repeat} requests")
    print(profiler.output_text(unicode=False, color=False, show_all=False, short_mode=True))


# Tables small enough that reading them whole is the planner's right choice.
SMALL_TABLES = ("offices_office", "django_cache")
_PLACEHOLDER = re.compile(r"%%|%s")


def _numbered(sql: str) -> str:
    """Django's SQL with PostgreSQL's own placeholders ($1, $2...), for PREPARE."""
    count = itertools.count(1)
    return _PLACEHOLDER.sub(lambda m: "%" if m.group() == "%%" else f"${next(count)}", sql)


def _generic_plan(cursor, sql: str, params) -> list[str]:
    """The plan a connection keeps once psycopg has prepared the statement (the settings
    prepare a statement on its fifth run): PostgreSQL may then plan it once for any
    values (a generic plan), so that plan must use the indexes too."""
    from psycopg.sql import Literal

    cursor.execute(f"PREPARE bench_generic AS {_numbered(sql)}")
    try:
        cursor.execute("SET plan_cache_mode = force_generic_plan")
        # EXECUTE takes no bound parameters: the values are written in as literals.
        values = ", ".join(Literal(value).as_string(cursor.connection) for value in params or ())
        cursor.execute(
            f"EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic{f'({values})' if values else ''}"
        )
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.execute("RESET plan_cache_mode")
        cursor.execute("DEALLOCATE bench_generic")


def explain(flow: Flow, name: str, people: list[str]) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) each SELECT one request of ``name`` makes; returns the
    sequential scans of any table not in SMALL_TABLES."""
    from django.db import connection

    captured: list[tuple[str, tuple]] = []

    def capture(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("SELECT"):
            captured.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        flow.page(name, people.pop())
    print(f"===== {name}: {len(captured)} SELECT statements")
    big_scans = []
    with connection.cursor() as cursor:
        for sql, params in captured:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            plans = {"custom": [row[0] for row in cursor.fetchall()]}
            plans["generic"] = _generic_plan(cursor, sql, params)
            print(f"-- {sql[:160]}")
            for kind, plan in plans.items():
                seq = [line.strip() for line in plan if "Seq Scan" in line]
                total = next((line for line in plan if line.startswith("Execution Time")), "")
                found = "SEQ SCAN: " + "; ".join(seq) if seq else "no seq scan"
                print(f"   {kind:7s} {total}; {found}")
                if seq or "--verbose" in sys.argv:
                    print("   " + "\n   ".join(plan))
                big_scans += [line for line in seq if not any(t in line for t in SMALL_TABLES)]
    return big_scans


def _backend_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class InProcessBrowser(load_client.Browser):
    """bench/load_client.py's browser, its requests handled by Django's WSGI handler in
    this thread; each named step's CPU (this thread's, PostgreSQL's backend's) added up."""

    handler = None
    backend_pid = 0
    app_s: dict = {}
    db_s: dict = {}

    def __post_init__(self):
        self.origin = f"https://{self.host}:{self.port}"

    def _exchange(self, method, path, body, headers, step):
        import io
        import time
        from urllib.parse import urlsplit

        parts, data = urlsplit(path), (body or "").encode()
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": parts.path,
            "QUERY_STRING": parts.query,
            "SERVER_NAME": self.host,
            "SERVER_PORT": str(self.port),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "CONTENT_LENGTH": str(len(data)),
            "wsgi.input": io.BytesIO(data),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        for name, value in headers.items():
            key = name.upper().replace("-", "_")
            environ[key if key == "CONTENT_TYPE" else f"HTTP_{key}"] = value
        answer = {}

        def start_response(status, answer_headers, exc_info=None):
            answer.update(status=int(status.split()[0]), headers=answer_headers)

        cpu, db = time.thread_time(), _backend_cpu_s(self.backend_pid)
        result = self.handler(environ, start_response)
        text = b"".join(result).decode()
        result.close()
        if step:
            self.app_s[step] = self.app_s.get(step, 0.0) + time.thread_time() - cpu
            self.db_s[step] = self.db_s.get(step, 0.0) + _backend_cpu_s(self.backend_pid) - db
        return answer["status"], answer["headers"], text


def booking_steps(bookings: int) -> None:
    """Each step's CPU over ``bookings`` of the benchmark's own (see the module's doc)."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    with connection.cursor() as cursor:  # the pool's one connection (DB_POOL_MAX_SIZE=1)
        cursor.execute("SELECT pg_backend_pid()")
        InProcessBrowser.backend_pid = cursor.fetchone()[0]
        cursor.execute(load.BOOKABLE_OFFICES)  # load.py's searches: their ZIP codes
        queries = sorted({zip_code for _code, zip_code in cursor.fetchall()})
    connection.close()
    InProcessBrowser.handler = WSGIHandler()
    people = _people(bookings + 40)
    clients = 8  # as bench/load.py's: client c's n-th booking searches queries[c + n]
    booked = 0
    for n in range(bookings + 40):
        if n == 40:  # the first 40 warm this process as a running server is warm
            InProcessBrowser.app_s.clear()
            InProcessBrowser.db_s.clear()
            booked = 0
        client, turn = n % clients, n // clients
        browser = InProcessBrowser("127.0.0.1", 8000)
        load_client.sign_in(browser, people.pop())
        query = queries[(client + turn) % len(queries)]
        if load_client.book(browser, query, pick=client + turn):
            booked += 1
    # As the benchmark counts them: a booking whose time was taken meanwhile (by an
    # earlier run: the review sends it back) is one too, with fewer steps.
    app_s, db_s = InProcessBrowser.app_s, InProcessBrowser.db_s
    print(
        f"===== {bookings} bookings in-process ({bookings - booked} found their time taken): "
        "CPU per booking, ms (this thread, PostgreSQL)"
    )
    for step in app_s:
        print(
            f"{step:14s} {app_s[step] / bookings * 1000:7.3f} {db_s[step] / bookings * 1000:7.3f}"
        )
    print(
        f"{'whole booking':14s} {sum(app_s.values()) / bookings * 1000:7.3f} "
        f"{sum(db_s.values()) / bookings * 1000:7.3f}"
    )


RUNS_TO_SETTLE = 12  # psycopg prepares on the 5th run; PostgreSQL plans 5 custom, then picks


def replanned(flow: Flow, pages: list[str], people: list[str]) -> list[str]:
    """Statements of the flow that PostgreSQL plans anew on every run: each page is run
    until its statements are prepared and PostgreSQL has chosen between one generic plan
    and planning each run; a statement never given the generic plan is planned on every
    call (a value it needs to know was sent as a parameter: checkin_portal.prepared's
    ``WrittenIn``)."""
    from django.db import connection

    for name in pages:
        for _ in range(RUNS_TO_SETTLE):
            flow.page(name, people.pop())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT custom_plans, statement FROM pg_prepared_statements "
            "WHERE generic_plans = 0 AND custom_plans > 5"
        )
        found = [f"{plans} plans: {sql[:160]}" for plans, sql in cursor.fetchall()]
    for line in found:
        print(f"   PLANNED ON EVERY RUN, {line}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", action="append", choices=PAGES)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument(
        "--steps", action="store_true", help="each booking step's CPU (no profile, no --page)"
    )
    parser.add_argument("--verbose", action="store_true", help="every plan in full")
    parser.add_argument(
        "--check",
        action="store_true",
        help="EXPLAIN every page and exit 1 if a query reads a big table whole (no profile)",
    )
    parser.add_argument(
        "--code", type=Path, default=ROOT, help="the tree to run (e.g. a var/bench/worktrees/ one)"
    )
    args = parser.parse_args()
    _setup_django(args.code.resolve())
    if args.steps:
        booking_steps(args.repeat)
        return 0
    pages = args.page or PAGES
    people = _people(args.repeat * 2 + 20)
    flow = Flow()
    flow.sign_in(people.pop())
    if args.check:
        scans = []
        for name in pages:
            scans += explain(flow, name, people)
            flow.sign_in(people.pop())
        again = replanned(flow, pages, people)
        print(
            "indexes: "
            + ("every query of the flow uses one" if not scans else "SEQ SCANS")
            + ("" if not again else "; STATEMENTS PLANNED ON EVERY RUN")
        )
        return 1 if scans or again else 0
    for name in pages:
        if args.explain:
            explain(flow, name, people)
            flow.sign_in(people.pop())
        if not args.no_profile:
            profile(flow, name, args.repeat if name != "booking" else args.repeat // 5, people)
            flow.sign_in(people.pop())
    return 0


if __name__ == "__main__":
    sys.exit(main())
