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
from pathlib import Path

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
    _compile_project_templates()
    logger.info("Warmed up in %.0f ms", (time.perf_counter() - started) * 1000)


def _compile_project_templates() -> None:
    """Every template of the project (not of the packages), through the cached loader that
    DEBUG off uses: the first page of each kind after a start no longer compiles its
    templates and includes (the first search after a start rendered 8 of them)."""
    from django.template import TemplateSyntaxError
    from django.template.utils import get_app_template_dirs

    root = settings.BASE_DIR
    folders = [*settings.TEMPLATES[0]["DIRS"], *get_app_template_dirs("templates")]
    for folder in folders:
        folder = Path(folder)
        if not folder.is_relative_to(root) or ".venv" in folder.parts:
            continue
        for path in folder.rglob("*"):
            if path.suffix in {".html", ".txt"}:
                try:
                    get_template(path.relative_to(folder).as_posix())
                except TemplateSyntaxError:  # a fragment only valid inside another one
                    logger.debug("Template not compiled at start: %s", path)


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
