"""The project's office data file: its columns and how a file is read.

``offices/data/offices.csv`` (UTF-8, one office a row, header first):

=======================  ==============================================================
code                     fixed short name, capital letters, digits and dashes (unique)
kind                     ``field_office`` or ``sub_office``
parent_code              code of the field office a sub-office belongs to (else empty)
name_en, name_es         the office's name (Spanish empty: English is shown)
street, city, state, zip the address; state is the USPS code; ZIP 5 digits
latitude, longitude      decimal degrees; empty: taken from the ZIP centroid
timezone                 IANA name; empty: taken from the ZIP
phone, email             contact (either may be empty)
area_of_responsibility   free text
hours_en, hours_es       published check-in hours, as text
instructions_en, _es     what a visitor needs to know (plain text)
accepts_online_booking   yes / no
is_active                yes / no (inactive offices are not shown to the public)
source                   where the facts come from (not imported; for reviewers)
=======================  ==============================================================

Nothing here touches the database: ``read_office_rows`` turns a file into rows with
their line numbers; ``offices.services.offices_import`` writes them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

COLUMNS = [
    "code",
    "kind",
    "parent_code",
    "name_en",
    "name_es",
    "street",
    "city",
    "state",
    "zip",
    "latitude",
    "longitude",
    "timezone",
    "phone",
    "email",
    "area_of_responsibility",
    "hours_en",
    "hours_es",
    "instructions_en",
    "instructions_es",
    "accepts_online_booking",
    "is_active",
    "source",
]
REQUIRED_COLUMNS = {"code", "kind", "name_en", "street", "city", "state", "zip"}
DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "offices.csv"


class OfficeFileError(ValueError):
    """The file as a whole cannot be read (not CSV, missing columns)."""


@dataclass(frozen=True)
class OfficeRow:
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()


def read_office_rows(source: Path | str | Iterable[str]) -> list[OfficeRow]:
    """Read the data file (a path, or lines of text). Raises ``OfficeFileError``."""
    if isinstance(source, (str, Path)):
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise OfficeFileError(f"cannot read {source}: {error}") from error
        lines: Iterable[str] = io.StringIO(text)
    else:
        lines = source
    reader = csv.DictReader(lines)
    header = {name.strip() for name in (reader.fieldnames or []) if name}
    missing = REQUIRED_COLUMNS - header
    if missing:
        raise OfficeFileError(f"missing columns: {', '.join(sorted(missing))}")
    rows = []
    try:
        for values in reader:
            # Extra cells (more than the header has) come under the key None: ignored.
            clean = {key.strip(): value or "" for key, value in values.items() if key}
            if not any(value.strip() for value in clean.values()):
                continue  # blank line
            rows.append(OfficeRow(line=reader.line_num, values=clean))
    except csv.Error as error:
        raise OfficeFileError(f"line {reader.line_num}: {error}") from error
    return rows
