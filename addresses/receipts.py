"""Receipt numbers for address changes: the shared random code (checkin_portal/codes.py),
shown as XXXX-XXXX. Random, never sequential: a receipt number says nothing about how many
changes were made or when."""

from checkin_portal.codes import ALPHABET, LENGTH, PATTERN
from checkin_portal.codes import format_code as format_receipt_number
from checkin_portal.codes import new_code as new_receipt_number

__all__ = ["ALPHABET", "LENGTH", "PATTERN", "format_receipt_number", "new_receipt_number"]
