"""The office data file (format: ``offices/importer.py``) through the project's
``StaffResource`` (django-import-export: bulk writes, all or nothing; on the one staff
import screen and behind ``manage.py import_offices``; docs/adr/0015-staff-imports.md).

Offices are matched by code. The file keeps an office's facts up to date; whether it is
active and takes online bookings is set when the office is created and then belongs to
staff. Field offices go first, so that sub-offices can name them as parents whatever the
order of the file. A row whose ZIP has no known position is imported without coordinates
and reported as a warning (the office is not offered in searches until staff place it).
"""

from __future__ import annotations

import math

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from checkin_portal.places.zips import zip_record
from checkin_portal.staff_imports.resources import StaffResource

from .importer import COLUMNS, REQUIRED_COLUMNS, TRANSLATED_FIELDS, translated_columns
from .models import Office, OfficeKind

# The file's columns that are model fields as they are (not the parent, the provenance
# note or the translated texts, which ``import_instance`` sets).
_PLAIN_COLUMNS = tuple(
    column
    for column in COLUMNS
    if column not in {"parent_code", "source"}
    and not any(column in translated_columns(field) for field in TRANSLATED_FIELDS)
)
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


def _flag(row: dict, column: str, errors: dict) -> None:
    value = str(row.get(column) or "").strip().lower()
    if not value or value in _YES:
        row[column] = "1"
    elif value in _NO:
        row[column] = "0"
    else:
        errors[column] = _("Write yes or no, not “%(value)s”.") % {"value": value[:20]}


def _coordinate(row: dict, column: str, errors: dict) -> float | None:
    value = str(row.get(column) or "").strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        errors[column] = _("“%(value)s” is not a number.") % {"value": value[:20]}
        return None
    return number


def _place(row: dict, errors: dict) -> str:
    """Coordinates and time zone from the ZIP when the row has none; a note when the
    office cannot be placed."""
    zip_code = row["zip"]
    latitude, longitude = (
        _coordinate(row, "latitude", errors),
        _coordinate(row, "longitude", errors),
    )
    record = zip_record(zip_code) if len(zip_code) == 5 else None
    note = ""
    if (latitude is None or longitude is None) and "latitude" not in errors:
        if record is not None and record.has_coordinates:
            latitude, longitude = record.latitude, record.longitude
        else:
            latitude = longitude = None
            note = str(
                _(
                    "Imported without coordinates: ZIP %(zip)s has no known position. The "
                    "office is not shown in searches until staff enter them."
                )
                % {"zip": zip_code or "-"}
            )
    row["latitude"], row["longitude"] = latitude, longitude
    if not row.get("time_zone") and record is not None:
        row["time_zone"] = record.time_zone
    return note


class OfficeResource(StaffResource):
    required_columns = frozenset(REQUIRED_COLUMNS)
    create_only_fields = ("is_active", "accepts_online_booking")

    class Meta(StaffResource.Meta):
        model = Office
        import_id_fields = ("code",)
        fields = _PLAIN_COLUMNS

    def __init__(self, *, create_only: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.create_only = create_only  # leave existing offices alone
        self.warnings: list[tuple[int, str, str]] = []  # (line, code, note)
        self.by_code: dict[str, Office] = {}
        self.kinds: dict[str, str] = {}

    def known_columns(self) -> set[str]:
        return {*COLUMNS, "timezone"}  # the column's old name, still read

    def key_of(self, row) -> tuple[str]:
        return (str(row.get("code") or "").strip().upper(),)

    def label_of(self, row) -> str:
        return self.key_of(row)[0]

    def before_import(self, dataset, **kwargs):
        # Field offices first (stable), so a sub-office finds its parent.
        order = sorted(
            range(len(dataset)),
            key=lambda i: (
                str(
                    dict(zip(dataset.headers, dataset[i], strict=False)).get("parent_code") or ""
                ).strip()
                != ""
            ),
        )
        if order != list(range(len(order))):
            headers, rows = dataset.headers, [dataset[i] for i in order]
            lines = getattr(dataset, "lines", None) or [i + 2 for i in range(len(order))]
            dataset.wipe()
            dataset.headers = headers
            for values in rows:
                dataset.append(values)
            dataset.lines = [lines[i] for i in order]
            old = getattr(dataset, "bad_lengths", {})
            dataset.bad_lengths = {
                new + 1: old[i + 1] for new, i in enumerate(order) if i + 1 in old
            }
        self.warnings = []
        super().before_import(dataset, **kwargs)

    def load_existing(self, rows: list[dict]) -> dict:
        """Every office (a few hundred): parents may be any of them."""
        offices = list(Office.objects.all())
        self.by_code = {office.code: office for office in offices}
        self.kinds = {office.code: office.kind for office in offices}
        for row in rows:
            code = self.key_of(row)[0]
            if code:
                self.kinds[code] = str(row.get("kind") or "").strip()
        return {(office.code,): office for office in offices}

    def repeated_message(self, first: int, number: int):
        return {"code": _("This code is already on line %(line)s.") % {"line": self.line_of(first)}}

    def clean_row(self, row) -> None:
        errors: dict = {}
        row["code"] = self.key_of(row)[0]
        row["state"] = str(row.get("state") or "").strip().upper()
        row["street"] = " ".join(str(row.get("street") or "").split())
        zip_code = str(row.get("zip") or "").strip()
        row["zip"] = (
            zip_code.zfill(5) if zip_code.isdigit() else zip_code
        )  # spreadsheets drop zeros
        row["time_zone"] = str(row.get("time_zone") or row.get("timezone") or "").strip()
        for column in ("accepts_online_booking", "is_active"):
            _flag(row, column, errors)
        self._check_parent(row, errors)
        note = _place(row, errors)
        if errors:
            raise ValidationError(errors)
        if note:
            self.warnings.append((self.line_of(self.number), row["code"], note))

    def _check_parent(self, row: dict, errors: dict) -> None:
        kind = str(row.get("kind") or "").strip()
        parent = str(row.get("parent_code") or "").strip().upper()
        row["parent_code"] = parent
        if kind not in OfficeKind.values:
            errors["kind"] = _("Write field_office or sub_office.")
        elif parent and kind == OfficeKind.FIELD_OFFICE:
            errors["parent_code"] = _("A field office has no parent_code.")
        elif parent and parent not in self.kinds:
            errors["parent_code"] = _("No office has the code %(code)s.") % {"code": parent}
        elif parent and self.kinds[parent] != OfficeKind.FIELD_OFFICE:
            errors["parent_code"] = _("%(code)s is not a field office.") % {"code": parent}

    def before_import_row(self, row, **kwargs):
        self.number = kwargs.get("row_number", 0)
        super().before_import_row(row, **kwargs)

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self.by_code[row["code"]] = instance

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        parent = row.get("parent_code")
        instance.parent = self.by_code.get(parent) if parent else None
        for field in TRANSLATED_FIELDS:
            # The default language as written; another language empty: None, so that
            # the site shows the default language instead.
            default, *others = translated_columns(field)
            setattr(instance, default, str(row.get(default) or "").strip())
            for column in others:
                setattr(instance, column, str(row.get(column) or "").strip() or None)

    def update_fields(self) -> list[str]:
        translated = [
            column for field in TRANSLATED_FIELDS for column in [field, *translated_columns(field)]
        ]
        return [*super().update_fields(), "parent", *translated]

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if self.create_only and not instance._state.adding and not import_validation_errors:
            return True
        return super().skip_row(instance, original, row, import_validation_errors)

    def create_groups(self, instances: list) -> list[list]:
        return [
            [office for office in instances if office.kind == OfficeKind.FIELD_OFFICE],
            [office for office in instances if office.kind != OfficeKind.FIELD_OFFICE],
        ]
