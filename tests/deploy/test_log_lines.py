import uuid

import pytest

from tests.deploy.log_lines import assert_nothing_personal_in

GENERATED = "be499147645558a08c41d2c3e4f5a6b7"
LINE = {
    "timestamp": "2026-12-06T19:02:36.160012+00:00",
    "request_id": GENERATED,
    "level": "INFO",
    "logger": "gunicorn.access",
    "message": f"GET /en/offices/ 200 ({GENERATED})",
    "bytes": 60605,
    "duration_ms": 15.5,
}


def test_what_the_portal_made_up_is_not_taken_for_what_was_sent():
    assert_nothing_personal_in([LINE], ("555", "1600", "60605", "Pennsylvania"))
    for _ in range(50):
        made = uuid.uuid4().hex
        assert_nothing_personal_in([{**LINE, "request_id": made, "message": made}], ("555",))


@pytest.mark.parametrize(
    "line",
    [
        {**LINE, "message": "GET /en/offices/?q=1600+Pennsylvania"},
        {**LINE, "message": "phone=%28555%29+123"},
        {**LINE, "message": "to jane.doe@example.org"},
        {**LINE, "message": "Ana María López"},  # not escaped away as \u00ed
        {**LINE, "request_id": "AB1234567"},  # an id the client sent
        {**LINE, "exception": {"stack": ["... 60605 ..."]}},
    ],
)
def test_what_was_sent_is_still_found(line):
    sent = ("1600", "555", "jane.doe", "López", "AB1234567", "60605")
    with pytest.raises(AssertionError):
        assert_nothing_personal_in([line], sent)
