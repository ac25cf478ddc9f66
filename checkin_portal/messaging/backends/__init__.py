"""SMS backends. ``settings.SMS_BACKEND`` names one by dotted path:

* ``checkin_portal.messaging.backends.console.ConsoleSmsBackend`` (default, the demo):
  writes the text to stdout with the number masked;
* ``checkin_portal.messaging.backends.locmem.LocmemSmsBackend`` (tests): keeps every
  message in ``checkin_portal.messaging.backends.locmem.outbox``;
* ``checkin_portal.messaging.backends.filebased.FileSmsBackend``: appends JSON lines to a
  file per day under ``SMS_FILE_PATH`` (number masked);
* ``checkin_portal.messaging.backends.twilio.TwilioSmsBackend``: Twilio's REST API over
  HTTPS (urllib, no SDK), configured by the ``TWILIO_*`` settings. Never called in tests.

A backend implements ``send(*, to, body) -> str`` (the provider's message id) and raises
``TemporaryDeliveryError`` (worth retrying) or ``PermanentDeliveryError`` (not). Their
messages never contain the destination.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import BaseSmsBackend, DeliveryError, PermanentDeliveryError, TemporaryDeliveryError

__all__ = [
    "BaseSmsBackend",
    "DeliveryError",
    "PermanentDeliveryError",
    "TemporaryDeliveryError",
    "get_sms_backend",
]


def get_sms_backend() -> BaseSmsBackend:
    return import_string(settings.SMS_BACKEND)()
