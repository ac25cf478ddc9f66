"""Random codes people read out and type back (appointment confirmation numbers, address
change receipts): 8 Crockford base32 characters, stored without a dash, shown as XXXX-XXXX.

Random (``secrets``), never sequential: one code says nothing about another or about how
many there are (40 bits). Crockford's alphabet leaves out I, L, O and U; when a person
types a code back we read I and L as 1 and O as 0, digits of any script as ASCII digits,
and ignore case, spaces and dashes."""

import secrets

from checkin_portal.digits import fold_digits

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
# A stored code (a database check constraint uses it).
PATTERN = r"^[0-9A-HJKMNP-TV-Z]{8}$"
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code() -> str:
    """A fresh random code, stored without the dash."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def format_code(code: str) -> str:
    """'K7M2Q9XA' -> 'K7M2-Q9XA'."""
    return f"{code[:4]}-{code[4:]}" if len(code) == LENGTH else code


def normalise_code(typed: str) -> str | None:
    """What a person or a staff member typed -> the stored form, or None when it cannot be one."""
    typed = fold_digits(typed).upper()
    cleaned = "".join(ch for ch in typed if ch not in " -_.").translate(_READ_AS)
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned
