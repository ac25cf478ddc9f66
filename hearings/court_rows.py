"""Reading and checking rows of the court data file (hearings/data/immigration_courts.csv).

The file's own format, one court a row:

    code,name,street,city,state,zip_code,phone,time_zone,docket,is_active,
    needs_verification,staff_note,source

``time_zone`` may be empty: it is then found from the ZIP code (or city and state).
``is_active`` and ``needs_verification`` are ``true`` or ``false``.
"""

import csv
import io
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from checkin_portal.forms import FoldDigitsMixin
from checkin_portal.places.zips import ZIP_RE, zone_for_address
from checkin_portal.places.zones import is_valid_time_zone

from .models import Docket, ImmigrationCourt

COURT_COLUMNS = (
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
)
REQUIRED_COLUMNS = {"code", "name", "street", "city", "state"}
BOOLEAN_CHOICES = [("true", "true"), ("false", "false")]

# Fields the data file keeps up to date; the rest (operating status, public notice,
# active, needs verification, staff note) are set when a court is created and then
# belong to staff, so loading the file again never undoes their work.
MANAGED_FIELDS = (
    "name",
    "street",
    "city",
    "state",
    "zip_code",
    "phone",
    "time_zone",
    "docket",
    "source",
)
CREATE_ONLY_FIELDS = ("is_active", "needs_verification", "staff_note")


class CourtDataError(Exception):
    """The file as a whole cannot be read (not CSV, missing columns)."""


class ZipCodeField(FoldDigitsMixin, forms.RegexField):
    """A ZIP in any script's digits (a spreadsheet may hold full-width ones) read as ASCII."""


class CourtRowForm(forms.Form):
    code = forms.SlugField(max_length=80)
    name = forms.CharField(max_length=200)
    street = forms.CharField(max_length=200)
    city = forms.CharField(max_length=100)
    state = forms.RegexField(
        regex=r"^[A-Z]{2}$", error_messages={"invalid": _("Use the two-letter code, e.g. TX.")}
    )
    zip_code = ZipCodeField(
        regex=ZIP_RE,
        required=False,
        error_messages={"invalid": _("Use 5 digits, or 5 digits, a dash and 4 digits.")},
    )
    phone = PhoneNumberField(region="US", required=False)
    time_zone = forms.CharField(max_length=64, required=False)
    docket = forms.ChoiceField(choices=Docket.choices, required=False)
    is_active = forms.TypedChoiceField(
        choices=BOOLEAN_CHOICES, coerce=lambda v: v == "true", required=False, empty_value=True
    )
    needs_verification = forms.TypedChoiceField(
        choices=BOOLEAN_CHOICES, coerce=lambda v: v == "true", required=False, empty_value=False
    )
    staff_note = forms.CharField(required=False)
    source = forms.CharField(required=False)

    def clean_state(self) -> str:
        return self.cleaned_data["state"].upper()

    def clean_docket(self) -> str:
        return self.cleaned_data["docket"] or Docket.UNKNOWN

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone", "")
        if zone and not is_valid_time_zone(zone):
            self.add_error("time_zone", _("“%(zone)s” is not a time zone name.") % {"zone": zone})
        elif not zone and not self.errors:
            zone = zone_for_address(
                zip_code=cleaned.get("zip_code", ""),
                city=cleaned.get("city", ""),
                state=cleaned.get("state", ""),
            )
            if not zone:
                raise ValidationError(
                    _("No time zone given, and none is known for this ZIP code, city and state.")
                )
            cleaned["time_zone"] = zone
        return cleaned


@dataclass(frozen=True)
class CourtRow:
    line: int
    values: dict | None  # cleaned values, or None when the row is invalid
    errors: tuple[str, ...] = ()


def _flatten(form: forms.Form) -> tuple[str, ...]:
    messages = []
    for field, errors in form.errors.items():
        prefix = "" if field == "__all__" else f"{field}: "
        messages.extend(f"{prefix}{error}" for error in errors)
    return tuple(messages)


def read_court_rows(text: str) -> list[CourtRow]:
    """Every data row with its line number, checked; raises CourtDataError when the file
    cannot be read as the court data format at all."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = REQUIRED_COLUMNS - set(header)
    if missing:
        raise CourtDataError(f"missing column(s): {', '.join(sorted(missing))}")
    rows = []
    try:
        for record in reader:
            data = {
                (key or "").strip(): (value or "").strip()
                for key, value in record.items()
                if key is not None and not isinstance(value, list)
            }
            if not any(data.values()):
                continue
            form = CourtRowForm(data)
            if form.is_valid():
                rows.append(CourtRow(reader.line_num, form.cleaned_data))
            else:
                rows.append(CourtRow(reader.line_num, None, _flatten(form)))
    except csv.Error as error:
        raise CourtDataError(f"line {reader.line_num}: {error}") from error
    return rows


def court_from_values(values: dict, court: ImmigrationCourt | None = None) -> ImmigrationCourt:
    """A court (new or the given one) with the file's values applied."""
    if court is None:
        court = ImmigrationCourt(code=values["code"])
        for field in CREATE_ONLY_FIELDS:
            setattr(court, field, values[field])
    for field in MANAGED_FIELDS:
        value = values[field]
        setattr(court, field, "" if value is None else value)
    return court
