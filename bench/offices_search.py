"""Benchmark one office search (geocode + rank, as the finder runs it) at the real 146
offices and at 10,000 synthetic ones.

    make bench-offices            # or: .venv/bin/python bench/offices_search.py [--runs N]

Runs against PostgreSQL (DATABASE_URL, like the tests) in a throwaway database that it
creates and drops. Each figure is measured after a warm-up (the ZIP table indexed and the
office coordinates loaded, as in a running server), over a mix of ZIPs, ZIP+4, "City, ST"
and street addresses. Targets: median <= 5 ms at 146 offices, <= 25 ms at 10,000.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_portal.settings.test")

TARGETS_MS = {146: 5.0, 10_000: 25.0}


def _queries(rng: random.Random, count: int) -> list[str]:
    from checkin_portal.places.zips import get_index

    index = get_index()
    records = [r for r in index.by_zip.values() if r.has_coordinates and r.state != "MH"]
    cities = list(index.city_state.values())
    queries = []
    for i in range(count):
        record = rng.choice(records)
        kind = i % 4
        if kind == 0:
            queries.append(record.zip_code)
        elif kind == 1:
            queries.append(f"{record.zip_code}-{rng.randint(0, 9999):04d}")
        elif kind == 2:
            queries.append(rng.choice(cities).label)
        else:
            queries.append(
                f"{rng.randint(1, 9999)} Main Street, {record.city}, {record.state} {record.zip_code}"
            )
    return queries


def _measure(queries: list[str], runs: int) -> tuple[float, float, int]:
    from offices.selectors import office_search

    for query in queries[:50]:  # warm-up
        office_search(query=query)
    timings = []
    found = 0
    for i in range(runs):
        query = queries[i % len(queries)]
        start = time.perf_counter()
        search = office_search(query=query)
        timings.append((time.perf_counter() - start) * 1000)
        found += bool(search.results)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], found


def _synthetic_offices(rng: random.Random, count: int):
    from checkin_portal.places.zips import get_index
    from offices.models import Office, OfficeKind

    records = [r for r in get_index().by_zip.values() if r.has_coordinates and r.state != "MH"]
    offices = []
    for i in range(count):
        record = rng.choice(records)
        offices.append(
            Office(
                code=f"BENCH-{i:05d}",
                name_en=f"Bench office {i}",
                kind=OfficeKind.SUB_OFFICE,
                street=f"{i} Bench Street",
                city=record.city,
                state=record.state if len(record.state) == 2 else "GA",
                zip=record.zip_code,
                latitude=record.latitude + rng.uniform(-0.05, 0.05),
                longitude=record.longitude + rng.uniform(-0.05, 0.05),
                time_zone=record.time_zone or "America/New_York",
            )
        )
    Office.objects.bulk_create(offices, batch_size=1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1000, help="searches per figure")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from checkin_portal.places.zips import get_index
    from offices.importer import DEFAULT_FILE, read_office_rows
    from offices.models import Office
    from offices.selectors import active_office_points, forget_office_points
    from offices.services import offices_import

    settings.DEBUG = False
    test_name = f"bench_{connection.settings_dict['NAME']}"
    connection.settings_dict.setdefault("TEST", {})["NAME"] = test_name
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    failed = False
    try:
        start = time.perf_counter()
        get_index()
        print(f"ZIP table indexed once per process: {(time.perf_counter() - start) * 1000:.0f} ms")
        rng = random.Random(2024)
        queries = _queries(rng, 400)

        offices_import(rows=read_office_rows(DEFAULT_FILE))
        rows = []
        for label, add in (("real offices", 0), ("with synthetic offices", 10_000 - 121)):
            if add:
                _synthetic_offices(rng, add)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE offices_office")
            forget_office_points()
            start = time.perf_counter()
            active = len(active_office_points())
            load_ms = (time.perf_counter() - start) * 1000
            median, p95, found = _measure(queries, args.runs)
            total = Office.objects.count()
            target_key = 146 if not add else 10_000
            target = TARGETS_MS[target_key]
            ok = median <= target
            failed |= not ok
            rows.append((label, total, active, load_ms, median, p95, target, ok, found))
        print()
        print(f"One search (geocode + rank + fetch), {args.runs} runs after warm-up, PostgreSQL:")
        print(
            f"{'':24} {'offices':>8} {'bookable':>8} {'load':>9} {'median':>9} {'p95':>9} {'target':>8}"
        )
        for label, total, active, load_ms, median, p95, target, ok, found in rows:
            print(
                f"{label:24} {total:8d} {active:8d} {load_ms:7.1f}ms {median:7.2f}ms "
                f"{p95:7.2f}ms  <={target:.0f}ms {'ok' if ok else 'OVER TARGET':>4}  "
                f"{found}/{args.runs}"
            )
        print(
            "(bookable: active offices that take online bookings, the ones offered first; "
            "load: reading the active offices' coordinates after a change, once per process)"
        )
    finally:
        connection.creation.destroy_test_db(test_name, verbosity=0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
