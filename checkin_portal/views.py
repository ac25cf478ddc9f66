"""Public pages, language choice, health check and error pages."""

import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from . import howto, selectors
from .outages import CACHE_ERRORS, database_unavailable
from .redirects import safe_next

logger = logging.getLogger(__name__)

# What a 503 tells a client to wait: a database restart or fail-over takes about this long.
RETRY_AFTER_SECONDS = 30


@require_GET
def language_choice(request: HttpRequest) -> HttpResponse:
    """The first screen for a visitor who has not chosen a language; also where the
    header's language link leads. Each choice is a POST to Django's ``set_language``,
    which remembers it in a cookie, so it works without JavaScript."""
    return render(
        request,
        "pages/language.html",
        # The page to return to after choosing a language, with its query (the place).
        {"next": safe_next(request, request.GET.get("next", ""), keep_query=True)},
    )


@require_GET
def root(request: HttpRequest) -> HttpResponse:
    """`/`: straight to the home page in the remembered language, else the chooser."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in dict(settings.LANGUAGES):
        return HttpResponseRedirect(f"/{chosen}/")
    return language_choice(request)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/home.html", {"howto_strip": howto.pictures(strip_only=True)})


@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pages/help.html",
        {"sections": selectors.faq_sections()},
    )


@require_GET
def tutorial(request: HttpRequest) -> HttpResponse:
    """The illustrated how-to: each step's words beside its picture (checkin_portal/howto.py)."""
    rows = howto.pictures()
    return render(
        request,
        "pages/tutorial.html",
        {
            "booking": [row for row in rows if row["step"].group == "book"],
            "other": [row for row in rows if row["step"].group == "other"],
        },
    )


# --- Health (docs/adr/0010-failure-policy.md). The bodies name a dependency, never an error.


@never_cache
@cache_control(no_store=True)
def healthz_live(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers. Touches neither the database nor the cache, so an
    outage of either never gets a working server restarted."""
    return HttpResponse("live\n", content_type="text/plain")


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: database unreachable")
        return False
    return True


def _cache_ok() -> bool:
    try:
        cache.get("healthz:probe")
    except CACHE_ERRORS:
        logger.warning("Health check: cache unreachable")
        return False
    return True


@never_cache
@cache_control(no_store=True)
def healthz_ready(request: HttpRequest) -> HttpResponse:
    """Readiness, also served at /healthz: 503 when the database does not answer (no
    signed-in page can work). The cache is named too, but a cache outage alone keeps 200:
    every use of the cache has a fallback, so the server still serves people."""
    database, shared_cache = _database_ok(), _cache_ok()
    body = "".join(
        f"{name}: {'ok' if ok else 'unavailable'}\n"
        for name, ok in (("database", database), ("cache", shared_cache))
    )
    return HttpResponse(body, status=200 if database else 503, content_type="text/plain")


# --- Error pages: always in the active language, never a traceback.


def _error_page(request, template_name: str, status: int) -> HttpResponse:
    return render(request, template_name, status=status)


def bad_request(request, exception=None):
    return _error_page(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _error_page(request, "403.html", 403)


def page_not_found(request, exception=None):
    return _error_page(request, "404.html", 404)


def csrf_failure(request, reason=""):
    # The usual cause is a page left open too long: say so, and offer a way back.
    return _error_page(request, "403_csrf.html", 403)


def service_unavailable(request) -> HttpResponse:
    """The database is away: 503 with Retry-After and a page that needs nothing but the
    template files (no context processors, no session, no database)."""
    session = getattr(request, "session", None)
    if session is not None and not hasattr(session, "_session_cache"):
        # The session could not be read. Keep it unread and unsaved: otherwise
        # SessionMiddleware tries again on the way out and the person waits twice for the
        # pool. The cookie stays, so they are still signed in when the database is back.
        session._session_cache = {}
    language = get_language_from_request(request, check_path=True)
    body = loader.get_template("503.html").render({"LANGUAGE_CODE": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    return response


def server_error(request):
    """Render the friendly page; if even that fails (the database may be the cause),
    fall back to a page built from a template with no context processors. When the
    error says the database is away, answer 503 instead (Django calls this handler
    inside its ``except``, for errors from views and middleware alike)."""
    if database_unavailable(sys.exc_info()[1]):
        logger.warning("Database unavailable: answered 503")
        return service_unavailable(request)
    try:
        return _error_page(request, "500.html", 500)
    except Exception:
        logger.exception("The 500 page itself failed to render")
        language = get_language_from_request(request) or settings.LANGUAGE_CODE
        body = loader.get_template("500_plain.html").render({"LANGUAGE_CODE": language})
        return HttpResponse(body, status=500)
