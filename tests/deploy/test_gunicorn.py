"""gunicorn.conf.py (shared by the container and scripts/serve_production.sh) and the
access log it writes."""

import datetime
import json
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from gunicorn.config import Config

from checkin_portal.gunicorn_logging import PortalLogger
from tests.deploy.log_lines import assert_nothing_personal_in

ROOT = Path(settings.BASE_DIR)
CONF = ROOT / "gunicorn.conf.py"


def load(monkeypatch, **env) -> dict:
    for name in (
        "WEB_CONCURRENCY",
        "GUNICORN_THREADS",
        "GUNICORN_WORKER_CLASS",
        "GUNICORN_TIMEOUT",
        "DB_POOL_MAX_SIZE",
        "PORT",
        "GUNICORN_BIND",
        "GUNICORN_PRELOAD",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    values = runpy.run_path(str(CONF))
    return {k: v for k, v in values.items() if not k.startswith("_") and k != "os"}


def test_every_name_is_a_gunicorn_setting(monkeypatch):
    known = Config().settings
    for name, value in load(monkeypatch).items():
        assert name in known, name
        known[name].set(value)  # gunicorn's own validation


def test_values_come_from_the_environment(monkeypatch):
    conf = load(
        monkeypatch, WEB_CONCURRENCY="5", GUNICORN_THREADS="3", GUNICORN_TIMEOUT="20", PORT="9000"
    )
    assert (conf["workers"], conf["threads"], conf["timeout"]) == (5, 3, 20)
    assert conf["bind"] == ["0.0.0.0:9000"]
    defaults = load(monkeypatch)
    assert (defaults["workers"], defaults["timeout"], defaults["bind"]) == (2, 30, ["0.0.0.0:8000"])
    assert defaults["wsgi_app"] == "checkin_portal.wsgi:application"
    assert defaults["accesslog"] == "-"
    assert defaults["logger_class"] == "checkin_portal.gunicorn_logging.PortalLogger"
    assert defaults["control_socket_disable"] is True


def test_threads_keep_pages_answering_while_outside_calls_hang(monkeypatch):
    """A sign-in waiting on a hanging CAPTCHA verifier holds one thread, not a process:
    2 processes x 8 threads. Threads never outnumber a process's database pool."""
    from checkin_portal.settings.base import OUTSIDE_CALL_MAX_TIMEOUT

    conf = load(monkeypatch)
    assert conf["worker_class"] == "gthread"
    assert (conf["workers"], conf["threads"]) == (2, 8)
    assert conf["threads"] <= 10  # DB_POOL_MAX_SIZE's default (settings/production.py)
    # An outside call ends (at its longest) well before gunicorn gives up on the request.
    assert conf["timeout"] > OUTSIDE_CALL_MAX_TIMEOUT * 2
    assert load(monkeypatch, GUNICORN_THREADS="4", DB_POOL_MAX_SIZE="4")["threads"] == 4
    with pytest.raises(SystemExit, match="more than DB_POOL_MAX_SIZE"):
        load(monkeypatch, GUNICORN_THREADS="12")
    assert load(monkeypatch, GUNICORN_WORKER_CLASS="sync")["worker_class"] == "sync"


def test_script_and_image_use_this_file():
    assert "--config gunicorn.conf.py" in (ROOT / "scripts" / "serve_production.sh").read_text()
    assert "--config gunicorn.conf.py" in (ROOT / "scripts" / "docker-entrypoint.sh").read_text()


class _Response:
    status = "404 Not Found"
    headers = [("Content-Type", "text/html"), ("X-Request-ID", "req-77")]
    sent = 1234


def _access_logger() -> PortalLogger:
    # Made inside the test, after capsys has replaced sys.stdout.
    cfg = Config()
    cfg.set("accesslog", "-")
    return PortalLogger(cfg)


def test_access_line_is_json_without_query_referer_agent_or_address(capsys):
    access_logger = _access_logger()
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/en/offices/",
        "QUERY_STRING": "q=1600+Pennsylvania+Ave+NW",
        "RAW_URI": "/en/offices/?q=1600+Pennsylvania+Ave+NW",
        "HTTP_REFERER": "https://checkin.example.org/en/book/?q=42+Elm+Street",
        "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 9; Moto G)",
        "REMOTE_ADDR": "203.0.113.9",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    access_logger.access(_Response(), None, environ, datetime.timedelta(milliseconds=12.3))
    [line] = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert line["logger"] == "gunicorn.access"
    assert line["message"] == "GET /en/offices/ 404"
    assert (line["method"], line["path"], line["status_code"]) == ("GET", "/en/offices/", 404)
    assert line["request_id"] == "req-77"
    assert line["bytes"] == 1234
    assert line["duration_ms"] == pytest.approx(12.3)
    assert_nothing_personal_in([line], ("1600", "Pennsylvania", "Elm", "Mozilla", "203.0.113.9"))


def test_access_line_with_an_unsafe_request_id(capsys):
    access_logger = _access_logger()

    class Response(_Response):
        headers = [("X-Request-ID", "AB1234567 Jane")]

    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/en/sign-in/"}
    access_logger.access(Response(), None, environ, datetime.timedelta(seconds=1))
    line = json.loads(capsys.readouterr().out)
    assert line["request_id"] == "-"


def test_the_application_is_loaded_and_warmed_before_the_fork(monkeypatch):
    """Issue 14: the first search after a start took 5.8 s. The master loads the app
    (checkin_portal/wsgi.py warms the ZIP tables) before forking; each worker reads the
    offices' coordinates in post_fork, before it takes a request."""
    conf = load(monkeypatch)
    assert conf["preload_app"] is True
    assert callable(conf["post_fork"])
    assert load(monkeypatch, GUNICORN_PRELOAD="false")["preload_app"] is False
    wsgi = (ROOT / "checkin_portal" / "wsgi.py").read_text()
    assert "warm_up()" in wsgi.split("application = get_wsgi_application()")[1]


def test_warm_up_builds_the_zip_index(monkeypatch):
    from checkin_portal.places import zips
    from checkin_portal.startup import warm_up

    monkeypatch.setattr(zips, "_index", None)
    warm_up()
    assert zips._index is not None
    assert settings.STARTUP_WARM_UP == ["checkin_portal.places.zips.warm"]


@pytest.mark.django_db
def test_post_fork_reads_the_office_coordinates(monkeypatch):
    from offices import selectors

    selectors.forget_office_points()
    load(monkeypatch)["post_fork"](None, None)
    assert selectors._snapshot is not None


def test_post_fork_survives_a_database_outage(monkeypatch, caplog):
    from django.db import OperationalError

    from checkin_portal import startup

    def unreachable():
        raise OperationalError("no database")

    monkeypatch.setattr(startup, "import_string", lambda path: unreachable)
    startup.warm_up_worker()
    assert "database unreachable" in caplog.text


def test_warm_up_compiles_the_project_templates_once(monkeypatch):
    """The first page of each kind after a start does not compile its templates: the
    cached loader (DEBUG off) already holds the finder's includes after warm_up."""
    from django.template import engines

    from checkin_portal.startup import warm_up

    (loader,) = engines["django"].engine.template_loaders
    loader.reset()
    warm_up()
    names = {key.split("-")[0] for key in loader.get_template_cache}
    for name in ("base.html", "offices/finder.html", "offices/_office_results.html"):
        assert name in names


def test_what_the_master_loaded_is_frozen_before_each_fork(monkeypatch):
    """Issue 17: the objects loaded before the fork are taken out of the collector's
    sight (gc.freeze), so no collection in a worker walks them again."""
    import gc

    conf = load(monkeypatch)
    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    conf["pre_fork"](server=None, worker=None)
    assert frozen == [True]


def test_workers_are_recycled_rarely_enough_to_stay_warm(monkeypatch):
    """Issue 17 (docs/adr/0017): at 1,000 requests a loaded worker was replaced every few
    seconds and started cold; its memory stayed flat after ~15,000."""
    conf = load(monkeypatch)
    assert conf["max_requests"] == 50_000 and conf["max_requests_jitter"] == 5_000
    assert load(monkeypatch, GUNICORN_MAX_REQUESTS="2000")["max_requests"] == 2000
