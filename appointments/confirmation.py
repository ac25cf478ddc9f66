"""Confirmation numbers for appointments: the shared random code (checkin_portal/codes.py),
shown as XXXX-XXXX and read back forgivingly (I/L as 1, O as 0, any script's digits)."""

from checkin_portal.codes import ALPHABET, LENGTH
from checkin_portal.codes import format_code as format_confirmation_number
from checkin_portal.codes import new_code as new_confirmation_number
from checkin_portal.codes import normalise_code as normalise_confirmation_number

__all__ = [
    "ALPHABET",
    "LENGTH",
    "format_confirmation_number",
    "new_confirmation_number",
    "normalise_confirmation_number",
]
