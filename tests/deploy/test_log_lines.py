import pytest

from tests.deploy.log_lines import assert_nothing_personal_in

RANDOM_ID = "be499147645558a08c4"
LINE = {
    "timestamp": "2026-12-06T19:02:36.160012+00:00",
    "request_id": RANDOM_ID,
    "level": "WARNING",
    "logger": "django.request",
    "message": "Bad Request: /en/",
    "seen_id": RANDOM_ID,
}


def test_random_ids_and_times_are_not_taken_for_what_was_sent():
    assert_nothing_personal_in([LINE], ("555", "1600"), request_ids=[RANDOM_ID])


@pytest.mark.parametrize(
    "message", ["q=1600+Pennsylvania", "phone=%28555%29+123", "to jane.doe@example.org"]
)
def test_what_was_sent_is_still_found(message):
    with pytest.raises(AssertionError):
        assert_nothing_personal_in(
            [{**LINE, "message": message}], ("1600", "555", "jane.doe"), request_ids=[RANDOM_ID]
        )
