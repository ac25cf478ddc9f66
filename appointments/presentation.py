"""How an appointment time is shown to a person: in the office's own zone, with its
abbreviation, formatted by the active locale, and called "today" or "tomorrow" when it is
(in the office's zone, not the server's).

Templates get *naive* local datetimes on purpose: Django's date filters convert aware
values to the server's zone, which would show the wrong time for an office elsewhere."""

import datetime
import hashlib
import logging
from dataclasses import dataclass

from django.core.cache import BaseCache, caches
from django.core.cache.backends.db import DatabaseCache
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext

from checkin_portal import clock
from checkin_portal.outages import CACHE_ERRORS
from checkin_portal.per_language import PerLanguage, path_to

from .availability import office_zone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LocalTime:
    starts: datetime.datetime  # naive, office wall time
    ends: datetime.datetime  # naive, office wall time
    zone_abbreviation: str  # e.g. CST, EDT, HST, ChST
    today: datetime.date | None = None  # the office's today when this was made

    @classmethod
    def of(cls, slot) -> "LocalTime":
        return cls.at(slot.starts_at, slot.office, ends_at=slot.ends_at)

    @classmethod
    def at(cls, starts_at, office, *, ends_at=None) -> "LocalTime":
        """Aware ``starts_at`` (and ``ends_at``) on the wall clock of ``office``."""
        zone = office_zone(office)
        starts = starts_at.astimezone(zone)
        ends = (ends_at or starts_at).astimezone(zone)
        return cls(
            starts=starts.replace(tzinfo=None),
            ends=ends.replace(tzinfo=None),
            zone_abbreviation=starts.tzname() or "",
            today=clock.today_in(zone),
        )

    @property
    def shown(self) -> tuple:
        """Everything a time's button and its full date show, as plain values: the key
        of the button's rendered part (appointments/_times_list.html)."""
        return (self.starts, self.zone_abbreviation, self.today)

    @property
    def day(self) -> datetime.date:
        return self.starts.date()

    @property
    def is_today(self) -> bool:
        return self.day == self.today

    @property
    def is_tomorrow(self) -> bool:
        return self.today is not None and self.day == self.today + datetime.timedelta(days=1)

    @property
    def day_label(self) -> str:
        """ "Today", "Tomorrow" or the weekday's name, in the active language."""
        if self.is_today:
            return pgettext("day of an appointment", "Today")
        if self.is_tomorrow:
            return pgettext("day of an appointment", "Tomorrow")
        return formats.date_format(self.starts, "l")

    @property
    def date_words(self) -> str:
        """The date with the month in words ("4 de diciembre de 2026"), never a numeric
        day/month that a reader could take the other way round."""
        return formats.date_format(self.starts, "DATE_FORMAT")

    @property
    def short_day(self) -> str:
        """For a text message: "Today, <date>" or "Tomorrow, <date>" when true, otherwise
        the date alone (no room for the weekday)."""
        if self.is_today or self.is_tomorrow:
            return f"{self.day_label}, {self.date_words}"
        return self.date_words

    @property
    def time_words(self) -> str:
        """The start time and the zone, e.g. "2:30 p.m. CST"."""
        return f"{formats.time_format(self.starts, 'TIME_FORMAT')} {self.zone_abbreviation}"


def _words(moment: datetime.datetime) -> str:
    """An aware moment as the office's wall date in words, time and zone."""
    return (
        f"{formats.date_format(moment, 'DATE_FORMAT')}, "
        f"{formats.time_format(moment, 'TIME_FORMAT')} {moment.tzname() or ''}"
    ).strip()


@dataclass(frozen=True)
class BookingDates:
    """When the person booked (the first booking of a chain of moves) and when they last
    moved it, in the office's zone: proof that they tried to comply in time."""

    booked: datetime.datetime  # aware, in the office's zone
    moved: datetime.datetime | None  # aware, in the office's zone; None if never moved

    @classmethod
    def of(cls, appointment) -> "BookingDates":
        zone = office_zone(appointment.slot.office)
        first = appointment
        while first.replaces_id is not None:  # a chain of moves is short
            first = first.replaces
        moved = appointment.created_at.astimezone(zone) if first is not appointment else None
        return cls(booked=first.created_at.astimezone(zone), moved=moved)

    # Formatted here, not with the date filter: the filter would show the server's zone.
    @property
    def booked_words(self) -> str:
        return _words(self.booked)

    @property
    def moved_words(self) -> str:
        return _words(self.moved) if self.moved else ""


# The rendered list of times (the buttons of one page of one office), kept in the shared
# cache (CACHES["default"], Redis in production) so every worker reuses it, with a copy in
# the process for the next request. The key is everything the list shows: the language,
# the office's zone and today there (for "Today"/"Tomorrow"), and each listed time (id,
# start, end). Read from the page's own query, so a booking that fills a time, a closure or
# a blocked time changes the list and so the key: never stale, nothing to invalidate, no
# personal data in a key (issue 17). The shared cache fails open (ADR 0010): the list is
# rendered here. When the shared cache is the database cache (no CACHE_URL), it is not
# used: a query per page would cost more than the rendering.
# The process's copy is keyed by the same things as plain values (a dict lookup): the
# shared cache's text key, 25 times written out and hashed, cost 60 µs of each times page.
_TIMES_FRAGMENTS = PerLanguage(max_entries=2000)
_SHARED_TIMEOUT = 60 * 60
_SHARED_PREFIX = "times-list:1:"


def _shared_cache() -> BaseCache | None:
    store = caches["default"]
    return None if isinstance(store, DatabaseCache) else store


def _times_key(*, office, slots, zone, today) -> str:
    listed = ";".join(f"{s.pk},{s.starts_at.isoformat()},{s.ends_at.isoformat()}" for s in slots)
    raw = f"{get_language()}|{office.pk}|{zone.key}|{today.isoformat()}|{listed}"
    return hashlib.sha256(raw.encode()).hexdigest()


def times_list_html(*, office, slots) -> SafeString:
    """The times of one page as buttons grouped by local day
    (appointments/_times_list.html), rendered once for the same list (shared cache)."""
    if not slots:
        return mark_safe("")
    zone = office_zone(office)
    today = clock.today_in(zone)
    shown = (office.pk, zone.key, today, tuple((s.pk, s.starts_at, s.ends_at) for s in slots))
    html = _TIMES_FRAGMENTS.get(shown, lambda: _shared_or_rendered(office, slots, zone, today))
    return mark_safe(html)  # noqa: S308 - rendered by our own autoescaping template


def _shared_or_rendered(office, slots, zone, today) -> str:
    from .selectors import group_by_local_day

    key = _SHARED_PREFIX + _times_key(office=office, slots=slots, zone=zone, today=today)
    shared = _shared_cache()
    html = None
    if shared is not None:
        try:
            html = shared.get(key)
        except CACHE_ERRORS:
            logger.warning("times list cache unavailable: list rendered here")
            shared = None  # down: do not wait for it twice
    if html is None:
        for slot in slots:
            slot.office = office  # already loaded; saves a query per slot
            slot.local = LocalTime.of(slot)
        html = render_to_string(
            "appointments/_times_list.html",
            {"days": group_by_local_day(slots, zone), "review_url": path_to("appointments:review")},
        )
        if shared is not None:
            try:
                shared.set(key, html, timeout=_SHARED_TIMEOUT)
            except CACHE_ERRORS:
                logger.warning("times list cache unavailable: list not shared")
    return html


def times_fragments_clear() -> None:
    """Tests: forget every rendered list."""
    _TIMES_FRAGMENTS.clear()
