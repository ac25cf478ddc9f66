"""Addresses written the USPS way (Publication 28), offline.

``usaddress-scourgify`` does the work for street addresses ("180 ted turner drive
southwest suite 522" → "180 TED TURNER DR SW" / "STE 522"). It cannot parse PO boxes,
so those are recognised first ("p.o. box 55" → "PO BOX 55"); and an address it cannot
parse (rural routes, unusual forms) is kept as typed, only in capitals, without accents
or periods, and with single spaces — the person still sees it and confirms it.
State and ZIP are never changed here: they were checked against each other before.
"""

import re
import unicodedata
from dataclasses import asdict, dataclass

from scourgify import normalize_address_record
from scourgify.exceptions import AddressNormalizationError

_PO_BOX = re.compile(
    r"^\s*(?:P\.?\s*O\.?|POST\s+OFFICE|POSTAL)\s*BOX\s*#?\s*([A-Z0-9-]+)\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Address:
    street: str
    unit: str
    city: str
    state: str
    zip_code: str
    in_care_of: str = ""

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def is_po_box(self) -> bool:
        return self.street.startswith("PO BOX ")

    @property
    def lines(self) -> list[str]:
        """The address as it goes on an envelope."""
        lines = []
        if self.in_care_of:
            lines.append(f"C/O {self.in_care_of}")
        lines.append(f"{self.street} {self.unit}".strip())
        lines.append(f"{self.city} {self.state} {self.zip_code}")
        return lines


def plain_upper(text: str) -> str:
    """Capitals, no accents, no periods or commas, single spaces (USPS style)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace(".", "").replace(",", " ")
    return " ".join(ascii_text.upper().split())


def _as_typed(street, unit, city, state, zip_code, in_care_of) -> Address:
    return Address(
        street=plain_upper(street),
        unit=plain_upper(unit),
        city=plain_upper(city),
        state=state,
        zip_code=zip_code,
        in_care_of=in_care_of,
    )


def normalise_address(
    *, street: str, unit: str, city: str, state: str, zip_code: str, in_care_of: str = ""
) -> Address:
    in_care_of = " ".join(in_care_of.split())
    po_box = _PO_BOX.match(street)
    if po_box:
        return Address(
            street=f"PO BOX {po_box.group(1).upper()}",
            unit=plain_upper(unit),
            city=plain_upper(city),
            state=state,
            zip_code=zip_code,
            in_care_of=in_care_of,
        )
    try:
        record = normalize_address_record(
            {
                "address_line_1": street,
                "address_line_2": unit or None,
                "city": city,
                "state": state,
                "postal_code": zip_code,
            }
        )
    except AddressNormalizationError:
        return _as_typed(street, unit, city, state, zip_code, in_care_of)
    except Exception:  # noqa: BLE001 - a parser bug must not stop the person; keep it as typed
        return _as_typed(street, unit, city, state, zip_code, in_care_of)
    return Address(
        street=plain_upper(record.get("address_line_1") or street),
        unit=plain_upper(record.get("address_line_2") or ""),
        city=plain_upper(record.get("city") or city),
        state=state,
        zip_code=zip_code,
        in_care_of=in_care_of,
    )
