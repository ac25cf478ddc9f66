"""The client's address, as the one place that knows about our reverse proxies.

Used by the public sign-in throttle (subjects.throttle) and by the staff sign-in lockout
(django-axes, ``AXES_CLIENT_IP_CALLABLE``), so that both count the same address."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address. Behind ``SIGN_IN_TRUSTED_PROXIES`` reverse proxies, the entry
    that many places from the right of X-Forwarded-For (the one our own proxy added)."""
    proxies = int(getattr(settings, "SIGN_IN_TRUSTED_PROXIES", 0))
    if proxies > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"
