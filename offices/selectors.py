"""Reads for offices: the three nearest offices that take online bookings to what a
person typed, and the nearest one that does not, when it is nearer (shown apart, with
its phone and hours, never as a choice: choosing it would lead nowhere).

Queries per search are fixed, whatever the number of offices (146 or 10,000):

* each process keeps a copy of the active offices' coordinates (id, latitude, longitude),
  in two sets, bookable online or not, and ranks against both in Python
  (``ranking.nearest``);
* the winners are then fetched together with a "token" (highest id, latest
  ``updated_at``, both read from an index) in ONE query; if the token differs from the
  copy's, an office was added or saved since: the copy is reread (1 query), the ranking
  redone and the winners fetched again (1 query). A winner that is missing or inactive
  in the fetch (deleted, or switched off by a bulk update) triggers the same reread.

The winners are read whole (60 columns, a dozen of them translated) the first time only:
each process keeps them, and a later search reads just the version of each winner's row
(PostgreSQL's transaction and place of it, in the same one query) and uses the kept
office while it is the same, so any edit, however made, is shown at once (see "Whole
offices kept per process").

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
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection, connections
from django.db.models import DateTimeField, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language

from checkin_portal.places.states import STATES, TERRITORIES
from checkin_portal.prepared import Prepared

from . import ranking
from .geocoding import GeocodeResult, Status, geocode
from .models import Office

RESULT_COUNT = 3
# Offices that take no online bookings, shown apart when nearer than the last bookable one.
NOT_BOOKABLE_COUNT = 1
SESSION_KEY = "offices:chosen_office"
# A search from a territory whose nearest office is elsewhere, or farther than this, gets
# an honest "the nearest office is far" notice with the help line (see OfficeSearch.is_far).
FAR_MILES = 200


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

    @cached_property
    def shown(self) -> tuple:
        """The office and its distance as plain values (see ``Office.shown``). Worked out
        once: a search's results and their soonest times both key on it, within one
        request (one language)."""
        return (_office_shown(self.office), self.km)

    @property
    def show_km(self) -> bool:
        """Miles for everyone; kilometres too for readers of languages other than English
        (most of the world measures in kilometres)."""
        return not (get_language() or "en").startswith("en")


@dataclass(frozen=True)
class OfficeSearch:
    """What a search found: the reading of the input and, when it gave a place, the
    nearest offices that take online bookings (possibly fewer than three, or none, if few
    are active), and the nearer ones that do not (``not_bookable``)."""

    query: str
    geocoded: GeocodeResult
    results: tuple[NearbyOffice, ...] = ()
    not_bookable: tuple[NearbyOffice, ...] = ()

    @property
    def nearest(self) -> NearbyOffice | None:
        """The nearest office of all shown, bookable or not."""
        return min((*self.results, *self.not_bookable), key=lambda n: n.km, default=None)

    @property
    def is_far(self) -> bool:
        """A search from a territory (Puerto Rico, Guam, ...) whose nearest office is not
        in that territory, or is more than ``FAR_MILES`` away: the nearest office may be
        across the sea, and the page must say so instead of listing it as if it were
        near."""
        place = self.geocoded.place
        nearest = self.nearest
        if place is None or place.state not in TERRITORIES or nearest is None:
            return False
        return nearest.office.state != place.state or nearest.miles > FAR_MILES

    @property
    def territory_name(self) -> str:
        place = self.geocoded.place
        return STATES.get(place.state, "") if place else ""

    @property
    def status(self) -> Status:
        return self.geocoded.status

    @property
    def place_label(self) -> str:
        return self.geocoded.place.label if self.geocoded.place else ""

    @property
    def shown(self) -> tuple:
        """What the results of a search that found a place show, as plain values: the
        key of their rendered part (offices/_office_results.html). Never what was typed:
        the place it was read as, and the offices."""
        return (
            self.status,
            self.place_label,
            self.territory_name,
            self.is_far,
            tuple(nearby.shown for nearby in self.results),
            tuple(nearby.shown for nearby in self.not_bookable),
        )


@dataclass(frozen=True)
class _Snapshot:
    token: tuple
    points: ranking.PointSet  # active offices that take online bookings
    not_bookable: ranking.PointSet  # active offices that do not
    # Whole offices, by id, kept for the next searches and used while their rows' digests
    # are the same (see "Whole offices kept per process"). Shared by every thread of the
    # process: their fields are never changed.
    offices: dict[int, Office] = field(default_factory=dict, compare=False, repr=False)


_snapshot: _Snapshot | None = None
_snapshot_lock = threading.Lock()


def _sql_names() -> dict[str, str]:
    quote = connection.ops.quote_name
    return {
        "table": quote(Office._meta.db_table),
        "id": quote(Office._meta.pk.column),
        "changed": quote(Office._meta.get_field("updated_at").column),
    }


def _token_parts() -> tuple[str, str]:
    """The two halves of the offices' change token: (highest id, latest change)."""
    # Table and column names come from the model, never from input.
    names = _sql_names()
    return (
        f"SELECT MAX({names['id']}) FROM {names['table']}",  # noqa: S608
        f"SELECT MAX({names['changed']}) FROM {names['table']}",  # noqa: S608
    )


def _token_sql() -> str:
    last_id, changed = _token_parts()
    return f"SELECT ({last_id}) AS offices_last_id, ({changed}) AS offices_changed"


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
        .values_list("pk", "latitude", "longitude", "accepts_online_booking")
    )
    bookable, not_bookable = [], []
    for pk, latitude, longitude, online in rows:
        (bookable if online else not_bookable).append((pk, latitude, longitude))
    snapshot = _Snapshot(
        token=token,
        points=ranking.build_point_set(bookable),
        not_bookable=ranking.build_point_set(not_bookable),
    )
    with _snapshot_lock:
        _snapshot = snapshot
    return snapshot


def active_office_points() -> ranking.PointSet:
    """Coordinates of every active office with a position that takes online bookings,
    as this process last read them; reread when an office changed."""
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


def token_annotations() -> dict:
    """The offices' change token (see _offices_token) as two columns of another query."""
    last_id, changed = _token_parts()
    return {
        "offices_last_id": RawSQL(last_id, ()),  # noqa: S611 - no input in it
        "offices_changed": RawSQL(changed, (), output_field=DateTimeField()),  # noqa: S611
    }


# --- Whole offices kept per process (issue 17). A search showed the same few offices
# again and again, each read whole (60 columns, a dozen translated) and made into a model
# instance on every search. Now each is read whole once and kept on the snapshot; later
# searches read only a digest of each row, in the same one query, and use the kept
# office while the digest is the same. The digest is the row version's place in
# PostgreSQL (see _row_version): every change to the row, however it was made (the
# admin, an import, a bulk update, plain SQL), writes a new version, so what is shown is
# always the row as it is now. PostgreSQL only; elsewhere (the SQLite demo) every search
# reads the offices whole, as before.
ROW_DIGEST = "office_row_digest"


_SHOWN = "_kept_shown"  # on a kept office: its ``shown()`` by language


def _kept(office: Office) -> Office:
    setattr(office, _SHOWN, {})
    return office


def _office_shown(office: Office) -> tuple:
    """``office.shown()``, worked out once per language for a kept office (it does not
    change while it is kept)."""
    by_language = getattr(office, _SHOWN, None)
    if by_language is None:
        return office.shown()
    language = get_language()
    shown = by_language.get(language)
    if shown is None:
        shown = by_language[language] = office.shown()
    return shown


def keeps_offices(alias: str = "default") -> bool:
    return connections[alias].vendor == "postgresql"


# The row version a statement reads: PostgreSQL writes every UPDATE of a row as a new
# version, stamped with the writing transaction (xmin) at a new place (ctid), so the pair
# changes with any change to the row, even a second one in the same transaction (same
# xmin, new ctid). A row locked (FOR UPDATE) or frozen by VACUUM keeps both; a rewrite
# (VACUUM FULL) may move a row unchanged: a kept office is then read again, which is only
# a read. Transaction numbers are given out again only after the database loses some
# (a failover to a replica that lagged, a restore to an earlier point): an edit made then
# could get the number and the place of a lost edit a process kept. The row's last save
# (``updated_at``) is in the version too, so only two edits in plain SQL or in bulk (the
# lost one and the new one) could meet that way (ADR 0017, fifteenth pass). The md5 of
# the whole row it replaces cost PostgreSQL 0.04 ms per search (60 columns made into
# text).
def _row_version(alias: str) -> str:
    """The SQL of the version of the office row that ``alias`` names (see above)."""
    changed = _sql_names()["changed"]
    return f"{alias}.xmin::text || {alias}.ctid::text || {alias}.{changed}::text"


def _row_digest() -> RawSQL:
    """A digest of the office row as this statement reads it (the outer table's alias is
    its name in the queries that use it)."""
    return RawSQL(_row_version(_sql_names()["table"]), ())  # noqa: S611 - model names only


def with_row_digest(queryset):
    """``queryset`` of offices with each row's digest (on PostgreSQL), to keep them."""
    return queryset.annotate(**{ROW_DIGEST: _row_digest()}) if keeps_offices() else queryset


def _offices_with_token(ids):
    # The token (see _offices_token) rides along: one query, no second round trip.
    query = Office.objects.filter(pk__in=ids).order_by().annotate(**token_annotations())
    return with_row_digest(query)


# Every search fetches its nearest offices: compiled once per process (issue 17).
_OFFICES_WITH_TOKEN = Prepared(_offices_with_token, args={"ids": int}, lists=("ids",))

# The digests of kept offices, with the token. A plain QuerySet: modeltranslation's
# would rewrite the columns of values_list().
_OFFICE_DIGESTS = Prepared(
    lambda ids: (
        QuerySet(Office)
        .filter(pk__in=ids)
        .order_by()
        .annotate(**token_annotations(), **{ROW_DIGEST: _row_digest()})
        # In the order the columns are selected (annotations last, as annotated).
        .values_list("pk", "offices_last_id", "offices_changed", ROW_DIGEST)
    ),
    args={"ids": int},
    lists=("ids",),
)


def kept_if_same(kept: dict[int, Office], pk: int, digest: str) -> Office | None:
    """The kept office ``pk`` if its row is still the one it was read from."""
    office = kept.get(pk)
    return office if office is not None and getattr(office, ROW_DIGEST) == digest else None


def _kept_or_fetched(snapshot: _Snapshot, ids: list[int]) -> tuple[dict[int, Office], tuple]:
    """The offices ``ids`` and the token, in one query: when the snapshot keeps them all,
    only the digests of their rows are read (an office whose row changed is left out, so
    the search sees the copy as stale and reads again); else they are read whole, and
    kept."""
    kept = snapshot.offices
    if kept and all(pk in kept for pk in ids):
        offices, token = {}, None
        for pk, last_id, changed, digest in _OFFICE_DIGESTS.rows(ids=ids):
            token = (last_id, changed)
            office = kept_if_same(kept, pk, digest)
            if office is not None:
                offices[pk] = office
        return offices, token if token is not None else _offices_token()
    offices, token = _fetch(ids)
    if token == snapshot.token and keeps_offices():
        kept.update((pk, _kept(office)) for pk, office in offices.items())
    return offices, token


def keep_offices(offices) -> None:
    """Keep these whole offices, read just now with their digests (``with_row_digest``),
    for later searches."""
    snapshot = _snapshot
    if snapshot is not None and keeps_offices():
        for office in offices:
            snapshot.offices[office.pk] = _kept(office)


def kept_office(pk: int, digest: str) -> Office | None:
    """The office ``pk`` as this process keeps it whole, if its row is still the one it
    was read from (``digest``: its row's digest as read just now)."""
    snapshot = _snapshot
    return kept_if_same(snapshot.offices, pk, digest) if snapshot is not None else None


def row_digest_of_code(code: str) -> RawSQL:
    """The digest of the row of the office with this code (NULL when there is none), as a
    column of another table's query: it depends on no row of that query, so PostgreSQL
    works it out once per statement. The same digest as ``with_row_digest``'s."""
    # Table and column names come from the model, never from input; the code is a parameter.
    table = _sql_names()["table"]
    column = connection.ops.quote_name(Office._meta.get_field("code").column)
    sql = f"(SELECT {_row_version('o')} FROM {table} o WHERE o.{column} = %s)"  # noqa: S608
    return RawSQL(sql, (code,))  # noqa: S611


def kept_offices_around(ids, box) -> dict[int, Office] | None:
    """The kept whole offices ``ids`` and every active office taking online bookings
    inside ``box`` (lat_min, lat_max, lon_min, lon_max), by id; None when one of them
    is not kept (then read them whole)."""
    snapshot = _snapshot
    if snapshot is None:
        return None
    kept = snapshot.offices
    wanted = set(ids)
    if box is not None:
        wanted.update(ranking.within_box(snapshot.points, *box))
    # One read of each (another thread may forget one meanwhile: forget_kept).
    found = {pk: kept.get(pk) for pk in wanted}
    return None if any(office is None for office in found.values()) else found


def _fetch(ids: list[int]) -> tuple[dict[int, Office], tuple]:
    """The offices with these ids, and the token, in one query."""
    offices = {office.pk: office for office in _OFFICES_WITH_TOKEN.objects(ids=ids)}
    if not offices:
        return offices, _offices_token()
    first = next(iter(offices.values()))
    return offices, (first.offices_last_id, first.offices_changed)


@dataclass(frozen=True)
class Nearest:
    bookable: list[NearbyOffice]
    # Nearer than the farthest bookable one (or any, when none is bookable).
    not_bookable: list[NearbyOffice]


@dataclass(frozen=True)
class Ranking:
    """The nearest offices to a point by this process's copy of the coordinates: ``ranked``
    (take online bookings) and ``others`` (do not, and are nearer than the last of those),
    each (id, km), nearest first. Not yet checked against the database (``settled``)."""

    snapshot: _Snapshot
    ranked: list[tuple[int, float]]
    others: list[tuple[int, float]]

    @property
    def ids(self) -> list[int]:
        return [pk for pk, _km in (*self.ranked, *self.others)]

    def settled(self, offices: dict[int, Office], token) -> Nearest | None:
        """The offices shown, given the winners as read just now (``offices``, by id; a
        winner whose row changed is left out of it) and the offices' token read with
        them; None when the copy is stale (an office was added or saved since, or a
        winner was deleted, switched off or switched to "no online booking" without a
        save): then rank again against a fresh copy."""
        intact = all(pk in offices and offices[pk].is_active for pk in self.ids) and all(
            offices[pk].accepts_online_booking for pk, _km in self.ranked
        )
        if token != self.snapshot.token or not intact:
            return None

        def shown(pairs, online: bool) -> list[NearbyOffice]:
            return [
                NearbyOffice(office=offices[pk], km=km)
                for pk, km in pairs
                if offices[pk].accepts_online_booking == online
            ]

        return Nearest(bookable=shown(self.ranked, True), not_bookable=shown(self.others, False))


def _rank(
    snapshot: _Snapshot, latitude: float, longitude: float, limit: int, not_bookable_limit: int
) -> Ranking:
    ranked = ranking.nearest(snapshot.points, latitude, longitude, limit=limit)
    others = ranking.nearest(snapshot.not_bookable, latitude, longitude, limit=not_bookable_limit)
    if ranked and others:
        others = [(pk, km) for pk, km in others if km < ranked[-1][1]]
    return Ranking(snapshot=snapshot, ranked=ranked, others=others)


def kept_ranking(
    *,
    latitude: float,
    longitude: float,
    limit: int = RESULT_COUNT,
    not_bookable_limit: int = NOT_BOOKABLE_COUNT,
) -> Ranking | None:
    """The ranking against this process's copy when the copy keeps every winner whole, so
    that a caller may check the winners' digests and the token in a query of its own
    (``Ranking.settled``); None otherwise (then ``nearest``)."""
    snapshot = _snapshot
    if snapshot is None or not keeps_offices():
        return None
    found = _rank(snapshot, latitude, longitude, limit, not_bookable_limit)
    ids = found.ids
    return found if ids and all(pk in snapshot.offices for pk in ids) else None


def reread_office_points(token, *, stale: _Snapshot) -> None:
    """The copy ``stale`` is stale (``Ranking.settled`` said so): read it again, with the
    offices' token as read just now (None: read it too), unless another thread has
    already put a newer copy in its place."""
    current = _snapshot
    if current is not None and current is not stale and current.token == token:
        return
    _load_snapshot(token)


def forget_kept(pks) -> None:
    """Stop keeping these offices (their rows changed): the next search reads them whole."""
    snapshot = _snapshot
    if snapshot is not None:
        for pk in pks:
            snapshot.offices.pop(pk, None)


def nearest(
    *,
    latitude: float,
    longitude: float,
    limit: int = RESULT_COUNT,
    not_bookable_limit: int = NOT_BOOKABLE_COUNT,
) -> Nearest:
    """The ``limit`` active offices that take online bookings nearest to a point by
    geodesic distance, nearest first; and up to ``not_bookable_limit`` that do not, when
    they are nearer than the last of those.

    Optimistic: rank against this process's copy of the coordinates, then fetch the
    winners of both rankings (only their digests when they are kept whole already)
    together with the current token in one query. If the token
    shows that the offices changed since the copy was made, reload the copy and rank
    again. So: one query when nothing changed; three after a change or in a new
    process."""
    snapshot = _snapshot or _load_snapshot()
    for _attempt in range(2):
        found = _rank(snapshot, latitude, longitude, limit, not_bookable_limit)
        if found.ids:
            offices, token = _kept_or_fetched(snapshot, found.ids)
        else:
            offices, token = {}, _offices_token()
        settled = found.settled(offices, token)
        if settled is not None:
            return settled
        snapshot = _load_snapshot(token)

    def kept(pairs, online: bool) -> list[NearbyOffice]:
        # An office switched off (or its booking switched) while we looked is left out.
        return [
            NearbyOffice(office=offices[pk], km=km)
            for pk, km in pairs
            if pk in offices
            and offices[pk].is_active
            and offices[pk].accepts_online_booking == online
        ]

    return Nearest(bookable=kept(found.ranked, True), not_bookable=kept(found.others, False))


def nearest_offices(
    *, latitude: float, longitude: float, limit: int = RESULT_COUNT
) -> list[NearbyOffice]:
    """The ``limit`` active offices that take online bookings nearest to a point."""
    return nearest(latitude=latitude, longitude=longitude, limit=limit).bookable


def office_search(
    *, query: str, limit: int = RESULT_COUNT, geocoded: GeocodeResult | None = None
) -> OfficeSearch:
    """Read ``query`` (address, city, state or ZIP) and find the nearest active offices
    (one query; see ``nearest``). No query at all when the input does not give a place.
    ``geocoded``: the reading of ``query``, when the caller has it already."""
    geocoded = geocoded if geocoded is not None else geocode(query)
    if not geocoded.found:
        return OfficeSearch(query=query, geocoded=geocoded)
    place = geocoded.place
    found = nearest(latitude=place.latitude, longitude=place.longitude, limit=limit)
    return OfficeSearch(
        query=query,
        geocoded=geocoded,
        results=tuple(found.bookable),
        not_bookable=tuple(found.not_bookable),
    )


def bookable_office_by_code(code: str) -> Office | None:
    """The active office with this code that takes online bookings, or None (1 query)."""
    office = active_office_by_code(code)
    return office if office is not None and office.bookable_online else None


def office_code(typed: str) -> str:
    """An office code as offices are stored (trimmed, upper case), or "" when it cannot
    be one."""
    code = (typed or "").strip().upper()
    return code if len(code) <= Office._meta.get_field("code").max_length else ""


def active_office_by_code(code: str) -> Office | None:
    """The active office with this code, or None (1 query). Read with its row's digest,
    so that a caller may keep it (``keep_offices``)."""
    code = office_code(code)
    return _ACTIVE_BY_CODE.first(code=code) if code else None


# The booking flow's times page reads an office by code on every page: compiled once.
_ACTIVE_BY_CODE = Prepared(
    lambda code: with_row_digest(Office.objects.filter(code=code, is_active=True).order_by()[:1]),
    args={"code": str},
)


def chosen_office_code(request) -> str:
    """The office code the person chose in the finder, remembered in the session."""
    return request.session.get(SESSION_KEY, "") if hasattr(request, "session") else ""


def chosen_office(request) -> Office | None:
    """The office the person chose in the finder if it is still active (1 query; none if
    nothing was chosen)."""
    code = chosen_office_code(request)
    return active_office_by_code(code) if code else None
