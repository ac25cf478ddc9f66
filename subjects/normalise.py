"""How Subject IDs and A-numbers are written down, whoever types them.

People copy these from paper, on a phone, sometimes with a keyboard for another script:
the same value must match however it was typed (case, spaces, dashes, digits of any
script: full-width, Arabic-Indic, Persian, Devanagari...).
Used by the sign-in form, the model (admin, CSV import) and the demo data alike.
"""

import re

from checkin_portal.digits import fold_digits

# Every character a person may type between groups of a Subject ID or an A-number.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\u00ad._/]+")

SUBJECT_ID_MIN_LENGTH = 4
SUBJECT_ID_MAX_LENGTH = 20
SUBJECT_ID_PATTERN = rf"^[A-Z0-9]{{{SUBJECT_ID_MIN_LENGTH},{SUBJECT_ID_MAX_LENGTH}}}$"
A_NUMBER_PATTERN = r"^[0-9]{9}$"

_SUBJECT_ID_RE = re.compile(SUBJECT_ID_PATTERN)
_A_NUMBER_RE = re.compile(A_NUMBER_PATTERN)


def _squash(raw: object) -> str:
    # Full-width letters (NFKC) and the digits of every script become ASCII.
    text = fold_digits(str(raw or ""))
    return _SEPARATORS.sub("", text).upper()


def normalise_subject_id(raw: object) -> str:
    """'ab-12 34' → 'AB1234'. The result may still be invalid; see ``is_valid_subject_id``."""
    return _squash(raw)


def is_valid_subject_id(value: str) -> bool:
    return bool(_SUBJECT_ID_RE.fullmatch(value))


def normalise_a_number(raw: object) -> str:
    """'A 012-345-678' → '012345678'; an 8-digit number gets its leading 0."""
    value = _squash(raw)
    if value.startswith("A"):
        value = value[1:]
    if len(value) == 8 and value.isascii() and value.isdigit():
        value = "0" + value
    return value


def is_valid_a_number(value: str) -> bool:
    return bool(_A_NUMBER_RE.fullmatch(value))
