"""Template helpers for signed-in pages."""

import math

from django import template
from django.conf import settings

register = template.Library()


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
