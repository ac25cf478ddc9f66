"""Offline parsing of what a person types into a place on the map.

Accepted, in any case and with stray punctuation: a ZIP or ZIP+4; "City, ST"; "City ST";
"city, state name"; a state (or territory) alone; a full street address that contains a
ZIP or a city and state. Territories (PR, GU, MP, VI, AS) are places like any state.
Everything is answered from the ZIP index (``checkin_portal.places.zips``); nothing leaves
the server.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from checkin_portal.digits import fold_digits
from checkin_portal.places.states import MILITARY_STATES, STATES, state_aliases
from checkin_portal.places.zips import Place, ZipIndex, get_index, normalise_words

MAX_QUERY_LENGTH = 200


class Status(StrEnum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"  # a city name in several states: choose one
    NOT_FOUND = "not_found"  # nothing recognised (or a city not found in the state given)
    UNKNOWN_ZIP = "unknown_zip"  # five digits that are not a ZIP we know
    NO_POSITION = "no_position"  # a real ZIP with no position (PO boxes, some unique ZIPs)
    MILITARY = "military"  # APO / FPO / DPO: mail only
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class Choice:
    """A place to offer when the input was not enough: shown as ``label``, searched as
    ``query``."""

    label: str
    query: str


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    status: Status
    place: Place | None = None
    choices: tuple[Choice, ...] = ()
    # What the person typed that we could not use (a ZIP, a city): echoed in the message.
    detail: str = ""
    source: str = "offline"

    @property
    def found(self) -> bool:
        return self.status is Status.FOUND


# --- Cleaning ---------------------------------------------------------------------------


def clean_query(text: str) -> str:
    """Normalise what was typed: compatibility forms folded and digits of any script made
    ASCII (a ZIP typed in Arabic-Indic or Persian digits is a ZIP), control and format
    characters, emoji and other symbols replaced by spaces, runs of space collapsed.
    Never raises."""
    if not isinstance(text, str):
        return ""
    text = fold_digits(text)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        # C*: control, format, surrogate, private, unassigned; Z*: separators;
        # So/Sk: emoji and other symbols.
        kept.append(" " if category[0] in "CZ" or category in {"So", "Sk"} else char)
    return " ".join("".join(kept).split())


# --- Names of states as people write them ------------------------------------------------

_COUNTRY_WORDS = [
    ("united", "states", "of", "america"),
    ("united", "states"),
    ("estados", "unidos"),
    ("usa",),
    ("us",),
    ("u", "s", "a"),
    ("u", "s"),
    ("eeuu",),
    ("ee", "uu"),
]


def _state_names() -> dict[tuple[str, ...], str]:
    names = {tuple(normalise_words(name).split()): code for code, name in STATES.items()}
    for alias, code in state_aliases().items():
        # Places and military mail only: the freely associated states have no office.
        if code in STATES or code in MILITARY_STATES:
            names[tuple(normalise_words(alias).split())] = code
    for code, name in MILITARY_STATES.items():
        names[tuple(normalise_words(name).split())] = code
    return names


_NAMES = _state_names()
_MAX_STATE_WORDS = max(len(key) for key in _NAMES)
_CODES = {code.lower(): code for code in (*STATES, *MILITARY_STATES)}
_MILITARY_WORDS = re.compile(r"\b(?:apo|fpo|dpo|psc|unit [0-9]+ box)\b", re.IGNORECASE)
# ZIP or ZIP+4 (hyphen, dash or nothing between the parts), not inside a longer number.
_ZIP = re.compile(r"(?<![0-9])([0-9]{5})(?:\s?[-\u2013\u2014]\s?[0-9]{4}|\s?[0-9]{4})?(?![0-9])")


def _strip_country(tokens: list[str]) -> list[str]:
    for words in _COUNTRY_WORDS:
        n = len(words)
        if len(tokens) > n and tuple(tokens[-n:]) == words:
            return tokens[:-n]
    return tokens


def _state_suffix(tokens: list[str]) -> tuple[str, int]:
    """The state named at the end of ``tokens`` (code or name) and how many words it
    takes; ("", 0) when none."""
    for n in range(min(_MAX_STATE_WORDS, len(tokens)), 0, -1):
        code = _NAMES.get(tuple(tokens[-n:]))
        if code:
            return code, n
    if tokens and tokens[-1] in _CODES:
        return _CODES[tokens[-1]], 1
    return "", 0


# Words that end a street name; a place called "Street" (MD) or "Plaza" (ND) is not what
# "Main Street" means when no state is given.
_STREET_WORDS = frozenset(
    {
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "drive",
        "dr",
        "boulevard",
        "blvd",
        "lane",
        "ln",
        "court",
        "ct",
        "way",
        "place",
        "pl",
        "circle",
        "cir",
        "highway",
        "hwy",
        "parkway",
        "pkwy",
        "terrace",
        "ter",
        "trail",
        "trl",
        "plaza",
        "square",
        "sq",
        "loop",
    }
)


def _city_suffix(index: ZipIndex, tokens: list[str], state: str) -> str:
    """The longest run of words at the end of ``tokens`` that names a city (in ``state``
    when given)."""
    for n in range(min(index.max_city_words, len(tokens)), 0, -1):
        city = " ".join(tokens[-n:])
        if state:
            if (city, state) in index.city_state:
                return city
        elif city in index.city_states:
            if n == 1 and len(tokens) > 1 and city in _STREET_WORDS:
                return ""
            return city
    return ""


def _suggestions(index: ZipIndex, tokens: list[str], state: str) -> tuple[Choice, ...]:
    """Cities in ``state`` whose names are close to the last words typed."""
    names = index.cities_by_state.get(state, ())
    found: list[str] = []
    for n in range(1, min(3, len(tokens)) + 1):
        typed = " ".join(tokens[-n:])
        if len(typed) < 3:
            continue
        for match in difflib.get_close_matches(typed, names, n=3, cutoff=0.8):
            if match not in found:
                found.append(match)
    choices = []
    for city in found[:3]:
        place = index.city_state[(city, state)]
        choices.append(
            Choice(label=f"{place.label.rsplit(',', 1)[0]}, {STATES[state]}", query=place.label)
        )
    return tuple(choices)


def _state_alone(index: ZipIndex, tokens: list[str], state: str) -> GeocodeResult | None:
    """Only a state was typed: its namesake city, else its centre."""
    # "Washington" alone: the state, or the capital? Ask.
    if tokens == ["washington"]:
        return GeocodeResult(
            Status.AMBIGUOUS,
            choices=(
                Choice(label="Washington State", query="WA"),
                Choice(label="Washington, DC", query="Washington, DC"),
            ),
            detail="Washington",
        )
    # "New York" (or "Nueva York", "NY") means the city more often than the state.
    city = normalise_words(STATES[state])
    if (city, state) in index.city_state:
        return GeocodeResult(Status.FOUND, place=index.city_state[(city, state)])
    centre = index.state_centre.get(state)
    return GeocodeResult(Status.FOUND, place=centre) if centre else None


def _parse_place(index: ZipIndex, text: str) -> GeocodeResult | None:
    """City / state reading of ``text`` (no ZIP). None when nothing is recognised."""
    tokens = _strip_country(normalise_words(text).split())
    if not tokens:
        return None
    state, used = _state_suffix(tokens)
    if state in MILITARY_STATES:
        return GeocodeResult(Status.MILITARY)
    if state:
        rest = tokens[:-used]
        if not rest:
            return _state_alone(index, tokens, state)
        city = _city_suffix(index, rest, state)
        if city:
            return GeocodeResult(Status.FOUND, place=index.city_state[(city, state)])
        return GeocodeResult(
            Status.NOT_FOUND,
            choices=_suggestions(index, rest, state),
            detail=STATES[state],
        )
    city = _city_suffix(index, tokens, "")
    if not city:
        return None
    states = index.city_states[city]
    if len(states) == 1:
        return GeocodeResult(Status.FOUND, place=index.city_state[(city, states[0])])
    choices = []
    for code in states:
        place = index.city_state[(city, code)]
        choices.append(
            Choice(label=f"{place.label.rsplit(',', 1)[0]}, {STATES[code]}", query=place.label)
        )
    name = index.city_state[(city, states[0])].label.rsplit(",", 1)[0]
    return GeocodeResult(Status.AMBIGUOUS, choices=tuple(choices), detail=name)


def _is_bare_place(index: ZipIndex, text: str) -> bool:
    """True when ``text`` is only a state, a city, or a city and state: no other words."""
    tokens = _strip_country(normalise_words(text).split())
    if not tokens:
        return False
    state, used = _state_suffix(tokens)
    rest = " ".join(tokens[:-used] if state else tokens)
    if state:
        return not rest or (rest, state) in index.city_state
    return rest in index.city_states


def _zip_result(index: ZipIndex, zip_code: str) -> GeocodeResult:
    record = index.by_zip.get(zip_code)
    if record is None:
        return GeocodeResult(Status.UNKNOWN_ZIP, detail=zip_code)
    if record.kind == "MILITARY" or record.state in MILITARY_STATES:
        return GeocodeResult(Status.MILITARY, detail=zip_code)
    if not record.has_coordinates:
        return GeocodeResult(Status.NO_POSITION, detail=zip_code)
    label = f"{zip_code} ({record.city}, {record.state})"
    place = Place(
        label=label, latitude=record.latitude, longitude=record.longitude, state=record.state
    )
    return GeocodeResult(Status.FOUND, place=place)


def geocode_offline(text: str) -> GeocodeResult:
    """Read ``text`` (already cleaned or not) against the ZIP table."""
    text = clean_query(text)[:MAX_QUERY_LENGTH]
    if not text:
        return GeocodeResult(Status.EMPTY)
    index = get_index()
    if _MILITARY_WORDS.search(text):
        return GeocodeResult(Status.MILITARY)
    # A lone 4-digit number is a ZIP that lost its leading zero (spreadsheets do that).
    if re.fullmatch(r"[0-9]{4}", text):
        text = "0" + text
    matches = list(_ZIP.finditer(text))
    zip_match = None
    for match in reversed(matches):
        before = text[: match.start()].strip(" ,.;#")
        after = text[match.end() :].strip(" ,.;")
        if before or not after:
            zip_match = match
            break
        # Five digits first and words after: a ZIP only if the words are just a place
        # ("30303 Atlanta GA"); otherwise a street number ("12500 Tukwila Intl Blvd").
        if _is_bare_place(index, after):
            zip_match = match
            break
    place_text = text
    if zip_match is not None:
        result = _zip_result(index, zip_match.group(1))
        if result.found or result.status is Status.MILITARY:
            return result
        # The ZIP did not help: the rest of the line may still name a city and state.
        place_text = (text[: zip_match.start()] + " " + text[zip_match.end() :]).strip()
        fallback = _parse_place(index, place_text)
        if fallback is not None and fallback.status in {Status.FOUND, Status.AMBIGUOUS}:
            return fallback
        return result
    parsed = _parse_place(index, place_text)
    return parsed if parsed is not None else GeocodeResult(Status.NOT_FOUND)


def looks_like_street_address(text: str) -> bool:
    """A house number followed by words: the online geocoder can place it more exactly
    than a ZIP or city centre."""
    return bool(re.match(r"\s*[0-9]+[a-zA-Z]?\s+\S+\s+\S+", clean_query(text)))
