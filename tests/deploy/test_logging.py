"""Request ids and log lines without personal data (checkin_portal/logs.py)."""

import io
import json
import logging
import re

import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path
from hypothesis import given
from hypothesis import strategies as st

from checkin_portal import logs
from checkin_portal import urls as portal_urls
from checkin_portal.logs import (
    JsonFormatter,
    PlainFormatter,
    PrivacyFilter,
    RequestIdFilter,
    current_request_id,
    scrub,
)
from tests.deploy.log_lines import assert_nothing_personal_in

view_logger = logging.getLogger("checkin_portal.tests.view")


def _logging_view(request):
    view_logger.info("first line")
    view_logger.warning("second line")
    return HttpResponse("ok")


# Built apart from the raise statement: a traceback shows the source line.
ERROR_TEXT = "duplicate key: Key (subject_id)=(AB1234567) for jane.doe@example.org"


def _failing_view(request):
    raise ValueError(ERROR_TEXT)


urlpatterns = [
    path("log-twice/", _logging_view, name="test-log-twice"),
    path("fail/", _failing_view, name="test-fail"),
    *portal_urls.urlpatterns,
]


@pytest.fixture(autouse=True)
def _test_pages_are_public(monkeypatch):
    """The two pages above are public (the signed-in gate is not what is tested here)."""
    from subjects import middleware

    public = middleware.PUBLIC_VIEWS | {"test-log-twice", "test-fail"}
    monkeypatch.setattr(middleware, "PUBLIC_VIEWS", public)


@pytest.fixture
def captured():
    """Every record that reaches the root logger, through the configured filters and the
    JSON formatter, as parsed JSON objects."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.addFilter(PrivacyFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)

    def lines():
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield lines
    root.removeHandler(handler)
    root.setLevel(old_level)


# --- Request ids


@pytest.mark.django_db
def test_request_id_is_made_and_returned(client: Client):
    response = client.get("/en/")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert client.get("/en/")["X-Request-ID"] != response["X-Request-ID"]


@pytest.mark.django_db
@pytest.mark.parametrize("incoming", ["abc-123", "A" * 64, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"])
def test_safe_incoming_request_id_is_kept(client: Client, incoming: str):
    response = client.get("/en/", HTTP_X_REQUEST_ID=incoming)
    assert response["X-Request-ID"] == incoming


@pytest.mark.django_db
@pytest.mark.parametrize(
    "incoming",
    [
        "A" * 65,
        "has space",
        "semi;colon",
        "<script>",
        "ünïcode",
        "a_b",
        "x\ty",
        "AB1234567 Jane Doe",
    ],
)
def test_unsafe_incoming_request_id_is_replaced(client: Client, incoming: str):
    response = client.get("/en/", HTTP_X_REQUEST_ID=incoming)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_every_log_line_of_a_request_carries_its_id(client: Client, captured):
    response = client.get("/log-twice/", HTTP_X_REQUEST_ID="trace-me-42")
    ours = [line for line in captured() if line["logger"] == view_logger.name]
    assert [line["message"] for line in ours] == ["first line", "second line"]
    assert {line["request_id"] for line in ours} == {"trace-me-42"}
    assert response["X-Request-ID"] == "trace-me-42"
    # Outside a request there is no id, and the next request gets its own.
    assert current_request_id() is None
    view_logger.info("between requests")
    assert captured()[-1]["request_id"] == "-"


@pytest.mark.django_db
def test_not_found_line_has_the_request_id_and_no_query_string(client: Client, captured):
    response = client.get(
        "/en/no-such-page/",
        {"q": "1600 Pennsylvania Ave NW, Washington, DC 20500", "email": "jane.doe@example.org"},
    )
    assert response.status_code == 404
    [line] = [line for line in captured() if line["logger"] == "django.request"]
    assert line["message"] == "Not Found: /en/no-such-page/"
    assert line["request_id"] == response["X-Request-ID"]
    assert line["level"] == "WARNING"
    assert line["status_code"] == 404


@pytest.mark.django_db
def test_decoded_question_mark_in_path_does_not_leak(client: Client, captured):
    # %3F decodes to "?" inside request.path: everything after it goes, spaces included.
    response = client.get("/en/offices%3Fq%3D1600%20Pennsylvania%20Ave%20NW/")
    assert response.status_code == 404
    assert_nothing_personal_in(captured(), ("Pennsylvania", "1600"))


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_server_error_line_keeps_the_stack_but_not_the_exception_text(captured):
    client = Client(raise_request_exception=False)
    response = client.get("/fail/", HTTP_X_REQUEST_ID="err-1")
    assert response.status_code == 500
    [line] = [line for line in captured() if line["logger"] == "django.request"]
    assert line["level"] == "ERROR"
    assert line["request_id"] == "err-1"
    assert line["exception"]["type"] == "ValueError"
    assert "_failing_view" in line["exception"]["stack"]
    text = json.dumps(line)
    assert "AB1234567" not in text
    assert "jane.doe" not in text


@pytest.mark.django_db
def test_csrf_referer_failure_line_has_no_query_string(captured):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/en/sign-in/",
        {"subject_id": "AB1234567", "country_of_birth": "MX"},
        secure=True,
        HTTP_REFERER="https://evil.example/en/offices/?q=42+Elm+Street+Springfield",
    )
    assert response.status_code == 403
    text = json.dumps(captured())
    assert "Elm" not in text
    assert "AB1234567" not in text
    assert "Forbidden" in text


# --- The scrubber and the formatters


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Not Found: /en/offices/?q=100+Main+St", "Not Found: /en/offices/"),
        (
            "Referer https://example.org/en/offices/?q=Springfield&page=2 does not match",
            "Referer https://example.org/en/offices/ does not match",
        ),
        ('"GET /en/book/?q=60605 HTTP/1.1" 200', '"GET /en/book/ HTTP/1.1" 200'),
        ("mail to jane.doe+x@mail.example.org failed", "mail to [email] failed"),
        ("call +1 (555) 123-4567 now", "call [number] now"),
        ("call 555.123.4567 now", "call [number] now"),
        ("A-number A-123-456-789 given", "A-number [number] given"),
        ("A-number 123456789 given", "A-number [number] given"),
        ("raw 15551234567 digits", "raw [number] digits"),
    ],
)
def test_scrub_removes_personal_data(raw: str, expected: str):
    assert scrub(raw) == expected


@pytest.mark.parametrize(
    "message",
    [
        "Sign-in failed",
        "Sign-in locked after 5 failures (by id)",
        "Booking refused by a database constraint",
        "message 1234 (sms to •••-•••-4567) sent",
        "Is the queue up? Yes.",
        "job slots done in 12.5 s: 3 offices: 120 times created, 0 updated, 0 removed.",
        "2026-03-08 04:15 EDT",
    ],
)
def test_scrub_leaves_ordinary_messages_alone(message: str):
    assert scrub(message) == message


@given(
    path=st.from_regex(r"/[a-z/-]{0,30}", fullmatch=True),
    query=st.text(
        # A query string ends at a space or a double quote (see logs._URL_QUERY).
        alphabet=st.characters(
            exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), exclude_characters='"'
        ),
        min_size=1,
        max_size=60,
    ),
)
def test_scrub_never_keeps_a_query_string(path: str, query: str):
    assert "?" not in scrub(f"GET {path}?{query} done").split(" done")[0].split()[-1]
    assert scrub(f"Not Found: {path}?{query}") == f"Not Found: {path}"


@given(number=st.from_regex(r"A?[0-9]{9}", fullmatch=True), words=st.text(max_size=20))
def test_scrub_never_keeps_an_a_number(number: str, words: str):
    digits = number.lstrip("A")
    assert digits not in scrub(f"{words} {number} {words}")


@given(email=st.emails())
def test_scrub_never_keeps_an_email_address(email: str):
    assert email not in scrub(f"sending to {email} now")


# Digits of other scripts (Arabic-Indic, Persian, Devanagari): regular expressions'
# \d matches them too.
OTHER_DIGITS = "".join(chr(zero + n) for zero in (0x660, 0x6F0, 0x966) for n in range(10))


@given(text=st.text(alphabet=st.sampled_from(f"0123456789{OTHER_DIGITS} ()+-.A?@/=&abc")))
def test_scrub_skips_its_rules_only_when_none_could_match(text: str):
    """A line with no "?", no "@" and fewer than 7 digits (of any script) is left as it
    is without running the rules (issue 17): that must give what the rules give."""
    assert scrub(text) == logs._every_rule(text)
    phone = "-".join("".join(chr(0x665) for _ in range(k)) for k in (3, 3, 4))
    assert phone not in scrub(f"call {phone} or {text}")


def _record(msg, *args, exc_info=None, **extra):
    record = logging.LogRecord("portal.test", logging.ERROR, __file__, 1, msg, args, exc_info)
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_json_formatter_fields():
    record = _record("hello %s", "world", request_id="rid-1", status_code=404, path="/x/?q=1")
    line = json.loads(JsonFormatter().format(record))
    assert set(line) == {
        "timestamp",
        "level",
        "logger",
        "message",
        "request_id",
        "status_code",
        "path",
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", line["timestamp"])
    assert line["level"] == "ERROR"
    assert line["logger"] == "portal.test"
    assert line["message"] == "hello world"
    assert line["request_id"] == "rid-1"
    assert line["path"] == "/x/"


def test_json_formatter_never_dumps_the_request_object():
    class FakeRequest:
        request_id = "rid-2"

        def __repr__(self):
            return "<Request AB1234567 Jane Doe>"

    record = _record("Not Found: %s", "/en/x/", request=FakeRequest())
    RequestIdFilter().filter(record)
    text = JsonFormatter().format(record)
    assert "AB1234567" not in text
    assert json.loads(text)["request_id"] == "rid-2"


def test_plain_formatter_hides_the_exception_text():
    try:
        raise KeyError(ERROR_TEXT)
    except KeyError:
        import sys

        record = _record("boom", exc_info=sys.exc_info())
    text = PlainFormatter().format(record)
    assert "KeyError" in text
    assert "test_plain_formatter_hides_the_exception_text" in text
    assert "AB1234567" not in text
    assert "jane.doe" not in text
    assert "[-]" in text  # request id placeholder outside a request


def test_privacy_filter_survives_a_broken_format_string():
    record = _record("%d items", "not a number")
    assert PrivacyFilter().filter(record)
    assert "items" in record.getMessage()


def test_settings_wire_the_filters_into_every_handler(settings):
    assert settings.MIDDLEWARE[0] == "checkin_portal.logs.RequestIdMiddleware"
    for handler in settings.LOGGING["handlers"].values():
        assert handler["filters"] == ["request_id", "privacy"]
    assert settings.LOGGING["root"]["handlers"] == list(settings.LOGGING["handlers"])
    # runserver's request lines go through the same handler (no handler of their own).
    assert "handlers" not in settings.LOGGING["loggers"]["django.server"]
