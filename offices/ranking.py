"""The nearest points to a place, by geodesic distance, fast enough for many offices.

Computing the WGS-84 geodesic (``geopy.distance.geodesic``, about 50 µs each) for every
office on every search would cost half a second at 10,000 offices. Instead:

1. a cheap great-circle score for every point (haversine on the mean sphere; we compare
   ``a = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2)``, which grows with distance, so no
   arcsine per point);
2. the ``limit``-th smallest great-circle distance ``h`` bounds the answer: the
   great-circle distance is within ``SPHERE_ERROR`` (1 %) of the geodesic one (the worst
   case on the WGS-84 ellipsoid is about 0.56 %), so no point farther than
   ``h * (1 + e) / (1 - e)`` on the sphere can be nearer than the ``limit``-th on the
   ellipsoid;
3. the geodesic only for the few candidates inside that bound; ties broken by id.

The result is exactly the brute-force ranking (every point by geodesic, then id); a test
checks it against brute force on real and random data.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from geopy.distance import geodesic

EARTH_MEAN_RADIUS_KM = 6371.0088
KM_PER_MILE = 1.609344
SPHERE_ERROR = 0.01
_MARGIN = (1 + SPHERE_ERROR) / (1 - SPHERE_ERROR)
# Take a few more than asked from the cheap pass; the bound check says if that was enough.
_EXTRA_CANDIDATES = 8
# Rankings kept per point set: searches repeat the same few thousand places (ZIP and city
# centres), and a ranking costs about ten geodesics (half a millisecond). A set that
# reaches this many starts again.
RANKINGS_KEPT = 8192


@dataclass(frozen=True, slots=True)
class PointSet:
    """Points prepared once: ids, positions in degrees, and in radians with cos(latitude)."""

    ids: tuple[int, ...]
    latitudes: tuple[float, ...]
    longitudes: tuple[float, ...]
    lat_radians: tuple[float, ...]
    lon_radians: tuple[float, ...]
    cos_lat: tuple[float, ...]
    # (latitude, longitude, limit) -> ranking, and ("box", bounds) -> the ids inside. It
    # lives and dies with this set: a changed office list is a new set (offices.selectors
    # reloads its snapshot).
    rankings: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.ids)


def build_point_set(rows: Iterable[tuple[int, float, float]]) -> PointSet:
    rows = list(rows)
    lat_radians = tuple(math.radians(lat) for _, lat, _ in rows)
    return PointSet(
        ids=tuple(pk for pk, _, _ in rows),
        latitudes=tuple(float(lat) for _, lat, _ in rows),
        longitudes=tuple(float(lon) for _, _, lon in rows),
        lat_radians=lat_radians,
        lon_radians=tuple(math.radians(lon) for _, _, lon in rows),
        cos_lat=tuple(math.cos(lat) for lat in lat_radians),
    )


def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return geodesic((lat1, lon1), (lat2, lon2)).km


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_MEAN_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def _a_to_km(a: float) -> float:
    return 2 * EARTH_MEAN_RADIUS_KM * math.asin(math.sqrt(min(1.0, max(0.0, a))))


def _km_to_a(km: float) -> float:
    angle = min(math.pi / 2, km / (2 * EARTH_MEAN_RADIUS_KM))
    return math.sin(angle) ** 2


def nearest(
    points: PointSet, latitude: float, longitude: float, *, limit: int = 3
) -> list[tuple[int, float]]:
    """The ``limit`` nearest points as (id, geodesic km), nearest first (kept per set and
    place: the same search is ranked once)."""
    key = (latitude, longitude, limit)
    return list(_kept(points, key, lambda: _rank(points, latitude, longitude, limit)))


def within_box(
    points: PointSet, lat_min: float, lat_max: float, lon_min: float, lon_max: float
) -> tuple[int, ...]:
    """Ids of the points inside the box (kept per set and box, as rankings are: the
    soonest times of a search ask for the same place's box each time)."""
    key = ("box", lat_min, lat_max, lon_min, lon_max)
    return _kept(
        points,
        key,
        lambda: (
            pk
            for pk, lat, lon in zip(points.ids, points.latitudes, points.longitudes, strict=True)
            if lat_min <= lat <= lat_max and lon_min <= lon <= lon_max
        ),
    )


def _kept(points: PointSet, key: tuple, make) -> tuple:
    """``make()`` as a tuple, worked out once per set and key (at most RANKINGS_KEPT)."""
    known = points.rankings.get(key)
    if known is None:
        if len(points.rankings) >= RANKINGS_KEPT:
            points.rankings.clear()
        known = points.rankings[key] = tuple(make())
    return known


def _rank(
    points: PointSet, latitude: float, longitude: float, limit: int
) -> list[tuple[int, float]]:
    count = len(points)
    if count == 0 or limit <= 0:
        return []
    phi0, lam0 = math.radians(latitude), math.radians(longitude)
    cos0 = math.cos(phi0)
    sin = math.sin
    scores = [
        sin((phi - phi0) * 0.5) ** 2 + cos0 * c * sin((lam - lam0) * 0.5) ** 2
        for phi, lam, c in zip(points.lat_radians, points.lon_radians, points.cos_lat, strict=True)
    ]
    take = min(count, limit + _EXTRA_CANDIDATES)
    best = heapq.nsmallest(take, range(count), key=scores.__getitem__)
    kth = scores[best[min(limit, count) - 1]]
    bound = _km_to_a(_a_to_km(kth) * _MARGIN + 1e-6)
    if take < count and scores[best[-1]] <= bound:
        # Many points crowd the edge of the bound: take every one inside it.
        best = [i for i in range(count) if scores[i] <= bound]
    else:
        best = [i for i in best if scores[i] <= bound]
    ranked = sorted(
        (
            geodesic_km(latitude, longitude, points.latitudes[i], points.longitudes[i]),
            points.ids[i],
        )
        for i in best
    )
    return [(pk, km) for km, pk in ranked[:limit]]
