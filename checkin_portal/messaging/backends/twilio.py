"""Twilio's Programmable Messaging REST API, called with urllib (no SDK).

Settings: ``TWILIO_ACCOUNT_SID``, ``TWILIO_AUTH_TOKEN``, and either
``TWILIO_MESSAGING_SERVICE_SID`` or ``TWILIO_FROM_NUMBER``; ``SMS_TIMEOUT`` seconds.
Errors are classified: HTTP 429 and 5xx, timeouts and network failures are temporary
(retried); other 4xx (a bad number, an unsubscribed recipient) are permanent. Error
messages carry the HTTP status and Twilio's error code only, never the number or body.
Tests replace ``urlopen``; nothing here is ever called for real in the test suite.
"""

import base64
import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import BaseSmsBackend, PermanentDeliveryError, TemporaryDeliveryError

API_URL = "https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json"

urlopen = urllib.request.urlopen  # replaced in tests


class TwilioSmsBackend(BaseSmsBackend):
    def __init__(self):
        self.account_sid = settings.TWILIO_ACCOUNT_SID
        self.auth_token = settings.TWILIO_AUTH_TOKEN
        self.from_number = settings.TWILIO_FROM_NUMBER
        self.service_sid = settings.TWILIO_MESSAGING_SERVICE_SID
        self.timeout = settings.SMS_TIMEOUT
        if not (self.account_sid and self.auth_token and (self.from_number or self.service_sid)):
            raise ImproperlyConfigured(
                "Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and "
                "TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM_NUMBER."
            )

    def build_request(self, *, to: str, body: str) -> urllib.request.Request:
        fields = {"To": to, "Body": body}
        if self.service_sid:
            fields["MessagingServiceSid"] = self.service_sid
        else:
            fields["From"] = self.from_number
        credentials = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return urllib.request.Request(  # noqa: S310 - fixed https URL
            API_URL.format(sid=urllib.parse.quote(self.account_sid, safe="")),
            data=urllib.parse.urlencode(fields).encode(),
            method="POST",
            headers={
                "Authorization": f"Basic {credentials}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
        )

    def send(self, *, to: str, body: str) -> str:
        request = self.build_request(to=to, body=body)
        try:
            with urlopen(request, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            code = _twilio_error_code(exc)
            message = f"Twilio answered HTTP {exc.code} (error {code})"
            if exc.code == 429 or exc.code >= 500:
                raise TemporaryDeliveryError(message) from None
            raise PermanentDeliveryError(message) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise TemporaryDeliveryError(f"Twilio unreachable ({type(exc).__name__})") from None
        except ValueError:
            raise TemporaryDeliveryError("Twilio sent an unreadable answer") from None
        return str(payload.get("sid", ""))


def _twilio_error_code(exc: urllib.error.HTTPError) -> str:
    try:
        return str(json.loads(exc.read().decode("utf-8")).get("code", "?"))
    except Exception:  # noqa: BLE001 - the body is only a hint
        return "?"
