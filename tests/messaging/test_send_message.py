"""send_message: rendering in the recipient's language, queuing on commit, rate limits,
privacy of the destination."""

import datetime
import logging

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from checkin_portal.messaging import (
    InvalidDestination,
    MessageTooLong,
    MessagingError,
    RateLimited,
    send_message,
)
from checkin_portal.messaging.models import MessageStatus, OutboundMessage
from checkin_portal.models import FaqEntry

pytestmark = pytest.mark.django_db

TEMPLATE = "messaging/messages/test_message"
PHONE = "+12025550123"
EMAIL = "Maria.Lopez@Example.ORG"


def _send(**overrides):
    arguments = {
        "channel": "sms",
        "destination": PHONE,
        "template": TEMPLATE,
        "context": {},
        "language": "en",
    }
    arguments.update(overrides)
    return send_message(**arguments)


def test_email_is_rendered_in_the_recipients_language(django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        message = _send(channel="email", destination=EMAIL, language="es")
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["Maria.Lopez@example.org"]  # the domain is lower-cased
    assert sent.subject == "Mensaje de prueba de Check-In Portal"
    assert "Este es un mensaje de prueba" in sent.body
    html, mimetype = sent.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="es" dir="ltr">' in html
    assert "Este es un mensaje de prueba" in html
    assert sent.extra_headers["Content-Language"] == "es"
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.destination == ""  # forgotten once sent
    assert message.destination_masked == "M•••@e•••.org"
    assert translation.get_language() == "en"  # the caller's language is untouched


def test_sms_goes_through_the_configured_backend(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _send(destination="(202) 555-0123", language="es")
    assert [sms.to for sms in sms_outbox] == [PHONE]
    assert sms_outbox[0].body == (
        "Check-In Portal: este es un mensaje de prueba. No tiene que hacer nada."
    )
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.provider_id == sms_outbox[0].id
    assert message.destination_masked == "•••0123"


@override_settings(PORTAL_NAME="Tom & Jerry's <Portal>")
def test_text_is_not_html_escaped_but_html_is(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _send(channel="email", destination=EMAIL)
    sent = mail.outbox[0]
    assert "Tom & Jerry's <Portal>" in sent.body
    assert "Tom & Jerry's <Portal>" in sent.subject
    assert "Tom &amp; Jerry&#x27;s &lt;Portal&gt;" in sent.alternatives[0][0]


def test_nothing_is_sent_before_commit_and_nothing_after_rollback(
    sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _send()
        assert sms_outbox == []
    assert len(callbacks) == 1

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _send(destination="+12025550199")
        raise RuntimeError("the business write fails after asking for a message")
    assert callbacks == []
    assert sms_outbox == []
    assert not OutboundMessage.objects.filter(destination_masked="•••0199").exists()


def test_unknown_language_falls_back_to_the_default(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _send(language="xx")
    assert message.language == "en"
    assert sms_outbox[0].body.startswith("Check-In Portal: this is a test message.")


@pytest.mark.parametrize(
    ("channel", "destination"),
    [
        ("sms", "12345"),
        ("sms", "not a number"),
        ("sms", ""),
        ("email", "nobody"),
        ("email", "a@b"),
        ("email", "x@example.org\nBcc: y@example.org"),
    ],
)
def test_invalid_destination_is_refused_before_anything_is_written(channel, destination):
    with pytest.raises(InvalidDestination) as raised:
        _send(channel=channel, destination=destination)
    assert isinstance(raised.value, MessagingError)
    assert str(raised.value.user_message)
    assert OutboundMessage.objects.count() == 0


def test_unknown_channel_is_a_programming_error():
    with pytest.raises(ValueError):
        _send(channel="fax")


@override_settings(PORTAL_NAME="A very long portal name " * 12)
def test_sms_over_two_segments_is_refused():
    with pytest.raises(MessageTooLong):
        _send()
    assert OutboundMessage.objects.count() == 0


@override_settings(MESSAGING_DESTINATION_RATE="3/h", MESSAGING_SESSION_RATE="100/h")
def test_rate_limit_per_destination(django_capture_on_commit_callbacks):
    with time_machine.travel(datetime.datetime(2025, 3, 3, 10, 0, tzinfo=datetime.UTC), tick=False):
        for _ in range(3):
            _send()
        with pytest.raises(RateLimited) as raised:
            _send(destination="202-555-0123")  # the same number written differently
        assert raised.value.scope == "destination"
        _send(destination="+12025550124")  # another number is fine
    assert OutboundMessage.objects.count() == 4
    with time_machine.travel(datetime.datetime(2025, 3, 3, 11, 0, tzinfo=datetime.UTC), tick=False):
        _send()  # a new hour
    assert OutboundMessage.objects.count() == 5


@override_settings(MESSAGING_DESTINATION_RATE="100/h", MESSAGING_SESSION_RATE="2/h")
def test_rate_limit_per_session():
    _send(destination="+12025550101", session_key="session-a")
    _send(destination="+12025550102", session_key="session-a")
    with pytest.raises(RateLimited) as raised:
        _send(destination="+12025550103", session_key="session-a")
    assert raised.value.scope == "session"
    _send(destination="+12025550104", session_key="session-b")
    assert OutboundMessage.objects.count() == 3


def test_a_caller_can_catch_messaging_errors_and_keep_its_transaction(
    django_capture_on_commit_callbacks,
):
    with override_settings(MESSAGING_DESTINATION_RATE="1/h"):
        _send()
        with transaction.atomic():
            FaqEntry.objects.create(section="address", slug="kept", question="Q", answer="A")
            with pytest.raises(RateLimited):
                _send()
        assert FaqEntry.objects.filter(slug="kept").exists()


def test_destination_never_appears_in_logs(caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    with (
        override_settings(SMS_BACKEND="tests.messaging.backends_for_tests.CrashingBackend"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _send()
    with django_capture_on_commit_callbacks(execute=True):
        _send(channel="email", destination=EMAIL)
    text = "\n".join(record.getMessage() + str(record.exc_info or "") for record in caplog.records)
    assert "queued" in text and "sent" in text
    for clear in ("2025550123", "202-555-0123", "maria.lopez", "Maria.Lopez"):
        assert clear not in text
        assert clear.lower() not in text.lower()
    for message in OutboundMessage.objects.all():
        assert "2025550123" not in message.last_error
