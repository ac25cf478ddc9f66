"""Do public pages keep answering while the CAPTCHA verifier hangs?

    make bench-hanging        # or: .venv/bin/python bench/hanging_verifier.py [--seconds 20]

Starts the production server (scripts/serve_production.sh: gunicorn with gunicorn.conf.py,
production settings, its own PostgreSQL database, created and dropped here) on a free
loopback port with reCAPTCHA on and its verifier pointed at a local black hole (accepts
connections, never answers; tests/blackhole.py). Then it keeps ``--hanging`` (8) sign-ins
waiting on the verifier at all times and measures the home page meanwhile, for:

* before: the old configuration: 2 sync worker processes, django-recaptcha's 10 s timeout;
* after: this configuration: gunicorn.conf.py's defaults and CAPTCHA_TIMEOUT's default.

Prints the home page's median, 95th percentile and slowest time for each, and how the
sign-ins ended (every one must be a page with a form error, never a 500). Exits 1 when
the "after" home page p95 is over 1 s or a sign-in got anything but that form error.
Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_portal.settings.test")

from tests.blackhole import black_hole  # noqa: E402
from tests.deploy.test_production_server import _drop_database, _free_port  # noqa: E402

P95_TARGET = 1.0  # seconds, the home page with every sign-in hanging ("after")
CAPTCHA_ERROR = "We could not check the"
CONFIGS = {
    "before (sync x2, verify 10 s)": {
        "GUNICORN_WORKER_CLASS": "sync",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "1",
        "CAPTCHA_TIMEOUT": "10",
    },
    "after (gunicorn.conf.py defaults)": {},
}


class Browser:
    """One visitor over HTTP/1.1 as a deployment's TLS proxy forwards it."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None, timeout=120):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"X-Forwarded-Proto": "https", "Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
            return response.status, text
        finally:
            connection.close()


def _start_server(env: dict, log_path: Path) -> subprocess.Popen:
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve_production.sh")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server stopped:\n" + log_path.read_text()[-3000:])
        try:
            if Browser(int(env["PORT"])).request("GET", "/healthz", timeout=2)[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.3)
    _stop(process)
    raise SystemExit("no answer on /healthz:\n" + log_path.read_text()[-3000:])


def _stop(process: subprocess.Popen) -> None:
    process.terminate()  # gunicorn's master (the script exec'd it)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)  # the process group started above
        process.wait(timeout=10)


def _measure(port: int, hanging: int, seconds: float) -> dict:
    stop = threading.Event()
    outcomes: Counter = Counter()
    sign_in_times: list[float] = []
    lock = threading.Lock()

    def sign_in_forever():
        browser = Browser(port)
        status, html = browser.request("GET", "/en/sign-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        form = {
            "csrfmiddlewaretoken": token,
            "subject_id": "HANG1001",
            "country_of_birth": "HN",
            "g-recaptcha-response": "token",
        }
        while not stop.is_set():
            start = time.monotonic()
            try:
                status, html = browser.request("POST", "/en/sign-in/", form)
                outcome = "form error" if status == 200 and CAPTCHA_ERROR in html else status
            except OSError as error:
                outcome = type(error).__name__
            with lock:
                outcomes[outcome] += 1
                sign_in_times.append(time.monotonic() - start)

    threads = [threading.Thread(target=sign_in_forever, daemon=True) for _ in range(hanging)]
    for thread in threads:
        thread.start()
    time.sleep(2)  # every sign-in is now waiting on the verifier
    home = Browser(port)
    times, statuses = [], Counter()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        start = time.monotonic()
        try:
            status, _ = home.request("GET", "/en/")
        except OSError as error:
            status = type(error).__name__
        times.append(time.monotonic() - start)
        statuses[status] += 1
        time.sleep(0.1)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return {
        "home": times,
        "home_statuses": statuses,
        "sign_ins": outcomes,
        "sign_in_times": sign_in_times,
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * 0.95) - 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="home page sampling time")
    parser.add_argument("--hanging", type=int, default=8, help="sign-ins kept waiting")
    parser.add_argument("--only", choices=["before", "after"], help="one configuration")
    args = parser.parse_args(argv)

    import environ

    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/checkin_portal")
    cfg = environ.Env.db_url_config(base)
    cfg["NAME"] = f"{cfg['NAME']}_hanging"[:63]
    database_url = base.rsplit("/", 1)[0] + "/" + cfg["NAME"]

    def drop():
        _drop_database(cfg)

    results = {}
    failed = False
    with tempfile.TemporaryDirectory() as tmp, black_hole() as verifier:
        drop()
        try:
            for label, overrides in CONFIGS.items():
                if args.only and not label.startswith(args.only):
                    continue
                port = _free_port()
                dropped = {"DJANGO_SETTINGS_MODULE", "DATABASE_REPLICA_URL", "CAPTCHA_TIMEOUT"}
                dropped |= {k for k in os.environ if k.startswith(("GUNICORN_", "WEB_CONC"))}
                env = {
                    **{k: v for k, v in os.environ.items() if k not in dropped},
                    "DATABASE_URL": database_url,
                    "PORT": str(port),
                    "STATIC_ROOT": str(Path(tmp) / "static"),
                    "CACHE_URL": "dbcache://django_cache",
                    "CAPTCHA_PROVIDER": "recaptcha",
                    "RECAPTCHA_PUBLIC_KEY": "bench-site-key",
                    "RECAPTCHA_PRIVATE_KEY": "bench-secret-key",
                    "RECAPTCHA_DOMAIN": verifier.address,
                    "LOG_FORMAT": "plain",
                    "GUNICORN_LOG_LEVEL": "warning",
                    "PYTHONUNBUFFERED": "1",
                    **overrides,
                }
                process = _start_server(env, Path(tmp) / "server.log")
                try:
                    print(f"{label}: measuring for {args.seconds:.0f} s ...", flush=True)
                    results[label] = _measure(port, args.hanging, args.seconds)
                finally:
                    _stop(process)
        finally:
            drop()

    print()
    print(f"Home page while {args.hanging} sign-ins wait on a black-holed CAPTCHA verifier:")
    print(f"{'':36} {'pages':>5} {'median':>8} {'p95':>8} {'slowest':>8}  sign-ins (time each)")
    for label, result in results.items():
        home = result["home"]
        signs = result["sign_in_times"]
        outcome = ", ".join(f"{n} {k}" for k, n in result["sign_ins"].items())
        print(
            f"{label:36} {len(home):5d} {statistics.median(home):7.2f}s {_p95(home):7.2f}s "
            f"{max(home):7.2f}s  {outcome} ({statistics.median(signs) if signs else 0:.1f} s)"
        )
        if set(result["home_statuses"]) != {200}:
            print(f"{'':36} home page answers: {dict(result['home_statuses'])}")
        if label.startswith("after"):
            failed |= _p95(home) > P95_TARGET
            failed |= set(result["sign_ins"]) != {"form error"}
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
