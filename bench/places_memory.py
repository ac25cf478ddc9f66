"""Memory of the places data in one process: RSS before and after building the ZIP index.

    make bench-places-memory     # or: .venv/bin/python bench/places_memory.py [--runs 3]

Each run is a fresh Python process: Django set up with the production settings' apps
(no database touched), then the resident set size read from /proc before and after
``checkin_portal.places.zips.warm()`` (what gunicorn's master does before it forks), and
the time the build took. For comparison the same process then reads the table the way
the three old indexes did (``zipcodes.list_all()``, which the package keeps for the
life of the process). Linux only (/proc). Exits 1 over the budget.

Figures (2 shared cores, Python 3.11, zipcodes 3.0): the three old indexes (addresses/zips,
hearings/zones, offices/geocoding/zipindex at 2898aa5) took +181 MB per process measured
the same way; the one index +87 MB, of which 36.5 MB is the zipcodes package's own
compiled table (loaded on its first query, whoever asks). Budget: 100 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MB = 100.0

_CHILD = r"""
import gc, json, os, time
import django

def rss_mb():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

django.setup()
import zipcodes  # the package itself (its compiled table) is not ours to measure
gc.collect()
before = rss_mb()
started = time.perf_counter()
from checkin_portal.places import zips
zips.warm()
seconds = time.perf_counter() - started
gc.collect()
after = rss_mb()
index = zips.get_index()
zipcodes.list_all()  # what the old indexes read, kept by the package for the process
gc.collect()
with_list = rss_mb()
print(json.dumps({
    "before": before, "after": after, "seconds": seconds, "with_list_all": with_list,
    "zips": len(index.by_zip), "cities": len(index.city_state),
}))
"""


def _run_once() -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "checkin_portal.settings.test",
        "PYTHONPATH": str(ROOT),
    }
    output = subprocess.run(
        [sys.executable, "-c", _CHILD],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    runs = [_run_once() for _ in range(args.runs)]
    index_mb = [run["after"] - run["before"] for run in runs]
    list_mb = [run["with_list_all"] - run["after"] for run in runs]
    seconds = [run["seconds"] for run in runs]
    first = runs[0]
    print(f"ZIP index: {first['zips']} ZIPs, {first['cities']} city/state places")
    print(f"RSS before the index: {statistics.median(r['before'] for r in runs):.1f} MB")
    print(
        f"places data (the one index): median {statistics.median(index_mb):.1f} MB "
        f"(runs: {', '.join(f'{mb:.1f}' for mb in index_mb)}); built in "
        f"{statistics.median(seconds) * 1000:.0f} ms"
    )
    print(
        "for comparison, zipcodes.list_all() kept for the process (what the old three "
        f"indexes read): +{statistics.median(list_mb):.1f} MB more"
    )
    ok = statistics.median(index_mb) < BUDGET_MB
    print(
        f"budget: under {BUDGET_MB:.0f} MB (the three old indexes: 181 MB) -> {'ok' if ok else 'OVER'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
