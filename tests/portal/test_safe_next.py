"""One rule for every ``next`` (sign-in and the language chooser): a path on this site,
never another host; a query string only where the page keeps the person's place."""

import pytest
from django.test import RequestFactory

from checkin_portal.redirects import safe_next


@pytest.mark.parametrize(
    ("candidate", "expected", "with_query"),
    [
        ("/es/help/", "/es/help/", "/es/help/"),
        ("/en/book/times/?office=X&page=2", "", "/en/book/times/?office=X&page=2"),
        ("//evil.example/", "", ""),
        ("https://evil.example/phish", "", ""),
        ("/\\evil.example", "", ""),
        ("help/", "", ""),
        ("", "", ""),
    ],
)
def test_safe_next(candidate, expected, with_query):
    request = RequestFactory().get("/")
    assert safe_next(request, candidate) == expected
    assert safe_next(request, candidate, keep_query=True) == with_query


@pytest.mark.django_db
def test_language_chooser_refuses_a_backslashed_next(client):
    html = client.get("/language/?next=/%5Cevil.example/").content.decode()
    assert 'name="next"' not in html
