"""A search whose offices this process keeps whole is ONE query (issue 17): the digests of
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
from checkin_portal import clock
from offices.models import Office
from offices.selectors import forget_office_points
from subjects.session import SESSION_LAST_SEEN_KEY, SESSION_SUBJECT_KEY
from tests.page_parts import fresh_page_parts, without_csrf_tokens  # noqa: F401 - fixture
from tests.subjects.factories import SubjectFactory

from .factories import office_at
from .pages import (  # noqa: F401 - fixtures
    EDITS,
    edit_office,
    fresh_office_points,
    listed_offices,
    reads_offices_whole,
    texas_offices,
)
from .test_finder_soonest import FINDER, HOUSTON, _open, _soonest_paragraphs, _text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_office_points", "fresh_page_parts"),
]
OFFICE_STEP = "/en/book/"


@pytest.fixture(params=[FINDER, OFFICE_STEP], ids=["finder", "office step"])
def search_page(request, client: Client) -> str:
    if request.param == OFFICE_STEP:
        session = client.session
        session[SESSION_SUBJECT_KEY] = SubjectFactory().pk
        session[SESSION_LAST_SEEN_KEY] = clock.now().timestamp()
        session.save()
    return request.param


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
    for _again in range(2):  # read anew, then kept again as it is now
        html, queries = _search(client, search_page)
        assert texas[office].code in listed_offices(html)[:4]
        assert "Tuesdays only" in html
    assert len(queries) == 1


def test_a_new_nearer_office_is_shown_on_the_next_search(client: Client, texas, search_page):
    _kept(client, search_page, texas)
    _open(office_at("HOU-MIDTOWN", "Houston", "TX", "77004", 29.7604, -95.3698), 45)
    html, _queries = _search(client, search_page)
    assert listed_offices(html)[0] == "HOU-MIDTOWN"


@pytest.mark.parametrize("change", ["switched off", "no online booking", "deleted"])
def test_a_nearest_office_changed_in_bulk_is_not_offered(
    client: Client, texas, search_page, change
):
    _kept(client, search_page, texas)
    west = Office.objects.filter(pk=texas["west"].pk)
    if change == "switched off":
        west.update(is_active=False)
    elif change == "no online booking":
        west.update(accepts_online_booking=False)
    else:
        Slot.objects.filter(office=texas["west"]).delete()
        west.delete()
    html, _queries = _search(client, search_page)
    assert "HOU-WEST" not in listed_offices(html)[:3]
    assert listed_offices(html)[:3] == ["HOU-DOWNTOWN", "HOU-NORTH", "BAY-CITY-TX"]
