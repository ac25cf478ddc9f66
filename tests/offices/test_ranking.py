"""Distances and the nearest-offices ranking, against geodesic truth and brute force."""

import math
import random

import pytest
from geopy.distance import geodesic

from offices import ranking
from offices.geocoding import geocode
from offices.importer import DEFAULT_FILE, read_office_rows
from offices.services import offices_import

METRES_PER_MILE = 1609.344


def _dms(d, m, s):
    return (abs(d) + m / 60 + s / 3600) * (1 if d >= 0 else -1)


def _vincenty_metres(lat1, lon1, lat2, lon2):
    """Vincenty's (1975) inverse formula on WGS-84, written out here so the truth does
    not come from the library under test (geopy uses geographiclib)."""
    a, f = 6378137.0, 1 / 298.257223563
    b = (1 - f) * a
    u1 = math.atan((1 - f) * math.tan(math.radians(lat1)))
    u2 = math.atan((1 - f) * math.tan(math.radians(lat2)))
    big_l = math.radians(lon2 - lon1)
    lam = big_l
    sin_u1, cos_u1, sin_u2, cos_u2 = math.sin(u1), math.cos(u1), math.sin(u2), math.cos(u2)
    for _ in range(200):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        if sin_sigma == 0:
            return 0.0
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cos_u1 * cos_u2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha**2
        cos_2sm = cos_sigma - 2 * sin_u1 * sin_u2 / cos2_alpha if cos2_alpha else 0.0
        c = f / 16 * cos2_alpha * (4 + f * (4 - 3 * cos2_alpha))
        previous = lam
        lam = big_l + (1 - c) * f * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm**2))
        )
        if abs(lam - previous) < 1e-12:
            break
    u_sq = cos2_alpha * (a**2 - b**2) / b**2
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    delta_sigma = (
        big_b
        * sin_sigma
        * (
            cos_2sm
            + big_b
            / 4
            * (
                cos_sigma * (-1 + 2 * cos_2sm**2)
                - big_b / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm**2)
            )
        )
    )
    return b * big_a * (sigma - delta_sigma)


# Published geodesic distances (metres).
PUBLISHED = [
    # Vincenty (1975): Flinders Peak to Buninyong
    (
        (_dms(-37, 57, 3.72030), _dms(144, 25, 29.52440)),
        (_dms(-37, 39, 10.15610), _dms(143, 55, 35.38390)),
        54972.271,
    ),
    # Karney / GeographicLib documentation: Wellington to Salamanca
    ((-41.32, 174.81), (40.96, -5.50), 19959679.267),
]


@pytest.mark.parametrize(("a", "b", "metres"), PUBLISHED)
def test_distance_matches_published_geodesics(a, b, metres):
    km = ranking.geodesic_km(*a, *b)
    assert abs(km * 1000 - metres) / METRES_PER_MILE <= 0.5
    assert abs(km * 1000 - metres) < 1  # in fact to the metre


# Pairs the portal meets: a ZIP centre and an office, near and far, territories included.
US_PAIRS = [
    ((33.7525, -84.3888), (35.1716, -80.9103)),  # Atlanta to Charlotte
    ((40.7506, -73.9970), (34.0614, -118.2385)),  # New York to Los Angeles
    ((18.4655, -66.1057), (25.9797, -80.3338)),  # San Juan to Miramar
    ((21.3069, -157.8583), (13.4686, 144.7989)),  # Honolulu to Tamuning, Guam
    ((61.2176, -149.8631), (47.4800, -122.2900)),  # Anchorage to Seattle
    ((33.7525, -84.3888), (33.7525, -84.3888)),  # the same point
    ((33.7525, -84.3888), (33.7600, -84.3900)),  # half a mile
]


@pytest.mark.parametrize(("a", "b"), US_PAIRS)
def test_distance_within_half_a_mile_of_geodesic_truth(a, b):
    truth_miles = _vincenty_metres(*a, *b) / METRES_PER_MILE
    km = ranking.geodesic_km(*a, *b)
    assert abs(km / ranking.KM_PER_MILE - truth_miles) <= 0.5
    # And what the ranking reports for that pair is the same distance.
    points = ranking.build_point_set([(1, *b)])
    [(_pk, ranked_km)] = ranking.nearest(points, *a, limit=1)
    assert abs(ranked_km / ranking.KM_PER_MILE - truth_miles) <= 0.5


def test_sphere_error_bound_holds():
    """The prefilter's promise: great-circle within 1 % of geodesic, anywhere."""
    rng = random.Random(7)
    worst = 0.0
    for _ in range(3000):
        a = (rng.uniform(-89, 89), rng.uniform(-180, 180))
        b = (rng.uniform(-89, 89), rng.uniform(-180, 180))
        g = ranking.geodesic_km(*a, *b)
        if g < 1:
            continue
        worst = max(worst, abs(ranking.great_circle_km(*a, *b) / g - 1))
    assert worst < ranking.SPHERE_ERROR
    assert worst > 0.004  # the bound is not vacuous: the sphere really is off by ~0.5 %


def _brute_force(rows, lat, lon, limit):
    """Independent reference: geopy's geodesic to every point, sorted by (distance, id)."""
    ranked = sorted((geodesic((lat, lon), (plat, plon)).km, pk) for pk, plat, plon in rows)
    return [(pk, km) for km, pk in ranked[:limit]]


def _real_rows():
    rows = []
    for i, row in enumerate(read_office_rows(DEFAULT_FILE)):
        if row.get("is_active") == "yes":
            rows.append((i, float(row.get("latitude")), float(row.get("longitude"))))
    return rows


KNOWN_ZIPS = [
    "30303",
    "10001",
    "60605",
    "94103",
    "77060",
    "00901",
    "96910",
    "99501",
    "33027",
    "84119",
]


@pytest.mark.parametrize("zip_code", KNOWN_ZIPS)
def test_three_nearest_match_brute_force_on_real_offices(zip_code):
    rows = _real_rows()
    points = ranking.build_point_set(rows)
    place = geocode(zip_code).place
    fast = ranking.nearest(points, place.latitude, place.longitude, limit=3)
    slow = _brute_force(rows, place.latitude, place.longitude, 3)
    assert [pk for pk, _ in fast] == [pk for pk, _ in slow]
    assert [round(km, 6) for _, km in fast] == [round(km, 6) for _, km in slow]


def test_ranking_matches_brute_force_on_random_and_crowded_points():
    rng = random.Random(11)
    rows = [(i, rng.uniform(17, 65), rng.uniform(-170, -64)) for i in range(250)]
    # A crowd: many offices at (almost) the same spot, and exact duplicates.
    rows += [(1000 + i, 33.75 + rng.uniform(-1e-3, 1e-3), -84.39) for i in range(20)]
    rows += [(2000 + i, 40.0, -100.0) for i in range(5)]
    points = ranking.build_point_set(rows)
    spots = [(rng.uniform(15, 66), rng.uniform(-172, -60)) for _ in range(20)]
    spots += [(33.75, -84.39), (40.0, -100.0), (33.7, -84.3)]
    for lat, lon in spots:
        slow = _brute_force(rows, lat, lon, 5)
        for limit in (1, 3, 5):
            fast = ranking.nearest(points, lat, lon, limit=limit)
            assert [pk for pk, _ in fast] == [pk for pk, _ in slow[:limit]]
            assert [round(km, 6) for _, km in fast] == [round(km, 6) for _, km in slow[:limit]]


def test_fewer_points_than_asked():
    points = ranking.build_point_set([(1, 33.0, -84.0), (2, 34.0, -84.0)])
    assert [pk for pk, _ in ranking.nearest(points, 33.1, -84.0, limit=3)] == [1, 2]
    assert ranking.nearest(ranking.build_point_set([]), 33.1, -84.0) == []


@pytest.mark.django_db
def test_selector_three_nearest_bookable_offices_match_brute_force():
    from offices.models import Office
    from offices.selectors import nearest_offices

    offices_import(rows=read_office_rows(DEFAULT_FILE))
    # One more office switched off: it must never be offered.
    Office.objects.filter(code="ATLANTA-GA").update(is_active=False)
    active = list(
        Office.objects.filter(
            is_active=True, accepts_online_booking=True, latitude__isnull=False
        ).values_list("pk", "latitude", "longitude")
    )
    assert len(active) == 109
    for zip_code in KNOWN_ZIPS:
        place = geocode(zip_code).place
        expected = _brute_force(active, place.latitude, place.longitude, 3)
        found = nearest_offices(latitude=place.latitude, longitude=place.longitude)
        assert [n.office.pk for n in found] == [pk for pk, _ in expected], zip_code
        assert all(n.office.is_active and n.office.accepts_online_booking for n in found)
        assert found[0].miles == pytest.approx(expected[0][1] / ranking.KM_PER_MILE)


def test_a_place_is_ranked_once_per_point_set(monkeypatch):
    """Searches repeat the same places: the second ranking of one is read, not measured
    again (issue 17), and a changed office list (a new set) is measured afresh."""
    measured = []

    def counting_geodesic(*args, **kwargs):
        measured.append(args)
        return geodesic(*args, **kwargs)

    monkeypatch.setattr(ranking, "geodesic", counting_geodesic)
    rows = [(1, 33.0, -84.0), (2, 34.0, -84.0), (3, 35.0, -84.0), (4, 36.0, -84.0)]
    points = ranking.build_point_set(rows)
    first = ranking.nearest(points, 33.1, -84.0, limit=3)
    after_first = len(measured)
    assert after_first >= 3
    first.append("changed by a caller")
    assert ranking.nearest(points, 33.1, -84.0, limit=3) == first[:3]
    assert len(measured) == after_first

    assert [pk for pk, _ in ranking.nearest(points, 33.1, -84.0, limit=1)] == [1]
    assert len(measured) > after_first

    moved = ranking.build_point_set([(1, 36.5, -84.0), *rows[1:]])
    assert [pk for pk, _ in ranking.nearest(moved, 33.1, -84.0, limit=3)] == [2, 3, 4]


def test_rankings_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(ranking, "RANKINGS_KEPT", 3)
    points = ranking.build_point_set([(1, 33.0, -84.0), (2, 34.0, -84.0)])
    for step in range(5):
        ranking.nearest(points, 33.0 + step / 10, -84.0)
        assert len(points.rankings) <= 3


def test_the_points_inside_a_box_are_found_once_per_set_and_box():
    points = ranking.build_point_set([(1, 30.0, -95.0), (2, 31.0, -96.0), (3, 40.0, -75.0)])
    assert ranking.within_box(points, 29.5, 31.5, -96.5, -94.5) == (1, 2)
    assert ranking.within_box(points, 39.0, 41.0, -76.0, -74.0) == (3,)
    assert ranking.within_box(points, 0.0, 1.0, 0.0, 1.0) == ()
    kept = dict(points.rankings)
    assert (
        ranking.within_box(points, 29.5, 31.5, -96.5, -94.5)
        is kept[("box", 29.5, 31.5, -96.5, -94.5)]
    )
