"""Issue 16, point 1: every office in the results shows its soonest bookable time in its
own zone (or that it has none online), and an office beyond the three nearest, within
SOONEST_FARTHER_MILES, is offered below them when its soonest time is at least
SOONEST_EARLIER_DAYS days earlier than all of theirs. One query for all of them, served
by the open-times index; the same in the booking flow's office step."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from appointments import selectors
from appointments.availability import office_zone
from appointments.models import Slot
from checkin_portal import clock
from offices.selectors import SESSION_KEY, office_search
from tests.appointments.factories import SlotFactory, days_from_now
from tests.helpers import subject_sign_in
from tests.subjects.factories import SubjectFactory

from .factories import office_at
from .pages import (  # noqa: F401 - fixtures
    FINDER,
    chooseable_offices,
    fresh_office_points,
    listed_offices,
    texas_offices,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_office_points")]

HOUSTON = "Houston, TX"


def _open(office, days, hour=15, **kwargs):
    return SlotFactory(office=office, starts_at=days_from_now(days, hour=hour), **kwargs)


def _soonest_paragraphs(html):
    import re

    return re.findall(r'<p class="portal-office__soonest">(.*?)</p>', html, re.S)


def _text(fragment):
    import re

    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def test_each_office_shows_its_soonest_time_in_its_own_zone(client: Client, texas):
    slot = _open(texas["downtown"], 3)
    _open(texas["downtown"], 9)
    north_slot = _open(texas["north"], 40)
    # Blocked, full, or too soon to book: not a soonest time.
    _open(texas["north"], 2, is_blocked=True)
    _open(texas["north"], 2, hour=16, booked=5, capacity=5)
    Slot.objects.create(
        office=texas["north"],
        starts_at=clock.now() + datetime.timedelta(minutes=10),
        ends_at=clock.now() + datetime.timedelta(minutes=40),
        capacity=2,
    )
    html = client.get(FINDER, {"q": HOUSTON}).content.decode()
    assert listed_offices(html)[:3] == ["HOU-DOWNTOWN", "HOU-WEST", "HOU-NORTH"]
    paragraphs = [_text(p) for p in _soonest_paragraphs(html)]
    local = slot.starts_at.astimezone(office_zone(texas["downtown"]))
    assert local.tzname() in {"CST", "CDT"}
    assert paragraphs[0].startswith("Soonest time:")
    assert f"({local.tzname()})" in paragraphs[0]
    assert f"{local.strftime('%b')}. {local.day}, {local.year}" in paragraphs[0]
    assert paragraphs[1] == "No times open online"  # west
    north = north_slot.starts_at.astimezone(office_zone(texas["north"]))
    assert f"{north.strftime('%b')}. {north.day}, {north.year}" in paragraphs[2]
    # Bay City has nothing sooner: nothing offered below.
    assert "Sooner times a bit further away" not in html


def test_an_office_further_away_with_much_sooner_times_is_offered(client: Client, texas):
    for office in ("downtown", "north", "west"):
        _open(texas[office], 60)
    _open(texas["bay_city"], 5)
    _open(texas["austin"], 1)  # sooner still, but 145 miles away
    _open(texas["galveston"], 1)  # no online booking
    html = client.get(FINDER, {"q": HOUSTON}).content.decode()
    assert listed_offices(html) == ["HOU-DOWNTOWN", "HOU-WEST", "HOU-NORTH", "BAY-CITY-TX"]
    assert chooseable_offices(html) == [*listed_offices(html)]
    assert "Sooner times a bit further away" in html
    assert "you can go 55 days sooner" in html
    assert "miles away" in html.split("Sooner times a bit further away")[1]  # its distance


@pytest.mark.parametrize(
    ("days", "offered"), [(31, True), (30, True), (29, False)], ids=["31", "30", "29"]
)
def test_it_must_be_at_least_the_setting_days_earlier_than_every_nearest(
    client: Client, texas, days, offered
):
    _open(texas["downtown"], 10 + days)
    _open(texas["north"], 80)
    _open(texas["bay_city"], 10)
    html = client.get(FINDER, {"q": HOUSTON}).content.decode()
    assert ("BAY-CITY-TX" in listed_offices(html)) is offered


def test_settings_move_the_limits(client: Client, texas, settings):
    _open(texas["downtown"], 20)
    _open(texas["bay_city"], 10)
    settings.SOONEST_EARLIER_DAYS = 7
    assert "BAY-CITY-TX" in listed_offices(client.get(FINDER, {"q": HOUSTON}).content.decode())
    settings.SOONEST_FARTHER_MILES = 30
    assert "BAY-CITY-TX" not in listed_offices(client.get(FINDER, {"q": HOUSTON}).content.decode())


def test_when_no_nearest_office_has_times_any_time_within_reach_is_offered(client: Client, texas):
    _open(texas["bay_city"], 200)
    html = client.get(FINDER, {"q": HOUSTON}).content.decode()
    assert listed_offices(html)[-1] == "BAY-CITY-TX"
    assert "This office is further away, but it has times open online." in html


@pytest.mark.parametrize("extra", [0, 40])
def test_one_query_for_every_office_shown(client: Client, texas, extra):
    for office in texas.values():
        _open(office, 45)
        _open(office, 45, hour=16)
    for i in range(extra):  # more offices within reach, each with times
        _open(office_at(f"NEAR-{i:03d}", "Sugar Land", "TX", "77478", 29.6 + i * 0.01, -95.6), 3)
    client.get(FINDER, {"q": "77002"})  # the coordinates and the offices, kept
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(FINDER, {"q": HOUSTON}).content.decode()
    # The kept offices' digests, the change token and every office's soonest time
    # (test_finder_one_query.py).
    assert len(ctx.captured_queries) == 1, [q["sql"] for q in ctx.captured_queries]
    # Three nearest, and (with the extra offices' sooner times) one further away.
    assert len(_soonest_paragraphs(html)) == (4 if extra else 3)


def test_no_place_no_query(client: Client, texas, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get(FINDER, {"q": "Narnia"})


def test_the_soonest_query_is_served_by_the_open_times_index(texas):
    start = days_from_now(1, hour=13)
    offices = list(texas.values())
    Slot.objects.bulk_create(
        [
            Slot(
                office=offices[n % len(offices)],
                starts_at=start + datetime.timedelta(days=d, minutes=30 * (n // len(offices))),
                ends_at=start + datetime.timedelta(days=d, minutes=30 * (n // len(offices) + 1)),
                capacity=2,
                booked=2 if d < 200 else 0,  # the first 200 days are full
            )
            for d in range(365)
            for n in range(14 * len(offices))
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE appointments_slot")
    search = office_search(query=HOUSTON)
    query = selectors.offices_with_soonest(
        office_ids=[r.office.pk for r in search.results], near=(29.76, -95.37, 161.0)
    )
    plan = query.explain()
    print("\nEXPLAIN soonest times:\n" + plan)
    # One probe per office of an index in time order, never a scan of the slots nor a
    # sort: the partial (office, starts_at) one of open times as a rule; the planner may
    # take the unique one, or walk starts_at when earlier tests left the statistics of a
    # table of one office's slots (seen only after the whole appointments suite).
    assert "Seq Scan on appointments_slot" not in plan
    assert "Sort" not in plan.split("SubPlan")[-1], plan
    assert any(
        name in plan
        for name in ("slot_open_by_office", "slot_unique_office_start", "slot_starts_at")
    ), plan
    soonest = {office.code: office.soonest_starts_at for office in query}
    assert soonest["HOU-DOWNTOWN"] >= start + datetime.timedelta(days=200)


def test_the_booking_flows_office_step_shows_soonest_times_too(client: Client, texas):
    _open(texas["downtown"], 4)
    _open(texas["bay_city"], 3)
    subject_sign_in(client, SubjectFactory())
    html = client.get("/en/book/", {"q": HOUSTON}).content.decode()
    paragraphs = [_text(p) for p in _soonest_paragraphs(html)]
    assert paragraphs[0].startswith("Soonest time:")
    assert paragraphs[1:] == ["No times open online", "No times open online"]
    # The nearest have a time in 4 days: Bay City's in 3 is not worth the trip.
    assert "BAY-CITY-TX" not in listed_offices(html)


def test_the_office_chosen_in_the_finder_shows_its_soonest_time_in_the_booking_flow(
    client: Client, texas
):
    _open(texas["north"], 12)
    subject_sign_in(client, SubjectFactory())
    session = client.session
    session[SESSION_KEY] = "HOU-NORTH"
    session.save()
    html = client.get("/en/book/").content.decode()
    (paragraph,) = [_text(p) for p in _soonest_paragraphs(html)]
    assert paragraph.startswith("Soonest time:")
    session[SESSION_KEY] = "HOU-WEST"
    session.save()
    html = client.get("/en/book/").content.decode()
    assert [_text(p) for p in _soonest_paragraphs(html)] == ["No times open online"]
