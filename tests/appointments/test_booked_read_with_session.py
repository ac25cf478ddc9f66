"""Whether the person has a booked appointment comes with the session's own query
(subjects/sessions.py, issue 17): the booking pages ask on every request, and asking
cost them a query each. It is read anew on every request, so it is never stale."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from appointments import lifecycle, selectors
from tests.offices.factories import OfficeFactory
from tests.offices.pages import fresh_office_points  # noqa: F401 - fixture
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = pytest.mark.django_db
NOTICE = "If you choose a new time, it will replace the old one."
REPLACES = "This replaces your current appointment"
OWN_QUERY = 'SELECT "appointments_appointment"."id" AS "pk" FROM "appointments_appointment"'


def _get(client: Client, name: str, **data):
    with translation.override("en"):
        path = reverse(name)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, data)
    assert response.status_code == 200
    return response.text, [query["sql"] for query in ctx.captured_queries]


@pytest.mark.parametrize(
    ("page_name", "data"),
    [("appointments:times", {"office": "CHICAGO-IL"}), ("appointments:start", {})],
)
def test_the_booking_pages_ask_no_query_of_their_own(client: Client, sign_in_as, page_name, data):
    office = OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago")
    first, _second = (SlotFactory(office=office, starts_at=days_from_now(n)) for n in (2, 3))
    person = sign_in_as(SubjectFactory())
    html, queries = _get(client, page_name, **data)
    assert NOTICE not in html
    assert not [sql for sql in queries if sql.startswith(OWN_QUERY)], queries
    # Booked (elsewhere, between two requests): the next page knows it, still no query.
    lifecycle.appointment_book(subject=person, slot_id=first.pk, language="en")
    html, queries = _get(client, page_name, **data)
    assert NOTICE in html
    assert not [sql for sql in queries if sql.startswith(OWN_QUERY)], queries
    # Cancelled: the next page knows that too.
    lifecycle.appointment_cancel(subject=person)
    html, _queries = _get(client, page_name, **data)
    assert NOTICE not in html


@pytest.mark.usefixtures("fresh_office_points")
def test_the_times_page_reads_session_office_and_times_only(client: Client, sign_in_as):
    # No search in this process (the fixture drops what an earlier test kept): the office
    # is read on its own (a kept one comes with the times: test_times_kept_office.py).
    office = OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago")
    SlotFactory(office=office, starts_at=days_from_now(2))
    AppointmentFactory(subject=sign_in_as(SubjectFactory()))
    _get(client, "appointments:times", office=office.code)  # the first notes the language
    _html, queries = _get(client, "appointments:times", office=office.code)
    assert len(queries) == 3, queries  # the session with its person; the office; the times


def test_a_person_read_on_their_own_is_asked_with_one_query(django_assert_num_queries):
    booked, free = SubjectFactory(), SubjectFactory()
    AppointmentFactory(subject=booked)
    with django_assert_num_queries(2):
        assert selectors.has_active_appointment(subject=booked) is True
        assert selectors.has_active_appointment(subject=free) is False


def test_the_review_reads_the_appointment_it_replaces_only_when_there_is_one(
    client: Client, sign_in_as
):
    office = OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago")
    first, second = (SlotFactory(office=office, starts_at=days_from_now(n)) for n in (2, 3))
    person = sign_in_as(SubjectFactory())
    _get(client, "appointments:times", office=office.code)  # the first notes the language
    html, queries = _get(client, "appointments:review", slot=second.pk)
    assert REPLACES not in html
    assert len(queries) == 2, queries  # the session with its person; the time with its office
    # Booked (elsewhere, between two requests): the review shows what it would replace.
    lifecycle.appointment_book(subject=person, slot_id=first.pk, language="en")
    html, queries = _get(client, "appointments:review", slot=second.pk)
    assert REPLACES in html
    assert len(queries) == 3, queries
