"""The sign-in form: Subject ID, country of birth and (when configured) a CAPTCHA."""

from urllib.error import URLError

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.choices import BaseChoiceIterator, normalize_choices
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox

from checkin_portal.forms import PortalForm
from checkin_portal.per_language import PerLanguage

from .normalise import (
    SUBJECT_ID_MAX_LENGTH,
    SUBJECT_ID_MIN_LENGTH,
    is_valid_subject_id,
    normalise_subject_id,
)

# Typed input longer than this cannot be a Subject ID even with spaces and dashes.
RAW_SUBJECT_ID_MAX_LENGTH = 40

CAPTCHA_UNAVAILABLE = _(
    "We could not check the “I am not a robot” box just now. Wait a minute, then try again."
)


class PortalReCaptchaWidget(ReCaptchaV2Checkbox):
    """The v2 checkbox without django-recaptcha's inline script (our CSP allows none)."""

    template_name = "subjects/widgets/recaptcha_v2_checkbox.html"

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs.pop("data-callback", None)
        return attrs


class PortalReCaptchaField(ReCaptchaField):
    """A provider outage (timeout, DNS, refused, bad answer) is a form error, not a 500."""

    widget = PortalReCaptchaWidget
    default_error_messages = {
        "required": _("Tick the “I am not a robot” box."),
        "captcha_invalid": _("Tick the “I am not a robot” box again and complete the puzzle."),
        "captcha_error": CAPTCHA_UNAVAILABLE,
    }

    def validate(self, value):
        try:
            super().validate(value)
        except (TimeoutError, URLError, OSError, ValueError, KeyError) as exc:
            raise ValidationError(
                self.error_messages["captcha_error"], code="captcha_error"
            ) from exc


# The list of countries in one language is the same for everyone: made once per process
# and language (checkin_portal/per_language.py, issue 17). The empty form that shows it
# (about 250 options, each rendered through a template) is kept by subjects/sign_in.html.
_COUNTRIES = PerLanguage(max_entries=64)


class _NormalChoices(BaseChoiceIterator):
    """Choices already in the form Django normalises them to, taken as they are: setting a
    plain list normalises every one of the ~250 countries again, for the field and for its
    widget, on every sign-in form (a sixth of the sign-in's CPU, issue 17)."""

    def __init__(self, choices: list):
        self._listed = choices

    def __iter__(self):
        return iter(self._listed)

    def __len__(self) -> int:
        return len(self._listed)


def country_choices() -> _NormalChoices:
    """The countries in the reader's language, sorted for that language (django-countries)."""
    return _COUNTRIES.get(
        "countries",
        lambda: _NormalChoices(
            normalize_choices([("", _("Choose a country")), *((c.code, c.name) for c in countries)])
        ),
    )


def captcha_enabled() -> bool:
    return settings.CAPTCHA_PROVIDER == "recaptcha"


class SignInForm(PortalForm):
    subject_id = forms.CharField(
        label=_("Subject ID"),
        help_text=_(
            "It is on the papers you got when you were released. Letters and numbers; "
            "spaces and dashes do not matter."
        ),
        max_length=RAW_SUBJECT_ID_MAX_LENGTH,
        error_messages={
            "required": _("Enter the Subject ID from your papers."),
            "max_length": _("This is too long for a Subject ID. Check it against your papers."),
            "null_characters_not_allowed": _(
                "Enter the Subject ID using only letters and numbers."
            ),
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "class": "portal-input--subject-id",
            }
        ),
    )
    country_of_birth = LazyTypedChoiceField(
        label=_("Country of birth"),
        help_text=_("The country written on your papers as your place of birth."),
        choices=[],
        widget=forms.Select,
        error_messages={
            "required": _("Choose your country of birth."),
            "invalid_choice": _("Choose your country of birth from the list."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Names in the reader's language, sorted for that language (django-countries).
        self.fields["country_of_birth"].choices = country_choices()
        self.fields["country_of_birth"].widget.attrs["class"] = "portal-country-select"
        if captcha_enabled():
            self.fields["captcha"] = PortalReCaptchaField(
                label=_("Show that you are a person"),
                widget=PortalReCaptchaWidget(api_params={"hl": get_language() or "en"}),
            )

    def clean_subject_id(self) -> str:
        raw = self.cleaned_data["subject_id"]
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in raw):
            raise ValidationError(
                _("Enter the Subject ID using only letters and numbers."), code="invalid"
            )
        value = normalise_subject_id(raw)
        if not value:
            raise ValidationError(_("Enter the Subject ID from your papers."), code="required")
        if not is_valid_subject_id(value):
            raise ValidationError(
                _(
                    "A Subject ID has %(min)s to %(max)s letters (A to Z) and numbers (0 to 9). "
                    "Check it against your papers."
                ),
                code="invalid",
                params={"min": SUBJECT_ID_MIN_LENGTH, "max": SUBJECT_ID_MAX_LENGTH},
            )
        return value
