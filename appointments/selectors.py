"""Reads for appointments."""

import datetime
import math
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import QuerySet

from checkin_portal import clock
from checkin_portal.per_language import PerLanguage
from checkin_portal.prepared import Prepared, WrittenIn
from offices.geocoding import geocode
from offices.models import Office, takes_online_bookings
from offices.ranking import KM_PER_MILE, geodesic_km
from offices.selectors import (
    ROW_DIGEST,
    NearbyOffice,
    OfficeSearch,
    bookable_office_by_code,
    forget_kept,
    keep_offices,
    keeps_offices,
    kept_if_same,
    kept_office,
    kept_offices_around,
    kept_ranking,
    office_code,
    office_search,
    reread_office_points,
    row_digest_of_code,
    token_annotations,
    with_row_digest,
)

from .models import (
    Appointment,
    AppointmentStatus,
    Closure,
    PublicReason,
    Slot,
    booked_by,
    open_seat_after,
    open_to_everyone,
)
from .policy import booking_cutoff


def active_appointment(*, subject) -> Appointment | None:
    """The person's booked appointment with its slot and office (one query), or None."""
    return _ACTIVE.first(subject_id=subject.pk)


# The booking path's reads run from SQL compiled once per process (issue 17).
_ACTIVE = Prepared(
    lambda subject_id: (
        Appointment.objects.select_related("slot__office")
        .filter(booked_by(subject_id))
        .order_by("pk")[:1]
    ),
    args={"subject_id": int},
)


_HAS_ACTIVE = Prepared(
    lambda subject_id: Appointment.objects.filter(booked_by(subject_id)).values_list("pk")[:1],
    args={"subject_id": int},
)


# Whether the person has a booked appointment, as read with their session at the start of
# this request (subjects.sessions: the same query), kept on the person.
_HAS_ACTIVE_READ = "_has_active_appointment_read"


def has_active_expression():
    """Whether the session row's person has a booked appointment (an EXISTS probe of the
    one-booked-per-person index), for the session's own query."""
    return models.Exists(Appointment.objects.filter(booked_by(models.OuterRef("subject_id"))))


def note_has_active_appointment(subject, value: bool) -> None:
    setattr(subject, _HAS_ACTIVE_READ, bool(value))


def has_active_appointment(*, subject) -> bool:
    """Whether the person has a booked appointment: as read with this request's session
    (no query), else one small query (no rows are read). Asked by pages that change no
    appointment before they ask."""
    known = getattr(subject, _HAS_ACTIVE_READ, None)
    if known is not None:
        return known
    return bool(_HAS_ACTIVE.rows(subject_id=subject.pk))


def _open_slots(*, office_id, cutoff, now):
    """``office_id``: an id, or an expression giving one (the times by code)."""
    return (
        Slot.objects.filter(open_seat_after(cutoff), office_id=office_id)
        .filter(open_to_everyone(now))
        .order_by("starts_at")
    )


def open_slots(*, office_id: int):
    """Bookable times at an office, soonest first. Served by the partial index
    ``slot_open_by_office`` (office, starts_at) WHERE NOT is_blocked AND booked < capacity."""
    return _open_slots(office_id=office_id, cutoff=booking_cutoff(), now=clock.now())


_OPEN_SLOTS_SLICE = Prepared(
    lambda bounds, office_id, cutoff, now: _open_slots(office_id=office_id, cutoff=cutoff, now=now)[
        bounds[0] : bounds[1]
    ],
    args={"office_id": int, "cutoff": datetime.datetime, "now": datetime.datetime},
)


@dataclass(frozen=True)
class SlotPage:
    slots: list[Slot]
    has_next: bool
    page: int


def _page_bounds(page: int, per_page: int) -> tuple[int, int]:
    """The rows of page ``page`` (from 1), and one more to know if more follow."""
    start = (page - 1) * per_page
    return start, start + per_page + 1


def _slot_page(rows: list[Slot], page: int, per_page: int) -> SlotPage:
    return SlotPage(slots=rows[:per_page], has_next=len(rows) > per_page, page=page)


def open_slots_page(*, office_id: int, page: int, per_page: int) -> SlotPage:
    """One page of bookable times (one query: fetch one extra row to know if more follow)."""
    page = max(page, 1)
    rows = _OPEN_SLOTS_SLICE.objects(
        variant=_page_bounds(page, per_page),
        office_id=office_id,
        cutoff=booking_cutoff(),
        now=clock.now(),
    )
    return _slot_page(rows, page, per_page)


# The times page's office and times together (see bookable_office_times). The office is
# a scalar subquery, not a join: PostgreSQL works it out once, then reads the times from
# the open-times index as for an office id (joined, it read every office's open times in
# time order and kept one office's: 30 ms instead of 0.2 at 50,000 people). The office's
# row digest rides along the same way.
_OPEN_SLOTS_AT_CODE = Prepared(
    lambda bounds, code, cutoff, now: _open_slots(
        office_id=models.Subquery(
            Office.objects.filter(takes_online_bookings(), code=code).order_by().values("pk")[:1]
        ),
        cutoff=cutoff,
        now=now,
    ).annotate(**{ROW_DIGEST: row_digest_of_code(code)})[bounds[0] : bounds[1]],
    args={"code": str, "cutoff": datetime.datetime, "now": datetime.datetime},
)


def bookable_office_times(*, code: str, page: int, per_page: int) -> tuple[Office | None, SlotPage]:
    """The active office with this code that takes online bookings (None when there is
    none) and one page of its bookable times. One query when this process keeps the
    office whole (offices.selectors: the office step's search keeps the offices it shows)
    and the page has a time: the times carry the digest of the office's row, and the kept
    office is used only while it is the same. Otherwise the office is read whole too,
    and kept (two queries, as before)."""
    code = office_code(code)
    page = max(page, 1)
    rows = None  # the page's times, when read with the office's digest
    office = None
    if code and keeps_offices():
        rows = _OPEN_SLOTS_AT_CODE.objects(
            variant=_page_bounds(page, per_page),
            code=code,
            cutoff=booking_cutoff(),
            now=clock.now(),
        )
        if rows:
            office = kept_office(rows[0].office_id, getattr(rows[0], ROW_DIGEST))
    if office is None:
        office = bookable_office_by_code(code)
        if office is None:
            return None, SlotPage(slots=[], has_next=False, page=page)
        keep_offices([office])
        # Not read yet (no digests here), or the code moved to another office meanwhile.
        if rows is None or (rows and rows[0].office_id != office.pk):
            return office, open_slots_page(office_id=office.pk, page=page, per_page=per_page)
    return office, _slot_page(rows, page, per_page)


def bookable_slot(*, slot_id: int) -> Slot | None:
    """The slot if a person could book it now, with its office (one query)."""
    return _BOOKABLE_SLOT.first(slot_id=slot_id, cutoff=booking_cutoff(), now=clock.now())


_BOOKABLE_SLOT = Prepared(
    lambda slot_id, cutoff, now: (
        Slot.objects.select_related("office")
        .filter(open_seat_after(cutoff), pk=slot_id)
        .filter(takes_online_bookings("office__"), open_to_everyone(now))
        .order_by("pk")[:1]
    ),
    args={"slot_id": int, "cutoff": datetime.datetime, "now": datetime.datetime},
)


def group_by_local_day(slots, zone) -> list[tuple[datetime.date, list[Slot]]]:
    """[(local date, [slots])] in order; ``zone`` is the office's ZoneInfo."""
    days: list[tuple[datetime.date, list[Slot]]] = []
    for slot in slots:
        day = slot.starts_at.astimezone(zone).date()
        if not days or days[-1][0] != day:
            days.append((day, []))
        days[-1][1].append(slot)
    return days


def office_code_of_slot(*, slot_id: int) -> str | None:
    return Slot.objects.filter(pk=slot_id).values_list("office__code", flat=True).first()


def checkin_appointments(*, subject) -> tuple[Appointment | None, Appointment | None]:
    """For "My check-in": (the active appointment, or None; the most recent appointment the
    office cancelled, when nothing was booked after it — the person must rebook first).
    One query."""
    latest = _LATEST_BOOKED_OR_CANCELLED_BY_OFFICE.first(subject_id=subject.pk)
    if latest is None:
        return None, None
    if latest.status == AppointmentStatus.BOOKED:
        return latest, None
    return None, latest


_LATEST_BOOKED_OR_CANCELLED_BY_OFFICE = Prepared(
    lambda subject_id: (
        Appointment.objects.select_related("slot__office")
        .filter(
            WrittenIn("status", [AppointmentStatus.BOOKED, AppointmentStatus.CANCELLED_BY_OFFICE]),
            subject_id=subject_id,
        )
        .order_by("-created_at")[:1]
    ),
    args={"subject_id": int},
)


def closure_for(*, appointment: Appointment) -> Closure | None:
    """The closure that explains why the office cancelled this appointment (the newest one
    covering its local day), or None. One query."""
    from .availability import office_zone

    if appointment.cancelled_by_closure_id:
        return appointment.cancelled_by_closure
    office = appointment.slot.office
    day = appointment.slot.starts_at.astimezone(office_zone(office)).date()
    return (
        Closure.objects.filter(starts_on__lte=day, ends_on__gte=day)
        .filter(models.Q(office=office) | models.Q(office__isnull=True))
        .order_by("-created_at")
        .first()
    )


def closure_reason(*, appointment: Appointment) -> PublicReason | None:
    """Why the office closed on this appointment's day, in the active language (None when
    no closure explains it; see ``Closure.public_reason`` for the rule). One query."""
    closure = closure_for(appointment=appointment)
    return closure.public_reason() if closure else None


def closure_call_list(*, closure: Closure, offices) -> list[Appointment]:
    """The appointments ``closure`` cancelled at ``offices`` whose person could not be told:
    no contact was left, or every message about it failed. Staff call them. One query."""
    from checkin_portal.messaging.models import MessageStatus, OutboundMessage

    from .notifications import CANCELLED_BY_OFFICE

    told = OutboundMessage.objects.filter(
        related_type__app_label=Appointment._meta.app_label,
        related_type__model=Appointment._meta.model_name,
        related_id=models.OuterRef("pk"),
        template=CANCELLED_BY_OFFICE,
        status__in=[MessageStatus.QUEUED, MessageStatus.SENT],
    )
    return list(
        closure.cancelled_appointments.select_related("subject", "slot__office")
        .filter(slot__office__in=offices, status=AppointmentStatus.CANCELLED_BY_OFFICE)
        .exclude(models.Exists(told))
        .order_by("slot__starts_at", "subject__family_names")
    )


# --- Soonest times in office results (the finder and the booking flow's office choice)


def _first_open_start(*, cutoff, now):
    """The soonest bookable start at the outer office: one probe of the partial index
    ``slot_open_by_office`` (office, starts_at) per office, LIMIT 1."""
    return (
        Slot.objects.filter(open_seat_after(cutoff), office_id=models.OuterRef("pk"))
        .filter(open_to_everyone(now))
        .order_by("starts_at")
        .values("starts_at")[:1]
    )


def _offices_with_soonest(*, ids, cutoff, now, box=None):
    """The query of ``offices_with_soonest``; ``box`` = (lat_min, lat_max, lon_min, lon_max)."""
    wanted = models.Q(pk__in=ids)
    if box is not None:
        wanted |= takes_online_bookings() & models.Q(
            latitude__range=box[:2], longitude__range=box[2:]
        )
    return with_row_digest(
        Office.objects.filter(wanted)
        .order_by()
        .annotate(soonest_starts_at=models.Subquery(_first_open_start(cutoff=cutoff, now=now)))
    )


def _bounding_box(latitude: float, longitude: float, km: float) -> tuple[float, ...]:
    dlat = km / 110.0
    dlon = km / (111.0 * max(math.cos(math.radians(latitude)), 0.01))
    return (latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon)


def _box(near) -> tuple[float, ...] | None:
    """The bounding box of ``near`` = (latitude, longitude, km), or None."""
    return _bounding_box(*near) if near is not None else None


def offices_with_soonest(*, office_ids=(), near: tuple[float, float, float] | None = None):
    """Offices annotated with ``soonest_starts_at`` (None: no time open online), ONE query:
    the offices ``office_ids``, and when ``near`` = (latitude, longitude, km) is given also
    every active office taking online bookings inside that circle's bounding box (the
    caller measures the true distance)."""
    return _offices_with_soonest(
        ids=list(office_ids),
        cutoff=booking_cutoff(),
        now=clock.now(),
        box=_box(near),
    )


@dataclass(frozen=True)
class _SoonestQuery:
    """The query of ``offices_with_soonest`` with its columns given by ``shape`` (a
    queryset -> a queryset), compiled once per process (checkin_portal.prepared) in its
    two forms: for offices by id, and by id or inside a box. The finder and the booking
    flow's office step run it on every search (issue 17)."""

    by_id: Prepared
    near: Prepared

    @classmethod
    def of(cls, shape) -> "_SoonestQuery":
        args = {"ids": int, "cutoff": datetime.datetime, "now": datetime.datetime}
        return cls(
            by_id=Prepared(
                lambda ids, cutoff, now: shape(
                    _offices_with_soonest(ids=ids, cutoff=cutoff, now=now)
                ),
                args=args,
                lists=("ids",),
            ),
            near=Prepared(
                lambda ids, cutoff, now, lat_min, lat_max, lon_min, lon_max: shape(
                    _offices_with_soonest(
                        ids=ids, cutoff=cutoff, now=now, box=(lat_min, lat_max, lon_min, lon_max)
                    )
                ),
                args={
                    **args,
                    "lat_min": float,
                    "lat_max": float,
                    "lon_min": float,
                    "lon_max": float,
                },
                lists=("ids",),
            ),
        )

    def _with_values(self, ids: list[int], box) -> tuple[Prepared, dict]:
        """The form for ``box`` (None: by id only), and its values."""
        values = {"ids": ids, "cutoff": booking_cutoff(), "now": clock.now()}
        if box is None:
            return self.by_id, values
        lat_min, lat_max, lon_min, lon_max = box
        return self.near, {
            **values,
            "lat_min": lat_min,
            "lat_max": lat_max,
            "lon_min": lon_min,
            "lon_max": lon_max,
        }

    def objects(self, ids: list[int], box) -> list[Office]:
        prepared, values = self._with_values(ids, box)
        return prepared.objects(**values)

    def rows(self, ids: list[int], box) -> list[tuple]:
        prepared, values = self._with_values(ids, box)
        return prepared.rows(**values)


# Offices read whole, with their soonest times.
_SOONEST = _SoonestQuery.of(lambda query: query)


# The same, when the finder keeps every office it may show whole (offices.selectors): only
# the digest of each row and its soonest time are read. A plain QuerySet:
# modeltranslation's would rewrite the columns of values_list().
def _soonest_only(query):
    # In the order the columns are selected (annotations last, as annotated).
    return QuerySet(Office, query=query.query).values_list("pk", "soonest_starts_at", ROW_DIGEST)


_SOONEST_ONLY = _SoonestQuery.of(_soonest_only)


# A search whose offices are all kept whole (offices.selectors.kept_ranking) checks them in
# the same one query: with each row's digest and soonest time, the offices' change token
# (see office_search_with_soonest).
def _soonest_checked(query):
    # In the order the columns are selected (annotations last, as annotated).
    return QuerySet(Office, query=query.annotate(**token_annotations()).query).values_list(
        "pk", "soonest_starts_at", ROW_DIGEST, "offices_last_id", "offices_changed"
    )


_SOONEST_CHECKED = _SoonestQuery.of(_soonest_checked)


# Each office's soonest time by id, with the office when it is the one read or kept now
# (None: its row changed since it was kept).
Soonest = dict[int, tuple[Office | None, datetime.datetime | None]]


def _soonest_offices(ids: list[int], near) -> Soonest:
    """``offices_with_soonest(office_ids=ids, near=near)``, run from SQL compiled once:
    each office with its soonest time. Offices the finder keeps whole are not read again
    (one query either way)."""
    box = _box(near)
    kept = kept_offices_around(ids, box)
    if kept is None:
        found = {}
        for office in _SOONEST.objects(ids, box):
            found[office.pk] = (office, office.soonest_starts_at)
            del office.soonest_starts_at  # kept offices carry no time: it changes
        keep_offices(office for office, _starts_at in found.values())
        return found
    found = {
        pk: (kept_if_same(kept, pk, digest), starts_at)
        for pk, starts_at, digest in _SOONEST_ONLY.rows(ids, box)
    }
    # An office whose row changed since it was kept (an edit between the search's two
    # queries) keeps its time on this page but is not offered as the farther one, and is
    # no longer kept: the next search reads it anew.
    forget_kept(pk for pk, (office, _starts_at) in found.items() if office is None)
    return found


@dataclass(frozen=True)
class SoonestRow:
    nearby: NearbyOffice
    starts_at: datetime.datetime | None  # aware; None: no time open online

    @cached_property
    def shown(self) -> tuple:
        """What the finder shows of this office and its time, as plain values (with the
        day in the office's zone: a time reads "Today" or "Tomorrow"): the key of its
        rendered line, so that a changed time renders only its own office again. Worked
        out once: a search's times are kept until the next midnight (``_MadeOfRows``)."""
        from .availability import office_zone

        zone = office_zone(self.nearby.office)
        return (self.nearby.shown, self.starts_at, zone.key, clock.today_in(zone))


@dataclass(frozen=True)
class SoonestTimes:
    """The soonest time of each office a search found (``rows``, in the search's order),
    and ``farther``: an office beyond them, within ``SOONEST_FARTHER_MILES``, whose soonest
    time is at least ``SOONEST_EARLIER_DAYS`` days earlier than every one of theirs (the
    nearest such office), or None."""

    rows: list[SoonestRow]
    farther: SoonestRow | None = None

    @property
    def farther_days_sooner(self) -> int | None:
        if self.farther is None:
            return None
        known = [row.starts_at for row in self.rows if row.starts_at is not None]
        if not known:
            return None
        return (min(known) - self.farther.starts_at).days

    @cached_property
    def shown(self) -> tuple:
        """What the finder shows of these times, as plain values: the key of the results'
        rendered part (offices/_office_results.html), made of each row's."""
        farther = self.farther.shown if self.farther else None
        return (tuple(row.shown for row in self.rows), farther, self.farther_days_sooner)


@dataclass(frozen=True)
class OfficeSearchWithSoonest(OfficeSearch):
    """An office search with its offices' soonest times, read in the same one query."""

    soonest: SoonestTimes | None = field(default=None, compare=False)

    @property
    def page_key(self) -> tuple | None:
        """Everything a page of these results shows (offices/finder.html, the booking's
        office step) as plain values: its key when rendered once (base.html)."""
        return ("found", self.shown, self.soonest.shown) if self.soonest is not None else None


def _near(place) -> tuple[float, float, float] | None:
    """(latitude, longitude, km): the circle in which a farther office may be offered."""
    max_km = settings.SOONEST_FARTHER_MILES * KM_PER_MILE
    return (place.latitude, place.longitude, max_km) if place and max_km > 0 else None


def office_search_with_soonest(*, query: str) -> OfficeSearch:
    """``offices.selectors.office_search`` and the soonest times of what it found
    (``soonest_times``) in ONE query when this process keeps every office it may show
    whole: the digests of their rows, the offices' change token and each office's soonest
    time together. When that query shows any change (an office added or saved, a row
    edited any way, a winner switched off), the search is made the usual way instead (two
    queries, reading what changed anew), so what is shown is always as it is now."""
    geocoded = geocode(query)
    place = geocoded.place if geocoded.found else None
    found = _search_of_kept(query, geocoded, place) if place is not None else None
    return found if found is not None else office_search(query=query, geocoded=geocoded)


# What a search of kept offices made of its one query's rows, by those rows (issue 17): a
# search whose query reads the same rows for the same ranking shows the same offices and
# times, so it takes them from here instead of working them out again (0.06 ms). The rows
# are read fresh on every search (each office's soonest time, its row version, the
# offices' token), so nothing here outlives what it was made of; the days shown ("Today")
# are kept until the next midnight of any office's zone in it. Per language (the offices'
# shown values are), emptied when a setting changes (PerLanguage).
_MADE_OF_ROWS = PerLanguage(max_entries=2048)


@dataclass(frozen=True)
class _MadeOfRows:
    results: tuple
    not_bookable: tuple
    soonest: "SoonestTimes"
    # The days it shows hold from the last midnight before it was made to the first one
    # after it, in its offices' zones (a clock set back across midnight makes it anew too).
    since: datetime.datetime
    until: datetime.datetime


def _search_of_kept(query, geocoded, place) -> OfficeSearchWithSoonest | None:
    ranking = kept_ranking(latitude=place.latitude, longitude=place.longitude)
    if ranking is None:
        return None
    near = _near(place)
    box = _box(near)
    kept = kept_offices_around(ranking.ids, box)
    if kept is None:
        return None
    rows = tuple(_SOONEST_CHECKED.rows(ranking.ids, box))
    # A place read online may be a person's street address: never a key.
    public_place = geocoded.source != "online"
    key = (place.latitude, place.longitude, tuple(ranking.ranked), tuple(ranking.others), rows)
    made = _MADE_OF_ROWS.find(key) if public_place else None
    if made is None or not made.since <= clock.now() < made.until:
        made = _made_of_rows(ranking, rows, kept, place, near)
        if made is None:
            return None
        if public_place:
            _MADE_OF_ROWS.put(key, made)
    return OfficeSearchWithSoonest(
        query=query,
        geocoded=geocoded,
        results=made.results,
        not_bookable=made.not_bookable,
        soonest=made.soonest,
    )


def _made_of_rows(ranking, rows, kept, place, near) -> _MadeOfRows | None:
    """The offices and soonest times of a search from its query's ``rows``, or None when
    they show a change (then the search is made the usual way)."""
    found, token = {}, None
    for pk, starts_at, digest, last_id, last_change in rows:
        token = (last_id, last_change)
        found[pk] = (kept_if_same(kept, pk, digest), starts_at)
    offices = {pk: office for pk, (office, _starts_at) in found.items() if office is not None}
    changed = [pk for pk in found if pk not in offices]
    # None if a winner's row changed, or the copy of the coordinates is stale; and an
    # office in reach the copy does not know (switched on in bulk) is a stale copy too.
    settled = ranking.settled(offices, token)
    if settled is None or any(pk not in kept for pk in changed):
        reread_office_points(token, stale=ranking.snapshot)  # as nearest() does
        return None
    if changed:  # an office in reach, not a winner, edited: read it whole
        forget_kept(changed)
        return None
    soonest = _soonest_times_of(settled.bookable, place, near, found)
    since, until = _days_shown(soonest)
    return _MadeOfRows(
        results=tuple(settled.bookable),
        not_bookable=tuple(settled.not_bookable),
        soonest=soonest,
        since=since,
        until=until,
    )


def _days_shown(soonest: "SoonestTimes") -> tuple[datetime.datetime, datetime.datetime]:
    """[the last midnight, the next midnight) of today in the zone of any office these
    times show: while the clock is in it, each of those offices' "today" is the same."""
    from .availability import local_day_bounds, office_zone

    shown = [*soonest.rows, *([soonest.farther] if soonest.farther else [])]
    days = [
        local_day_bounds(clock.today_in(zone), zone)
        for zone in {office_zone(row.nearby.office) for row in shown}
    ]
    if not days:  # nothing dated is shown
        return datetime.datetime.min.replace(tzinfo=datetime.UTC), datetime.datetime.max.replace(
            tzinfo=datetime.UTC
        )
    return max(start for start, _end in days), min(end for _start, end in days)


def soonest_times(*, search) -> SoonestTimes:
    """Soonest times for the bookable offices of an ``offices.selectors.OfficeSearch``, and
    an office further away with much sooner times. One query (none when nothing was
    found, or when the search read them already: ``office_search_with_soonest``); the
    distance test uses the finder's own geodesic."""
    known = getattr(search, "soonest", None)
    if known is not None:
        return known
    results = list(getattr(search, "results", ()) or ())
    if not results:
        return SoonestTimes(rows=[])
    place = search.geocoded.place
    near = _near(place)
    found = _soonest_offices([row.office.pk for row in results], near)
    return _soonest_times_of(results, place, near, found)


def _soonest_times_of(results, place, near, found: Soonest) -> SoonestTimes:
    """The ``SoonestTimes`` of a search's bookable ``results`` (NearbyOffice) from
    ``found``: the soonest start of those offices and of every office in reach (``near``,
    around ``place``)."""
    if not results:
        return SoonestTimes(rows=[])

    def soonest_of(pk):
        return found[pk][1] if pk in found else None

    rows = [SoonestRow(nearby=row, starts_at=soonest_of(row.office.pk)) for row in results]
    if near is None:
        return SoonestTimes(rows=rows)
    max_km = near[2]
    known = [row.starts_at for row in rows if row.starts_at is not None]
    latest = min(known) - datetime.timedelta(days=settings.SOONEST_EARLIER_DAYS) if known else None
    shown = {row.office.pk for row in results}
    others = [pair for pk, pair in found.items() if pk not in shown and pair[0] is not None]
    return SoonestTimes(rows=rows, farther=_farther_office(others, place, max_km, latest))


def _farther_office(offices, place, max_km: float, latest) -> SoonestRow | None:
    """The nearest of ``offices`` (each with its soonest time) within ``max_km`` of
    ``place`` that takes online bookings and has a time open no later than ``latest``
    (any open time when ``latest`` is None: none of the nearest offices has one)."""
    candidates = []
    for office, starts_at in offices:
        if starts_at is None or (latest is not None and starts_at > latest):
            continue
        if not office.bookable_online or office.latitude is None:
            continue
        km = geodesic_km(place.latitude, place.longitude, office.latitude, office.longitude)
        if km <= max_km:
            candidates.append((km, office.pk, office, starts_at))
    if not candidates:
        return None
    km, _pk, office, starts_at = min(candidates)
    return SoonestRow(nearby=NearbyOffice(office=office, km=km), starts_at=starts_at)
