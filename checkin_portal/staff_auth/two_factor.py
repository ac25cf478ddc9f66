"""Two-step sign-in rules: who must give a code, who must set up an app first, and the one
TOTP device (django-otp) an account sets up. No TOTP of our own: django-otp checks codes,
refuses a code used twice and slows down repeated wrong codes."""

from dataclasses import dataclass

import django_otp
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def is_verified(user) -> bool:
    """Has this session given a code? (OTPMiddleware sets ``otp_device``; right after a
    sign-in, ``request.user`` is the user the login form checked, with the device on it.)"""
    return getattr(user, "otp_device", None) is not None


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def _has_device(request: HttpRequest) -> bool:
    # The admin asks has_permission several times per page: one query per request and user.
    seen = request.__dict__.setdefault("_staff_has_device", {})
    user = request.user
    if user.pk not in seen:
        seen[user.pk] = confirmed_device(user) is not None
    return seen[user.pk]


def second_step_done(request: HttpRequest) -> bool:
    """May this signed-in staff account use the admin now, as far as codes go?"""
    if is_verified(request.user):
        return True
    if settings.STAFF_REQUIRE_TWO_FACTOR:
        return False
    return not _has_device(request)


def enrolment_required(request: HttpRequest) -> bool:
    """Signed in with the right password, but must set up an app before anything else."""
    user = request.user
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and settings.STAFF_REQUIRE_TWO_FACTOR
        and not is_verified(user)
        and not _has_device(request)
    )


def pending_device(user) -> TOTPDevice:
    """The device being set up, not yet confirmed: the same QR code on every visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


@dataclass(frozen=True)
class CodeCheck:
    device: TOTPDevice | None = None
    wait: bool = False  # too many wrong codes in a row: django-otp's back-off

    @property
    def ok(self) -> bool:
        return self.device is not None


def code_check(*, user, device: TOTPDevice, code: str) -> CodeCheck:
    """Check one code against one of the user's devices (locks the row: a code counts once)."""
    allowed, _reason = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(wait=True)
    return CodeCheck(device=django_otp.verify_token(user, device.persistent_id, code))


def device_confirm(*, request: HttpRequest, device: TOTPDevice, code: str) -> CodeCheck:
    """The first code from the app turns the device on, and counts as this session's code."""
    with transaction.atomic():
        check = code_check(user=request.user, device=device, code=code)
        if check.ok:
            TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
            TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
            check.device.confirmed = True
    if check.ok:
        django_otp.login(request, check.device)
    return check


def devices_remove(*, user) -> int:
    """A lost phone: remove the account's devices; it sets up a new one at its next sign-in."""
    count, _ = TOTPDevice.objects.filter(user=user).delete()
    return count
