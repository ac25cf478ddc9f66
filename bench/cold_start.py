"""The first office search after a fresh gunicorn start, against the hundredth.

    make bench-cold-start        # or: .venv/bin/python bench/cold_start.py [--starts 3]

Sets up a throwaway PostgreSQL database (migrated, the 146 offices imported), then starts
gunicorn with gunicorn.conf.py and the production settings several times. Each time it
waits until the server answers /healthz/live, then times the first search on
/en/offices/?q=..., then 99 more. Budget (issue 14): the first search under 100 ms (it
took 3.8-5.7 s before the start-up warm-up; what remains is the request thread's first
database connection and the finder's template). Exits 1 when missed.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["60601", "30303", "Yakima%2C+WA", "98801", "10007", "94103", "77002", "33101"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get_ms(url: str) -> float:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        assert response.status == 200, response.status
    return (time.perf_counter() - start) * 1000


def _env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "checkin_portal.settings.production",
        "SECRET_KEY": "bench-cold-start-secret-not-for-deployment-0123456789abcdefghij",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "SECURE_SSL_REDIRECT": "False",
        "WEB_CONCURRENCY": "1",
        "LOG_FORMAT": "plain",
        "GUNICORN_LOG_LEVEL": "warning",
        "GUNICORN_ACCESSLOG": "",
    }


def _setup(env: dict[str, str]) -> None:
    python = str(ROOT / ".venv" / "bin" / "python")
    for command in (
        [python, "scripts/ensure_database.py"],
        [python, "scripts/compile_messages.py"],
        [python, "manage.py", "migrate", "--noinput", "-v0"],
        [python, "manage.py", "createcachetable"],
        [python, "manage.py", "import_offices", "-v0"],
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def _one_start(env: dict[str, str]) -> tuple[float, float, float]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "checkin_portal.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        while True:
            try:
                _get_ms(f"{base}/healthz/live")
                break
            except OSError:
                if server.poll() is not None or time.perf_counter() - started > 60:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.05)
        ready_s = time.perf_counter() - started
        first = _get_ms(f"{base}/en/offices/?q={QUERIES[0]}")
        later = [_get_ms(f"{base}/en/offices/?q={QUERIES[i % len(QUERIES)]}") for i in range(99)]
        return ready_s, first, statistics.median(later)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--starts", type=int, default=3, help="fresh starts to time")
    args = parser.parse_args(argv)
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/checkin")
    database_url = base_url.rsplit("/", 1)[0] + "/bench_cold_start"
    env = _env(database_url)
    _setup(env)
    failed = False
    print("start  ready(s)  first search(ms)  median of next 99(ms)")
    for n in range(1, args.starts + 1):
        ready_s, first, median = _one_start(env)
        ok = first <= 100.0
        failed |= not ok
        print(f"{n:>5}  {ready_s:8.2f}  {first:16.1f}  {median:21.1f}  {'ok' if ok else 'SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
