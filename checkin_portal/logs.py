"""Log lines that carry a request id and no personal data.

* ``RequestIdMiddleware`` takes a safe incoming ``X-Request-ID`` (1-64 characters of
  ``A-Z a-z 0-9 -``) or makes one, puts it on the request, on the response header and, through
  a context variable, on every log record written while the request is handled.
* ``RequestIdFilter`` copies that id onto each record (``-`` outside a request).
* ``PrivacyFilter`` rewrites each record's message before any handler sees it: query strings
  are cut from every path or URL (the office finder's ``?q=`` holds a typed address), e-mail
  addresses and long digit runs (phone numbers, A-numbers) are masked.
* ``JsonFormatter`` writes one JSON object per line with a fixed set of fields: timestamp,
  level, logger, message, request_id, and a few safe request facts when present. It never
  dumps a record's other attributes (Django's ``request`` object among them), and for an
  exception it keeps the type and the stack but not the text: database errors quote row
  values ("Key (subject_id)=(...) already exists").
* ``PlainFormatter`` is the same for people reading a terminal.

Nothing here imports Django models or settings: the settings module and gunicorn's config
load it by dotted path."""

from __future__ import annotations

import contextvars
import datetime
import json
import logging
import re
import traceback
import uuid

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_META = "HTTP_X_REQUEST_ID"
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "portal_request_id", default=None
)


def current_request_id() -> str | None:
    return _request_id.get()


def safe_request_id(value: str | None) -> str | None:
    """The incoming id when it is short and plain, else None."""
    if value and _SAFE_REQUEST_ID.fullmatch(value):
        return value
    return None


def new_request_id() -> str:
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE, so that every response and every log line has an id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = safe_request_id(request.META.get(_REQUEST_ID_META)) or new_request_id()
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


# --- Scrubbing. Our own messages never hold personal data; these rules catch what Django
# and libraries put in theirs (paths, URLs, referers, exception texts).

# A query string runs to the next space or double quote (quoted request lines).
_URL_QUERY = re.compile(r"((?:\b[a-zA-Z][a-zA-Z0-9+.-]*://|/)[^\s?#\"'<>]*)\?[^\s\"]*")
# Any local part an address may have (RFC 5322 atext, dots), then a dotted domain.
_EMAIL = re.compile(r"[^\s@\"<>(),;:\[\]]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers as people write them (+1 (555) 123-4567, 555.123.4567) and A-numbers
# with dashes (A-123-456-789); then any run of 7 or more digits.
_PHONE = re.compile(r"(?<![\w])\+?\d{0,3}[\s.-]?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?![\w])")
_A_NUMBER = re.compile(r"\bA-?\d{3}-?\d{3}-?\d{3}\b", re.IGNORECASE)
_LONG_DIGITS = re.compile(r"\d{7,}")


# Every rule above needs a "?", an "@" or at least 7 digits: text with none of them (most
# log lines: "GET /en/book/times/ 200") is left as it is without running them (issue 17:
# each request's access line passes here four times).
_FEWEST_DIGITS = 7


def _may_hold_personal_data(text: str) -> bool:
    return "?" in text or "@" in text or sum(map(str.isdigit, text)) >= _FEWEST_DIGITS


def scrub(text: str) -> str:
    """``text`` without query strings, e-mail addresses, phone numbers or long numbers."""
    return _every_rule(text) if _may_hold_personal_data(text) else text


def _every_rule(text: str) -> str:
    text = _URL_QUERY.sub(r"\1", text)
    text = _EMAIL.sub("[email]", text)
    text = _A_NUMBER.sub("[number]", text)
    text = _PHONE.sub("[number]", text)
    return _LONG_DIGITS.sub("[number]", text)


def scrub_path(path: str) -> str:
    """A request path as logged: no query string, no long numbers."""
    return scrub(path.split("?", 1)[0])


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            request = getattr(record, "request", None)
            record.request_id = current_request_id() or getattr(request, "request_id", None) or "-"
        return True


class PrivacyFilter(logging.Filter):
    """Formats the message once, scrubbed, so that no handler can print the raw one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            # A path passed as an argument ("Not Found: %s") loses everything after "?",
            # spaces included (a decoded %3F can bring a whole typed address along).
            record.args = tuple(
                scrub_path(arg) if isinstance(arg, str) and arg.startswith("/") else arg
                for arg in record.args
            )
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not lose the line
            message = str(record.msg)
        record.msg = scrub(message)
        record.args = None
        if isinstance(getattr(record, "path", None), str):
            record.path = scrub_path(record.path)
        return True


def exception_summary(exc_info) -> dict[str, str]:
    """The exception's type and where it happened; its text is left out on purpose."""
    exc_type, _exc, tb = exc_info
    return {
        "type": getattr(exc_type, "__qualname__", str(exc_type)),
        "stack": "".join(traceback.format_tb(tb)) if tb else "",
    }


def _timestamp(record: logging.LogRecord) -> str:
    moment = datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class JsonFormatter(logging.Formatter):
    # Request facts that gunicorn's access log and django.request add; nothing else.
    EXTRA_FIELDS = ("method", "path", "status_code", "duration_ms", "bytes")

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "timestamp": _timestamp(record),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
            "request_id": getattr(record, "request_id", None) or current_request_id() or "-",
        }
        for field in self.EXTRA_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = scrub_path(value) if field == "path" else value
        if record.exc_info:
            entry["exception"] = exception_summary(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    def __init__(self, fmt=None, datefmt=None, style="%", **kwargs):
        super().__init__(
            fmt or "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
            datefmt,
            style,
            **kwargs,
        )

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id() or "-"
        return super().format(record)

    def formatException(self, ei) -> str:
        summary = exception_summary(ei)
        return f"Traceback (most recent call last):\n{summary['stack']}{summary['type']}"


def logging_config(*, log_format: str = "plain", level: str = "INFO") -> dict:
    """The LOGGING dict for Django settings: one console handler, filtered and formatted."""
    if log_format not in ("plain", "json"):
        raise ValueError(f"LOG_FORMAT must be 'plain' or 'json', not {log_format!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "checkin_portal.logs.RequestIdFilter"},
            "privacy": {"()": "checkin_portal.logs.PrivacyFilter"},
        },
        "formatters": {
            "plain": {"()": "checkin_portal.logs.PlainFormatter"},
            "json": {"()": "checkin_portal.logs.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id", "privacy"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # runserver's request lines (the demo) go through the same filters: without
            # this they have their own handler, which prints query strings.
            "django.server": {"level": "INFO", "propagate": True},
        },
    }
