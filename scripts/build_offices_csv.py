"""Build the project's office data file (offices/data/offices.csv) from the reference list.

    .venv/bin/python scripts/build_offices_csv.py scripts/data/ero_offices.csv [-o offices/data/offices.csv]

The reference list (146 rows: 25 field offices, 121 check-in locations) carries names,
addresses, phones, e-mail, published check-in hours and the areas each office serves, but
no coordinates. This script, run once by a maintainer, turns it into our own format:

* a stable code per office: field offices ``<CITY>-FO`` (``ATLANTA-FO``), check-in
  locations ``<NAME>-<STATE>`` (``ATLANTA-GA``); codes never change once published;
* latitude, longitude and time zone from the ZIP centroid of the offline ``zipcodes``
  table (staff can correct coordinates in admin);
* the published hours kept word for word (``hours_en``) and written in every other
  shipped language (``hours_es``, ``hours_pt_br``, ... ``hours_tr``) by
  ``offices/hours_i18n.py``, which reads the days and times and writes them with the
  language's weekday names, clock and catalogue phrases; a text it cannot read stays
  empty in the other languages (the site shows the English text) and is counted in the
  report;
* "Special Instructions" that the source keeps in its e-mail column moved to
  ``instructions_en``, and field-office names, translated by the gettext catalogues (the
  English messages: ``scripts/office_texts_i18n.py``; a text without a translation stays
  empty in that language and is reported);
* field offices are staff records (parents, contact addresses) and have no published
  check-in hours: they are written inactive (not shown in the public finder), so the
  finder lists the 121 check-in locations, not the same building twice. Staff can turn
  one on in admin.

The output is sorted by code so a rebuild gives a readable diff. A fresh clone only needs
the committed CSV; this script and the reference list are not needed to run the portal.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The column list follows settings.LANGUAGES; the catalogues need the apps (no database).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_portal.settings.local")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402
from django.utils.functional import Promise  # noqa: E402
from modeltranslation.utils import build_localized_fieldname  # noqa: E402

from checkin_portal.places.states import STATES  # noqa: E402
from checkin_portal.places.zips import zip_record  # noqa: E402
from offices.hours_i18n import render_hours  # noqa: E402
from offices.importer import COLUMNS, LANGUAGE_CODES  # noqa: E402
from scripts import office_texts_i18n  # noqa: E402

DEFAULT_OUTPUT = ROOT / "offices" / "data" / "offices.csv"

# The reference list names two field offices differently from their sub-offices' parent
# column (its README: "Miami appears as 'Miramar Sub Office'").
FIELD_OFFICE_NAMES = {
    "Miramar Sub Office": "Miami Field Office",
}
PARENT_ALIASES = {
    "New York Field Office": "New York City Field Office",
}
# Rows whose address the scrape got wrong (street, city, ZIP), by source name. Wenatchee's
# office is in Wenatchee City Hall, 301 Yakima Street; the scrape listed it at the Yakima
# office's address (issue 14), which sent people 150 km to the wrong town.
ADDRESS_CORRECTIONS = {
    "Wenatchee, WA": ("301 Yakima Street", "Wenatchee", "98801"),
}

# The languages written from English: every shipped one but English itself.
OTHER_LANGUAGES = [code for code in LANGUAGE_CODES if code != "en"]
NAME_MESSAGES = office_texts_i18n.by_english(office_texts_i18n.FIELD_OFFICE_NAMES)
INSTRUCTION_MESSAGES = office_texts_i18n.by_english(office_texts_i18n.INSTRUCTIONS)


def translated(message: Promise | None) -> dict[str, str]:
    """Language -> the catalogue's translation of ``message`` (none where it has none)."""
    if message is None:
        return {}
    with translation.override("en"):
        english = str(message)
    texts = {}
    for code in OTHER_LANGUAGES:
        with translation.override(code):
            text = str(message)
        if text != english:
            texts[code] = text
    return texts


def translations(row: dict[str, str], field: str, english: str, text: dict[str, str]) -> None:
    """Put ``text`` (language -> translation) into ``row`` as ``<field>_<language>``."""
    row[build_localized_fieldname(field, "en")] = english
    for code in OTHER_LANGUAGES:
        row[build_localized_fieldname(field, code)] = text.get(code, "")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "-", text.upper()).strip("-")


def field_office_code(name: str) -> str:
    return _slug(name.removesuffix(" Field Office")) + "-FO"


def sub_office_code(name: str, state: str) -> str:
    """ "Atlanta, GA" -> ATLANTA-GA. The name's own state wins ("Washington, DC" is in
    Chantilly, VA: WASHINGTON-DC); a suffix that is no state code ("Saipan, CNMI") gives
    way to the state column (SAIPAN-MP)."""
    place, _, suffix = name.rpartition(",") if "," in name else (name, "", "")
    suffix = suffix.strip().upper()
    return f"{_slug(place)}-{suffix if suffix in STATES else state}"


def _split_email(value: str) -> tuple[str, str]:
    value = value.strip()
    if "Special Instructions:" in value:
        email, _, note = value.partition("Special Instructions:")
        return email.strip(), note.strip()
    return value, ""


def build(source: Path) -> tuple[list[dict[str, str]], list[str], dict[str, set[str]]]:  # noqa: C901 - one-off data build script, a table of steps
    """The rows of the data file, the problems found, and per language the distinct
    hours texts rendered in it (the language's key ``"unparsed"``: texts not read)."""
    with source.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    problems: list[str] = []
    rendered: dict[str, set[str]] = defaultdict(set)
    codes_by_field_office_name: dict[str, str] = {}
    for row in rows:
        if row["kind"] == "field_office":
            name = FIELD_OFFICE_NAMES.get(row["name"], row["name"])
            codes_by_field_office_name[name] = field_office_code(name)

    out: list[dict[str, str]] = []
    for row in rows:
        if row["name"] in ADDRESS_CORRECTIONS:
            row = {**row}
            row["street"], row["city"], row["zip"] = ADDRESS_CORRECTIONS[row["name"]]
        kind = row["kind"].strip()
        state = row["state"].strip().upper()
        if kind == "field_office":
            name_en = FIELD_OFFICE_NAMES.get(row["name"], row["name"]).strip()
            code = field_office_code(name_en)
            names = translated(NAME_MESSAGES.get(name_en))
            parent_code = ""
        else:
            name_en = row["name"].strip()
            code = sub_office_code(name_en, state)
            names = {}  # "Atlanta, GA": a place name, the same in every language
            parent_name = PARENT_ALIASES.get(row["parent_field_office"], row["parent_field_office"])
            parent_code = codes_by_field_office_name.get(parent_name, "")
            if not parent_code:
                problems.append(f"{code}: unknown field office {row['parent_field_office']!r}")
        zip_code = row["zip"].strip().zfill(5)
        record = zip_record(zip_code)
        latitude = longitude = time_zone = ""
        if record is None or not record.has_coordinates:
            problems.append(f"{code}: ZIP {zip_code} has no coordinates; left empty")
        else:
            if record.state != state:
                problems.append(f"{code}: ZIP {zip_code} is in {record.state}, not {state}")
            latitude, longitude = f"{record.latitude:.4f}", f"{record.longitude:.4f}"
            time_zone = record.time_zone
        email, instructions = _split_email(row["email"])
        hours = row["appointment_times"].strip()
        hours_by_language: dict[str, str] = {}
        if hours:
            for language in OTHER_LANGUAGES:
                hours_by_language[language] = render_hours(hours, language)
                if hours_by_language[language]:
                    rendered[language].add(hours)
            if not any(hours_by_language.values()):
                rendered["unparsed"].add(hours)
            missing = [language for language, text in hours_by_language.items() if not text]
            if missing:
                problems.append(f"{code}: hours {hours!r} not rendered in {', '.join(missing)}")
        instructions_by_language = translated(INSTRUCTION_MESSAGES.get(instructions))
        missing = [lang for lang in OTHER_LANGUAGES if lang not in instructions_by_language]
        if instructions and missing:
            problems.append(f"{code}: instructions {instructions!r} not in {', '.join(missing)}")
        if kind == "field_office" and len(names) < len(OTHER_LANGUAGES):
            problems.append(f"{code}: no field-office name in some languages")
        values = {
            "code": code,
            "kind": kind,
            "parent_code": parent_code,
            "street": " ".join(row["street"].split()),
            "city": row["city"].strip(),
            "state": state,
            "zip": zip_code,
            "latitude": latitude,
            "longitude": longitude,
            "time_zone": time_zone,
            "phone": row["phone"].strip(),
            "email": email,
            "area_of_responsibility": " ".join(row["area_of_responsibility"].split()),
            # No published hours: nothing to book online until staff add a schedule.
            "accepts_online_booking": "yes" if hours and kind == "sub_office" else "no",
            "is_active": "yes" if kind == "sub_office" else "no",
            "source": row["source"].strip(),
        }
        translations(values, "name", name_en, names)
        translations(values, "hours", hours, hours_by_language)
        translations(values, "instructions", instructions, instructions_by_language)
        out.append(values)
    codes = [row["code"] for row in out]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        problems.append(f"duplicate codes: {duplicates}")
    out.sort(key=lambda row: row["code"])
    return out, problems, rendered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the reference ero_offices.csv")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    rows, problems, rendered = build(args.source)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"wrote {len(rows)} offices to {args.output}")
    distinct = len({row["hours_en"] for row in rows if row["hours_en"]})
    per_language = ", ".join(f"{code} {len(rendered[code])}" for code in OTHER_LANGUAGES)
    print(f"hours: {distinct} distinct texts; rendered: {per_language}")
    print(f"hours not understood (left in English): {len(rendered['unparsed'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
