# ruff: noqa: RUF001 - digits and signs of other scripts on purpose
"""Hypothesis strategies shared by the tests of several apps: numbers typed with the digits
of any script, as people in our languages (ar, fa, hi, pa, zh_Hans...) type them."""

import functools
import re
import sys
import unicodedata

from hypothesis import strategies as st

# The scripts our people type, for readable fixed examples.
SCRIPTS = {
    "arabic_indic": "٠١٢٣٤٥٦٧٨٩",  # ar
    "persian": "۰۱۲۳۴۵۶۷۸۹",  # fa
    "devanagari": "०१२३४५६७८९",  # hi
    "gurmukhi": "੦੧੨੩੪੫੬੭੮੯",  # pa
    "fullwidth": "０１２３４５６７８９",  # East Asian keyboards
    "math_bold": "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",  # pasted from styled text
}


def in_script(text: str, script: str) -> str:
    """'60605-1234' written with the digits of ``script`` (other characters kept)."""
    digits = SCRIPTS[script]
    return "".join(digits[int(ch)] if ch.isascii() and ch.isdigit() else ch for ch in text)


@functools.cache
def _zeros() -> tuple[str, ...]:
    """The digit zero of every script Unicode knows (each script's 0-9 are consecutive)."""
    return tuple(
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) == "Nd" and unicodedata.decimal(chr(cp)) == 0
    )


def any_script_number(ascii_text: str):
    """``ascii_text`` with its digits drawn from random scripts (ASCII included): either
    one script per group of digits, as a person switching keyboards types ('60605-١٢٣٤'),
    or one per digit, as a fuzzer does."""
    runs = [match.span() for match in re.finditer(r"[0-9]+", ascii_text)]
    zero = st.one_of(st.just("0"), st.sampled_from(_zeros()))

    def build(zeros: list[str], per_digit: bool) -> str:
        chars = list(ascii_text)
        draws = iter(zeros)
        for start, end in runs:
            group_zero = next(draws)
            for i in range(start, end):
                base = next(draws) if per_digit else group_zero
                chars[i] = chr(ord(base) + int(ascii_text[i]))
        return "".join(chars)

    count = len(runs) + sum(end - start for start, end in runs)
    return st.builds(build, st.lists(zero, min_size=count, max_size=count), st.booleans())


# Any digit of any script, and the signs people put between groups of digits.
any_digit = st.characters(categories=["Nd"])
separator = st.sampled_from(
    [" ", "-", "‐", "–", "−", "/", ".", ",", "(", ")", "+", "#", "\u00a0", "\u3000", "－", "٫", "٬"]
)
digits_text = st.text(st.one_of(any_digit, any_digit, separator), max_size=24)
