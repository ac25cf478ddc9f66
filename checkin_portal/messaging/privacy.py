"""Destinations (phone numbers, email addresses) never appear in clear in a log line,
an admin list or a file the portal writes for developers: only a masked form and a keyed
digest (HMAC with SECRET_KEY, so the digest of a known number cannot be looked up)."""

from django.utils.crypto import salted_hmac

_SALT = "checkin_portal.messaging.destination"


def destination_digest(destination: str) -> str:
    return salted_hmac(_SALT, destination, algorithm="sha256").hexdigest()[:40]


def mask_destination(destination: str) -> str:
    """'+12025550123' → '•••0123'; 'maria@example.org' → 'm•••@e•••.org'."""
    if "@" in destination:
        local, _at, domain = destination.rpartition("@")
        name, dot, tld = domain.rpartition(".")
        masked_domain = f"{name[:1]}•••{dot}{tld}" if dot else f"{domain[:1]}•••"
        return f"{local[:1]}•••@{masked_domain}"
    digits = [ch for ch in destination if ch.isdigit()]
    return "•••" + "".join(digits[-4:])
