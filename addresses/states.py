"""USPS state and territory codes accepted in an address, with their names.

The places are the offices app's list (states, DC, inhabited territories); mail can also go
to military APO/FPO/DPO "states" and to the freely associated states the ZIP table knows.
Names of places are not translated (USPS uses these spellings on mail)."""

from offices.states import STATES as PLACES

MAIL_ONLY_STATES: dict[str, str] = {
    "AA": "Armed Forces Americas (AA)",
    "AE": "Armed Forces Europe, Middle East, Africa, Canada (AE)",
    "AP": "Armed Forces Pacific (AP)",
    "FM": "Federated States of Micronesia",
    "MH": "Marshall Islands",
    "PW": "Palau",
}

STATES: dict[str, str] = {**PLACES, **MAIL_ONLY_STATES}

STATE_CHOICES = sorted(STATES.items(), key=lambda item: item[1])
