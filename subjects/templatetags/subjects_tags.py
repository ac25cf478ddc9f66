"""Template helpers for signed-in pages."""

import math

from django import template
from django.conf import settings

from subjects.release_forms import reporting_document_rows

register = template.Library()


@register.simple_tag
def reporting_documents() -> list:
    """(release form, paper with the reporting details) rows for the help page: the page
    lives in checkin_portal, which imports no app above it (docs/adr/0013-wiring.md)."""
    return reporting_document_rows()


@register.simple_tag
def session_timeout_settings() -> dict[str, int]:
    """The idle timeout and how long before it the warning shows (seconds, minutes)."""
    timeout = int(settings.SESSION_IDLE_TIMEOUT)
    warning = min(int(getattr(settings, "SESSION_WARNING_SECONDS", 120)), max(timeout - 10, 10))
    return {
        "timeout_seconds": timeout,
        "warning_seconds": warning,
        "warning_minutes": max(1, math.ceil(warning / 60)),
    }
