"""The one offline ZIP index (the ``zipcodes`` package), built once per process.

``zipcodes`` holds 42,789 ZIP records but matches cities only exactly and case-sensitively,
and turning its records into Python dictionaries takes about a second and, kept, about
100 MB. We read the records once, state by state, keep only what the project uses (one
small record per ZIP and the city and state tables the geocoder needs) and let the
package's dictionaries go. ``checkin_portal.startup.warm_up`` builds the index before
gunicorn forks its workers (they share it); anything else builds it on first use, under
a lock so two threads starting at once do not build it twice.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from .states import MAIL_ONLY_STATES, MAIL_STATES, STATES
from .zones import valid_time_zones


@dataclass(frozen=True, slots=True)
class ZipRecord:
    zip_code: str
    city: str
    state: str
    county: str  # as the table writes it: "Fulton County", "San Juan Municipio"
    latitude: float | None
    longitude: float | None
    time_zone: str  # IANA name, "" when the table has none
    kind: str  # STANDARD, PO BOX, UNIQUE, MILITARY

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True, slots=True)
class Place:
    """A point a search can start from, with a label to show back to the person."""

    label: str
    latitude: float
    longitude: float
    state: str = ""


@dataclass
class ZipIndex:
    by_zip: dict[str, ZipRecord] = field(default_factory=dict)
    # (normalised city, state) -> centroid of that city's ZIPs with coordinates
    city_state: dict[tuple[str, str], Place] = field(default_factory=dict)
    # normalised city -> the states that have a place by that name
    city_states: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # state -> centroid of its ZIPs
    state_centre: dict[str, Place] = field(default_factory=dict)
    # state -> normalised names of its cities (for "did you mean" suggestions)
    cities_by_state: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # longest city name in words (bounds the parser's search for a city at the end of a line)
    max_city_words: int = 1
    # (city as casefolded, state) -> IANA zone of its first ZIP with one
    zone_by_place: dict[tuple[str, str], str] = field(default_factory=dict)


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Words people write either way: "St Louis" / "Saint Louis", "Ft Worth" / "Fort Worth".
_WORD_ALIASES = {
    "saint": "st",
    "sainte": "ste",
    "fort": "ft",
    "mount": "mt",
    "mountain": "mtn",
    "point": "pt",
    "port": "pt",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
}


def normalise_words(text: str) -> str:
    """Lower case, accents dropped, punctuation removed, common abbreviations unified:
    "Saint-Louis", "ST. LOUIS" and "st louis" all become "st louis"."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("'", "")
    words = _NON_WORD.sub(" ", text).split()
    # "Mc Coy" and "McCoy" are the same place.
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] == "mc":
            joined[-1] = "mc" + word
        else:
            joined.append(word)
    return " ".join(_WORD_ALIASES.get(word, word) for word in joined)


def _float_or_none(value: str) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    # The table writes "0" for ZIPs it has no position for (mostly APO/FPO).
    return None if number == 0.0 else number


def _centroid(label: str, state: str, records: list[ZipRecord]) -> Place | None:
    points = [r for r in records if r.has_coordinates]
    if not points:
        return None
    return Place(
        label=label,
        latitude=sum(r.latitude for r in points) / len(points),
        longitude=sum(r.longitude for r in points) / len(points),
        state=state,
    )


def _raw_records():
    """The table's records, one state at a time (a few thousand dictionaries alive at
    once, not 42,789: ``zipcodes.list_all()`` would keep them all for the process)."""
    import zipcodes  # imported here: loading it is the slow part

    for state in MAIL_STATES:
        yield from zipcodes.filter_by(state=state)


def _build() -> ZipIndex:
    index = ZipIndex()
    zones = valid_time_zones()
    strings: dict[str, str] = {}  # one copy of each repeated city, county, zone and kind
    by_city: dict[tuple[str, str], list[ZipRecord]] = defaultdict(list)
    display_name: dict[tuple[str, str], str] = {}
    by_state: dict[str, list[ZipRecord]] = defaultdict(list)
    for raw in _raw_records():
        zone = raw.get("timezone") or ""
        record = ZipRecord(
            zip_code=raw["zip_code"],
            city=strings.setdefault(raw["city"], raw["city"]),
            state=strings.setdefault(raw["state"], raw["state"]),
            county=strings.setdefault(raw.get("county") or "", raw.get("county") or ""),
            latitude=_float_or_none(raw.get("lat")),
            longitude=_float_or_none(raw.get("long")),
            # A few records carry a place name instead of a zone.
            time_zone=strings.setdefault(zone, zone) if zone in zones else "",
            kind=strings.setdefault(raw.get("zip_code_type") or "", raw.get("zip_code_type") or ""),
        )
        index.by_zip[record.zip_code] = record
        if record.time_zone:
            index.zone_by_place.setdefault((record.city.casefold(), record.state), record.time_zone)
        if record.state in MAIL_ONLY_STATES or record.state not in STATES:
            continue
        by_state[record.state].append(record)
        for name in [record.city, *raw.get("acceptable_cities", [])]:
            key = (normalise_words(name), record.state)
            by_city[key].append(record)
            # Prefer the table's main spelling of the city for the label.
            if name == record.city or key not in display_name:
                display_name[key] = name.title() if name.isupper() else name
    states_by_city: dict[str, set[str]] = defaultdict(set)
    cities_by_state: dict[str, list[str]] = defaultdict(list)
    for (city, state), records in by_city.items():
        place = _centroid(f"{display_name[(city, state)]}, {state}", state, records)
        if place is None:
            continue
        index.city_state[(city, state)] = place
        states_by_city[city].add(state)
        cities_by_state[state].append(city)
        index.max_city_words = max(index.max_city_words, len(city.split()))
    index.city_states = {
        city: tuple(sorted(states, key=lambda s: STATES[s]))
        for city, states in states_by_city.items()
    }
    index.cities_by_state = {
        state: tuple(sorted(names)) for state, names in cities_by_state.items()
    }
    for state, records in by_state.items():
        place = _centroid(STATES[state], state, records)
        if place is not None:
            index.state_centre[state] = place
    return index


_index: ZipIndex | None = None
_lock = threading.Lock()


def get_index() -> ZipIndex:
    """The process-wide index, built on first use (or by ``warm``)."""
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                _index = _build()
    return _index


def warm() -> None:
    """Build the index now (``settings.STARTUP_WARM_UP``: before gunicorn forks)."""
    get_index()


def zip_record(zip_code: str) -> ZipRecord | None:
    """The record of a 5-digit ZIP (a ZIP+4 is looked up by its first five digits)."""
    return get_index().by_zip.get((zip_code or "").strip()[:5])


# ASCII digits, as in the table (Python's \d would take any script's digits).
ZIP_RE = re.compile(r"^[0-9]{5}(-[0-9]{4})?$")


def zone_for_zip(zip_code: str) -> str:
    """The IANA zone of a US ZIP code (5 digits, or ZIP+4), or "" when unknown."""
    zip_code = (zip_code or "").strip()
    if not ZIP_RE.match(zip_code):
        return ""
    record = get_index().by_zip.get(zip_code[:5])
    return record.time_zone if record else ""


def zone_for_place(city: str, state: str) -> str:
    """The IANA zone of a city in a state (exact name, any case), or "" when unknown."""
    key = ((city or "").strip().casefold(), (state or "").strip().upper())
    return get_index().zone_by_place.get(key, "")


def zone_for_address(*, zip_code: str = "", city: str = "", state: str = "") -> str:
    return zone_for_zip(zip_code) or zone_for_place(city, state)
