"""The staff login form (password, then a code when the account has an app) and the form
that confirms a new app with its first code."""

import re

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from checkin_portal.digits import fold_digits

from . import two_factor

CODE_FORMAT = _("Enter the 6 digits your authenticator app shows, for example 123456.")
CODE_WRONG = _("That code is not right. Enter the newest code your app shows.")
CODE_WAIT = _("Too many wrong codes in a row. Wait one minute, then enter the newest code.")
_SIX_DIGITS = re.compile(r"[0-9]{6}")


class CodeField(forms.CharField):
    """Six digits, in any script (folded to ASCII); the spaces and dashes apps show in the
    middle are ignored."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("6-digit code"))
        kwargs.setdefault("error_messages", {"required": CODE_FORMAT})
        super().__init__(strip=True, **kwargs)
        self.widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "one-time-code", "size": "8", "maxlength": "9"}
        )

    def to_python(self, value):
        return re.sub(r"[\s-]", "", fold_digits(super().to_python(value)))

    def validate(self, value):
        super().validate(value)
        if value and not _SIX_DIGITS.fullmatch(value):
            raise ValidationError(CODE_FORMAT, code="format")


class StaffLoginForm(AdminAuthenticationForm):
    """Django's admin login, plus the code when the account has set up an app.

    A wrong code counts as a failed sign-in for the lockout (django-axes), like a wrong
    password; a missing code does not (a person who forgot to type it)."""

    otp_token = CodeField(
        required=False,
        help_text=_("Only if two-step sign-in is on for your account."),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "code_required": _(
            "Two-step sign-in is on for this account: also enter the 6-digit code your app shows."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # Django sets the username's max_length without its validator: a longer name would
        # reach authenticate() and the lockout's username column (255) and fail there.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is None or self.has_error("otp_token"):
            return cleaned
        device = two_factor.confirmed_device(user)
        if device is None:
            return cleaned
        code = cleaned.get("otp_token")
        if not code:
            raise ValidationError(self.error_messages["code_required"], code="code_required")
        check = two_factor.code_check(user=user, device=device, code=code)
        if check.wait:
            raise ValidationError(CODE_WAIT, code="code_wait")
        if not check.ok:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": user.get_username()},
                request=self.request,
            )
            raise ValidationError(CODE_WRONG, code="code_wrong")
        # django-otp's user_logged_in receiver keeps this device in the session.
        user.otp_device = check.device
        return cleaned


class DeviceConfirmForm(forms.Form):
    code = CodeField()
