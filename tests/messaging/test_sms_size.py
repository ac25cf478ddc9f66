import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkin_portal.messaging.sms import GSM7_BASIC, GSM7_EXTENSION, is_gsm7, sms_size


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", "GSM-7", 0, 0),
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        # Extension characters take two septets.
        ("€" * 80, "GSM-7", 160, 1),
        ("€" * 81, "GSM-7", 162, 2),
        # An escape pair is never split: 152 plain + one € cannot fit in 153.
        ("a" * 152 + "€" + "a" * 152, "GSM-7", 306, 3),
        # é and ñ are GSM-7, á is not.
        ("Mañana usted irá", "UCS-2", 16, 1),
        ("Señor José, café", "GSM-7", 16, 1),
        ("á" * 70, "UCS-2", 70, 1),
        ("á" * 71, "UCS-2", 71, 2),
        ("á" * 134, "UCS-2", 134, 2),
        ("á" * 135, "UCS-2", 135, 3),
        # Emoji are surrogate pairs: two code units, never split.
        ("😀" * 35, "UCS-2", 70, 1),
        ("😀" * 36, "UCS-2", 72, 2),
        ("a" * 66 + "😀" + "a" * 66, "UCS-2", 134, 3),
    ],
)
def test_sms_size(text, encoding, units, segments):
    size = sms_size(text)
    assert (size.encoding, size.units, size.segments) == (encoding, units, segments)
    assert size.fits == (segments <= 2)


def test_every_gsm_character_is_gsm7_and_others_are_not():
    assert is_gsm7("".join(GSM7_BASIC) + "".join(GSM7_EXTENSION))
    for ch in "áíóú`😀\u00a0":
        assert not is_gsm7(ch), ch


@given(st.text(max_size=400))
def test_segments_never_overflow(text):
    size = sms_size(text)
    if size.encoding == "GSM-7":
        assert size.segments == 0 or size.units <= (
            160 if size.segments == 1 else 153 * size.segments
        )
    else:
        assert size.segments == 0 or size.units <= (
            70 if size.segments == 1 else 67 * size.segments
        )
    # Longer text never needs fewer segments.
    assert sms_size(text + "a").segments >= size.segments
