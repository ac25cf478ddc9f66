"""Staff sign-in: accounts, the login URL and TOTP codes computed as an app would."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-staff-password-1"


@pytest.fixture
def login_url():
    return reverse("admin:login")


@pytest.fixture
def staff_user(db):
    return User.objects.create_user(
        username="staff", password=PASSWORD, is_staff=True, is_superuser=True
    )


def code_for(device: TOTPDevice) -> str:
    """The code the authenticator app shows now (from the device's own key)."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 1) % 1_000_000:06d}"


def sign_in(
    client,
    login_url,
    username="staff",
    password=PASSWORD,
    address="203.0.113.5",
    meta=None,
    **fields,
):
    """POST the staff login form from ``address`` (``meta``: more request headers)."""
    return client.post(
        login_url,
        {"username": username, "password": password, "next": "/staff/", **fields},
        REMOTE_ADDR=address,
        **(meta or {}),
    )
