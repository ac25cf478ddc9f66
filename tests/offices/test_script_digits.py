"""The office finder reads ZIPs typed with the digits of any script (issue 12, point 8)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offices.forms import ChooseOfficeForm, OfficeSearchForm
from offices.geocoding import Status, geocode
from offices.geocoding.parser import geocode_offline
from offices.selectors import forget_office_points
from tests.strategies import SCRIPTS, any_script_number, digits_text, in_script

from .factories import OfficeFactory
from .pages import FINDER

pytestmark = pytest.mark.django_db


@pytest.fixture
def atlanta():
    forget_office_points()
    office = OfficeFactory(
        code="ATLANTA-GA", name="Atlanta, GA", zip="30303", latitude=33.7525, longitude=-84.3888
    )
    yield office
    forget_office_points()


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_zip_in_native_digits_finds_offices(client, atlanta, script):
    typed = in_script("30303", script)
    response = client.get(FINDER, {"q": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" not in html
    assert "nearest to 30303 (Atlanta, GA)" in html
    assert 'id="office-ATLANTA-GA"' in html


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("٣٠٣٠٣-١٢٣٤", "30303 (Atlanta, GA)"),
        ("۶۰۶۰۵", "60605 (Chicago, IL)"),
        ("१८० Ted Turner Dr SW, Atlanta, GA ३०३०३", "30303 (Atlanta, GA)"),
        ("੨੨੧੦", "02210 (Boston, MA)"),  # 4 digits: the leading 0 a spreadsheet dropped
    ],
)
def test_offline_reading_of_native_digits(typed, label):
    result = geocode_offline(typed)
    assert result.status is Status.FOUND
    assert result.place.label == label


def test_a_military_unit_in_native_digits_is_still_military():
    assert geocode_offline("Unit ٢٠٥٠ Box ٤١٩٠, APO AE").status is Status.MILITARY


query_typed = st.one_of(
    any_script_number("30303"),
    any_script_number("30303-1234"),
    any_script_number("180 Ted Turner Dr SW, Atlanta, GA 30303"),
    digits_text,
    st.builds(lambda a, b: a + b, digits_text, st.sampled_from([" Atlanta GA", ", NY", ""])),
)


@settings(max_examples=80, deadline=None)
@given(q=query_typed)
def test_finder_form_and_geocoder_with_any_digits(q):
    form = OfficeSearchForm(data={"q": q})
    if not form.is_valid():
        assert list(form.errors) == ["q"]
        return
    cleaned = form.cleaned_data["q"]
    assert not any(ch.isdigit() and not ch.isascii() for ch in cleaned)
    assert geocode(cleaned).status in set(Status)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=query_typed)
def test_finder_page_with_any_digits_never_fails(client, atlanta, q):
    response = client.get(FINDER, {"q": q})
    assert response.status_code == 200
    assert "Traceback" not in response.content.decode()


@settings(max_examples=50, deadline=None)
@given(office=st.one_of(digits_text, any_script_number("ATLANTA-GA")))
def test_choose_office_form_with_any_digits(office):
    form = ChooseOfficeForm(data={"office": office})
    assert not form.is_valid()  # no such office: a clear message, never an exception
    assert form.errors["office"]
