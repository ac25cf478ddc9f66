"""Changing language keeps the person's place: each step of each flow, switched through the
real chooser (header link → chooser page → POST to set_language), shows the same choice in
the new language, and never the false "someone else just took that time"."""

import html as html_lib
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from addresses.views import DRAFT_KEY
from appointments import lifecycle
from tests.addresses.conftest import NOW, sign_in
from tests.addresses.test_change_flow import VALID
from tests.appointments.factories import SlotFactory, days_from_now
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db


def _url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name)


def switch_language(client: Client, page_html: str, language: str):
    """What a person does: follow the header's "Language" link, press a language."""
    link = re.search(r'class="portal-header__language"\s+href="([^"]+)"', page_html)
    assert link, "no language link in the header"
    chooser = client.get(html_lib.unescape(link.group(1))).content.decode()
    next_field = re.search(r'name="next" value="([^"]*)"', chooser)
    assert next_field, "the chooser lost the page to return to"
    response = client.post(
        "/i18n/setlang/",
        {"language": language, "next": html_lib.unescape(next_field.group(1))},
    )
    assert response.status_code == 302
    return response["Location"], client.get(response["Location"], follow=True)


def _assert_no_false_taken(page: str) -> None:
    with translation.override("es"):
        taken_es = str(lifecycle.SlotUnavailable.message)
    taken_en = str(lifecycle.SlotUnavailable.message)
    assert html_lib.escape(taken_es) not in page and taken_es not in page
    assert taken_en not in page


@pytest.fixture
def office():
    return OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago", city="Chicago", state="IL")


@pytest.fixture
def booking_client(client, office):
    sign_in(client, SubjectFactory())
    return client


def test_review_page_keeps_the_chosen_time_in_spanish(booking_client, office):
    slot = SlotFactory(office=office, starts_at=days_from_now(3, hour=15))
    page = booking_client.get(_url("appointments:review"), {"slot": slot.pk}).content.decode()
    location, response = switch_language(booking_client, page, "es")
    assert location == f"{_url('appointments:review', 'es')}?slot={slot.pk}"
    assert response.redirect_chain == []
    assert response.status_code == 200
    page = response.content.decode()
    assert f'name="slot" value="{slot.pk}"' in page
    assert 'lang="es"' in page
    _assert_no_false_taken(page)
    # And back to English, then Arabic: still the same time.
    _, response = switch_language(booking_client, page, "en")
    assert f'name="slot" value="{slot.pk}"' in response.content.decode()
    _, response = switch_language(booking_client, response.content.decode(), "ar")
    assert f'name="slot" value="{slot.pk}"' in response.content.decode()
    assert 'dir="rtl"' in response.content.decode()


def test_times_page_keeps_the_office_and_page(booking_client, office, settings):
    settings.SLOTS_PER_PAGE = 2
    for day in range(2, 8):
        SlotFactory(office=office, starts_at=days_from_now(day, hour=15))
    url = _url("appointments:times")
    page = booking_client.get(url, {"office": office.code, "page": 2}).content.decode()
    location, response = switch_language(booking_client, page, "es")
    assert location.startswith(_url("appointments:times", "es") + "?")
    assert f"office={office.code}" in location and "page=2" in location
    assert response.status_code == 200
    assert response.redirect_chain == []
    _assert_no_false_taken(response.content.decode())


@pytest.fixture
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def address_client(client, frozen_now):
    import datetime

    sign_in(client, SubjectFactory(release_date=datetime.date(2026, 1, 5)))
    return client


def test_address_check_page_keeps_the_draft(address_client):
    address_client.post(_url("addresses:change"), VALID)
    token = address_client.session[DRAFT_KEY]["token"]
    page = address_client.get(_url("addresses:confirm")).content.decode()
    assert "180 TED TURNER DR SW STE 522" in page
    _, response = switch_language(address_client, page, "es")
    assert response.redirect_chain == []
    page = response.content.decode()
    assert "180 TED TURNER DR SW STE 522" in page
    assert address_client.session[DRAFT_KEY]["token"] == token
    assert "27 de febrero de 2026" in page


def test_address_receipt_survives_a_switch(address_client):
    address_client.post(_url("addresses:change"), VALID)
    token = address_client.session[DRAFT_KEY]["token"]
    address_client.post(_url("addresses:confirm"), {"token": token})
    page = address_client.get(_url("addresses:receipt")).content.decode()
    _, response = switch_language(address_client, page, "es")
    assert response.redirect_chain == []
    assert "180 TED TURNER DR SW" in response.content.decode()


def test_address_guidance_answers_survive_a_switch(client, frozen_now):
    page = client.get(_url("addresses:guidance"), {"move_date": "2026-02-27"})
    location, _ = switch_language(client, page.content.decode(), "es")
    assert "move_date=2026-02-27" in location


@pytest.mark.parametrize("name", ["subjects:my_checkin", "hearings:detail", "appointments:start"])
def test_signed_in_pages_stay_put(booking_client, name):
    page = booking_client.get(_url(name)).content.decode()
    location, response = switch_language(booking_client, page, "es")
    assert location == _url(name, "es")
    _assert_no_false_taken(response.content.decode())


@pytest.mark.parametrize(
    "path, query, expected_next",
    [
        # Any page: the page itself, with what was typed in its address, URL-encoded.
        ("/en/offices/", {"q": "San José, CA"}, "/en/offices/%3Fq%3DSan%2BJos%25C3%25A9%252C%2BCA"),
        ("/en/help/", {}, "/en/help/"),
        # The chooser: the page it was opened for, not the chooser itself.
        ("/language/", {"next": "/es/help/"}, "/es/help/"),
        ("/language/", {}, ""),
    ],
)
def test_the_language_link_comes_back_to_the_page(client: Client, path, query, expected_next):
    html = client.get(path, query, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    link = re.search(r'class="portal-header__language"\s+href="([^"]*)"', html).group(1)
    assert html_lib.unescape(link) == f"/language/?next={expected_next}"
