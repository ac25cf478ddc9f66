"""US states and territories by USPS code: one list for offices, addresses and the geocoder.

The codes and names are django-localflavor's (``localflavor.us.us_states``): the 50 states
and the District of Columbia, the five inhabited territories, the three military mail
"states" and the three freely associated states. On top of them, ours:

* ``NAMES_OURS``: where our name differs from localflavor's (the one spelling we show);
* ``ALIASES``: more ways people write a state, for the geocoder (with localflavor's).

Place names stay in English whatever the page's language: they are what people read on
their papers and write on mail (USPS spellings). localflavor marks its names for
translation; we take their English text once, at import.
"""

from __future__ import annotations

from django.utils.functional import Promise
from localflavor.us import us_states as lf


def _english(label) -> str:
    # localflavor's names are gettext_lazy / pgettext_lazy proxies; the English text is
    # the last argument of the call. Read here because no translation can be activated
    # while models import (tests/places check it against the English catalogue).
    return str(label._args[-1]) if isinstance(label, Promise) else str(label)


NAMES_OURS: dict[str, str] = {
    "VI": "U.S. Virgin Islands",
    "AE": "Armed Forces Europe, Middle East, Africa, Canada",
}


def _names(pairs) -> dict[str, str]:
    return {code: NAMES_OURS.get(code) or _english(name) for code, name in pairs}


# The 50 states and DC; the inhabited territories (islands where the nearest office may be
# across the sea). Together: the places people live and offices stand.
STATES_ONLY: dict[str, str] = _names(lf.CONTIGUOUS_STATES + lf.NON_CONTIGUOUS_STATES)
TERRITORIES: dict[str, str] = _names(lf.US_TERRITORIES)
STATES: dict[str, str] = {**STATES_ONLY, **TERRITORIES}

# Mail only: no office to travel to. Military APO/FPO/DPO "states" and the freely
# associated states (the ZIP table knows their ZIPs).
MILITARY_STATES: dict[str, str] = _names(lf.ARMED_FORCES_STATES)
FREELY_ASSOCIATED_STATES: dict[str, str] = _names(lf.COFA_STATES)
MAIL_ONLY_STATES: dict[str, str] = {**MILITARY_STATES, **FREELY_ASSOCIATED_STATES}

# Everything an address may name.
MAIL_STATES: dict[str, str] = {**STATES, **MAIL_ONLY_STATES}


def _by_name(names: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(names.items(), key=lambda item: item[1])


# Choices: where an office can be (offices.Office.state) ...
STATE_CHOICES: list[tuple[str, str]] = _by_name(STATES)
# ... and what an address may say (addresses.AddressChange.state): military codes shown
# with the code people write on the envelope.
MAIL_STATE_CHOICES: list[tuple[str, str]] = _by_name(
    {
        **STATES,
        **{code: f"{name} ({code})" for code, name in MILITARY_STATES.items()},
        **FREELY_ASSOCIATED_STATES,
    }
)

# Other ways people write a state (lower case, words as the geocoder normalises them),
# beside localflavor's: Spanish names and short forms localflavor lacks.
ALIASES: dict[str, str] = {
    # Short forms kept on purpose (shorter than localflavor's we take).
    "usvi": "VI",
    "fla": "FL",
    "tex": "TX",
    "mass": "MA",
    "penn": "PA",
    "wash": "WA",
    "ariz": "AZ",
    "colo": "CO",
    "conn": "CT",
    "ill": "IL",
    "mich": "MI",
    "minn": "MN",
    "wis": "WI",
    "okla": "OK",
    "tenn": "TN",
    "washington dc": "DC",
    "washington d c": "DC",
    "d c": "DC",
    "cnmi": "MP",
    "northern marianas": "MP",
    "mariana islands": "MP",
    "cal": "CA",
    "nueva york": "NY",
    "nueva jersey": "NJ",
    "nuevo mexico": "NM",
    "nuevo hampshire": "NH",
    "carolina del norte": "NC",
    "carolina del sur": "SC",
    "dakota del norte": "ND",
    "dakota del sur": "SD",
    "virginia occidental": "WV",
    "luisiana": "LA",
    "misuri": "MO",
    "misisipi": "MS",
    "pensilvania": "PA",
    "hawai": "HI",
    "distrito de columbia": "DC",
    "islas virgenes": "VI",
    "islas virgenes de los estados unidos": "VI",
    "samoa americana": "AS",
    "islas marianas del norte": "MP",
    "armed forces europe": "AE",
}


def state_aliases() -> dict[str, str]:
    """Every written form we know -> code: localflavor's names and misspellings (words of
    five letters or more: its short forms such as "del", "miss" or "ore" end too many
    place names), then ours."""
    known = {
        name: code
        for name, code in lf.STATES_NORMALIZED.items()
        if len(name.replace(" ", "")) >= 5 and code in MAIL_STATES
    }
    return {**known, **ALIASES}
