import pytest
from django.utils import translation

from checkin_portal import clock
from subjects.session import SESSION_LAST_SEEN_KEY, SESSION_SUBJECT_KEY


def sign_in(client, subject) -> None:
    """Put a live subject session in the test client (what the sign-in page does)."""
    session = client.session
    session[SESSION_SUBJECT_KEY] = subject.pk
    session[SESSION_LAST_SEEN_KEY] = clock.now().timestamp()
    session.save()


@pytest.fixture
def signed_in(client):
    def _sign_in(subject):
        sign_in(client, subject)
        return client

    return _sign_in


@pytest.fixture(autouse=True)
def _english_first():
    """A request in Spanish leaves Spanish active in this thread; start each test in English."""
    translation.activate("en")
    yield
    translation.activate("en")
