"""The times page reads its office and its times in one query when this process keeps the
office whole (issue 17): the office step's search keeps the offices it shows
(offices.selectors, "Whole offices kept per process"), and the times query carries a
digest of the office's row, so the kept office is used only while its row is the same.
An edit made any way at all is shown on the next page; an office switched off is never
offered from the kept copy."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from appointments.models import Slot
from offices.models import Office
from tests.offices.pages import (  # noqa: F401 - fixtures
    EDITS,
    edit_office,
    fresh_office_points,
    reads_offices_whole,
    texas_offices,
)
from tests.page_parts import fresh_page_parts, without_csrf_tokens  # noqa: F401 - fixture
from tests.subjects.factories import SubjectFactory

from .factories import SlotFactory, days_from_now

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_office_points", "fresh_page_parts"),
]
START = "/en/book/"
TIMES = "/en/book/times/"


def _get(client: Client, path: str, **data):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, data)
    return response, [query["sql"] for query in ctx.captured_queries]


@pytest.fixture
def houston(client: Client, sign_in_as, texas):
    """A signed-in person who searched Houston (so the process keeps its offices), and
    the downtown office with open times."""
    office = texas["downtown"]
    for day in range(2, 6):
        SlotFactory(office=office, starts_at=days_from_now(day, hour=10))
    sign_in_as(SubjectFactory())
    client.get(START, {"q": "Houston, TX"})
    client.get(TIMES, {"office": office.code})  # notes the person's language once
    return office


def test_a_kept_office_and_its_times_come_in_one_query(client: Client, houston):
    first, _queries = _get(client, TIMES, office=houston.code)
    again, queries = _get(client, TIMES, office=houston.code)
    assert again.status_code == 200
    # The session with its person; the times with the office's digest.
    assert len(queries) == 2, queries
    assert not any(reads_offices_whole(sql) for sql in queries), queries
    assert without_csrf_tokens(again.text) == without_csrf_tokens(first.text)
    assert houston.name in again.text


def test_an_office_nobody_searched_is_read_whole_then_kept(client: Client, houston, texas):
    north = texas["north"]
    Office.objects.filter(pk=north.pk).update(name="North Side Office")
    SlotFactory(office=north, starts_at=days_from_now(3, hour=9))
    response, queries = _get(client, TIMES, office=north.code)
    assert len(queries) == 3, queries  # the session; the times; the office, read whole
    assert "North Side Office" in response.text
    response, queries = _get(client, TIMES, office=north.code)
    assert len(queries) == 2, queries
    assert "North Side Office" in response.text


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_made_any_way_is_shown_on_the_next_page(client: Client, houston, edit):
    _get(client, TIMES, office=houston.code)
    edit_office(houston, "name", "Houston Main Office", edit)
    response, queries = _get(client, TIMES, office=houston.code)
    assert "Houston Main Office" in response.text
    assert any(reads_offices_whole(sql) for sql in queries)
    response, queries = _get(client, TIMES, office=houston.code)
    assert "Houston Main Office" in response.text
    assert len(queries) == 2, queries  # kept again, as it is now


@pytest.mark.parametrize(
    "change", [{"is_active": False}, {"accepts_online_booking": False}], ids=["off", "no online"]
)
def test_an_office_switched_off_in_bulk_is_not_offered_from_the_kept_copy(
    client: Client, houston, change
):
    _get(client, TIMES, office=houston.code)
    Office.objects.filter(pk=houston.pk).update(**change)
    response, _queries = _get(client, TIMES, office=houston.code)
    assert response.status_code == 302
    assert response.url.endswith(START)


def test_a_kept_office_with_no_open_time_says_so(client: Client, houston):
    Slot.objects.filter(office=houston).update(is_blocked=True)
    response, _queries = _get(client, TIMES, office=houston.code)
    assert response.status_code == 200
    assert houston.name in response.text
    assert 'name="slot"' not in response.text


def test_later_pages_come_in_one_query_too(client: Client, houston, settings):
    settings.SLOTS_PER_PAGE = 2
    first, _queries = _get(client, TIMES, office=houston.code, page=2)
    response, queries = _get(client, TIMES, office=houston.code, page=2)
    assert len(queries) == 2, queries
    assert response.text.count('name="slot"') == 2
    assert without_csrf_tokens(response.text) == without_csrf_tokens(first.text)
    response, queries = _get(client, TIMES, office=houston.code, page=9)
    assert response.status_code == 200
    assert 'name="slot"' not in response.text


def test_an_unknown_code_leads_back_to_the_office_step(client: Client, houston):
    response, _queries = _get(client, TIMES, office="NO-SUCH-OFFICE")
    assert response.status_code == 302
    assert response.url.endswith(START)
