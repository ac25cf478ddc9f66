"""Build the project's court data file from the shared reference facts.

    .venv/bin/python scripts/build_court_data.py [SOURCE_CSV] [OUTPUT_CSV]

SOURCE_CSV defaults to ../shared/data/immigration_courts.csv (columns: name, street, city,
state, zip, phone, docket, note, source); OUTPUT_CSV to hearings/data/immigration_courts.csv,
the file `manage.py import_courts` loads. The output is committed, so a fresh clone never
needs the source. Run it again only when the reference facts change, then review the diff.

What it does to each row:
* a stable ``code`` (slug of the name without "Immigration Court");
* phone numbers in E.164 (+14043310907);
* the IANA time zone from the ZIP code (offline ``zipcodes``), else from city and state;
* docket "non-detained" -> non_detained (the model's values);
* rows whose source note raises a doubt get ``needs_verification=true`` and the note kept
  as ``staff_note``; rows only in the older list (they may be closed, moved or renamed) are
  also inactive, so no new hearing can be put there until staff have checked them.
"""

import csv
import re
import sys
from pathlib import Path

import phonenumbers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkin_portal.places.zips import zone_for_address  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "immigration_courts.csv"
DEFAULT_OUTPUT = ROOT / "hearings" / "data" / "immigration_courts.csv"

COLUMNS = [
    "code",
    "name",
    "street",
    "city",
    "state",
    "zip_code",
    "phone",
    "time_zone",
    "docket",
    "is_active",
    "needs_verification",
    "staff_note",
    "source",
]
DOCKETS = {"non-detained": "non_detained", "detained": "detained", "unknown": "unknown"}
OLDER_LIST_PREFIX = "(older list) court at "
OLDER_LIST_NOTE = "only in older/undated list"

# Facts the source states in a form a person cannot use as an address.
OVERRIDES = {
    "Otay Mesa Immigration Court": {
        "street": "7488 Calzada de la Fuente",
        "needs_verification": "true",
        "staff_note": (
            "Source street: 'P.O. Box 438150 (mailing); physical 7488 Calzada de la Fuente "
            "per older list'. The ZIP code belongs to the P.O. box. Check the building "
            "address before relying on it."
        ),
    },
}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def e164(phone: str) -> str:
    if not phone.strip():
        return ""
    number = phonenumbers.parse(phone, "US")
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"not a valid phone number: {phone!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def build_row(source: dict[str, str]) -> dict[str, str]:
    name = source["name"].strip()
    street = source["street"].strip()
    city = source["city"].strip()
    state = source["state"].strip().upper()
    zip_code = source["zip"].strip()
    note = source.get("note", "").strip()
    older = OLDER_LIST_NOTE in note
    if name.startswith(OLDER_LIST_PREFIX):
        name = f"Court at {street}, {city} (older list)"
        code = "older-" + slug(f"{city} {street}")
    else:
        code = slug(re.sub(r"\bImmigration Court\b", "", name))
    zone = zone_for_address(zip_code=zip_code, city=city, state=state)
    if not zone:
        raise ValueError(f"{name}: no time zone for ZIP {zip_code!r} / {city}, {state}")
    row = {
        "code": code,
        "name": name,
        "street": street,
        "city": city,
        "state": state,
        "zip_code": zip_code,
        "phone": e164(source["phone"]),
        "time_zone": zone,
        "docket": DOCKETS[source["docket"].strip()],
        "is_active": "false" if older else "true",
        "needs_verification": "true" if note else "false",
        "staff_note": (
            "Only in an older, undated list, not in the newer catalogue: it may be closed, "
            "moved or renamed. Check before use."
            if older
            else (f"From the source data: {note}. Check before relying on it." if note else "")
        ),
        "source": source.get("source", "").strip(),
    }
    row.update(OVERRIDES.get(source["name"].strip(), {}))
    return row


def build(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    built = [build_row(row) for row in rows]
    codes = [row["code"] for row in built]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise ValueError(f"duplicate codes: {duplicates}")
    return sorted(built, key=lambda row: row["code"])


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    if not source.exists():
        print(f"build_court_data: {source} not found; pass the source CSV as the first argument")
        return 2
    with source.open(newline="", encoding="utf-8") as handle:
        rows = build(list(csv.DictReader(handle)))
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"build_court_data: {len(rows)} courts written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
