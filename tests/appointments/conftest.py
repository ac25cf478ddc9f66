import pytest

from tests.helpers import subject_sign_in


@pytest.fixture
def sign_in_as(client):
    """Give ``client`` a signed-in session for ``subject`` (the sign-in form itself is
    tested in tests/subjects; here we test what comes after it)."""

    def _sign_in(subject, *, on=None):
        subject_sign_in(on or client, subject)
        return subject

    return _sign_in


from tests.messaging.conftest import sms_outbox  # noqa: E402, F401 - shared fixture
