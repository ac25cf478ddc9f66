# ruff: noqa: RUF002 - digits and signs of other scripts on purpose
"""Numbers as people type them, in any script, made ASCII.

People type numbers with the digits of their own keyboard: Arabic-Indic (٠١٢), Persian
(۰۱۲), Devanagari (०१२), Gurmukhi (੦੧੨), full-width (０１２, East Asian keyboards),
mathematical bold (𝟎𝟏𝟐, pasted from styled text). Python's ``\\d`` and ``int()`` accept
them all; our database's ``[0-9]`` does not, and neither do ZIP tables, date parsing or
the agencies. So every field where people type numbers (ZIP, phone, dates, Subject ID,
A-number, unit and house numbers, the office finder's query) reads them through
``fold_digits`` first: a ZIP typed in Persian digits simply works.

After folding, check with ``[0-9]`` (ASCII), never ``\\d``: the two agree only then.
"""

import re
import unicodedata

# In a str pattern, \d is every Unicode decimal digit (category Nd), in every script.
_ANY_DIGIT = re.compile(r"\d")


def _ascii(match: re.Match) -> str:
    return str(unicodedata.decimal(match.group()))


def fold_digits(text: str) -> str:
    """Compatibility forms folded (NFKC: full-width digits and signs, mathematical
    digits), then every decimal digit of any script written as its ASCII digit.

    '60605-١٢٣٤' → '60605-1234'; '２０２５／０３／１４' → '2025/03/14'. Letters and other
    characters are left for the field's own checks."""
    if text.isascii():
        return text
    return _ANY_DIGIT.sub(_ascii, unicodedata.normalize("NFKC", text))
