"""Reads for offices: the three nearest active offices to what a person typed.

Queries per search are fixed, whatever the number of offices:

1. one small aggregate (count, highest id, latest change) tells whether this process's
   copy of the active offices' coordinates is still current;
2. only when it is not (after an office was added, changed or removed), one query reloads
   the coordinates: (id, latitude, longitude) of every active office with a position;
3. one query fetches the offices that won, by primary key.

So a warm search runs 2 queries and the first search after a change runs 3, for 146
offices or 10,000. Why a per-process copy rather than ranking in SQL: the portable SQL
ranking (trigonometry + a window function) measured 11 ms at 146 offices and 40 ms at
10,000 on PostgreSQL, and loading 10,000 coordinates on every request costs ~13 ms; the
copy makes a search cost the check (well under a millisecond) plus ~4 ms of Python at
10,000 offices (see ``make bench-offices``). Every process sees an office change on its
next search, because every save moves ``updated_at`` (admin, importer and services all
save through the model).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils.translation import get_language

from . import ranking
from .geocoding import GeocodeResult, Status, geocode
from .models import Office

RESULT_COUNT = 3
SESSION_KEY = "offices:chosen_office"


@dataclass(frozen=True)
class NearbyOffice:
    office: Office
    km: float

    @property
    def miles(self) -> float:
        return self.km / ranking.KM_PER_MILE

    @property
    def show_km(self) -> bool:
        """Miles for everyone; kilometres too for readers of languages other than English
        (most of the world measures in kilometres)."""
        return not (get_language() or "en").startswith("en")


@dataclass(frozen=True)
class OfficeSearch:
    """What a search found: the reading of the input and, when it gave a place, the
    nearest offices (possibly fewer than three, or none, if few offices are active)."""

    query: str
    geocoded: GeocodeResult
    results: tuple[NearbyOffice, ...] = ()

    @property
    def status(self) -> Status:
        return self.geocoded.status

    @property
    def place_label(self) -> str:
        return self.geocoded.place.label if self.geocoded.place else ""


@dataclass(frozen=True)
class _Snapshot:
    token: tuple
    points: ranking.PointSet


_snapshot: _Snapshot | None = None
_snapshot_lock = threading.Lock()


def _offices_token() -> tuple:
    """Changes whenever an office is created, saved or deleted (one query)."""
    row = Office.objects.aggregate(count=Count("pk"), last_id=Max("pk"), changed=Max("updated_at"))
    return (row["count"], row["last_id"], row["changed"])


def active_office_points() -> ranking.PointSet:
    """Coordinates of every active office with a position, cached per process and
    checked for changes on every call (1 query, 2 when they changed)."""
    global _snapshot
    token = _offices_token()
    snapshot = _snapshot
    if snapshot is None or snapshot.token != token:
        rows = (
            Office.objects.filter(is_active=True, latitude__isnull=False, longitude__isnull=False)
            .order_by("pk")
            .values_list("pk", "latitude", "longitude")
        )
        snapshot = _Snapshot(token=token, points=ranking.build_point_set(rows))
        with _snapshot_lock:
            _snapshot = snapshot
    return snapshot.points


def forget_office_points() -> None:
    """Drop this process's copy (tests and the benchmark use it)."""
    global _snapshot
    with _snapshot_lock:
        _snapshot = None


def nearest_offices(
    *, latitude: float, longitude: float, limit: int = RESULT_COUNT
) -> list[NearbyOffice]:
    """The ``limit`` active offices nearest to a point by geodesic distance, nearest
    first (2 queries when the cached coordinates are current, 3 otherwise)."""
    ranked = ranking.nearest(active_office_points(), latitude, longitude, limit=limit)
    if not ranked:
        return []
    offices = Office.objects.in_bulk([pk for pk, _ in ranked])
    return [
        NearbyOffice(office=offices[pk], km=km)
        for pk, km in ranked
        # An office switched off between the two queries is simply left out.
        if pk in offices and offices[pk].is_active
    ]


def office_search(*, query: str, limit: int = RESULT_COUNT) -> OfficeSearch:
    """Read ``query`` (address, city, state or ZIP) and find the nearest active offices.
    No query at all when the input does not give a place."""
    geocoded = geocode(query)
    if not geocoded.found:
        return OfficeSearch(query=query, geocoded=geocoded)
    place = geocoded.place
    results = nearest_offices(latitude=place.latitude, longitude=place.longitude, limit=limit)
    return OfficeSearch(query=query, geocoded=geocoded, results=tuple(results))


def active_office_by_code(code: str) -> Office | None:
    """The active office with this code, or None (1 query)."""
    code = (code or "").strip().upper()
    if not code or len(code) > Office._meta.get_field("code").max_length:
        return None
    return Office.objects.filter(code=code, is_active=True).first()


def chosen_office_code(request) -> str:
    """The office code the person chose in the finder, remembered in the session."""
    return request.session.get(SESSION_KEY, "") if hasattr(request, "session") else ""


def chosen_office(request) -> Office | None:
    """The office the person chose in the finder if it is still active (1 query; none if
    nothing was chosen)."""
    code = chosen_office_code(request)
    return active_office_by_code(code) if code else None
