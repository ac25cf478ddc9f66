"""Offices a search found are read whole once per process and kept; a search whose
offices this process keeps whole is then ONE query (issue 17): the digests of
the nearest offices' rows, the offices' change token and every office's soonest time come
together (appointments.selectors.office_search_with_soonest), in the finder and in the
booking flow's office step. Anything that query shows to have changed sends the search
down the path of two queries, which reads what changed anew; so the page is the page a
fresh process would render, and true at once after a booking, a closure or an edit made
any way at all."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from appointments import lifecycle
from appointments.availability import office_zone
from appointments.models import Slot
from offices.models import Office
from offices.selectors import forget_office_points
from tests.page_parts import fresh_page_parts, without_csrf_tokens  # noqa: F401 - fixture
from tests.subjects.factories import SubjectFactory

from .factories import office_at
from .pages import (  # noqa: F401 - fixtures
    EDITS,
    FINDER,
    OFFICE_STEP,
    bay_area_offices,
    chooseable_offices,
    edit_office,
    fresh_office_points,
    listed_offices,
    reads_offices_whole,
    search_pages,
    texas_offices,
)
from .test_finder_soonest import HOUSTON, _open, _soonest_paragraphs, _text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_office_points", "fresh_page_parts"),
]


def _search(client: Client, page: str, query: str = HOUSTON) -> tuple[str, list[str]]:
    """The page's HTML and the statements of the search (the office step's session read
    left out)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(page, {"q": query})
    assert response.status_code == 200
    queries = [q["sql"] for q in ctx.captured_queries]
    return response.content.decode(), [sql for sql in queries if "subjectsession" not in sql]


def _kept(client: Client, page: str, texas) -> str:
    for office in texas.values():
        _open(office, 45)
    _open(texas["bay_city"], 1)  # farther away, much sooner: offered too
    _search(client, page)
    html, _queries = _search(client, page)
    return html


def test_a_search_of_kept_offices_is_one_query_and_the_same_page(
    client: Client, texas, search_page
):
    first = _kept(client, search_page, texas)
    forget_office_points()  # a new process reads the offices whole, once
    _html, queries = _search(client, search_page)
    assert any(reads_offices_whole(sql) for sql in queries)
    html, queries = _search(client, search_page)
    assert len(queries) == 1, queries
    assert not reads_offices_whole(queries[0])
    assert listed_offices(html)[:4] == ["HOU-DOWNTOWN", "HOU-WEST", "HOU-NORTH", "BAY-CITY-TX"]
    assert without_csrf_tokens(html) == without_csrf_tokens(first)
    forget_office_points()  # what a new process renders
    fresh, _queries = _search(client, search_page)
    assert without_csrf_tokens(html) == without_csrf_tokens(fresh)


def test_a_booked_soonest_time_is_not_shown_again(client: Client, texas, search_page):
    _kept(client, search_page, texas)
    first = _open(texas["downtown"], 3, capacity=1)
    _open(texas["downtown"], 9)
    before = [_text(p) for p in _soonest_paragraphs(_search(client, search_page)[0])]
    lifecycle.appointment_book(subject=SubjectFactory(), slot_id=first.pk, language="en")
    html, queries = _search(client, search_page)
    after = [_text(p) for p in _soonest_paragraphs(html)]
    assert len(queries) == 1
    assert before[0] != after[0]
    assert str(first.starts_at.astimezone(office_zone(texas["downtown"])).day) in before[0]


def test_a_closed_time_is_not_shown_again(client: Client, texas, search_page):
    _kept(client, search_page, texas)
    first = _open(texas["downtown"], 3)
    assert "No times open online" not in _soonest_paragraphs(_search(client, search_page)[0])[0]
    Slot.objects.filter(office=texas["downtown"]).update(is_blocked=True)
    html, queries = _search(client, search_page)
    assert len(queries) == 1
    assert first.pk and "No times open online" in _soonest_paragraphs(html)[0]


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("office", ["west", "bay_city"], ids=["a nearest", "the farther"])
def test_an_edit_made_any_way_is_shown_at_once(client: Client, texas, search_page, office, edit):
    _kept(client, search_page, texas)
    edit_office(texas[office], "hours", "Tuesdays only", edit)
    counts = []
    for _again in range(2):  # read anew, then kept again as it is now
        html, queries = _search(client, search_page)
        assert texas[office].code in listed_offices(html)[:4]
        assert "Tuesdays only" in html
        counts.append(len(queries))
    # The one query that saw the change, then the offices' reread and the search's two
    # queries (at most); then one query again, of digests only.
    assert counts[0] <= 5 and counts[1] == 1, counts
    assert not any(reads_offices_whole(sql) for sql in queries)


def test_a_new_nearer_office_is_shown_on_the_next_search(client: Client, texas, search_page):
    _kept(client, search_page, texas)
    _open(office_at("HOU-MIDTOWN", "Houston", "TX", "77004", 29.7604, -95.3698), 45)
    html, _queries = _search(client, search_page)
    assert listed_offices(html)[0] == "HOU-MIDTOWN"


@pytest.mark.parametrize("change", ["switched off", "no online booking", "deleted"])
@pytest.mark.parametrize("office", ["west", "bay_city"], ids=["a nearest", "the farther"])
def test_an_office_changed_in_bulk_is_not_offered(
    client: Client, texas, search_page, office, change
):
    _kept(client, search_page, texas)
    changed = Office.objects.filter(pk=texas[office].pk)
    if change == "switched off":
        changed.update(is_active=False)
    elif change == "no online booking":
        changed.update(accepts_online_booking=False)
    else:
        Slot.objects.filter(office=texas[office]).delete()
        changed.delete()
    html, _queries = _search(client, search_page)
    assert texas[office].code not in chooseable_offices(html)
    if change != "no online booking":  # else it may be shown apart, with no button
        assert texas[office].code not in listed_offices(html)
    nearest = ["HOU-DOWNTOWN", "HOU-WEST", "HOU-NORTH"]
    expected = [code for code in nearest if code != texas[office].code]
    assert chooseable_offices(html)[: len(expected)] == expected


def test_an_office_switched_on_in_bulk_within_reach_is_offered_then_kept(
    client: Client, texas, search_page
):
    sugar_land = office_at("SUGAR-LAND-TX", "Sugar Land", "TX", "77478", 29.6196, -95.6349)
    _open(sugar_land, 1)
    Office.objects.filter(pk=sugar_land.pk).update(is_active=False)
    html = _kept(client, search_page, texas)
    assert "SUGAR-LAND-TX" not in listed_offices(html)
    Office.objects.filter(pk=sugar_land.pk).update(is_active=True)  # no save: same token
    html, _queries = _search(client, search_page)
    assert listed_offices(html)[3] == "SUGAR-LAND-TX"  # nearer than Bay City, as soon
    html, queries = _search(client, search_page)
    assert listed_offices(html)[3] == "SUGAR-LAND-TX"
    assert len(queries) == 1


def _same_as_a_new_process(client: Client, page: str, query: str) -> str:
    _search(client, page, query)
    html, queries = _search(client, page, query)
    assert len(queries) == 1, queries
    forget_office_points()
    fresh, _queries = _search(client, page, query)
    assert without_csrf_tokens(html) == without_csrf_tokens(fresh)
    return html


def test_a_nearer_office_without_online_booking_is_shown_apart_then_offered_once_switched(
    client: Client, bay_area, search_page
):
    for office in bay_area.values():
        _open(office, 10)
    html = _same_as_a_new_process(client, search_page, "San Jose, CA")
    assert listed_offices(html)[-1] == "SAN-JOSE-CA"
    assert "SAN-JOSE-CA" not in chooseable_offices(html)
    Office.objects.filter(pk=bay_area["san_jose"].pk).update(accepts_online_booking=True)
    html, _queries = _search(client, search_page, "San Jose, CA")
    assert chooseable_offices(html)[0] == "SAN-JOSE-CA"


def test_no_office_taking_online_bookings_nearby(client: Client, texas, search_page):
    for office in texas.values():
        office.accepts_online_booking = False
        office.save()
    html = _same_as_a_new_process(client, search_page, HOUSTON)
    assert "No office is open for booking right now" in html
    assert chooseable_offices(html) == []


def test_without_farther_offers_too(client: Client, texas, search_page, settings):
    settings.SOONEST_FARTHER_MILES = 0
    for office in texas.values():
        _open(office, 45)
    _open(texas["bay_city"], 1)
    html = _same_as_a_new_process(client, search_page, HOUSTON)
    assert listed_offices(html) == ["HOU-DOWNTOWN", "HOU-WEST", "HOU-NORTH"]


def test_the_finder_with_the_offices_own_search(client: Client, texas, settings):
    """settings.OFFICE_SEARCH may name offices' own search: the results' template then
    reads the soonest times itself (two queries), and the page is the same."""
    one_query = _kept(client, FINDER, texas)
    settings.OFFICE_SEARCH = "offices.selectors.office_search"
    html, queries = _search(client, FINDER)
    assert len(queries) == 2, queries
    assert without_csrf_tokens(html) == without_csrf_tokens(one_query)


def test_an_edit_between_the_two_queries_keeps_the_offices_time(client: Client, texas, settings):
    """The two-query way: a nearest office edited between the search's query and the
    soonest times' one still shows its soonest time (not "No times open online")."""
    settings.OFFICE_SEARCH = "offices.selectors.office_search"
    _kept(client, FINDER, texas)
    west = texas["west"]

    def edit_first(execute, sql, params, many, context):
        if "appointments_slot" in sql and "offices_office" in sql:  # the soonest times
            Office.objects.filter(pk=west.pk).update(hours="Tuesdays only")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(edit_first):
        html = client.get(FINDER, {"q": HOUSTON}).content.decode()
    rows = dict(zip(listed_offices(html), _soonest_paragraphs(html), strict=False))
    assert "No times open online" not in rows["HOU-WEST"]
    html, _queries = _search(client, FINDER)
    assert "Tuesdays only" in html
