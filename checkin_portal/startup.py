"""Work done once when a server process starts, not on its first request (issue 14: the
first office search after a start took 5.8 s).

``warm_up()`` is called by checkin_portal/wsgi.py, so it runs wherever the WSGI
application is loaded: in gunicorn's master before it forks its workers (``preload_app``
in gunicorn.conf.py: the workers, and every worker started later by ``max_requests``,
share the loaded tables copy-on-write) and once in ``runserver``. Tests never import the
WSGI module, so they do not pay for it. Nothing here touches the database: a connection
opened before the fork would be shared by every worker.
"""

import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def warm_up() -> None:
    started = time.perf_counter()
    # The apps' own per-process tables (the ZIP indexes); named in settings so that this
    # module does not import the apps above it.
    for path in settings.STARTUP_WARM_UP:
        import_string(path)()
    # Every view module (through the URLconf), each language's message catalogue and URL
    # table, the template engine with its tag libraries, and the page frame every page uses.
    for code, _name in settings.LANGUAGES:
        translation.trans_real.translation(code)
        with translation.override(code):
            get_resolver().reverse_dict  # noqa: B018 - the property fills the table
    get_template("base.html")
    logger.info("Warmed up in %.0f ms", (time.perf_counter() - started) * 1000)


def warm_up_worker() -> None:
    """In each gunicorn worker after the fork (``post_fork``), before it takes requests:
    the per-process copies read from the database (the offices' coordinates). A database
    that does not answer yet is not a reason to stop the worker: the first search reads
    them instead."""
    try:
        for path in settings.STARTUP_WORKER_WARM_UP:
            import_string(path)()
    except DatabaseError:
        logger.warning("Worker warm-up skipped: database unreachable")
    finally:
        connections.close_all()  # request threads open their own
