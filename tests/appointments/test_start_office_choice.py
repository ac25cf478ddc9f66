"""Issue 14: the booking flow's office step never leads to a dead end. An office that takes
no online bookings (remembered from the public finder, or found by a search) is shown
with what to do instead, never with a "See times" button that comes back here."""

import pytest
from django.test import Client

from offices.selectors import SESSION_KEY
from tests.offices.factories import OfficeFactory, office_at, san_jose_without_online_booking
from tests.offices.pages import chooseable_offices as _see_times_buttons
from tests.offices.pages import fresh_office_points  # noqa: F401 - fixture
from tests.subjects.factories import SubjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_office_points")]

START = "/en/book/"


@pytest.fixture
def subject(sign_in_as):
    return sign_in_as(SubjectFactory())


@pytest.fixture
def san_jose():
    return san_jose_without_online_booking()


def test_remembered_office_without_online_booking_offers_no_see_times(
    client: Client, subject, san_jose
):
    session = client.session
    session[SESSION_KEY] = "SAN-JOSE-CA"
    session.save()
    html = client.get(START).content.decode()
    assert "The office you chose" in html and "San Jose, CA" in html
    assert _see_times_buttons(html) == []
    assert "This office does not take appointments on this website." in html
    assert "Call the office to ask how and when to check in:" in html
    assert (
        'href="tel:+14085551234" dir="ltr"><bdi class="portal-phone" dir="ltr">(408) 555-1234</bdi></a>'
        in html
    )
    assert "Check-in hours: Monday-Friday, 9 a.m.-2 p.m." in html
    # The search form is there to find an office that can be booked.
    assert 'name="q"' in html


def test_the_times_refusal_does_not_loop_back_to_the_same_button(client: Client, subject, san_jose):
    session = client.session
    session[SESSION_KEY] = "SAN-JOSE-CA"
    session.save()
    response = client.get("/en/book/times/", {"office": "SAN-JOSE-CA"}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == START
    assert "SAN-JOSE-CA" not in _see_times_buttons(html)


def test_search_in_the_booking_flow_offers_only_bookable_offices(client: Client, subject, san_jose):
    office_at("SAN-FRANCISCO-CA", "San Francisco", "CA", "94111", 37.7952, -122.4028)
    html = client.get(START, {"q": "95112"}).content.decode()
    assert _see_times_buttons(html) == ["SAN-FRANCISCO-CA"]
    assert "See times at this office" in html
    assert "San Jose, CA" in html  # named apart, with what to do instead
    assert (
        'href="tel:+14085551234" dir="ltr"><bdi class="portal-phone" dir="ltr">(408) 555-1234</bdi></a>'
        in html
    )


def test_remembered_bookable_office_keeps_its_button(client: Client, subject):
    OfficeFactory(code="CHICAGO-IL", city="Chicago", state="IL")
    session = client.session
    session[SESSION_KEY] = "CHICAGO-IL"
    session.save()
    html = client.get(START).content.decode()
    assert _see_times_buttons(html) == ["CHICAGO-IL"]


def _session_writes(statements: list[str]) -> list[str]:
    from subjects.models import SubjectSession

    table = SubjectSession._meta.db_table
    return [
        sql for sql in statements if table in sql and not sql.lstrip().upper().startswith("SELECT")
    ]


def _confirm(client: Client, slot) -> list[str]:
    """Every statement Confirm makes (after the review page), in order."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/book/review/", {"slot": slot.pk})
    with CaptureQueriesContext(connection) as ctx:
        assert client.post("/en/book/confirm/", {"slot": slot.pk}).status_code == 302
    return [q["sql"] for q in ctx.captured_queries]


def _book(client: Client, slot) -> list[str]:
    return _session_writes(_confirm(client, slot))


@pytest.fixture
def slot_elsewhere_than_remembered(client: Client, subject):
    """A time at Chicago, while the finder remembers Denver."""
    from tests.appointments.factories import SlotFactory, days_from_now

    office_at("DENVER-CO", "Denver", "CO", "80202", 39.7392, -104.9903)
    chicago = office_at("CHICAGO-IL", "Chicago", "IL", "60604", 41.8781, -87.6298)
    session = client.session
    session[SESSION_KEY] = "DENVER-CO"
    session.save()
    return SlotFactory(office=chicago, starts_at=days_from_now(3, hour=10))


def test_looking_at_times_changes_nothing_booking_remembers_the_office(client: Client, subject):
    """Issue 17: a GET of the times page saves no session (it wrote one per page view),
    and Confirm saves none either when nothing was remembered: "Choose another time"
    comes back first to the office of the booked appointment itself."""
    from appointments.models import Slot
    from tests.appointments.factories import SlotFactory, days_from_now

    office = office_at("CHICAGO-IL", "Chicago", "IL", "60604", 41.8781, -87.6298)
    slot = SlotFactory(office=office, starts_at=days_from_now(3, hour=10))
    before = client.session.session_key
    response = client.get("/en/book/times/", {"office": office.code})
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert SESSION_KEY not in client.session
    assert _book(client, slot) == []
    assert client.session.session_key == before
    html = client.get(START).content.decode()
    assert "The office you chose" in html and "Chicago" in html
    assert _see_times_buttons(html) == ["CHICAGO-IL"]
    assert Slot.objects.get(pk=slot.pk).booked == 1


def test_booking_elsewhere_than_the_remembered_office_remembers_the_booked_one(
    client: Client, slot_elsewhere_than_remembered
):
    # The one write that changes what is remembered.
    assert len(_book(client, slot_elsewhere_than_remembered)) == 1
    html = client.get(START).content.decode()
    assert _see_times_buttons(html) == ["CHICAGO-IL"]
    assert "Denver" not in html


def test_a_new_session_comes_back_to_the_booked_office(client: Client, sign_in_as):
    from tests.appointments.factories import AppointmentFactory, SlotFactory, days_from_now

    chicago = office_at("CHICAGO-IL", "Chicago", "IL", "60604", 41.8781, -87.6298)
    person = SubjectFactory()
    AppointmentFactory(
        subject=person, slot=SlotFactory(office=chicago, starts_at=days_from_now(3), booked=1)
    )
    sign_in_as(person)
    html = client.get(START).content.decode()
    assert "The office you chose" in html
    assert _see_times_buttons(html) == ["CHICAGO-IL"]


def test_a_closed_booked_office_is_not_offered_first(client: Client, sign_in_as):
    from tests.appointments.factories import AppointmentFactory, SlotFactory, days_from_now

    chicago = office_at("CHICAGO-IL", "Chicago", "IL", "60604", 41.8781, -87.6298)
    person = SubjectFactory()
    AppointmentFactory(
        subject=person, slot=SlotFactory(office=chicago, starts_at=days_from_now(3), booked=1)
    )
    chicago.is_active = False
    chicago.save()
    sign_in_as(person)
    html = client.get(START).content.decode()
    assert "The office you chose" not in html
    assert _see_times_buttons(html) == []


def test_remembering_the_booked_office_reads_its_code_in_one_query(
    client: Client, slot_elsewhere_than_remembered
):
    """Issue 17: on the rare path (another office remembered), Confirm reads only the booked
    office's code, in one query, not the slot and then its office (two instances)."""
    statements = _confirm(client, slot_elsewhere_than_remembered)
    booked = max(i for i, sql in enumerate(statements) if "appointments_appointment" in sql)
    reads = [sql for sql in statements[booked + 1 :] if sql.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 1, statements
    assert '"offices_office"."code"' in reads[0]
    assert client.session[SESSION_KEY] == "CHICAGO-IL"
