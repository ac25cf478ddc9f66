"""The fixed words and links of the booking path's personal pages (My check-in, the review,
My appointment) are rendered once per process and language
(``{% same_for %}``, issue 17): the second time, no ``{% url %}`` and no
``{% translate %}`` is worked out again. Each page is the page rendered anew, in English
and in Arabic, and what is the person's own (their name, the time they chose, their
confirmation number) is theirs on every request."""

import datetime
import re

import pytest
import time_machine
from django.template.defaulttags import URLNode
from django.templatetags.i18n import TranslateNode
from django.test import Client

from appointments import lifecycle
from tests.offices.factories import OfficeFactory
from tests.page_parts import (  # noqa: F401 - fixture
    fresh_page_parts,
    never_kept,
    renders_of,
    without_csrf_tokens,
)
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_page_parts")]
START = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)  # 9:00 in Chicago
HOURS_3 = datetime.timedelta(hours=3)
DAY = datetime.timedelta(days=1)
REMINDER = "We will send you a reminder the day before."
STOP_REMINDER = "Stop the reminder and delete my contact details"


@pytest.fixture
def slots():
    office = OfficeFactory(code="HOU-FIXED")
    return [SlotFactory(office=office, starts_at=days_from_now(day, hour=10)) for day in (3, 4, 5)]


def _booked(subject, slot):
    return lifecycle.appointment_book(subject=subject, slot_id=slot.pk, language="en").appointment


def _page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def _paths(language: str, slot) -> dict[str, str]:
    return {
        "my_checkin": f"/{language}/my-check-in/",
        "review": f"/{language}/book/review/?slot={slot.pk}",
    }


# Not "page": pytest-playwright's fixture of that name would make these browser tests.
@pytest.mark.parametrize("page_name", ["my_checkin", "review", "mine", "my_checkin_booked"])
def test_the_second_time_no_fixed_word_or_link_is_worked_out(
    client: Client, slots, sign_in_as, page_name, monkeypatch
):
    person = sign_in_as(SubjectFactory())
    paths = {**_paths("en", slots[1]), "mine": "/en/my-appointment/"}
    paths["my_checkin_booked"] = paths["my_checkin"]
    if page_name in ("mine", "my_checkin_booked"):
        _booked(person, slots[0])
    _page(client, paths[page_name])
    with monkeypatch.context() as patch:
        urls = renders_of(patch, URLNode)
        words = renders_of(patch, TranslateNode)
        _page(client, paths[page_name])
    # My check-in's link to a failed message's retry is made for that message's notice.
    expected_urls = ["url 'appointments:mine' as mine_url"] if "booked" in page_name else []
    assert (urls, words) == (expected_urls, [])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_pages_are_the_pages_rendered_anew(
    client: Client, slots, sign_in_as, language, monkeypatch
):
    person = sign_in_as(SubjectFactory(given_names="Rosa"))
    paths = _paths(language, slots[1])
    before = {name: [_page(client, path) for _ in range(2)] for name, path in paths.items()}
    appointment = _booked(person, slots[0])
    mine = f"/{language}/my-appointment/"
    after = {name: [_page(client, path) for _ in range(2)] for name, path in paths.items()}
    kept_mine = [_page(client, mine) for _ in range(2)]
    with monkeypatch.context() as patch:
        never_kept(patch)
        fresh_after = {name: _page(client, path) for name, path in paths.items()}
        fresh_mine = _page(client, mine)
    for name in paths:
        assert (
            without_csrf_tokens(after[name][0])
            == without_csrf_tokens(after[name][1])
            == without_csrf_tokens(fresh_after[name])
        )
        assert without_csrf_tokens(before[name][0]) == without_csrf_tokens(before[name][1])
    assert (
        without_csrf_tokens(kept_mine[0])
        == without_csrf_tokens(kept_mine[1])
        == without_csrf_tokens(fresh_mine)
    )
    assert "Rosa" in before["my_checkin"][0]
    assert appointment.display_number in kept_mine[1]
    # The review now says the time would replace the one just booked.
    assert before["review"][0] != after["review"][0]


def test_is_booked_only_right_after_confirm(client: Client, slots, sign_in_as):
    """The heading's part is kept per ``just_booked``: each variant stays its own."""
    sign_in_as(SubjectFactory())
    review = _page(client, f"/en/book/review/?slot={slots[0].pk}")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', review).group(1)
    confirmed = client.post(
        "/en/book/confirm/", {"csrfmiddlewaretoken": token, "slot": slots[0].pk}, follow=True
    )
    assert "Your appointment is booked" in confirmed.content.decode()
    for _ in range(2):
        again = _page(client, "/en/my-appointment/")
        assert "Your appointment is booked" not in again
        assert '<h1 class="usa-alert__heading">' in again


def test_the_day_before_reminder_is_promised_only_for_a_later_day(client: Client, sign_in_as):
    """The reminder's part is kept per ``local.is_today``."""
    office = OfficeFactory(code="CHI-FIXED", time_zone="America/Chicago")
    with time_machine.travel(START, tick=False):
        pages = {}
        for name, starts in (("today", START + HOURS_3), ("tomorrow", START + DAY)):
            person = sign_in_as(SubjectFactory())
            AppointmentFactory(
                subject=person,
                slot=SlotFactory(office=office, starts_at=starts, booked=1),
                wants_reminder=True,
                reminder_phone="+12025550123",
            )
            pages[name] = [_page(client, "/en/my-appointment/") for _ in range(2)]
    assert all(REMINDER not in html for html in pages["today"])
    assert all(REMINDER in html for html in pages["tomorrow"])
    assert all(STOP_REMINDER in html for html in pages["today"] + pages["tomorrow"])


def test_the_review_shows_the_chosen_time_and_its_own_back_link(client: Client, slots, sign_in_as):
    sign_in_as(SubjectFactory())
    other = SlotFactory(office=OfficeFactory(code="AUS-FIXED"), starts_at=days_from_now(6))
    first = _page(client, f"/en/book/review/?slot={slots[1].pk}")
    second = _page(client, f"/en/book/review/?slot={other.pk}")
    assert f'value="{slots[1].pk}"' in first and f'value="{other.pk}"' in second
    assert "office=HOU-FIXED" in first and "office=AUS-FIXED" in second
    assert "office=HOU-FIXED" not in second
