"""Checking rows of the court data file (hearings/data/immigration_courts.csv); the
import itself is ``resources.CourtResource``.

The file's own format, one court a row:

    code,name,street,city,state,zip_code,phone,time_zone,docket,is_active,
    needs_verification,staff_note,source

``time_zone`` may be empty: it is then found from the ZIP code (or city and state).
``is_active`` and ``needs_verification`` are ``true`` or ``false``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from checkin_portal.forms import FoldDigitsMixin
from checkin_portal.places.zips import ZIP_RE, zone_for_address
from checkin_portal.places.zones import is_valid_time_zone
from checkin_portal.staff_imports.resources import ImportFileError

from .models import Docket

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

# The file keeps a court's facts up to date; these are set when a court is created and
# then belong to staff (with the operating status and public notice, which the file does
# not have), so loading the file again never undoes their work.
CREATE_ONLY_FIELDS = ("is_active", "needs_verification", "staff_note")


class CourtDataError(ImportFileError):
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
