"""Build the project's office data file (offices/data/offices.csv) from the reference list.

    .venv/bin/python scripts/build_offices_csv.py /path/to/ero_offices.csv [-o offices/data/offices.csv]

The reference list (146 rows: 25 field offices, 121 check-in locations) carries names,
addresses, phones, e-mail, published check-in hours and the areas each office serves, but
no coordinates. This script, run once by a maintainer, turns it into our own format:

* a stable code per office: field offices ``<CITY>-FO`` (``ATLANTA-FO``), check-in
  locations ``<NAME>-<STATE>`` (``ATLANTA-GA``); codes never change once published;
* latitude, longitude and time zone from the ZIP centroid of the offline ``zipcodes``
  table (staff can correct coordinates in admin);
* the published hours kept word for word (``hours_en``), with a Spanish rendering
  (``hours_es``) made by a small phrase table below; rows it cannot render stay empty
  in Spanish and the English text is shown instead;
* "Special Instructions" that the source keeps in its e-mail column moved to
  ``instructions_en`` (with a Spanish version);
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
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from offices.geocoding.zipindex import zip_record  # noqa: E402
from offices.importer import COLUMNS  # noqa: E402
from offices.states import STATES  # noqa: E402

DEFAULT_OUTPUT = ROOT / "offices" / "data" / "offices.csv"

# The reference list names two field offices differently from their sub-offices' parent
# column (its README: "Miami appears as 'Miramar Sub Office'").
FIELD_OFFICE_NAMES = {
    "Miramar Sub Office": "Miami Field Office",
}
PARENT_ALIASES = {
    "New York Field Office": "New York City Field Office",
}

DAYS_ES = {
    "Monday": "lunes",
    "Tuesday": "martes",
    "Wednesday": "miércoles",
    "Thursday": "jueves",
    "Friday": "viernes",
    "Saturday": "sábado",
    "Sunday": "domingo",
}
ORDINALS_ES = {
    "1st": "primer",
    "2nd": "segundo",
    "3rd": "tercer",
    "4th": "cuarto",
    "Last": "último",
}
INSTRUCTIONS_ES = {
    "Send A-files here": "Aquí se envían los expedientes A (A-files).",
    "Check in via main entrance.": "Regístrese por la entrada principal.",
    "Non-Detained Office is located on the 1st floor, to the right of the security desk.": (
        "La oficina para personas no detenidas está en el primer piso, a la derecha del "
        "control de seguridad."
    ),
    "Non-Detained Office is located on the 1st floor.": (
        "La oficina para personas no detenidas está en el primer piso."
    ),
    "The Check-In Window is in the USCIS Lobby (Main Entrance)": (
        "La ventanilla de registro está en el vestíbulo de USCIS (entrada principal)."
    ),
    "Check-in at ERO Main Reception/Bond Suite 1601.": (
        "Regístrese en la recepción principal de ERO, oficina de fianzas, Suite 1601."
    ),
    "All non-detained cases for Virginia and the District of Columbia report to Fairfax": (
        "Todas las personas no detenidas de Virginia y del Distrito de Columbia se presentan "
        "en Fairfax."
    ),
}

_TIME = r"\d{1,2}(?::\d{2})?\s*[ap]\.m\."
_HOURS = re.compile(rf"^(?P<days>.*?)[,\s]*(?P<start>{_TIME})\s*[-\u2013]\s*(?P<end>{_TIME})$")
_DAY = "|".join(DAYS_ES)


def _time_es(text: str) -> str:
    return re.sub(r"\s*([ap])\.m\.", r" \1. m.", text.strip())


def hours_in_spanish(hours: str) -> str:
    """ "Tuesday-Thursday, 8 a.m.-3 p.m." -> "De martes a jueves, de 8 a. m. a 3 p. m.".
    Returns "" when the text does not fit the known patterns."""
    match = _HOURS.match(hours.strip())
    if not match:
        return ""
    days = match["days"].strip().rstrip(",")
    when = f"de {_time_es(match['start'])} a {_time_es(match['end'])}"
    if not days:
        return when[0].upper() + when[1:]
    monthly = re.fullmatch(rf"(1st|2nd|3rd|4th|Last) ({_DAY}) of (?:each|the) month", days)
    if monthly:
        days_es = f"{ORDINALS_ES[monthly[1]]} {DAYS_ES[monthly[2]]} de cada mes"
    elif re.fullmatch(rf"({_DAY})\s*[-\u2013]\s*({_DAY})", days):
        first, last = re.split(r"\s*[-\u2013]\s*", days)
        days_es = f"de {DAYS_ES[first]} a {DAYS_ES[last]}"
    else:
        words = re.split(r"(,\s*|\s+and\s+)", days)
        parts = []
        for word in words:
            if word in DAYS_ES:
                parts.append(DAYS_ES[word])
            elif word.strip() == "and":
                parts.append(" y ")
            elif word.strip() == ",":
                parts.append(", ")
            else:
                return ""
        days_es = "".join(parts)
        # "martes, jueves, viernes" reads better as "martes, jueves y viernes".
        if " y " not in days_es and ", " in days_es:
            head, _, tail = days_es.rpartition(", ")
            days_es = f"{head} y {tail}"
    text = f"{days_es}, {when}"
    return text[0].upper() + text[1:]


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


def build(source: Path) -> tuple[list[dict[str, str]], list[str]]:
    with source.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    problems: list[str] = []
    codes_by_field_office_name: dict[str, str] = {}
    for row in rows:
        if row["kind"] == "field_office":
            name = FIELD_OFFICE_NAMES.get(row["name"], row["name"])
            codes_by_field_office_name[name] = field_office_code(name)

    out: list[dict[str, str]] = []
    for row in rows:
        kind = row["kind"].strip()
        state = row["state"].strip().upper()
        if kind == "field_office":
            name_en = FIELD_OFFICE_NAMES.get(row["name"], row["name"]).strip()
            code = field_office_code(name_en)
            name_es = "Oficina de campo de " + name_en.removesuffix(" Field Office")
            parent_code = ""
        else:
            name_en = row["name"].strip()
            code = sub_office_code(name_en, state)
            name_es = ""
            parent_name = PARENT_ALIASES.get(row["parent_field_office"], row["parent_field_office"])
            parent_code = codes_by_field_office_name.get(parent_name, "")
            if not parent_code:
                problems.append(f"{code}: unknown field office {row['parent_field_office']!r}")
        zip_code = row["zip"].strip().zfill(5)
        record = zip_record(zip_code)
        latitude = longitude = timezone = ""
        if record is None or not record.has_coordinates:
            problems.append(f"{code}: ZIP {zip_code} has no coordinates; left empty")
        else:
            if record.state != state:
                problems.append(f"{code}: ZIP {zip_code} is in {record.state}, not {state}")
            latitude, longitude = f"{record.latitude:.4f}", f"{record.longitude:.4f}"
            timezone = record.timezone
        email, instructions = _split_email(row["email"])
        hours = row["appointment_times"].strip()
        hours_es = hours_in_spanish(hours) if hours else ""
        if hours and not hours_es:
            problems.append(f"{code}: no Spanish rendering for hours {hours!r}")
        instructions_es = INSTRUCTIONS_ES.get(instructions, "") if instructions else ""
        if instructions and not instructions_es:
            problems.append(f"{code}: no Spanish instructions for {instructions!r}")
        out.append(
            {
                "code": code,
                "kind": kind,
                "parent_code": parent_code,
                "name_en": name_en,
                "name_es": name_es,
                "street": " ".join(row["street"].split()),
                "city": row["city"].strip(),
                "state": state,
                "zip": zip_code,
                "latitude": latitude,
                "longitude": longitude,
                "timezone": timezone,
                "phone": row["phone"].strip(),
                "email": email,
                "area_of_responsibility": " ".join(row["area_of_responsibility"].split()),
                "hours_en": hours,
                "hours_es": hours_es,
                "instructions_en": instructions,
                "instructions_es": instructions_es,
                # No published hours: nothing to book online until staff add a schedule.
                "accepts_online_booking": "yes" if hours and kind == "sub_office" else "no",
                "is_active": "yes" if kind == "sub_office" else "no",
                "source": row["source"].strip(),
            }
        )
    codes = [row["code"] for row in out]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        problems.append(f"duplicate codes: {duplicates}")
    out.sort(key=lambda row: row["code"])
    return out, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the reference ero_offices.csv")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    rows, problems = build(args.source)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"wrote {len(rows)} offices to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
