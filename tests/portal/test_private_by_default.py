"""Private by default (issue 15 point 4): every URL pattern is opened by a signed-out
visitor; only the short public list (and the staff admin, which has its own sign-in) may
answer with a page. A signed-in page that forgets a decorator must not leak."""

import pytest
from django.urls import get_resolver

from subjects.middleware import PUBLIC_VIEWS
from tests.helpers import url_pages

pytestmark = pytest.mark.django_db

# The public list stays short: each entry is a page anyone may open.
MOST_PUBLIC_PAGES = 16


def test_the_public_list_is_short():
    assert len(PUBLIC_VIEWS) <= MOST_PUBLIC_PAGES


def test_no_page_answers_a_signed_out_visitor_unless_public(client):
    walked = list(url_pages(get_resolver().url_patterns))
    assert len(walked) > 20
    leaks = []
    for name, namespaces, path in walked:
        if name in PUBLIC_VIEWS or "admin" in namespaces:
            continue
        response = client.get(path)
        if response.status_code < 300:
            leaks.append((name, path, response.status_code))
    assert leaks == []


@pytest.mark.parametrize(
    "path",
    ["/en/my-check-in/", "/en/book/", "/en/my-hearing/", "/en/new-address/send/"],
)
def test_signed_in_pages_send_a_signed_out_visitor_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/sign-in/")
    assert "no-store" in response["Cache-Control"]
