import pytest
from django.utils import translation

from tests.helpers import subject_sign_in as sign_in


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
