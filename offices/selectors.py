"""Reads for offices: the three nearest active offices to what a person typed.

Queries per search are fixed, whatever the number of offices (146 or 10,000):

* each process keeps a copy of the active offices' coordinates (id, latitude, longitude)
  and ranks against it in Python (``ranking.nearest``);
* the winners are then fetched together with a "token" (highest id, latest
  ``updated_at``, both read from an index) in ONE query; if the token differs from the
  copy's, an office was added or saved since: the copy is reread (1 query), the ranking
  redone and the winners fetched again (1 query). A winner that is missing or inactive
  in the fetch (deleted, or switched off by a bulk update) triggers the same reread.

So a search costs 1 query, and 3 right after an office change (or in a new process).
Every process sees a change on its next search, because every save moves
``updated_at`` (admin, importer and services all save through the model; a bulk
``update()`` that switches an office ON or moves it is seen at the next save).

Why not rank in SQL, or read every coordinate per request: the portable SQL ranking
(trigonometry + a window function) measured 11 ms at 146 offices and 40 ms at 10,000 on
PostgreSQL, and reading 10,000 coordinates costs ~13 ms per request; with the copy, a
search is one indexed query plus ~5 ms of Python at 10,000 offices (``make
bench-offices``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.db import connection
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
    def is_under_a_mile(self) -> bool:
        return self.miles < 1

    @property
    def decimals(self) -> int:
        """Decimals worth showing: 12.3 miles, but 123 miles."""
        return 1 if self.miles < 10 else 0

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


def _sql_names() -> dict[str, str]:
    quote = connection.ops.quote_name
    return {
        "table": quote(Office._meta.db_table),
        "id": quote(Office._meta.pk.column),
        "changed": quote(Office._meta.get_field("updated_at").column),
    }


def _token_sql() -> str:
    # Table and column names come from the model, never from input.
    names = _sql_names()
    return (
        f"SELECT MAX({names['id']}) AS offices_last_id, "  # noqa: S608
        f"MAX({names['changed']}) AS offices_changed FROM {names['table']}"
    )


def _offices_token() -> tuple:
    """(highest id, latest change): moves whenever an office is created or saved (1
    query, both answered from an index). Plain SQL: on this hot path the ORM's query
    building cost more than the query itself."""
    with connection.cursor() as cursor:
        cursor.execute(_token_sql())
        return tuple(cursor.fetchone())


def _load_snapshot(token: tuple | None = None) -> _Snapshot:
    """Read the coordinates of every active office with a position (1 query; 2 when the
    token is not known yet)."""
    global _snapshot
    token = token if token is not None else _offices_token()
    rows = (
        Office.objects.filter(is_active=True, latitude__isnull=False, longitude__isnull=False)
        .order_by("pk")
        .values_list("pk", "latitude", "longitude")
    )
    snapshot = _Snapshot(token=token, points=ranking.build_point_set(rows))
    with _snapshot_lock:
        _snapshot = snapshot
    return snapshot


def active_office_points() -> ranking.PointSet:
    """Coordinates of every active office with a position, as this process last read
    them; reread when an office changed."""
    snapshot = _snapshot
    token = _offices_token()
    if snapshot is None or snapshot.token != token:
        snapshot = _load_snapshot(token)
    return snapshot.points


def forget_office_points() -> None:
    """Drop this process's copy (tests and the benchmark use it)."""
    global _snapshot
    with _snapshot_lock:
        _snapshot = None


def _fetch(ids: list[int]) -> tuple[dict[int, Office], tuple]:
    """The offices with these ids, and the token, in one query."""
    names = _sql_names()
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT o.*, t.offices_last_id, t.offices_changed "  # noqa: S608
        f"FROM {names['table']} o CROSS JOIN ({_token_sql()}) t "
        f"WHERE o.{names['id']} IN ({placeholders})"
    )
    offices = {office.pk: office for office in Office.objects.raw(sql, ids)}
    if not offices:
        return offices, _offices_token()
    first = next(iter(offices.values()))
    return offices, (first.offices_last_id, first.offices_changed)


def nearest_offices(
    *, latitude: float, longitude: float, limit: int = RESULT_COUNT
) -> list[NearbyOffice]:
    """The ``limit`` active offices nearest to a point by geodesic distance, nearest
    first.

    Optimistic: rank against this process's copy of the coordinates, then fetch the
    winners together with the current token in one query. If the token shows that the
    offices changed since the copy was made, reload the copy and rank again. So: one
    query when nothing changed; three after a change or in a new process."""
    snapshot = _snapshot or _load_snapshot()
    ranked: list[tuple[int, float]] = []
    offices: dict[int, Office] = {}
    for _attempt in range(2):
        ranked = ranking.nearest(snapshot.points, latitude, longitude, limit=limit)
        if ranked:
            offices, token = _fetch([pk for pk, _ in ranked])
        else:
            offices, token = {}, _offices_token()
        # A winner deleted or switched off without a save (a bulk update) also means
        # the copy is stale.
        intact = all(pk in offices and offices[pk].is_active for pk, _ in ranked)
        if token == snapshot.token and intact:
            break
        snapshot = _load_snapshot(token)
    return [
        NearbyOffice(office=offices[pk], km=km)
        for pk, km in ranked
        # An office switched off while we looked is left out.
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
