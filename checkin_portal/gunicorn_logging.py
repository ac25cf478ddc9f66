"""Gunicorn's logs in the portal's format (gunicorn.conf.py sets ``logger_class``).

The access log is one record per request with the method, the path WITHOUT its query
string, the status, the size, the duration and the request id the portal put on the
response. It leaves out what gunicorn's default "combined" line carries and this portal
must not keep: the query string (a typed address), the referer (another page's query
string), the user agent and the client address."""

from __future__ import annotations

import logging
import os

from gunicorn.glogging import Logger

from checkin_portal.logs import (
    JsonFormatter,
    PlainFormatter,
    PrivacyFilter,
    RequestIdFilter,
    safe_request_id,
    scrub_path,
)


def _formatter() -> logging.Formatter:
    return PlainFormatter() if os.environ.get("LOG_FORMAT") == "plain" else JsonFormatter()


class PortalLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(_formatter())
                handler.addFilter(RequestIdFilter())
                handler.addFilter(PrivacyFilter())

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        headers = resp.headers.items() if hasattr(resp.headers, "items") else resp.headers
        request_id = next(
            (value for name, value in headers if name.lower() == "x-request-id"), None
        )
        method = environ.get("REQUEST_METHOD", "-")
        path = scrub_path(environ.get("PATH_INFO", "") or "/")
        try:
            status_code = int(status)
        except (TypeError, ValueError):
            status_code = None
        self.access_log.info(
            "%s %s %s",
            method,
            path,
            status,
            extra={
                "request_id": safe_request_id(request_id) or "-",
                "method": method,
                "path": path,
                "status_code": status_code,
                "duration_ms": round(request_time.total_seconds() * 1000, 1),
                "bytes": getattr(resp, "sent", None),
            },
        )
