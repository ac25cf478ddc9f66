"""Shared fixtures. Tests run on real PostgreSQL (see checkin_portal/settings/test.py)."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and other cached state must not leak from one test into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeded_content(db):
    """Content that data migrations create. Transactional tests (the browser ones) flush
    the database afterwards, so they ask for it again explicitly; seeding is idempotent."""
    import importlib

    from django.apps import apps

    seed_faq = importlib.import_module("checkin_portal.migrations.0002_seed_faq").seed
    seed_faq(apps, None)
    faq_more_languages = importlib.import_module(
        "checkin_portal.migrations.0004_seed_faq_more_languages"
    ).fill
    faq_more_languages(apps, None)
