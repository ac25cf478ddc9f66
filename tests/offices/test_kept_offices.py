"""Offices a search found are read whole once per process and kept (offices.selectors,
issue 17): later searches read only a digest of each row, in the same queries as before,
and use the kept office while its row is the same. The digest covers every column, so an
edit made any way at all (the admin, an import, a bulk update, plain SQL) is shown on the
next search."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from offices.models import Office
from tests.page_parts import fresh_page_parts, without_csrf_tokens  # noqa: F401 - fixture

from .pages import (  # noqa: F401 - fixtures
    EDITS,
    edit_office,
    fresh_office_points,
    listed_offices,
    reads_offices_whole,
    texas_offices,
)
from .test_finder_soonest import FINDER, HOUSTON, _open

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_office_points", "fresh_page_parts"),
]


def _search(client: Client, query: str = HOUSTON):
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(FINDER, {"q": query}).content.decode()
    return html, [q["sql"] for q in ctx.captured_queries]


def test_a_search_reads_the_offices_whole_once_then_only_their_digests(client: Client, texas):
    for office in texas.values():
        _open(office, 45)
    _open(texas["bay_city"], 1)  # farther away, much sooner: shown too
    first, queries = _search(client)
    assert any(reads_offices_whole(sql) for sql in queries)
    again, queries = _search(client)
    assert len(queries) == 1, queries  # with the soonest times (test_finder_one_query.py)
    assert not any(reads_offices_whole(sql) for sql in queries), queries
    assert without_csrf_tokens(again) == without_csrf_tokens(first)
    assert listed_offices(again)[:4] == ["HOU-DOWNTOWN", "HOU-WEST", "HOU-NORTH", "BAY-CITY-TX"]


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_made_any_way_is_shown_on_the_next_search(client: Client, texas, edit):
    for office in texas.values():
        _open(office, 45)
    _search(client)
    _search(client)  # kept by now
    edit_office(texas["west"], "hours", "Tuesdays only", edit)
    html, _queries = _search(client)
    assert "Tuesdays only" in html
    html, queries = _search(client)
    assert "Tuesdays only" in html
    assert not any(reads_offices_whole(sql) for sql in queries)  # kept again, as it is now


def test_an_office_switched_off_in_bulk_is_not_offered_from_the_kept_copy(client: Client, texas):
    for office in texas.values():
        _open(office, 45)
    _search(client)
    _search(client)
    Office.objects.filter(pk=texas["west"].pk).update(is_active=False)
    html, _queries = _search(client)
    assert "HOU-WEST" not in listed_offices(html)
