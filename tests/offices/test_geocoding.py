"""The offline geocoder reads what people type (table-driven), and the online one is
used only when enabled, only for street addresses, and falls back when it fails."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkin_portal.places import zips
from offices import geocoding
from offices.geocoding import Status, clean_query, geocode

F, A, NF, UZ, NP, MIL, E = (
    Status.FOUND,
    Status.AMBIGUOUS,
    Status.NOT_FOUND,
    Status.UNKNOWN_ZIP,
    Status.NO_POSITION,
    Status.MILITARY,
    Status.EMPTY,
)

# (typed, expected status, expected state of the place found, or a word the label or
# the choices must contain)
CASES = [
    # ZIP, ZIP+4, lost leading zero
    ("30303", F, "GA"),
    ("30303-1234", F, "GA"),
    ("30303 - 1234", F, "GA"),
    ("303031234", F, "GA"),
    ("  30303  ", F, "GA"),
    ("2110", F, "MA"),
    ("02110", F, "MA"),
    ("ZIP: 60605.", F, "IL"),
    # City and state, every way of writing it
    ("Atlanta, GA", F, "GA"),
    ("atlanta ga", F, "GA"),
    ("ATLANTA GEORGIA", F, "GA"),
    ("aTlAnTa,   gEoRgIa!!", F, "GA"),
    ("city of Houston, Texas, USA", F, "TX"),
    ("st. louis, mo.", F, "MO"),
    ("Saint Louis Missouri", F, "MO"),
    ("Fort Worth TX", F, "TX"),
    ("Ft. Worth, Tex.", F, "TX"),
    ("Salt Lake City, Utah", F, "UT"),
    ("North Charleston, South Carolina", F, "SC"),
    ("Cañon City, CO", F, "CO"),
    ("los angeles", F, "CA"),
    ("Nueva York", F, "NY"),
    ("new york, ny", F, "NY"),
    # A state alone
    ("Georgia", F, "GA"),
    ("tx", F, "TX"),
    ("Carolina del Norte", F, "NC"),
    ("Washington DC", F, "DC"),
    # Full street addresses
    ("180 Ted Turner Dr SW, Atlanta, GA 30303", F, "GA"),
    ("180 ted turner drive southwest suite 522, atlanta, ga 30303-1234", F, "GA"),
    ("12500 Tukwila International Boulevard, Seattle, WA", F, "WA"),
    ("12445 E. Caley Avenue, Centennial CO 80111", F, "CO"),
    ("1 Main St, Apt 4, Springfield, IL", F, "IL"),
    ("99999 Atlanta GA", F, "GA"),
    ("30303 Atlanta GA", F, "GA"),
    # Territories
    ("San Juan, PR", F, "PR"),
    ("00901", F, "PR"),
    ("Hagatna, Guam", F, "GU"),
    ("96910", F, "GU"),
    ("Saipan", F, "MP"),
    ("Saipan, CNMI", F, "MP"),
    ("St Thomas, VI", F, "VI"),
    ("Charlotte Amalie, U.S. Virgin Islands", F, "VI"),
    ("Pago Pago AS", F, "AS"),
    ("American Samoa", F, "AS"),
    ("Puerto Rico", F, "PR"),
    # Ambiguous city: choose the state
    ("Springfield", A, "Springfield, IL"),
    ("kansas city", A, "Kansas City, MO"),
    ("Washington", A, "Washington, DC"),
    ("123 Main Street, Springfield", A, "Springfield, MA"),
    # Military mail and ZIPs without a position
    ("APO AE 09001", MIL, ""),
    ("PSC 1234, Box 5678, FPO AP 96349", MIL, ""),
    ("09001", MIL, ""),
    ("Unit 2050 Box 4190, DPO AE 09498", MIL, ""),
    ("Armed Forces Europe", MIL, ""),
    # Not recognised
    ("00000", UZ, "00000"),
    ("Atlnta, GA", NF, "Atlanta"),
    ("asdfgh", NF, ""),
    ("<script>alert(1)</script>", NF, ""),
    ("Main Street", NF, ""),
    ("'; DROP TABLE offices_office; --", NF, ""),
    ("1234567", NF, ""),
    ("Narnia", NF, ""),
    # Empty after cleaning
    ("", E, ""),
    ("   ", E, ""),
    ("\x00\x07\x1b", E, ""),
    ("🙂🏠", E, ""),
]


def _no_position_zip() -> str:
    index = zips.get_index()
    return next(
        z.zip_code
        for z in index.by_zip.values()
        if not z.has_coordinates and z.kind != "MILITARY" and z.state not in ("AA", "AE", "AP")
    )


@pytest.mark.parametrize(("typed", "status", "expect"), CASES)
def test_parse_table(typed, status, expect):
    result = geocode(typed)
    assert result.status is status, (typed, result)
    if status is F:
        assert result.place is not None
        assert result.place.state == expect or result.place.label.endswith(expect)
        assert -90 <= result.place.latitude <= 90
        assert -180 <= result.place.longitude <= 180
    elif status is A:
        assert len(result.choices) >= 2
        assert expect in [c.query for c in result.choices]
    elif status is NF and expect:
        assert any(expect in c.label for c in result.choices)
    elif status is UZ:
        assert result.detail == expect


def test_the_table_is_large_enough():
    assert len(CASES) >= 30


def test_zip_without_position_says_so():
    zip_code = _no_position_zip()
    result = geocode(zip_code)
    assert result.status is NP
    assert result.detail == zip_code


def test_zip_without_position_but_a_city_and_state_uses_the_city():
    zip_code = _no_position_zip()
    result = geocode(f"Atlanta, GA {zip_code}")
    assert result.status is F
    assert result.place.label == "Atlanta, GA"


def test_ambiguous_choices_list_each_state_once_and_can_be_searched():
    result = geocode("Springfield")
    queries = [c.query for c in result.choices]
    assert len(queries) == len(set(queries)) > 10
    for choice in result.choices:
        again = geocode(choice.query)
        assert again.status is F, choice


def test_zip_table_is_indexed_once_per_process(monkeypatch):
    zips.get_index()  # built (maybe by an earlier test)
    calls = []
    monkeypatch.setattr(zips, "_build", lambda: calls.append(1))
    for typed in ("30303", "Atlanta, GA", "Georgia", "Springfield"):
        geocode(typed)
    assert calls == []


def test_clean_query_removes_control_characters_and_symbols():
    assert clean_query("At\x00lanta\u200b, GA 🙂\n") == "At lanta , GA"
    assert clean_query("\uff13\uff10\uff13\uff10\uff13") == "30303"  # full-width digits
    assert clean_query(None) == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_an_answer_never_an_error(text):
    result = geocode(text)
    assert isinstance(result.status, Status)
    if result.found:
        assert -90 <= result.place.latitude <= 90


# --- Online geocoder ------------------------------------------------------------------


class _Location:
    latitude, longitude = 33.7634, -84.3951


class _FakeNominatim:
    calls: list = []
    error: Exception | None = None

    def __init__(self, **kwargs):
        _FakeNominatim.calls.append(("init", kwargs))

    def geocode(self, text, **kwargs):
        _FakeNominatim.calls.append(("geocode", text, kwargs))
        if _FakeNominatim.error:
            raise _FakeNominatim.error
        return _Location()


@pytest.fixture
def fake_nominatim(monkeypatch):
    import geopy.geocoders

    _FakeNominatim.calls = []
    _FakeNominatim.error = None
    monkeypatch.setattr(geopy.geocoders, "Nominatim", _FakeNominatim)
    return _FakeNominatim


def test_online_geocoder_is_off_by_default(fake_nominatim):
    result = geocode("180 Ted Turner Dr SW, Atlanta, GA 30303")
    assert result.source == "offline"
    assert fake_nominatim.calls == []


def test_online_geocoder_places_a_street_address_when_enabled(fake_nominatim, settings):
    settings.OFFICES_ONLINE_GEOCODER = True
    settings.OFFICES_GEOCODER_TIMEOUT = 10  # capped at 3 s
    result = geocode("180 Ted Turner Dr SW, Atlanta, GA 30303")
    assert result.source == "online"
    assert (result.place.latitude, result.place.longitude) == (33.7634, -84.3951)
    init = fake_nominatim.calls[0][1]
    assert init["timeout"] == 3.0


def test_online_geocoder_is_not_asked_for_a_zip_or_a_city(fake_nominatim, settings):
    settings.OFFICES_ONLINE_GEOCODER = True
    for typed in ("30303", "Atlanta, GA", "09001"):
        assert geocode(typed).source == "offline"
    assert fake_nominatim.calls == []


def test_online_failure_falls_back_to_offline(fake_nominatim, settings, caplog):
    from geopy.exc import GeocoderTimedOut

    settings.OFFICES_ONLINE_GEOCODER = True
    fake_nominatim.error = GeocoderTimedOut("slow")
    typed = "180 Ted Turner Dr SW, Atlanta, GA 30303"
    result = geocode(typed)
    assert result.found and result.source == "offline"
    assert result.place.label == "30303 (Atlanta, GA)"
    # The address typed is never logged.
    assert "Ted Turner" not in caplog.text
    assert "GeocoderTimedOut" in caplog.text


def test_online_network_error_falls_back_to_offline(fake_nominatim, settings):
    settings.OFFICES_ONLINE_GEOCODER = True
    fake_nominatim.error = OSError("network unreachable")
    assert geocode("1 Main St, Atlanta, GA").source == "offline"


def test_geocoding_module_exposes_one_function():
    assert callable(geocoding.geocode)
