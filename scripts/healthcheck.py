"""Container health check: GET /healthz on the local server as a real client would, with
an allowed Host (the first of ALLOWED_HOSTS) and HTTPS forwarded, and exit 0 only on 200.

Used by the Dockerfile's HEALTHCHECK and compose; also handy by hand:
    PORT=8001 ALLOWED_HOSTS=127.0.0.1 python scripts/healthcheck.py"""

import http.client
import os
import sys


def host_header(allowed_hosts: str) -> str:
    for host in (part.strip() for part in allowed_hosts.split(",")):
        if not host:
            continue
        if host == "*":
            return "localhost"
        return host.lstrip(".")  # ".example.org" also matches "example.org"
    return "localhost"


def main() -> int:
    port = int(os.environ.get("PORT", "8000"))
    timeout = float(os.environ.get("HEALTHCHECK_TIMEOUT", "3"))
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            "GET",
            "/healthz",
            headers={
                "Host": host_header(os.environ.get("ALLOWED_HOSTS", "")),
                "X-Forwarded-Proto": "https",
                "X-Request-ID": "healthcheck",
            },
        )
        status = connection.getresponse().status
    except OSError as error:
        print(f"healthcheck: {type(error).__name__}", file=sys.stderr)
        return 1
    finally:
        connection.close()
    if status != 200:
        print(f"healthcheck: HTTP {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
