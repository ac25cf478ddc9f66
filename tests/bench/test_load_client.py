"""Smoke test of the load benchmark's client (bench/load_client.py) against a tiny local
server: cookies kept, a failed status counted, percentiles, clients run together. The
benchmark itself (`make bench-load`) is never part of the test suite."""

import importlib.util
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "load_client.py"
_SPEC = importlib.util.spec_from_file_location("load_client", _PATH)
load_client = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("load_client", load_client)  # dataclasses look their module up
_SPEC.loader.exec_module(load_client)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        status, body = 200, (self.headers.get("Cookie") or "none").encode()
        if self.path == "/missing":
            status = 404
        self.send_response(status)
        if self.path == "/set":
            self.send_header("Set-Cookie", "sessionid=abc; Path=/; HttpOnly")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_cookies_are_kept_and_sent(server):
    browser = load_client.Browser("127.0.0.1", server)
    browser.request("GET", "/set")
    _, _, body = browser.request("GET", "/echo")
    assert body == "sessionid=abc"
    with pytest.raises(load_client.OperationFailed):
        browser.request("GET", "/missing")
    assert browser.requests == 3
    browser.close()


def test_percentile_is_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert load_client.percentile(values, 0.5) == 50.0
    assert load_client.percentile(values, 0.95) == 95.0
    assert load_client.percentile([], 0.95) == 0.0


def test_clients_run_together_and_count_errors(server):
    jobs = [
        load_client.ClientJob(
            scenario="bare",
            host="127.0.0.1",
            port=server,
            client=n,
            duration=0.2,
            paths=["/echo", "/missing"],
        )
        for n in range(2)
    ]
    started = []
    results = load_client.run_clients(jobs, on_start=lambda: started.append(True))
    assert started == [True]
    assert len(results) == 2
    for result in results:
        assert result.latencies_ms and result.errors >= 1
        assert result.first_error == "GET /missing: 404"


def test_client_cpu_is_counted_from_the_start_signal_only(server, monkeypatch):
    """The client's own CPU per operation covers the timed loop only: a booking client
    signs its people in before the clock starts (three requests each), and that work was
    counted as if each booking had cost it."""
    events = []
    ticks = iter([100.0, 100.5])  # the CPU clock read when the clock starts, then at the end

    def process_time():
        events.append("cpu")
        return next(ticks)

    monkeypatch.setattr(load_client.time, "process_time", process_time)
    job = load_client.ClientJob(
        scenario="my_checkin",
        host="127.0.0.1",
        port=server,
        client=0,
        duration=0,
        operations=3,
        paths=["/echo"],
        subjects=["A0000001"],
    )
    monkeypatch.setattr(
        load_client, "sign_in", lambda browser, subject_id: events.append("sign-in")
    )
    result = load_client.run_client(job, ready=lambda: events.append("ready"))
    assert events == ["sign-in", "ready", "cpu", "cpu"]
    assert len(result.latencies_ms) == 3
    assert result.cpu_s == pytest.approx(0.5)
