import pytest

from checkin_portal import clock
from subjects.session import SESSION_LAST_SEEN_KEY, SESSION_SUBJECT_KEY


@pytest.fixture
def sign_in_as(client):
    """Give ``client`` a signed-in session for ``subject`` (the sign-in form itself is
    tested in tests/subjects; here we test what comes after it)."""

    def _sign_in(subject, *, on=None):
        on = on or client
        session = on.session
        session[SESSION_SUBJECT_KEY] = subject.pk
        session[SESSION_LAST_SEEN_KEY] = clock.now().timestamp()
        session.save()
        return subject

    return _sign_in


from tests.messaging.conftest import sms_outbox  # noqa: E402, F401 - shared fixture
