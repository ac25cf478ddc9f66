import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation


@pytest.fixture(autouse=True)
def _reset_language():
    # A request in Spanish leaves Spanish active in this thread (LocaleMiddleware does not
    # reset it); tests that run later without a request must start from the default.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def sign_in_url():
    with translation.override("en"):
        return reverse("subjects:sign_in")


@pytest.fixture
def my_checkin_url():
    with translation.override("en"):
        return reverse("subjects:my_checkin")


@pytest.fixture
def signed_in(client, sign_in_url):
    """Sign a subject in through the real form; returns the subject."""

    def _sign_in(subject, **extra):
        response = client.post(
            sign_in_url,
            {"subject_id": subject.subject_id, "country_of_birth": str(subject.country_of_birth)},
            **extra,
        )
        assert response.status_code == 302, response.content.decode()[:500]
        return subject

    return _sign_in
