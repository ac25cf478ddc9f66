"""One list of states and territories (checkin_portal.places.states), from localflavor."""

from django.utils import translation
from localflavor.us import us_states

from checkin_portal.places import states


def test_names_are_localflavors_english_names_except_ours():
    every = (
        us_states.CONTIGUOUS_STATES
        + us_states.NON_CONTIGUOUS_STATES
        + us_states.US_TERRITORIES
        + us_states.ARMED_FORCES_STATES
        + us_states.COFA_STATES
    )
    with translation.override("en"):
        english = {code: str(name) for code, name in every}
    assert set(english) == set(states.MAIL_STATES)
    for code, name in states.MAIL_STATES.items():
        assert name == states.NAMES_OURS.get(code, english[code]), code


def test_names_stay_in_english_in_every_language():
    with translation.override("es"):
        assert states.STATES["NY"] == "New York"
        assert dict(states.STATE_CHOICES)["VI"] == "U.S. Virgin Islands"


def test_the_groups():
    assert len(states.STATES_ONLY) == 51  # 50 states and DC
    assert set(states.TERRITORIES) == {"PR", "GU", "MP", "VI", "AS"}
    assert set(states.MILITARY_STATES) == {"AA", "AE", "AP"}
    assert set(states.FREELY_ASSOCIATED_STATES) == {"FM", "MH", "PW"}
    assert [code for code, _name in states.STATE_CHOICES] == sorted(
        states.STATES, key=states.STATES.get
    )
    assert dict(states.MAIL_STATE_CHOICES)["AE"] == (
        "Armed Forces Europe, Middle East, Africa, Canada (AE)"
    )


def test_aliases_name_known_codes_and_skip_short_forms_of_localflavor():
    aliases = states.state_aliases()
    assert set(aliases.values()) <= set(states.MAIL_STATES)
    assert aliases["nueva york"] == "NY"
    assert aliases["massachussetts"] == "MA"  # localflavor's misspellings
    assert "miss" not in aliases and "del" not in aliases
