"""Public pages, language choice, health check and error pages."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from subjects.release_forms import reporting_document_rows

from . import selectors

logger = logging.getLogger(__name__)


def _safe_next(request: HttpRequest) -> str:
    """The page to return to after choosing a language: only a path on this site."""
    candidate = request.GET.get("next", "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


@require_GET
def language_choice(request: HttpRequest) -> HttpResponse:
    """The first screen for a visitor who has not chosen a language; also where the
    header's language link leads. Each choice is a POST to Django's ``set_language``,
    which remembers it in a cookie, so it works without JavaScript."""
    return render(
        request,
        "pages/language.html",
        {"next": _safe_next(request)},
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
    return render(request, "pages/home.html")


@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pages/help.html",
        {
            "sections": selectors.faq_sections(),
            "reporting_documents": reporting_document_rows(),
        },
    )


@require_GET
def tutorial(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/tutorial.html")


@never_cache
@cache_control(no_store=True)
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 otherwise; the body never says why."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: database unreachable")
        return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


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


def server_error(request):
    """Render the friendly page; if even that fails (the database may be the cause),
    fall back to a page built from a template with no context processors."""
    try:
        return _error_page(request, "500.html", 500)
    except Exception:
        logger.exception("The 500 page itself failed to render")
        language = get_language_from_request(request) or settings.LANGUAGE_CODE
        body = loader.get_template("500_plain.html").render({"LANGUAGE_CODE": language})
        return HttpResponse(body, status=500)
