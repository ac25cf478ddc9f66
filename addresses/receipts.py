"""Receipt numbers: 8 random Crockford base32 characters (no I, L, O or U), shown as
XXXX-XXXX. Random, never sequential: a receipt number says nothing about how many
changes were made or when, and cannot be guessed from another one (40 bits)."""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
PATTERN = r"^[0-9A-HJKMNP-TV-Z]{8}$"


def new_receipt_number() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def format_receipt_number(value: str) -> str:
    return f"{value[:4]}-{value[4:]}" if len(value) == LENGTH else value
