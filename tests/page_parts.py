"""For tests of parts rendered once per process (``{% same_for %}``, issue 17): a fixture
that starts and ends each test with none kept, and pages compared without their CSRF
tokens (each request has its own)."""

import re

import pytest

from checkin_portal.templatetags import once_tags

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[A-Za-z0-9]+"')


def without_csrf_tokens(html: str) -> str:
    return CSRF_TOKEN.sub("", html)


@pytest.fixture
def fresh_page_parts():
    once_tags._PARTS.clear()
    yield
    once_tags._PARTS.clear()
