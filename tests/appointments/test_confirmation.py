import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from appointments.confirmation import (
    ALPHABET,
    format_confirmation_number,
    new_confirmation_number,
    normalise_confirmation_number,
)


def test_new_numbers_are_8_crockford_characters():
    for _ in range(500):
        code = new_confirmation_number()
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{8}", code)


def test_numbers_are_not_sequential_or_repeated():
    codes = [new_confirmation_number() for _ in range(2000)]
    assert len(set(codes)) == len(codes)
    # Consecutive codes share no long common prefix (they are random, not counters).
    shared = sum(1 for a, b in itertools.pairwise(codes) if a[:4] == b[:4])
    assert shared < 5


def test_format_and_normalise_round_trip():
    assert format_confirmation_number("K7M2Q9XA") == "K7M2-Q9XA"
    assert normalise_confirmation_number("k7m2-q9xa") == "K7M2Q9XA"
    assert normalise_confirmation_number(" K7M2 Q9XA ") == "K7M2Q9XA"


def test_normalise_reads_confusable_letters():
    assert normalise_confirmation_number("IL00-oO11") == "11000011"


def test_normalise_rejects_what_cannot_be_a_number():
    for typed in [
        "",
        "ABC",
        "K7M2-Q9XA-1",
        "K7M2Q9XU",
        "<script>",
        "\u041a7\u041c2Q9XA",
    ]:  # Cyrillic look-alikes
        assert normalise_confirmation_number(typed) is None


@given(st.text(max_size=40))
def test_normalise_never_raises(typed):
    result = normalise_confirmation_number(typed)
    assert result is None or (len(result) == 8 and set(result) <= set(ALPHABET))
