"""The times page is rendered once per process and language for what it shows
(``page_key``: the office, its page of times, and two yes/no facts about the person:
whether a new time would replace one, whether the soonest is after the date on their
papers; base.html's ``{% page_same_for %}``, issue 17). Another person, a booking, a
closure or a message shows at once; the page is the page rendered anew."""

import datetime
import re

import pytest
from django.test import Client

from appointments import lifecycle
from appointments.models import Slot
from checkin_portal.templatetags import once_tags
from tests.offices.factories import OfficeFactory
from tests.page_parts import (  # noqa: F401 - fixture
    fresh_page_parts,
    message_for_next_page,
    never_kept,
    template_renders,
    without_csrf_tokens,
)
from tests.subjects.factories import SubjectFactory

from .factories import SlotFactory, days_from_now

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_page_parts")]
REPLACES = "If you choose a new time, it will replace the old one."
AFTER_PAPERS = "The first free time is after the date on your papers"


@pytest.fixture
def office():
    office = OfficeFactory(code="HOU-KEPT")
    for day in (3, 4, 5):
        SlotFactory(office=office, starts_at=days_from_now(day, hour=10), capacity=1)
    return office


def _times(client: Client, office, language: str = "en") -> str:
    response = client.get(f"/{language}/book/times/", {"office": office.code})
    assert response.status_code == 200
    return response.content.decode()


def _slots(html: str) -> list[str]:
    return re.findall(r'name="slot"\s+value="(\d+)"', html)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_kept_page_is_the_page_rendered_anew(
    client: Client, office, sign_in_as, language, monkeypatch
):
    sign_in_as(SubjectFactory())
    kept = [_times(client, office, language) for _ in range(2)]
    assert len(once_tags._PAGES) == 1
    with monkeypatch.context() as patch:
        never_kept(patch)
        fresh = _times(client, office, language)
    assert (
        without_csrf_tokens(kept[0]) == without_csrf_tokens(kept[1]) == without_csrf_tokens(fresh)
    )
    assert len(_slots(fresh)) == 3


def test_a_time_booked_by_someone_else_is_gone_at_once(client: Client, office, sign_in_as):
    sign_in_as(SubjectFactory())
    before = _slots(_times(client, office))
    lifecycle.appointment_book(subject=SubjectFactory(), slot_id=int(before[0]), language="en")
    assert _slots(_times(client, office)) == before[1:]


def test_a_filled_time_renders_no_other_time_again(client: Client, office, sign_in_as):
    """The list changes when a time fills, but each other time's button is the same: it
    is not rendered again (a booking's next times page used to render all 25: issue 17)."""
    sign_in_as(SubjectFactory())
    with template_renders(
        "appointments/_when.html", lambda context: context["local"].starts
    ) as rendered:
        before = _slots(_times(client, office))
        assert len(rendered) == 3
        rendered.clear()
        lifecycle.appointment_book(subject=SubjectFactory(), slot_id=int(before[0]), language="en")
        assert _slots(_times(client, office)) == before[1:]
        assert rendered == []


def test_a_blocked_time_is_gone_at_once(client: Client, office, sign_in_as):
    sign_in_as(SubjectFactory())
    before = _slots(_times(client, office))
    Slot.objects.filter(pk=int(before[-1])).update(is_blocked=True)
    assert _slots(_times(client, office)) == before[:-1]


def test_each_person_sees_their_own_notices(client: Client, office, sign_in_as):
    other = OfficeFactory(code="HOU-OTHER")
    booked = SubjectFactory()
    lifecycle.appointment_book(
        subject=booked,
        slot_id=SlotFactory(office=other, starts_at=days_from_now(9)).pk,
        language="en",
    )
    late = SubjectFactory(report_by=(days_from_now(3, hour=10) - datetime.timedelta(days=1)).date())
    pages = {}
    for name, person in (("plain", SubjectFactory()), ("booked", booked), ("late", late)):
        sign_in_as(person)
        pages[name] = [_times(client, office) for _ in range(2)]
    assert not any(REPLACES in html or AFTER_PAPERS in html for html in pages["plain"])
    assert all(REPLACES in html and AFTER_PAPERS not in html for html in pages["booked"])
    assert all(AFTER_PAPERS in html and REPLACES not in html for html in pages["late"])
    assert len(once_tags._PAGES) == 3


def test_messages_are_each_requests_own(client: Client, office, sign_in_as):
    sign_in_as(SubjectFactory())
    _times(client, office)
    message_for_next_page(client, "You chose this office: Houston.")
    assert "You chose this office: Houston." in _times(client, office)
    assert "You chose this office" not in _times(client, office)
    assert len(once_tags._PAGES) == 1
