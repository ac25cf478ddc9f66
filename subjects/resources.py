"""CSV import and export of subjects for staff (django-import-export, through the
project's ``StaffResource``: bulk writes, all or nothing; docs/adr/0015-staff-imports.md).

A file with ANY invalid row imports nothing: every row is checked (model validation and
database constraints), every row's errors are listed, and the whole import is rolled
back if one row fails. Values are normalised on the way in exactly like the admin and the
sign-in form do (Subject ID, A-number, country code).
"""

import datetime
import zoneinfo

from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from checkin_portal.staff_imports.resources import StaffResource

from .models import US_TIME_ZONES, Subject
from .normalise import normalise_a_number, normalise_subject_id

EXPORT_DATETIME_FORMAT = "%Y-%m-%d %H:%M"


class OfficeLocalDateTimeWidget(widgets.Widget):
    """'2026-03-02 09:30' read in the row's ``paperwork_office_time_zone`` (an offset in
    the value, e.g. '2026-03-02T09:30-06:00', is honoured)."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return None
        try:
            parsed = datetime.datetime.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(
                _("Write the appointment as YYYY-MM-DD HH:MM, for example 2026-03-02 09:30.")
            ) from exc
        if parsed.tzinfo is None:
            zone_name = str((row or {}).get("paperwork_office_time_zone") or "").strip()
            if zone_name not in US_TIME_ZONES:
                raise ValueError(
                    _(
                        "Give the office's time zone (paperwork_office_time_zone) for the appointment."
                    )
                )
            parsed = parsed.replace(tzinfo=zoneinfo.ZoneInfo(zone_name))
        return parsed

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class SubjectResource(StaffResource):
    paperwork_appointment_at = fields.Field(
        attribute="paperwork_appointment_at",
        column_name="paperwork_appointment_at",
        widget=OfficeLocalDateTimeWidget(),
    )
    required_columns = frozenset({"subject_id", "country_of_birth"})

    class Meta(StaffResource.Meta):
        model = Subject
        import_id_fields = ("subject_id",)
        fields = (
            "subject_id",
            "country_of_birth",
            "a_number",
            "given_names",
            "family_names",
            "release_form",
            "release_date",
            "report_by",
            "parole_ends_on",
            "paperwork_appointment_at",
            "paperwork_office_name",
            "paperwork_office_address",
            "paperwork_office_time_zone",
            "credible_fear_filed",
            "ead_applied",
            "checkin_completed_on",
            "preferred_language",
        )
        export_order = fields

    def key_of(self, row) -> tuple[str]:
        return (normalise_subject_id(str(row.get("subject_id") or "")),)

    def repeated_message(self, first: int, number: int):
        return {
            "subject_id": _("This Subject ID is already on row %(row)s of this file.")
            % {"row": first}
        }

    def clean_row(self, row) -> None:
        for key in ("given_names", "family_names", "paperwork_office_name"):
            if row.get(key) is not None:
                row[key] = " ".join(str(row[key]).split())
        if "subject_id" in row:
            row["subject_id"] = normalise_subject_id(row["subject_id"])
        if row.get("a_number"):
            row["a_number"] = normalise_a_number(row["a_number"])
        if row.get("country_of_birth"):
            row["country_of_birth"] = str(row["country_of_birth"]).strip().upper()
        for key in ("release_form", "preferred_language", "paperwork_office_time_zone"):
            if row.get(key) is not None:
                row[key] = str(row[key]).strip()
        for key in ("credible_fear_filed", "ead_applied"):
            if key in row and str(row[key] or "").strip() == "":
                row[key] = "0"  # a blank yes/no column means "no"

    def dehydrate_paperwork_appointment_at(self, subject: Subject) -> str:
        if subject.paperwork_appointment_at is None:
            return ""
        zone = subject.paperwork_office_zone or zoneinfo.ZoneInfo("UTC")
        return subject.paperwork_appointment_at.astimezone(zone).strftime(EXPORT_DATETIME_FORMAT)
