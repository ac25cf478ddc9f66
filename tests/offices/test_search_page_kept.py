"""A page of search results that read their soonest times is rendered once per process
and language for what it shows (``page_key``: the place read, the offices, their
distances and soonest times; base.html's ``{% page_same_for %}``, issue 17), in the
finder and in the booking flow's office step. What is each request's own is never kept:
what was typed (in the search box and in the language link), the messages, the CSRF
token. The page is the page rendered anew."""

import re

import pytest
from django.test import Client

from checkin_portal.templatetags import once_tags
from tests.page_parts import (  # noqa: F401 - fixture
    fresh_page_parts,
    kept_keys_and_html,
    message_for_next_page,
    never_kept,
    reverses_of,
    without_csrf_tokens,
)

from .pages import (  # noqa: F401 - fixtures
    fresh_office_points,
    listed_offices,
    search_pages,
    texas_offices,
)
from .test_finder_soonest import HOUSTON, _open

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_office_points", "fresh_page_parts"),
]


@pytest.fixture
def kept_search_page(client: Client, search_page: str, texas) -> str:
    """A page of results whose offices this process keeps (so the next search of the
    same place is the one that may keep its page)."""
    for office in texas.values():
        _open(office, 45)
    client.get(search_page, {"q": HOUSTON})  # the process reads the offices whole
    return search_page


def _get(client: Client, page: str, query: str, language: str = "en") -> str:
    response = client.get(page.replace("/en/", f"/{language}/"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def _search_box(html: str) -> str:
    return re.search(r'<input type="text" name="q" value="([^"]*)"', html).group(1)


def _language_link(html: str) -> str:
    return re.search(r'class="portal-header__language"\s+href="([^"]*)"', html).group(1)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_kept_page_is_the_page_rendered_anew(
    client: Client, kept_search_page, language, monkeypatch
):
    kept = [_get(client, kept_search_page, HOUSTON, language) for _ in range(2)]
    assert len(once_tags._PAGES) == 1
    with monkeypatch.context() as patch:
        never_kept(patch)
        fresh = _get(client, kept_search_page, HOUSTON, language)
    assert (
        without_csrf_tokens(kept[0]) == without_csrf_tokens(kept[1]) == without_csrf_tokens(fresh)
    )
    assert listed_offices(fresh)[:3] == ["HOU-DOWNTOWN", "HOU-WEST", "HOU-NORTH"]


def test_what_was_typed_is_each_requests_own(client: Client, kept_search_page):
    first = _get(client, kept_search_page, "houston,  tx")
    second = _get(client, kept_search_page, "HOUSTON,   TX")
    assert len(once_tags._PAGES) == 1  # the same place, offices and times: one page
    assert _search_box(first) == "houston,  tx" and _search_box(second) == "HOUSTON,   TX"
    assert _language_link(first).endswith("q%3Dhouston%252C%2B%2Btx")
    assert _language_link(second).endswith("q%3DHOUSTON%252C%2B%2B%2BTX")
    kept = kept_keys_and_html()
    assert not any(typed in kept for typed in ("houston,", "HOUSTON", "houston%2C", "%252C"))


def test_typed_text_is_escaped_in_a_kept_page(client: Client, kept_search_page):
    _get(client, kept_search_page, HOUSTON)
    html = _get(client, kept_search_page, 'Houston, TX"><b>x</b>')
    assert "<b>x</b>" not in html
    assert _search_box(html) == "Houston, TX&quot;&gt;&lt;b&gt;x&lt;/b&gt;"


def test_messages_are_each_requests_own(client: Client, kept_search_page):
    _get(client, kept_search_page, HOUSTON)
    message_for_next_page(client, "You chose this office: Houston Downtown.")
    shown = _get(client, kept_search_page, HOUSTON)
    assert "You chose this office: Houston Downtown." in shown
    assert "You chose this office" not in _get(client, kept_search_page, HOUSTON)
    assert len(once_tags._PAGES) == 1


def test_a_search_that_found_no_place_is_not_kept(client: Client, kept_search_page):
    for _ in range(2):
        assert "We could not find" in _get(client, kept_search_page, "Nowhere Town, ZZ")
    assert len(once_tags._PAGES) == 0


def test_a_kept_page_works_out_no_url(client: Client, kept_search_page, monkeypatch):
    """Issue 17: the URLs a kept page shows are in it already; the view no longer works
    them out for every request (two ``reverse()`` calls, ~0.1 ms of a 2.5 ms search)."""
    _get(client, kept_search_page, HOUSTON)
    reversed_names = reverses_of(monkeypatch)
    html = _get(client, kept_search_page, HOUSTON)
    assert reversed_names == []
    assert 'action="' + kept_search_page.split("?")[0] + '"' in html
