"""Writes for offices."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from checkin_portal.places.zips import zip_record

from .importer import COLUMNS, OfficeRow, translated_values
from .models import Office, OfficeKind

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
# Model fields the data file sets: its columns, less the key and the provenance note, with
# the parent office's code stored as its id.
_IMPORTED_FIELDS = [
    "parent_id" if column == "parent_code" else column
    for column in COLUMNS
    if column not in {"code", "source"}
]


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # (line, code, reason): rows not written
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    # (line, code, note): rows written, with something staff should look at
    warnings: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        )


class _Skip(Exception):
    pass


def _flag(row: OfficeRow, column: str, default: bool) -> bool:
    value = row.get(column).lower()
    if not value:
        return default
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise _Skip(f"{column} must be yes or no, not {value[:20]!r}")


def _coordinate(row: OfficeRow, column: str) -> float | None:
    value = row.get(column)
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise _Skip(f"{column} is not a number: {value[:20]!r}") from None
    if not math.isfinite(number):
        raise _Skip(f"{column} is not a number: {value[:20]!r}")
    return number


def _values(row: OfficeRow, *, offices: dict[str, Office]) -> tuple[dict, str]:
    """The model values for a row, and a note when the office cannot be placed."""
    kind = row.get("kind")
    if kind not in OfficeKind.values:
        raise _Skip(f"kind must be field_office or sub_office, not {kind[:20]!r}")
    parent_code = row.get("parent_code").upper()
    parent = None
    if parent_code:
        if kind == OfficeKind.FIELD_OFFICE:
            raise _Skip("a field office cannot have a parent_code")
        parent = offices.get(parent_code)
        if parent is None:
            raise _Skip(f"no field office with code {parent_code!r}")
        if parent.kind != OfficeKind.FIELD_OFFICE:
            raise _Skip(f"{parent_code!r} is not a field office")
    zip_code = row.get("zip")
    if zip_code.isdigit() and len(zip_code) < 5:
        zip_code = zip_code.zfill(5)  # spreadsheets drop leading zeros
    latitude, longitude = _coordinate(row, "latitude"), _coordinate(row, "longitude")
    # "timezone" is the column's old name, still accepted.
    time_zone = row.get("time_zone") or row.get("timezone")
    record = zip_record(zip_code) if len(zip_code) == 5 else None
    note = ""
    if latitude is None or longitude is None:
        if record is not None and record.has_coordinates:
            latitude, longitude = record.latitude, record.longitude
        else:
            latitude = longitude = None
            note = (
                f"cannot be placed: ZIP {zip_code or '(none)'} has no known position; "
                "imported without coordinates, so it is not shown in searches until "
                "staff enter them in admin"
            )
    if not time_zone and record is not None:
        time_zone = record.time_zone
    values = {
        "kind": kind,
        "parent_id": parent.pk if parent else None,
        # name_en, name_es, ..., hours_<lang>, instructions_<lang>: every shipped language.
        **translated_values(row),
        "street": " ".join(row.get("street").split()),
        "city": row.get("city"),
        "state": row.get("state").upper(),
        "zip": zip_code,
        "latitude": latitude,
        "longitude": longitude,
        "time_zone": time_zone,
        "phone": row.get("phone"),
        "email": row.get("email"),
        "area_of_responsibility": row.get("area_of_responsibility"),
        "accepts_online_booking": _flag(row, "accepts_online_booking", True),
        "is_active": _flag(row, "is_active", True),
    }
    return values, note


def _comparable(office: Office) -> dict:
    result = {}
    for name in _IMPORTED_FIELDS:
        value = getattr(office, name)
        result[name] = str(value) if name == "phone" and value else (value or None)
    return result


def _error_text(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}"
            for name, messages in error.message_dict.items()
        )
    return " ".join(str(m) for m in error.messages)


@transaction.atomic
def offices_import(*, rows: list[OfficeRow], create_only: bool = False) -> ImportReport:  # noqa: C901 - importer, rewritten by issue 15 point 2
    """Create or update offices from data-file rows, matched by code.

    Idempotent: importing the same file twice changes nothing the second time. A row
    that cannot be written is reported in ``skipped`` with the reason; the other rows
    still go in (each row has its own savepoint). A row whose ZIP has no known position
    is imported without coordinates and reported in ``warnings``. Field offices go first
    so that sub-offices can name them as parents whatever the order of the file.
    """
    report = ImportReport()
    seen: dict[str, int] = {}
    existing = {office.code: office for office in Office.objects.all()}
    ordered = sorted(rows, key=lambda row: (bool(row.get("parent_code")), row.line))
    for row in ordered:
        code = row.get("code").upper()
        try:
            if not code:
                raise _Skip("no code")
            if code in seen:
                raise _Skip(f"code {code} appears again (first on line {seen[code]})")
            seen[code] = row.line
            office = existing.get(code)
            if office is not None and create_only:
                report.unchanged.append(code)
                continue
            values, note = _values(row, offices=existing)
            before = _comparable(office) if office is not None else None
            office = office or Office(code=code)
            for name, value in values.items():
                setattr(office, name, value)
            office.full_clean(validate_unique=False, validate_constraints=False)
            if before is not None and before == _comparable(office):
                report.unchanged.append(code)
            else:
                with transaction.atomic():
                    office.save()
                (report.created if before is None else report.updated).append(code)
                existing[code] = office
            if note:
                report.warnings.append((row.line, code, note))
        except _Skip as reason:
            report.skipped.append((row.line, code or "-", str(reason)))
        except (ValidationError, IntegrityError) as error:
            reason = _error_text(error) if isinstance(error, ValidationError) else str(error)
            report.skipped.append((row.line, code or "-", reason.strip()))
            # Leave the in-memory copy as the database has it.
            if code in existing:
                existing[code].refresh_from_db()
    return report


def chosen_office_set(*, session, office: Office) -> None:
    """Remember in the session which office the person chose in the finder (its code
    only: no personal data). The booking flow reads it with
    ``offices.selectors.chosen_office(request)``."""
    from .selectors import SESSION_KEY

    session[SESSION_KEY] = office.code
