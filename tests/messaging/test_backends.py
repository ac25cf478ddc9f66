"""SMS backends: console and file mask the number; Twilio builds the right request and
classifies errors (urlopen is replaced: no test ever reaches the network)."""

import base64
import io
import json
import urllib.error
import urllib.parse

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from checkin_portal.logs import scrub
from checkin_portal.messaging.backends import (
    PermanentDeliveryError,
    TemporaryDeliveryError,
    get_sms_backend,
)
from checkin_portal.messaging.backends import twilio as twilio_module
from checkin_portal.messaging.backends.console import ConsoleSmsBackend
from checkin_portal.messaging.backends.filebased import FileSmsBackend
from checkin_portal.messaging.backends.locmem import LocmemSmsBackend
from checkin_portal.messaging.privacy import mask_destination
from checkin_portal.messaging.ratelimit import parse_rate

PHONE = "+12025550123"
TWILIO = {
    "SMS_BACKEND": "checkin_portal.messaging.backends.twilio.TwilioSmsBackend",
    "TWILIO_ACCOUNT_SID": "AC0123456789",
    "TWILIO_AUTH_TOKEN": "secret-token",
    "TWILIO_FROM_NUMBER": "+15005550006",
    "TWILIO_MESSAGING_SERVICE_SID": "",
}


def test_settings_choose_the_backend():
    assert isinstance(get_sms_backend(), LocmemSmsBackend)
    with override_settings(
        SMS_BACKEND="checkin_portal.messaging.backends.console.ConsoleSmsBackend"
    ):
        assert isinstance(get_sms_backend(), ConsoleSmsBackend)


def test_console_backend_masks_the_number():
    stream = io.StringIO()
    ConsoleSmsBackend(stream=stream).send(to=PHONE, body="Hola")
    assert "•••0123" in stream.getvalue()
    assert "2025550123" not in stream.getvalue()
    assert "Hola" in stream.getvalue()


def test_file_backend_appends_masked_json_lines(tmp_path):
    backend = FileSmsBackend(path=tmp_path / "sms")
    first = backend.send(to=PHONE, body="uno")
    backend.send(to="+12025550124", body="dos")
    (log,) = (tmp_path / "sms").iterdir()
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert [r["body"] for r in records] == ["uno", "dos"]
    assert records[0]["id"] == first
    assert records[0]["to"] == "•••0123"
    assert "2025550123" not in log.read_text()


def test_file_backend_failure_is_temporary(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(TemporaryDeliveryError):
        FileSmsBackend(path=blocker).send(to=PHONE, body="x")


class FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@override_settings(**TWILIO)
def test_twilio_posts_the_message_with_basic_auth(monkeypatch):
    seen = {}

    def fake_urlopen(request, timeout):
        seen["request"], seen["timeout"] = request, timeout
        return FakeResponse(json.dumps({"sid": "SM123", "status": "queued"}).encode())

    monkeypatch.setattr(twilio_module, "urlopen", fake_urlopen)
    assert get_sms_backend().send(to=PHONE, body="Hola, ¿qué tal?") == "SM123"
    request = seen["request"]
    assert (
        request.full_url == "https://api.twilio.com/2010-04-01/Accounts/AC0123456789/Messages.json"
    )
    assert request.get_method() == "POST"
    assert seen["timeout"] == 5  # SMS_TIMEOUT's default
    auth = request.get_header("Authorization").removeprefix("Basic ")
    assert base64.b64decode(auth).decode() == "AC0123456789:secret-token"
    fields = urllib.parse.parse_qs(request.data.decode())
    assert fields == {"To": [PHONE], "From": ["+15005550006"], "Body": ["Hola, ¿qué tal?"]}


@override_settings(**{**TWILIO, "TWILIO_MESSAGING_SERVICE_SID": "MG999", "TWILIO_FROM_NUMBER": ""})
def test_twilio_can_use_a_messaging_service():
    request = get_sms_backend().build_request(to=PHONE, body="x")
    fields = urllib.parse.parse_qs(request.data.decode())
    assert fields["MessagingServiceSid"] == ["MG999"]
    assert "From" not in fields


def _http_error(
    status, body=b'{"code": 21211, "message": "The To number +12025550123 is not valid"}'
):
    return urllib.error.HTTPError("https://api.twilio.com/x", status, "error", {}, io.BytesIO(body))


@override_settings(**TWILIO)
@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (_http_error(400), PermanentDeliveryError),
        (_http_error(401), PermanentDeliveryError),
        (_http_error(429), TemporaryDeliveryError),
        (_http_error(503, b"not json"), TemporaryDeliveryError),
        (urllib.error.URLError("no route"), TemporaryDeliveryError),
        (TimeoutError(), TemporaryDeliveryError),
    ],
)
def test_twilio_errors_are_classified_without_the_number(monkeypatch, failure, expected):
    def fake_urlopen(request, timeout):
        raise failure

    monkeypatch.setattr(twilio_module, "urlopen", fake_urlopen)
    with pytest.raises(expected) as raised:
        get_sms_backend().send(to=PHONE, body="x")
    assert "2025550123" not in str(raised.value)


@override_settings(**TWILIO)
def test_twilio_unreadable_answer_is_temporary(monkeypatch):
    monkeypatch.setattr(twilio_module, "urlopen", lambda request, timeout: FakeResponse(b"<html>"))
    with pytest.raises(TemporaryDeliveryError):
        get_sms_backend().send(to=PHONE, body="x")


@override_settings(**{**TWILIO, "TWILIO_AUTH_TOKEN": ""})
def test_twilio_without_credentials_refuses_to_start_and_check_says_so():
    with pytest.raises(ImproperlyConfigured):
        get_sms_backend()
    assert "messaging.E002" in [error.id for error in run_checks()]


@override_settings(SMS_BACKEND="no.such.Backend", MESSAGING_SESSION_RATE="often")
def test_checks_catch_bad_settings():
    ids = [error.id for error in run_checks()]
    assert "messaging.E001" in ids
    assert "messaging.E003" in ids


def test_default_settings_pass_the_checks():
    assert [e.id for e in run_checks() if e.id.startswith("messaging.")] == []


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [("5/h", (5, 3600)), ("10/15m", (10, 900)), (" 3 / d ", (3, 86400)), ("1/s", (1, 1))],
)
def test_parse_rate(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.parametrize("rate", ["", "5", "five/h", "5/y", "-1/h"])
def test_parse_rate_refuses_nonsense(rate):
    with pytest.raises(ValueError):
        parse_rate(rate)


@pytest.mark.parametrize(
    ("destination", "masked"),
    [
        ("+12025550123", "•••0123"),
        ("maria@example.org", "m•••@e•••.org"),
        ("x@localhost", "x•••@l•••"),
    ],
)
def test_mask_destination(destination, masked):
    assert mask_destination(destination) == masked


def test_scrub_blanks_numbers_and_addresses():
    text = scrub("failed for +1 (202) 555-0123 and maria@example.org, error 21211")
    assert "555" not in text and "maria" not in text
    assert "error 21211" in text
