"""The one ZIP index (checkin_portal.places.zips)."""

from checkin_portal.places import zips


def test_one_index_built_once_per_process(monkeypatch):
    zips.get_index()  # built (maybe by an earlier test)
    calls = []
    monkeypatch.setattr(zips, "_build", lambda: calls.append(1))
    for code in ["30303", "78701", "99999", "00901"] * 50:
        zips.zip_record(code)
        zips.zone_for_zip(code)
    zips.zone_for_place("Atlanta", "GA")
    zips.warm()
    assert calls == []


def test_a_record_carries_what_every_caller_needs():
    record = zips.zip_record("30303")
    assert (record.city, record.state, record.county) == ("Atlanta", "GA", "Fulton County")
    assert record.time_zone == "America/New_York"
    assert record.kind == "STANDARD"
    assert record.has_coordinates and 33 < record.latitude < 34 and -85 < record.longitude < -84
    assert zips.zip_record("30303-1234") == record
    assert zips.zip_record("99999") is None
    assert zips.zip_record("") is None
    assert zips.zip_record(None) is None


def test_every_zip_of_the_table_is_indexed_including_mail_only_ones():
    index = zips.get_index()
    assert len(index.by_zip) == 42789
    assert {"AA", "AE", "AP", "FM", "MH", "PW", "GU", "VI"} <= {
        r.state for r in index.by_zip.values()
    }
    # Military ZIPs have no position; the city tables leave mail-only states out.
    assert not any(state in {"AA", "AE", "AP", "FM"} for _city, state in index.city_state)
    assert ("atlanta", "GA") in index.city_state


def test_zones_of_places():
    assert zips.zone_for_zip("96910") == "Pacific/Guam"
    assert zips.zone_for_zip("00901") == "America/Puerto_Rico"
    assert zips.zone_for_zip("3030") == ""
    assert zips.zone_for_zip("٣٠٣٠٣") == ""  # ASCII digits only: the table's
    assert zips.zone_for_place("  el paso ", "tx") == "America/Denver"
    assert zips.zone_for_place("Nowhere", "TX") == ""
    assert zips.zone_for_address(zip_code="", city="Honolulu", state="HI") == "Pacific/Honolulu"
    assert zips.zone_for_address(zip_code="96910", city="Honolulu", state="HI") == "Pacific/Guam"


def test_no_record_holds_a_zone_name_that_is_not_a_zone():
    from checkin_portal.places.zones import valid_time_zones

    zones = {r.time_zone for r in zips.get_index().by_zip.values()}
    assert zones - {""} <= valid_time_zones()
