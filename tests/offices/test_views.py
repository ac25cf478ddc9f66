"""The public office finder, "Choose this office", and the staff admin."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from offices.models import Office
from offices.selectors import SESSION_KEY, forget_office_points
from tests.helpers import management_form_data

from .factories import FieldOfficeFactory, OfficeFactory
from .pages import FINDER, chooseable_offices
from .pages import listed_offices as _results

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_points():
    forget_office_points()
    yield
    forget_office_points()


@pytest.fixture
def georgia():
    """Three offices around Atlanta, one inactive, one not taking online bookings."""
    return {
        "atlanta": OfficeFactory(
            code="ATLANTA-GA",
            name="Atlanta, GA",
            street="180 Ted Turner Drive SW",
            zip="30303",
            latitude=33.7525,
            longitude=-84.3888,
            hours="Tuesday-Thursday, 8 a.m.-3 p.m.",
            hours_es="De martes a jueves, de 8 a. m. a 3 p. m.",
            instructions="Check in via main entrance.",
        ),
        "charlotte": OfficeFactory(
            code="CHARLOTTE-NC",
            name="Charlotte, NC",
            city="Charlotte",
            state="NC",
            zip="28217",
            latitude=35.1716,
            longitude=-80.9103,
            phone="",
        ),
        "gadsden": OfficeFactory(
            code="GADSDEN-AL",
            name="Gadsden, AL",
            city="Gadsden",
            state="AL",
            zip="35901",
            latitude=34.0143,
            longitude=-86.0066,
            accepts_online_booking=False,
            hours="",
        ),
        "closed": OfficeFactory(
            code="CLOSED-GA",
            name="Closed office",
            latitude=33.76,
            longitude=-84.39,
            is_active=False,
        ),
        "far": OfficeFactory(
            code="SEATTLE-WA",
            name="Seattle, WA",
            city="Seattle",
            state="WA",
            zip="98168",
            latitude=47.49,
            longitude=-122.29,
        ),
    }


def test_empty_finder_shows_the_form_without_errors(client: Client):
    response = client.get(FINDER)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'name="q"' in html and 'method="get"' in html
    assert "There is a problem" not in html
    assert reverse("offices:finder") == FINDER


def test_search_by_zip_shows_the_three_nearest_bookable_offices(client: Client, georgia):
    html = client.get(FINDER, {"q": "30303"}).content.decode()
    # Gadsden is nearer but takes no online bookings: listed apart, after the three.
    assert _results(html) == ["ATLANTA-GA", "CHARLOTTE-NC", "SEATTLE-WA", "GADSDEN-AL"]
    assert "CLOSED-GA" not in html
    assert "The 3 offices nearest to 30303 (Atlanta, GA)" in html
    # Distance, address, phone, hours, instructions, directions, choose.
    assert "Less than 1 mile away" in html
    assert re.search(r"About 5\d miles away|About \d+ miles away", html)
    assert " km)" not in html  # English: miles only
    assert "180 Ted Turner Drive SW" in html
    assert 'href="tel:+14048931290"' in html and "(404) 893-1290" in html
    assert "Tuesday-Thursday, 8 a.m.-3 p.m." in html
    assert "Check in via main entrance." in html
    assert "No phone number listed." in html
    assert "This office does not take appointments on this website." in html
    assert "https://www.google.com/maps/dir/?api=1&amp;destination=180+Ted+Turner+Drive+SW" in html
    assert html.count('name="office" value="') == 3
    assert '<form method="post" action="/en/offices/choose/">' in html
    # No map, script, frame or image from another host.
    assert not re.search(r'<(script|iframe|img|link)[^>]+(src|href)="https?://', html)


def test_spanish_shows_kilometres_too_and_spanish_hours(client: Client, georgia):
    html = client.get("/es/offices/", {"q": "Atlanta, GA"}).content.decode()
    assert '<html lang="es"' in html
    assert re.search(r"Aproximadamente \d+ millas \(\d+ km\)", html)
    assert "De martes a jueves, de 8 a. m. a 3 p. m." in html
    assert "Elegir esta oficina" in html


def test_distance_uses_the_locale_decimal_separator(client: Client):
    OfficeFactory(code="NEAR-GA", latitude=33.80, longitude=-84.30)
    html_en = client.get(FINDER, {"q": "30303"}).content.decode()
    html_es = client.get("/es/offices/", {"q": "30303"}).content.decode()
    assert re.search(r"About \d\.\d miles away", html_en)
    assert re.search(r"\d,\d millas \(\d+,\d km\)", html_es)


def test_ambiguous_city_offers_the_states_as_links(client: Client, georgia):
    html = client.get(FINDER, {"q": "Springfield"}).content.decode()
    assert "There is more than one Springfield" in html
    assert 'href="/en/offices/?q=Springfield%2C%20IL"' in html
    assert "Springfield, Illinois" in html
    assert _results(html) == []


@pytest.mark.parametrize(
    ("typed", "heading", "advice"),
    [
        ("Narnia", "We could not find that place", "Check the spelling"),
        ("00000", "We do not know the ZIP code 00000", "Check the five numbers"),
        ("APO AE 09001", "We cannot search from a military mail address", "for mail only"),
        ("Atlnta, GA", "We could not find that city in Georgia", "Did you mean:"),
    ],
)
def test_no_match_explains_what_to_type(client: Client, georgia, typed, heading, advice):
    response = client.get(FINDER, {"q": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html and advice in html
    assert "30303" in html and "Houston, TX" in html  # the examples


def test_zip_without_position_is_explained(client: Client, georgia):
    from checkin_portal.places.zips import get_index

    zip_code = next(
        z.zip_code for z in get_index().by_zip.values() if not z.has_coordinates and z.state == "NJ"
    )
    html = client.get(FINDER, {"q": zip_code}).content.decode()
    assert f"We cannot find ZIP code {zip_code} on the map" in html
    assert "post office boxes" in html


def test_no_active_office_at_all(client: Client):
    OfficeFactory(is_active=False)
    html = client.get(FINDER, {"q": "30303"}).content.decode()
    assert "No office is open for booking right now" in html


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type a ZIP code, a city and state, or an address."),
        ("     ", "Type a ZIP code, a city and state, or an address."),
        ("\x00\x01\x1b", "Type a ZIP code, a city and state, or an address."),
        ("🙂🏠🚗", "Type a ZIP code, a city and state, or an address."),
        ("a" * 1000, "That is too long."),
    ],
)
def test_bad_input_gets_a_clear_message(client: Client, georgia, typed, message):
    response = client.get(FINDER, {"q": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert 'aria-invalid="true"' in html
    assert _results(html) == []


def test_html_is_escaped_never_run(client: Client, georgia):
    html = client.get(FINDER, {"q": '<script>alert("x")</script> Atlanta, GA'}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html  # echoed in the input, escaped
    assert _results(html)[0] == "ATLANTA-GA"


def test_other_parameters_alone_do_not_count_as_a_search(client: Client):
    html = client.get(FINDER, {"utm_source": "x"}).content.decode()
    assert "There is a problem" not in html


@pytest.mark.parametrize("office_count", [3, 60])
def test_finder_runs_a_fixed_number_of_queries(
    client: Client, django_assert_num_queries, office_count
):
    for i in range(office_count):
        OfficeFactory(latitude=30 + i * 0.1, longitude=-90 + i * 0.1)
    # First search in this process: token, coordinates, then the winners (with the token);
    # then every office's soonest time (appointments' soonest_tags: one query for all).
    with django_assert_num_queries(4):
        assert client.get(FINDER, {"q": "30303"}).status_code == 200
    # Offices no search found yet: read whole with the token (one query), then their
    # soonest times (one query). With three offices, every search finds the same three.
    with django_assert_num_queries(1 if office_count == 3 else 2):
        client.get(FINDER, {"q": "Houston, TX"})
    # Offices found before: one query (their rows' digests, the token to check the copy,
    # and the soonest times: test_finder_one_query.py).
    with django_assert_num_queries(1):
        html = client.get(FINDER, {"q": "Houston, TX"}).content.decode()
    assert len(_results(html)) == 3
    # After an office change: that query (token differs), reread coordinates, fetch the
    # winners whole, then their soonest times.
    Office.objects.filter(pk=Office.objects.first().pk).update(latitude=29.76)
    OfficeFactory(latitude=29.7, longitude=-95.3)
    with django_assert_num_queries(4):
        html = client.get(FINDER, {"q": "Houston, TX"}).content.decode()
    assert len(_results(html)) == 3
    # Input that gives no place runs no query at all.
    with django_assert_num_queries(0):
        client.get(FINDER, {"q": "Narnia"})


def test_an_office_change_is_seen_on_the_next_search(client: Client, georgia):
    assert _results(client.get(FINDER, {"q": "30303"}).content.decode())[0] == "ATLANTA-GA"
    georgia["atlanta"].is_active = False
    georgia["atlanta"].save()
    html = client.get(FINDER, {"q": "30303"}).content.decode()
    assert "ATLANTA-GA" not in _results(html)
    new = OfficeFactory(code="NEW-GA", latitude=33.7526, longitude=-84.3889)
    assert _results(client.get(FINDER, {"q": "30303"}).content.decode())[0] == new.code


def test_a_deleted_or_bulk_disabled_winner_is_never_offered(client: Client, georgia):
    assert _results(client.get(FINDER, {"q": "30303"}).content.decode())[0] == "ATLANTA-GA"
    Office.objects.filter(code="ATLANTA-GA").delete()
    assert _results(client.get(FINDER, {"q": "30303"}).content.decode()) == [
        "CHARLOTTE-NC",
        "SEATTLE-WA",
        "GADSDEN-AL",
    ]
    # A bulk update does not move updated_at; the search still notices.
    Office.objects.filter(code="GADSDEN-AL").update(is_active=False)
    assert _results(client.get(FINDER, {"q": "30303"}).content.decode()) == [
        "CHARLOTTE-NC",
        "SEATTLE-WA",
    ]
    # Nor is an office whose online booking was switched off in bulk offered to choose.
    Office.objects.filter(code="CHARLOTTE-NC").update(accepts_online_booking=False)
    html = client.get(FINDER, {"q": "30303"}).content.decode()
    assert chooseable_offices(html) == ["SEATTLE-WA"]
    assert _results(html) == ["SEATTLE-WA", "CHARLOTTE-NC"]


# --- Choose this office ----------------------------------------------------------------


def test_choose_remembers_the_code_and_redirects(client: Client, georgia, settings):
    settings.OFFICE_CHOSEN_REDIRECT = "offices:finder"
    response = client.post("/en/offices/choose/", {"office": "CHARLOTTE-NC"})
    assert response.status_code == 302
    assert response["Location"] == "/en/offices/"
    assert client.session[SESSION_KEY] == "CHARLOTTE-NC"
    html = client.get(response["Location"]).content.decode()
    assert "You chose this office: Charlotte, NC." in html


def test_choose_default_redirect_is_the_booking_flow(client: Client, georgia):
    response = client.post("/es/offices/choose/", {"office": "atlanta-ga"})
    assert response["Location"] == "/es/book/"  # through sign-in when signed out
    assert client.session[SESSION_KEY] == "ATLANTA-GA"


@pytest.mark.parametrize("code", ["", "NOPE-XX", "CLOSED-GA", "x" * 500, "<b>", "\x00"])
def test_choose_refuses_unknown_or_inactive_offices(client: Client, georgia, code):
    response = client.post("/en/offices/choose/", {"office": code})
    assert response.status_code == 302
    assert response["Location"] == "/en/offices/"
    assert SESSION_KEY not in client.session
    html = client.get(response["Location"]).content.decode()
    assert "That office cannot be chosen now." in html


def test_choose_by_get_just_goes_back_to_the_finder(client: Client, georgia):
    response = client.get("/en/offices/choose/", {"office": "ATLANTA-GA"})
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_choose_needs_the_csrf_token(georgia):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/offices/choose/", {"office": "ATLANTA-GA"})
    assert response.status_code == 403
    assert SESSION_KEY not in client.session


def test_chosen_office_selector(rf, georgia):
    from offices.selectors import chosen_office
    from subjects.sessions import SessionStore  # SESSION_ENGINE

    request = rf.get("/")
    request.session = SessionStore()
    assert chosen_office(request) is None
    request.session[SESSION_KEY] = "ATLANTA-GA"
    assert chosen_office(request) == georgia["atlanta"]
    request.session[SESSION_KEY] = "CLOSED-GA"
    assert chosen_office(request) is None


# --- Admin -----------------------------------------------------------------------------


@pytest.fixture
def staff_client(client: Client, admin_user):
    client.force_login(admin_user)
    return client


def test_admin_list_filters_and_search(staff_client, georgia):
    url = reverse("admin:offices_office_changelist")
    html = staff_client.get(url).content.decode()
    for param in (
        "state__exact",
        "kind__exact",
        "is_active__exact",
        "accepts_online_booking__exact",
        "placed=",
    ):
        assert param in html, param
    html = staff_client.get(url, {"q": "charlotte"}).content.decode()
    assert "CHARLOTTE-NC" in html and "ATLANTA-GA" not in html
    html = staff_client.get(url, {"is_active__exact": "0"}).content.decode()
    assert "CLOSED-GA" in html and "ATLANTA-GA" not in html
    html = staff_client.get(url, {"state__exact": "AL"}).content.decode()
    assert "GADSDEN-AL" in html and "ATLANTA-GA" not in html


def test_admin_change_page_has_translated_fields_and_nothing_external(staff_client, georgia):
    office = georgia["atlanta"]
    html = staff_client.get(
        reverse("admin:offices_office_change", args=[office.pk])
    ).content.decode()
    for field in ("name_en", "name_es", "hours_en", "hours_es", "instructions_en", "latitude"):
        assert f'name="{field}"' in html, field
    assert 'name="code"' not in html  # fixed once set
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', html)


def test_admin_edits_coordinates_and_keeps_history(staff_client):
    parent = FieldOfficeFactory(code="ATLANTA-FO", name="Atlanta Field Office")
    office = OfficeFactory(code="ATLANTA-GA", parent=parent)
    url = reverse("admin:offices_office_change", args=[office.pk])
    form = {
        "name_en": "Atlanta, GA",
        "name_es": "Atlanta (Georgia)",
        "kind": "sub_office",
        "parent": parent.pk,
        "street": office.street,
        "city": "Atlanta",
        "state": "GA",
        "zip": "30303",
        "latitude": "33.7600",
        "longitude": "-84.3900",
        "time_zone": "",
        "phone": "+14048931290",
        "email": "",
        "hours_en": "Monday",
        "hours_es": "",
        "instructions_en": "",
        "instructions_es": "",
        "area_of_responsibility": "",
        "is_active": "on",
        "accepts_online_booking": "on",
    }
    # Other apps add inlines to this page (opening rules, closures): keep their forms as sent.
    form.update(management_form_data(staff_client.get(url).content.decode()))
    response = staff_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    office.refresh_from_db()
    assert (office.latitude, office.longitude) == (33.76, -84.39)
    assert office.time_zone == "America/New_York"  # derived again from the ZIP
    assert office.name_es == "Atlanta (Georgia)"
    assert office.history.count() == 2
    history = staff_client.get(reverse("admin:offices_office_history", args=[office.pk]))
    assert history.status_code == 200
    # Out of range: refused with the field's message, nothing saved.
    response = staff_client.post(url, {**form, "latitude": "123"})
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 90" in response.content.decode()
    office.refresh_from_db()
    assert office.latitude == 33.76


class TestFinderNeverFails(HypothesisTestCase):
    """Any text at all in ?q= gives a page, never a server error."""

    @classmethod
    def setUpTestData(cls):
        OfficeFactory(code="ATLANTA-GA")

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.text(max_size=400))
    def test_any_query(self, text):
        response = self.client.get(FINDER, {"q": text})
        assert response.status_code == 200


def test_office_model_is_stable_for_other_apps():
    """Field names the appointments and booking code use."""
    names = {f.name for f in Office._meta.get_fields()}
    assert {
        "code",
        "name",
        "kind",
        "parent",
        "street",
        "city",
        "state",
        "zip",
        "latitude",
        "longitude",
        "phone",
        "email",
        "time_zone",
        "area_of_responsibility",
        "hours",
        "instructions",
        "accepts_online_booking",
        "is_active",
    } <= names
