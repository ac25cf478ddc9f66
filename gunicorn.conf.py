"""Gunicorn settings for the portal, used by the container (Dockerfile, compose `web`) and
by scripts/serve_production.sh. Every value comes from the environment; a command-line
option (such as the script's --bind) wins over this file."""

import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


wsgi_app = "checkin_portal.wsgi:application"
bind = [os.environ.get("GUNICORN_BIND", f"0.0.0.0:{_int('PORT', 8000)}")]

# Processes x threads = requests served at once. Threads, not sync workers: a request that
# waits on an outside service (CAPTCHA verify, up to CAPTCHA_TIMEOUT) holds one thread, not
# a whole process, so public pages keep answering while a provider hangs (measured by
# `make bench-hanging`). Each process keeps its own database pool and every busy thread may
# hold one connection: threads never exceed DB_POOL_MAX_SIZE (docs/operations.md, Scaling).
# Load the application (and warm its ZIP tables, checkin_portal/startup.py) once in the
# master before forking: workers start ready and share those tables copy-on-write, and a
# worker recycled by max_requests costs nothing either. Code changes need a full restart,
# not a HUP (deployments replace the container anyway).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() != "false"


def pre_fork(server, worker):
    """What the master loaded (preload_app: the application, the ZIP index of hundreds of
    thousands of objects, the compiled templates) lives as long as the process: frozen out
    of the garbage collector's sight right before fork(), as Python's gc.freeze documents,
    so that no collection in a worker walks it again (the bare view cost 25 % less CPU
    per request, docs/adr/0017) and its pages stay shared copy-on-write."""
    import gc

    gc.collect()
    gc.freeze()


def post_fork(server, worker):
    """Each worker reads what it keeps from the database before taking requests."""
    from checkin_portal.startup import warm_up_worker

    warm_up_worker()


worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = _int("WEB_CONCURRENCY", 2)
threads = _int("GUNICORN_THREADS", 8)
if threads > _int("DB_POOL_MAX_SIZE", 10):
    raise SystemExit(
        f"GUNICORN_THREADS ({threads}) is more than DB_POOL_MAX_SIZE "
        f"({_int('DB_POOL_MAX_SIZE', 10)}): threads would wait for a database connection."
    )
# A request that takes longer than this is abandoned (the worker restarts): pages answer in
# milliseconds; only a stuck database or network call gets near it.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then, staggered, so that slow leaks cannot build up.
# Recycling (docs/adr/0017): a worker keeps what it computed once (compiled queries,
# rendered fragments); at 1,000 requests a loaded worker was replaced every few seconds
# and started cold each time (finder 211 req/s without recycling against 80-130 with it).
# Measured without recycling: a worker grew from 179 to 190 MB over its first ~15,000
# requests, then stayed flat. 50,000 still bounds a slow leak, minutes apart under load.
max_requests = _int("GUNICORN_MAX_REQUESTS", 50_000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 5_000)
# Heartbeat files in memory, not on a container's overlay disk.
if os.path.isdir("/dev/shm"):  # noqa: S108 - a RAM disk, as gunicorn advises for containers
    worker_tmp_dir = "/dev/shm"  # noqa: S108

# Logs on stdout/stderr, one JSON object per line (LOG_FORMAT=plain for a terminal); the
# access line has no query string, referer, user agent or client address.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logger_class = "checkin_portal.gunicorn_logging.PortalLogger"
proc_name = "checkin-portal"
# No runtime control socket (gunicornc): nothing here uses it, and in the container the
# home directory it would go to is read-only.
control_socket_disable = True
