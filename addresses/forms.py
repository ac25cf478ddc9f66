"""The guidance questions (public, GET) and the address change (signed in, POST).

Every message is translated and says what to do. Digits of any script are read as ASCII
digits (``checkin_portal.digits``: a ZIP typed in Arabic-Indic digits works). Text is
trimmed and its spaces collapsed; anything but letters of the Latin alphabet (accents are
fine), digits, spaces and ``. , - / # ' & ( )`` is refused with one clear message (this
covers emoji, HTML and control characters); too-long lines are refused, not cut."""

import datetime
import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from checkin_portal.dates import plain_date
from checkin_portal.forms import DigitsCharField, DigitsDateField, FoldDigitsMixin, PortalForm
from checkin_portal.phones import PhoneField
from checkin_portal.places.states import MAIL_STATE_CHOICES, MAIL_STATES
from checkin_portal.places.zips import zip_record
from subjects.release_forms import ReleaseForm

from .guidance import RELEASE_FORM_HELP, Answer
from .models import AddressChange, ConfirmationChannel
from .normalise import Address, normalise_address

MAX_DAYS_AHEAD = 30
GUIDANCE_MAX_DAYS = 366
_ALLOWED_SIGNS = frozenset(" .,-/#'&()")
# After folding (the field does it): ASCII digits only, as the database checks.
_ZIP = re.compile(r"^([0-9]{5})(?:-?([0-9]{4}))?$")

TOO_LONG = _("Use at most %(limit_value)d characters (you wrote %(show_value)d).")
SIGNS_MESSAGE = _(
    "Use only letters (A to Z, accents are fine), numbers, spaces and these signs: "
    ". , - / # ' & ( )"
)


def validate_address_text(value: str) -> None:
    for ch in value:
        if ch in _ALLOWED_SIGNS or (ch.isdigit() and ch.isascii()):
            continue
        category = unicodedata.category(ch)
        if category == "Mn" and "COMBINING" in unicodedata.name(ch, ""):
            continue  # accents typed as separate marks
        if category.startswith("L") and unicodedata.name(ch, "").startswith("LATIN"):
            continue
        raise ValidationError(SIGNS_MESSAGE, code="signs")


class AddressTextField(FoldDigitsMixin, forms.CharField):
    """Digits folded to ASCII, trimmed, single-spaced, checked for signs; a clear message
    when too long."""

    default_validators = [validate_address_text]

    def __init__(self, *, max_length: int, **kwargs):
        kwargs["error_messages"] = {"max_length": TOO_LONG, **kwargs.get("error_messages", {})}
        super().__init__(max_length=max_length, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(value.split())


def _radio_choice(label, description) -> str:
    return format_html('{}<span class="usa-radio__label-description">{}</span>', label, description)


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


DATE_INPUT_FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%d/%m/%Y"]


class GuidanceForm(PortalForm):
    """Three questions and an optional move date. Sent with GET (bookmarkable)."""

    release_form = forms.ChoiceField(
        label=_("Which paper did you get when you were released?"),
        help_text=_("Look at the title at the top of the paper and at its form number."),
        widget=forms.RadioSelect(attrs={"class": "usa-radio__input--tile"}),
        error_messages={"required": _("Choose the paper you got when you were released.")},
    )
    credible_fear = forms.ChoiceField(
        label=_("Did you ask for a credible fear interview?"),
        help_text=_(
            "An interview with an asylum officer about why you are afraid to go back to your "
            "country. It usually happens at the border or in detention."
        ),
        choices=[
            (Answer.YES, _("Yes")),
            (Answer.NO, _("No")),
            (Answer.NOT_SURE, _("I am not sure")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Answer yes, no or I am not sure.")},
    )
    work_permit = forms.ChoiceField(
        label=_("Did you apply for permission to work?"),
        help_text=_("An application to USCIS for a work permit (Form I-765)."),
        choices=[
            (Answer.YES, _("Yes")),
            (Answer.NO, _("No")),
            (Answer.NOT_SURE, _("I am not sure")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Answer yes, no or I am not sure.")},
    )
    move_date = DigitsDateField(
        label=_("When did you move, or when will you move? (optional)"),
        help_text=_("With a date, we can tell you the last day for each office."),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=_date_widget(),
        error_messages={"invalid": _("Enter a real date, for example 2025-03-14.")},
    )

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["release_form"].choices = [
            (code, _radio_choice(label, RELEASE_FORM_HELP[code]))
            for code, label in ReleaseForm.choices
        ]

    def clean_move_date(self):
        value = self.cleaned_data.get("move_date")
        if value and abs((value - self.today).days) > GUIDANCE_MAX_DAYS:
            raise ValidationError(_("Choose a date within one year from today."), code="far_away")
        return value


class AddressChangeForm(PortalForm):
    street = AddressTextField(
        label=_("Street address or PO box"),
        help_text=_("House number and street, for example: 123 Main St. Or: PO Box 45."),
        max_length=100,
        error_messages={"required": _("Write the street address or the PO box.")},
    )
    unit = AddressTextField(
        label=_("Apartment, suite or unit (optional)"),
        max_length=40,
        required=False,
    )
    city = AddressTextField(
        label=_("City or town"),
        max_length=50,
        error_messages={"required": _("Write the city or town.")},
    )
    state = forms.ChoiceField(
        label=_("State"),
        error_messages={
            "required": _("Choose the state."),
            "invalid_choice": _("Choose the state from the list."),
        },
    )
    zip_code = DigitsCharField(
        label=_("ZIP code"),
        help_text=_("5 digits, for example 78701."),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
        error_messages={
            "required": _("Write the ZIP code."),
            "max_length": _("A ZIP code is 5 digits, for example 78701."),
        },
    )
    in_care_of = AddressTextField(
        label=_("In care of (optional)"),
        help_text=_(
            "If your mail goes to another person or to an office, such as your lawyer's "
            "office, write their name here."
        ),
        max_length=100,
        required=False,
    )
    move_date = DigitsDateField(
        label=_("The date you moved or will move"),
        help_text=_("You can send your new address up to 30 days before you move."),
        input_formats=DATE_INPUT_FORMATS,
        widget=_date_widget(),
        error_messages={
            "required": _("Write the date you moved or will move."),
            "invalid": _("Enter a real date, for example 2025-03-14."),
        },
    )
    phone = PhoneField(
        label=_("Phone number (optional)"),
        help_text=_("A US phone number where you can be reached, for example 202-555-0123."),
        max_length=30,
        required=False,
        error_messages={"max_length": _("Write a US phone number, for example 202-555-0123.")},
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Write a full email address, for example name@example.com."),
            "max_length": TOO_LONG,
        },
    )
    confirmation = forms.ChoiceField(
        label=_("Do you want a confirmation message?"),
        choices=[
            (ConfirmationChannel.NONE, _("No, thank you")),
            (ConfirmationChannel.SMS, _("Yes, by text message to the phone number above")),
            (ConfirmationChannel.EMAIL, _("Yes, by email to the email address above")),
        ],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the answers.")},
    )

    def __init__(self, *args, today: datetime.date, release_date: datetime.date | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.release_date = release_date
        self.fields["state"].choices = [("", _("- Choose -"))] + [
            (code, f"{name}") for code, name in MAIL_STATE_CHOICES
        ]
        self.fields["street"].widget.attrs["autocomplete"] = "address-line1"
        self.fields["unit"].widget.attrs["autocomplete"] = "address-line2"
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"
        self.fields["state"].widget.attrs["autocomplete"] = "address-level1"
        if not self.is_bound and "confirmation" not in self.initial:
            self.initial["confirmation"] = ConfirmationChannel.NONE

    def clean_zip_code(self):
        raw = "".join(self.cleaned_data["zip_code"].split())
        match = _ZIP.match(raw)
        if not match:
            raise ValidationError(_("A ZIP code is 5 digits, for example 78701."), code="format")
        if zip_record(match.group(1)) is None:
            raise ValidationError(
                _(
                    "We do not know the ZIP code %(zip)s. Check it on a letter or ask at the post office."
                ),
                code="unknown",
                params={"zip": match.group(1)},
            )
        return match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")

    def clean_move_date(self):
        value = self.cleaned_data["move_date"]
        latest = self.today + datetime.timedelta(days=MAX_DAYS_AHEAD)
        if value > latest:
            raise ValidationError(
                _(
                    "The move date can be at most 30 days from today (%(date)s). Come back "
                    "closer to the day you move."
                ),
                code="too_far",
                params={"date": plain_date(latest)},
            )
        if self.release_date and value < self.release_date:
            raise ValidationError(
                _(
                    "The move date cannot be before the day you were released (%(date)s). "
                    "Write the date you moved to the new address."
                ),
                code="before_release",
                params={"date": plain_date(self.release_date)},
            )
        return value

    def clean_phone(self):
        """E.164 text (the draft lives in the JSON session), or "" when none was given."""
        number = self.cleaned_data["phone"]
        return number.as_e164 if number else ""

    address: Address | None = None

    def clean(self):
        cleaned = super().clean()
        for name, message in (
            ("street", _("Write the street address or the PO box.")),
            ("city", _("Write the city or town.")),
        ):
            value = cleaned.get(name)
            if value and not any(ch.isalnum() for ch in value):
                self.add_error(name, ValidationError(message, code="no_letters"))
        state, zip_code = cleaned.get("state"), cleaned.get("zip_code")
        if state and zip_code:
            info = zip_record(zip_code)
            if info and info.state != state:
                self.add_error(
                    "zip_code",
                    ValidationError(
                        _(
                            "The ZIP code %(zip)s is in %(zip_state)s, not in %(state)s. "
                            "Check the state and the ZIP code."
                        ),
                        code="other_state",
                        params={
                            "zip": zip_code[:5],
                            "zip_state": MAIL_STATES.get(info.state, info.state),
                            "state": MAIL_STATES[state],
                        },
                    ),
                )
        confirmation = cleaned.get("confirmation") or ""
        cleaned["confirmation"] = confirmation
        if (
            confirmation == ConfirmationChannel.SMS
            and not cleaned.get("phone")
            and "phone" not in self.errors
        ):
            self.add_error(
                "phone",
                _("Write the phone number for the text message, or choose “No, thank you”."),
            )
        if (
            confirmation == ConfirmationChannel.EMAIL
            and not cleaned.get("email")
            and "email" not in self.errors
        ):
            self.add_error(
                "email",
                _("Write the email address for the message, or choose “No, thank you”."),
            )
        if not self.errors:
            self._normalise(cleaned)
        return cleaned

    def _normalise(self, cleaned) -> None:
        """The address the USPS way; checked again, since it is what gets saved."""
        address = normalise_address(
            street=cleaned["street"],
            unit=cleaned["unit"],
            city=cleaned["city"],
            state=cleaned["state"],
            zip_code=cleaned["zip_code"],
            in_care_of=cleaned["in_care_of"],
        )
        for name in ("street", "unit", "city", "in_care_of"):
            value = getattr(address, name)
            limit = AddressChange._meta.get_field(name).max_length
            if name in ("street", "city") and not value:
                self.add_error(name, SIGNS_MESSAGE)
            elif len(value) > limit:
                self.add_error(
                    name,
                    _("Use at most %(limit)d characters.") % {"limit": limit},
                )
        if not self.errors:
            self.address = address
