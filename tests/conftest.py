"""Shared fixtures. Tests run on real PostgreSQL (see checkin_portal/settings/test.py)."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and other cached state must not leak from one test into the next.
    from appointments.presentation import times_fragments_clear

    cache.clear()
    times_fragments_clear()
    yield
    cache.clear()
    times_fragments_clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The FAQ is loaded by ``manage.py load_faq`` after ``migrate`` (not by a migration
    any more): the test database gets it the same way, once."""
    from checkin_portal.content.loading import faq_load

    with django_db_blocker.unblock():
        faq_load()


@pytest.fixture
def seeded_content(db):
    """Content loaded after migrate. Transactional tests (the browser ones) flush the
    database afterwards, so they ask for it again explicitly; loading is idempotent."""
    from checkin_portal.content.loading import faq_load

    faq_load()
