"""The closed-loop HTTP client of bench/load.py (standard library only).

Each client is its own process (no shared GIL with the others) holding one keep-alive
connection; it repeats its scenario's operation until the deadline (or a fixed number of
times) and records the wall time of each operation. An operation may be several requests
(a whole booking is six). docs/adr/0017-load-benchmark.md says why not Locust.
"""

from __future__ import annotations

import contextlib
import http.client
import multiprocessing
import re
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

HIDDEN_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
OFFICE_CHOICE = re.compile(r'name="office"\s+value="([A-Z0-9-]+)"')
SLOT_CHOICE = re.compile(r'name="slot"\s+value="(\d+)"')


class OperationFailed(Exception):
    """An unexpected status or page: counted as an error, never timed."""


@dataclass
class Browser:
    """One keep-alive connection with a cookie jar, as a person's browser behind the
    deployment's TLS proxy (X-Forwarded-Proto: https)."""

    host: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    requests: int = 0
    # Each request's time, by step (a booking's six pages), when ``step`` names it.
    steps_ms: dict[str, list[float]] = field(default_factory=dict)

    def __post_init__(self):
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.origin = f"https://{self.host}:{self.port}"

    def request(
        self,
        method: str,
        path: str,
        form: dict | None = None,
        expect: tuple = (200,),
        step: str = "",
    ) -> tuple[int, dict[str, str], str]:
        started = time.perf_counter()
        headers = {
            "Host": f"{self.host}:{self.port}",
            "X-Forwarded-Proto": "https",
            "Accept-Language": "en",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        status, answer_headers, text = self._exchange(method, path, body, headers, step)
        self.requests += 1
        if step:
            self.steps_ms.setdefault(step, []).append((time.perf_counter() - started) * 1000)
        self._keep_cookies(answer_headers)
        if status not in expect:
            raise OperationFailed(f"{method} {path}: {status}")
        return status, {k.lower(): v for k, v in answer_headers}, text

    def _exchange(
        self, method: str, path: str, body: str | None, headers: dict[str, str], step: str
    ) -> tuple[int, list[tuple[str, str]], str]:
        """Send the request over the kept-alive connection: (status, headers, text)."""

        def send():
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            return (
                response.status,
                response.getheaders(),
                response.read().decode("utf-8", "replace"),
            )

        try:
            return send()
        except (http.client.HTTPException, ConnectionError):
            # The server closed a kept-alive connection (keepalive timeout, a worker
            # recycled by max_requests): reconnect once, as a browser does.
            self.connection.close()
            return send()

    def _keep_cookies(self, headers: list[tuple[str, str]]) -> None:
        for name, value in headers:
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                if val in ("", '""'):
                    self.cookies.pop(key.strip(), None)
                else:
                    self.cookies[key.strip()] = val.strip()

    def close(self):
        self.connection.close()


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list (0.0 when empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, round(fraction * len(sorted_values) + 0.5 - 1e-9))
    return sorted_values[min(rank, len(sorted_values)) - 1]


# --- the operations -------------------------------------------------------------------


def sign_in(browser: Browser, subject_id: str, country: str = "MX") -> None:
    """Sign-in, three requests: the form, the POST, the page it leads to."""
    _, _, page = browser.request("GET", "/en/sign-in/")
    token = HIDDEN_CSRF.search(page)
    if token is None:
        raise OperationFailed("no CSRF token on the sign-in page")
    _, headers, _ = browser.request(
        "POST",
        "/en/sign-in/",
        {
            "csrfmiddlewaretoken": token.group(1),
            "subject_id": subject_id,
            "country_of_birth": country,
        },
        expect=(302,),
    )
    if "/my-check-in/" not in headers.get("location", ""):
        raise OperationFailed("sign-in did not lead to My check-in")
    browser.request("GET", "/en/my-check-in/")


def book(browser: Browser, query: str, pick: int) -> bool:
    """A whole booking of a signed-in person, six requests: My check-in, the office
    search, the times, the review, Confirm, the confirmation. False when the chosen time
    went to someone else meanwhile (Confirm sends back to the times)."""
    browser.request("GET", "/en/my-check-in/", step="my_checkin")
    _, _, page = browser.request("GET", "/en/book/?" + urlencode({"q": query}), step="search")
    offices = OFFICE_CHOICE.findall(page)
    if not offices:
        raise OperationFailed(f"no office to choose for {query!r}")
    _, _, page = browser.request(
        "GET", "/en/book/times/?office=" + offices[pick % len(offices)], step="times"
    )
    slots = SLOT_CHOICE.findall(page)
    if not slots:
        raise OperationFailed("no time to choose")
    slot = slots[pick % len(slots)]
    status, _, page = browser.request(
        "GET", f"/en/book/review/?slot={slot}", expect=(200, 302), step="review"
    )
    if status == 302:
        return False  # taken by another client since the times page was read
    token = HIDDEN_CSRF.search(page)
    if token is None:
        raise OperationFailed("no CSRF token on the review page")
    _, headers, _ = browser.request(
        "POST",
        "/en/book/confirm/",
        {"csrfmiddlewaretoken": token.group(1), "slot": slot},
        expect=(302,),
        step="confirm",
    )
    booked = headers.get("location", "").endswith("/my-appointment/")
    browser.request("GET", headers.get("location", "/en/my-appointment/"), step="confirmation")
    return booked


# --- one client process -----------------------------------------------------------------


@dataclass
class ClientJob:
    scenario: str
    host: str
    port: int
    client: int
    duration: float  # seconds; 0 = run `operations` times
    operations: int = 0
    paths: list[str] = field(default_factory=list)  # one per op, in turn
    subjects: list[str] = field(default_factory=list)  # sign-in: one per op; others: [0]
    queries: list[str] = field(default_factory=list)  # booking: office searches


@dataclass
class ClientResult:
    latencies_ms: list[float]
    requests: int
    errors: int
    conflicts: int
    elapsed_s: float
    first_error: str = ""
    steps_ms: dict[str, list[float]] = field(default_factory=dict)
    cpu_s: float = 0.0  # this client's own CPU (user + system) in the timed loop only


def _book_once(person: Browser, job: ClientJob, n: int, steps: dict) -> int:
    """One booking by a signed-in person: 1 when the time went to someone else."""
    try:
        return 0 if book(person, job.queries[n % len(job.queries)], pick=job.client + n) else 1
    finally:
        for step, times in person.steps_ms.items():
            steps.setdefault(step, []).extend(times)
        person.close()


def run_client(job: ClientJob, ready=lambda: None) -> ClientResult:
    """Sign in if the scenario needs it, call ``ready()`` (all clients start together),
    then run the operation until the deadline or the count."""
    browser = Browser(job.host, job.port)
    sessions: list[Browser] = []
    if job.scenario in ("times", "my_checkin"):
        sign_in(browser, job.subjects[0])
    elif job.scenario == "booking":
        # Signed in before the clock starts: a booking is timed from My check-in on.
        for subject_id in job.subjects[: job.operations]:
            person = Browser(job.host, job.port)
            sign_in(person, subject_id)
            sessions.append(person)
    latencies: list[float] = []
    steps: dict[str, list[float]] = {}
    errors = conflicts = 0
    first_error = ""
    requests_before = browser.requests + sum(s.requests for s in sessions)
    ready()
    cpu_from = time.process_time()
    timed_from = time.perf_counter()
    deadline = timed_from + job.duration
    n = 0
    while (n < job.operations) if not job.duration else (time.perf_counter() < deadline):
        started = time.perf_counter()
        try:
            if job.scenario == "sign_in":
                person = Browser(job.host, job.port)
                try:
                    sign_in(person, job.subjects[n % len(job.subjects)])
                finally:
                    browser.requests += person.requests
                    person.close()
            elif job.scenario == "booking":
                if n >= len(sessions):
                    break
                conflicts += _book_once(sessions[n], job, n, steps)
            else:
                browser.request("GET", job.paths[n % len(job.paths)])
            latencies.append((time.perf_counter() - started) * 1000)
        except (OperationFailed, OSError, http.client.HTTPException) as error:
            errors += 1
            first_error = first_error or str(error)
        n += 1
    elapsed = time.perf_counter() - timed_from
    cpu_s = time.process_time() - cpu_from
    browser.close()
    requests = browser.requests + sum(s.requests for s in sessions) - requests_before
    return ClientResult(latencies, requests, errors, conflicts, elapsed, first_error, steps, cpu_s)


def _child(job, barrier, queue):
    try:
        queue.put(run_client(job, ready=barrier.wait))
    except Exception as error:  # noqa: BLE001 - the parent must not wait for ever
        barrier.abort()
        queue.put(ClientResult([], 0, 1, 0, 0.0, f"client failed: {error!r}"))


def run_clients(jobs: list[ClientJob], on_start=lambda: None) -> list[ClientResult]:
    """Every job in its own process. Once all are ready (signed in), ``on_start()`` runs
    and they start together; returns when all are done."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(jobs) + 1)
    queue = context.Queue()
    processes = [context.Process(target=_child, args=(job, barrier, queue)) for job in jobs]
    for process in processes:
        process.start()
    # A client that failed to get ready breaks the barrier; its result says why.
    with contextlib.suppress(threading.BrokenBarrierError):
        barrier.wait(timeout=600)
    on_start()
    results = [queue.get(timeout=3600) for _ in jobs]
    for process in processes:
        process.join()
    return results
