"""A slow outside service cannot hold a request or the task worker: every call (CAPTCHA,
SMS, SMTP, online geocoder) is bounded by its own setting, a few seconds by default, and a
timeout is a form error or a retried message, never a 500. Each behaviour is checked
against a real black-hole server (accepts, never answers) on a free loopback port."""

import time

import pytest
from django.conf import settings
from django.test import override_settings

from checkin_portal.messaging import send_message
from checkin_portal.messaging.backends import TemporaryDeliveryError, get_sms_backend
from checkin_portal.messaging.backends import twilio as twilio_module
from checkin_portal.messaging.delivery import deliver
from checkin_portal.messaging.models import MessageStatus
from checkin_portal.settings.base import _outside_timeout
from tests.blackhole import black_hole
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db

BOUND = 1  # second, for these tests; the defaults are 5
SLACK = 2.0  # start-up, TLS set-up, a busy CI machine
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_every_outside_call_has_a_short_default_and_a_cap(monkeypatch):
    assert settings.RECAPTCHA_VERIFY_REQUEST_TIMEOUT == 5
    assert settings.SMS_TIMEOUT == 5
    assert settings.EMAIL_TIMEOUT == 5
    assert settings.OFFICES_GEOCODER_TIMEOUT <= 3
    monkeypatch.setenv("SMS_TIMEOUT", "120")
    assert _outside_timeout("SMS_TIMEOUT") == settings.OUTSIDE_CALL_MAX_TIMEOUT == 10
    monkeypatch.setenv("SMS_TIMEOUT", "0")
    assert _outside_timeout("SMS_TIMEOUT") == 1  # never "wait for ever"
    monkeypatch.setenv("SMS_TIMEOUT", "3")
    assert _outside_timeout("SMS_TIMEOUT") == 3


def test_sign_in_against_a_hanging_captcha_verifier_is_a_form_error_in_time(client):
    subject = SubjectFactory()
    with (
        black_hole() as verifier,
        override_settings(
            CAPTCHA_PROVIDER="recaptcha",
            RECAPTCHA_PRIVATE_KEY="k",
            RECAPTCHA_PUBLIC_KEY="p",
            RECAPTCHA_DOMAIN=verifier.address,  # https://<black hole>/recaptcha/api/siteverify
            RECAPTCHA_VERIFY_REQUEST_TIMEOUT=BOUND,
        ),
    ):
        start = time.monotonic()
        response = client.post(
            "/en/sign-in/",
            {
                "subject_id": subject.subject_id,
                "country_of_birth": str(subject.country_of_birth),
                "g-recaptcha-response": "token",
            },
        )
        elapsed = time.monotonic() - start
        assert verifier.accepted, "the verify call never reached the black hole"
    assert response.status_code == 200
    assert "We could not check the “I am not a robot” box just now." in response.content.decode()
    assert "sessionid" not in response.cookies
    assert BOUND * 0.9 <= elapsed < BOUND + SLACK


def test_twilio_against_a_hanging_api_gives_up_in_time(monkeypatch):
    with black_hole() as api:
        monkeypatch.setattr(
            twilio_module,
            "API_URL",
            f"https://{api.address}/2010-04-01/Accounts/{{sid}}/Messages.json",
        )
        with override_settings(
            SMS_BACKEND="checkin_portal.messaging.backends.twilio.TwilioSmsBackend",
            TWILIO_ACCOUNT_SID="AC0123456789",
            TWILIO_AUTH_TOKEN="secret-token",
            TWILIO_FROM_NUMBER="+15005550006",
            TWILIO_MESSAGING_SERVICE_SID="",
            SMS_TIMEOUT=BOUND,
        ):
            start = time.monotonic()
            with pytest.raises(TemporaryDeliveryError, match="unreachable"):
                get_sms_backend().send(to="+12025550123", body="Hello")
            elapsed = time.monotonic() - start
        assert api.accepted
    assert BOUND * 0.9 <= elapsed < BOUND + SLACK


def test_email_to_a_hanging_mail_server_is_retried_later_in_time(
    django_capture_on_commit_callbacks,
):
    with (
        black_hole() as smtp,
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST=smtp.host,
            EMAIL_PORT=smtp.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_TIMEOUT=BOUND,
            TASKS=DUMMY_TASKS,
        ),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            message = send_message(
                channel="email",
                destination="person@example.org",
                template="messaging/messages/test_message",
                context={},
                language="en",
            )
        start = time.monotonic()
        status = deliver(message.pk)
        elapsed = time.monotonic() - start
        assert smtp.accepted
    assert status == MessageStatus.QUEUED  # a temporary failure: tried again later
    message.refresh_from_db()
    assert message.last_error.startswith(("TimeoutError", "SMTPServerDisconnected"))
    assert BOUND * 0.9 <= elapsed < BOUND + SLACK


def test_online_geocoder_against_a_hanging_server_falls_back_in_time(settings):
    from offices.geocoding.online import geocode_online

    with black_hole() as geocoder:
        settings.OFFICES_ONLINE_GEOCODER = True
        settings.OFFICES_GEOCODER_DOMAIN = geocoder.address
        settings.OFFICES_GEOCODER_TIMEOUT = BOUND
        start = time.monotonic()
        assert geocode_online("101 W Congress Pkwy, Chicago, IL 60605") is None
        elapsed = time.monotonic() - start
        assert geocoder.accepted
    assert BOUND * 0.9 <= elapsed < BOUND + SLACK
