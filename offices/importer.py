"""The project's office data file: its columns and how a file is read.

``offices/data/offices.csv`` (UTF-8, one office a row, header first):

=======================  ==============================================================
code                     fixed short name, capital letters, digits and dashes (unique)
kind                     ``field_office`` or ``sub_office``
parent_code              code of the field office a sub-office belongs to (else empty)
name_<lang>              the office's name, one column per shipped language: name_en,
                         name_es, name_pt_br, ... (a language left empty shows English)
street, city, state, zip the address; state is the USPS code; ZIP 5 digits
latitude, longitude      decimal degrees; empty: taken from the ZIP centroid
time_zone                IANA name; empty: taken from the ZIP (old name ``timezone`` accepted)
phone, email             contact (either may be empty)
area_of_responsibility   free text
hours_<lang>             published check-in hours, as text (hours_en, hours_es, ...)
instructions_<lang>      what a visitor needs to know, plain text (instructions_en, ...)
accepts_online_booking   yes / no
is_active                yes / no (inactive offices are not shown to the public)
source                   where the facts come from (not imported; for reviewers)
=======================  ==============================================================

Nothing here touches the database: ``read_office_rows`` turns a file into rows with
their line numbers; ``offices.resources.OfficeResource`` imports them (through
``offices.services.offices_import``, ``manage.py import_offices`` or the staff import
screen), all or nothing. Whether an office is active and takes online bookings is
written only when the office is created: after that, staff decide.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tablib
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname

# Fields translated with django-modeltranslation (offices/translation.py): the file has
# one column per shipped language, named as modeltranslation names the model fields
# (name_en, name_es, name_pt_br, ..., hours_zh_hans, ...). Adding a language to
# settings.LANGUAGES adds its columns here; nothing in this file needs an edit.
TRANSLATED_FIELDS = ("name", "hours", "instructions")
LANGUAGE_CODES = list(mt_settings.AVAILABLE_LANGUAGES)


def translated_columns(field: str) -> list[str]:
    """``name`` -> ``["name_en", "name_es", "name_pt_br", ...]`` (default language first)."""
    codes = [mt_settings.DEFAULT_LANGUAGE] + [
        code for code in LANGUAGE_CODES if code != mt_settings.DEFAULT_LANGUAGE
    ]
    return [build_localized_fieldname(field, code) for code in codes]


COLUMNS = [
    "code",
    "kind",
    "parent_code",
    *translated_columns("name"),
    "street",
    "city",
    "state",
    "zip",
    "latitude",
    "longitude",
    "time_zone",
    "phone",
    "email",
    "area_of_responsibility",
    *translated_columns("hours"),
    *translated_columns("instructions"),
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


def rows_dataset(rows: list[OfficeRow]) -> tablib.Dataset:
    """Rows read by ``read_office_rows`` as the dataset ``OfficeResource`` imports (each
    row keeps its line in the file, for messages)."""
    present = {column for row in rows for column in row.values}
    headers = [column for column in COLUMNS if column in present]
    headers += sorted(present - set(headers))
    dataset = tablib.Dataset(headers=headers)
    for row in rows:
        dataset.append([row.values.get(column, "") for column in headers])
    dataset.lines = [row.line for row in rows]
    dataset.bad_lengths = {}
    return dataset
