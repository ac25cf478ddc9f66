"""How many SMS segments a text takes (GSM-7 or UCS-2), and the project's limit.

A text made only of GSM 03.38 characters goes as GSM-7: 160 septets in one message,
153 per segment once it is split (the rest carries the joining header). Characters from
the extension table (``^ { } \\ [ ~ ] | €`` and form feed) take two septets and are never
split between segments. Any other character (``á``, ``í``, ``ó``, ``ú``, an emoji...)
switches the whole text to UCS-2: 70 UTF-16 code units in one message, 67 per segment,
and a surrogate pair (most emoji) is never split.

Spanish often needs UCS-2 (``é`` and ``ñ`` are GSM-7, ``á`` ``í`` ``ó`` ``ú`` are not):
our SMS templates are written to fit in two UCS-2 segments (134 code units).
"""

from dataclasses import dataclass

MAX_SEGMENTS = 2

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


@dataclass(frozen=True)
class SmsSize:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int

    @property
    def fits(self) -> bool:
        return self.segments <= MAX_SEGMENTS


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def _segments(sizes: list[int], single: int, part: int) -> int:
    """Pack characters of the given sizes into segments without splitting one."""
    if sum(sizes) <= single:
        return 1 if sizes else 0
    segments, used = 1, 0
    for size in sizes:
        if used + size > part:
            segments += 1
            used = 0
        used += size
    return segments


def sms_size(text: str) -> SmsSize:
    if is_gsm7(text):
        sizes = [2 if ch in GSM7_EXTENSION else 1 for ch in text]
        return SmsSize("GSM-7", sum(sizes), _segments(sizes, GSM7_SINGLE, GSM7_PART))
    sizes = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    return SmsSize("UCS-2", sum(sizes), _segments(sizes, UCS2_SINGLE, UCS2_PART))
