"""The rendered list of times is kept in the shared cache and per process (appointments/presentation.py) and is
never stale: a booking that fills a time, a cancellation, a closure or a blocked time
changes the list at once. Its key holds no personal data."""

import re

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from appointments import lifecycle, presentation
from appointments.availability import closure_apply
from appointments.models import Closure, Slot
from appointments.presentation import _times_key
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .factories import SlotFactory, days_from_now

pytestmark = pytest.mark.django_db

FRAGMENT = "appointments/_times_list.html"


@pytest.fixture
def office():
    return OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago", city="Chicago", state="IL")


def _times(client: Client, office, language: str = "en"):
    with translation.override(language):
        path = reverse("appointments:times")
    response = client.get(path, {"office": office.code})
    assert response.status_code == 200
    listed = [int(pk) for pk in re.findall(r'name="slot"\s+value="(\d+)"', response.text)]
    rendered = FRAGMENT in [template.name for template in response.templates]
    return listed, rendered


def test_the_list_is_rendered_once_for_everyone(client: Client, office, sign_in_as):
    slots = [SlotFactory(office=office, starts_at=days_from_now(n)) for n in (2, 3)]
    sign_in_as(SubjectFactory())
    assert _times(client, office) == ([s.pk for s in slots], True)
    assert _times(client, office) == ([s.pk for s in slots], False)
    # Another person gets the same list from the same rendering: nothing of theirs in it.
    other = Client()
    sign_in_as(SubjectFactory(), on=other)
    assert _times(other, office) == ([s.pk for s in slots], False)


def test_each_language_has_its_own_list(client: Client, office, sign_in_as):
    SlotFactory(office=office, starts_at=days_from_now(3))
    sign_in_as(SubjectFactory())
    assert _times(client, office, "en")[1]
    assert _times(client, office, "es")[1]
    assert not _times(client, office, "es")[1]


def test_no_stale_times_after_a_booking_fills_a_time(client: Client, office, sign_in_as):
    full_soon = SlotFactory(office=office, starts_at=days_from_now(2), capacity=1)
    later = SlotFactory(office=office, starts_at=days_from_now(3), capacity=1)
    sign_in_as(SubjectFactory())
    assert _times(client, office)[0] == [full_soon.pk, later.pk]
    lifecycle.appointment_book(subject=SubjectFactory(), slot_id=full_soon.pk, language="en")
    assert _times(client, office)[0] == [later.pk]


def test_a_cancelled_seat_comes_back_at_once(client: Client, office, sign_in_as):
    slot = SlotFactory(office=office, starts_at=days_from_now(2), capacity=1)
    someone = SubjectFactory()
    lifecycle.appointment_book(subject=someone, slot_id=slot.pk, language="en")
    sign_in_as(SubjectFactory())
    assert _times(client, office)[0] == []
    lifecycle.appointment_cancel(subject=someone)
    assert _times(client, office)[0] == [slot.pk]


def test_no_stale_times_after_a_closure_or_a_block(client: Client, office, sign_in_as):
    closed = SlotFactory(office=office, starts_at=days_from_now(2))
    blocked = SlotFactory(office=office, starts_at=days_from_now(3))
    kept = SlotFactory(office=office, starts_at=days_from_now(4))
    sign_in_as(SubjectFactory())
    assert _times(client, office)[0] == [closed.pk, blocked.pk, kept.pk]
    day = closed.starts_at.astimezone(office.zone).date()
    closure_apply(
        closure=Closure.objects.create(
            office=office, starts_on=day, ends_on=day, reason_kind="building"
        )
    )
    Slot.objects.filter(pk=blocked.pk).update(is_blocked=True)
    assert _times(client, office)[0] == [kept.pk]


def test_the_key_is_made_of_the_list_only(office):
    slot = SlotFactory(office=office, starts_at=days_from_now(2))
    zone = office.zone
    with translation.override("en"):
        key = _times_key(office=office, slots=[slot], zone=zone, today=days_from_now(0).date())
    assert re.fullmatch(r"[0-9a-f]{64}", key)


def test_a_person_with_an_appointment_is_told_a_new_time_replaces_it(
    client: Client, office, sign_in_as
):
    first, second = (SlotFactory(office=office, starts_at=days_from_now(n)) for n in (2, 3))
    person = sign_in_as(SubjectFactory())
    notice = "If you choose a new time, it will replace the old one."
    with translation.override("en"):
        path = reverse("appointments:times")
    assert notice not in client.get(path, {"office": office.code}).text
    lifecycle.appointment_book(subject=person, slot_id=first.pk, language="en")
    html = client.get(path, {"office": office.code}).text
    assert notice in html
    assert f'value="{second.pk}"' in html


def test_another_process_reuses_the_list_from_the_shared_cache(client: Client, office, sign_in_as):
    SlotFactory(office=office, starts_at=days_from_now(2))
    sign_in_as(SubjectFactory())
    assert _times(client, office)[1]
    presentation._TIMES_FRAGMENTS.clear()  # another worker: nothing in its own copy
    assert not _times(client, office)[1]
    keys = list(cache._cache)  # the test settings' shared cache is in memory
    assert keys and all(re.fullmatch(r":1:times-list:1:[0-9a-f]{64}", k) for k in keys)


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "checkin_portal.cache.RedisCache",  # the deployment's (settings/base.py)
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens: refused at once
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
)
def test_the_page_is_served_when_the_shared_cache_is_down(
    client: Client, office, sign_in_as, caplog
):
    slots = [SlotFactory(office=office, starts_at=days_from_now(n)) for n in (2, 3)]
    sign_in_as(SubjectFactory())  # database sessions: the cache is not needed
    assert _times(client, office) == ([s.pk for s in slots], True)
    assert "times list cache unavailable" in caplog.text


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }
)
def test_the_database_cache_is_not_used_for_lists(office):
    assert presentation._shared_cache() is None


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_the_times_are_sent_to_the_review_in_the_page_language(
    client: Client, office, sign_in_as, language
):
    SlotFactory(office=office, starts_at=days_from_now(3))
    sign_in_as(SubjectFactory())
    with translation.override(language):
        times, review = reverse("appointments:times"), reverse("appointments:review")
    html = client.get(times, {"office": office.code}).text
    assert f'<form action="{review}" method="get" novalidate>' in html
