"""The links messages carry. Nothing personal is in them: an offer's link is a random
token (only its digest is stored); "I cannot come" is the appointment's internal number,
signed (``django.core.signing``), so it cannot be made up or changed. Each link opens in
the recipient's language (the URL's language prefix)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

CANNOT_COME_SALT = "appointments.cannot-come"
# The kinds of link (one public view, ``appointments:link``).
OFFER, STOP, CANNOT_COME = "offer", "stop", "cannot-come"


def path(kind: str, token: str) -> str:
    return reverse("appointments:link", kwargs={"kind": kind, "token": token})


def _absolute(kind: str, token: str, language: str) -> str:
    with translation.override(language):
        relative = path(kind, token)
    return f"{settings.MESSAGING_BASE_URL.rstrip('/')}{relative}"


def offer_url(token: str, language: str) -> str:
    return _absolute(OFFER, token, language)


def offer_stop_url(token: str, language: str) -> str:
    return _absolute(STOP, token, language)


def cannot_come_token(appointment_id: int) -> str:
    return signing.dumps(appointment_id, salt=CANNOT_COME_SALT, compress=False)


def cannot_come_url(appointment, language: str) -> str:
    return _absolute(CANNOT_COME, cannot_come_token(appointment.pk), language)


def read_cannot_come(token: str) -> int | None:
    """The appointment's id from a link, or None when the link was changed or made up.
    (It ends with the appointment: the page refuses one that is no longer booked.)"""
    try:
        value = signing.loads(token, salt=CANNOT_COME_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
