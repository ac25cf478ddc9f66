"""Two-step sign-in for staff (django-otp TOTP): setting up an app, the code at sign-in,
and STAFF_REQUIRE_TWO_FACTOR. Codes are computed from the device's key as an app would."""

import datetime
import io

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from checkin_portal.staff_auth.forms import CODE_FORMAT, CODE_WAIT, CODE_WRONG
from tests.deploy.test_production_settings import values
from tests.helpers import staff_login

from .conftest import PASSWORD, code_for, sign_in, wrong_code_for

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 15, 0, 5, tzinfo=datetime.UTC)
TWO_STEP = "/staff/two-step/"
CODE_REQUIRED = "Two-step sign-in is on for this account"


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _enrolled(user, traveller) -> TOTPDevice:
    """A confirmed device, set up through the page; the clock moved on past its code."""
    client = Client()
    client.force_login(user)
    client.get(TWO_STEP)
    device = TOTPDevice.objects.get(user=user)
    assert client.post(TWO_STEP, {"code": code_for(device)}).status_code == 302
    traveller.shift(datetime.timedelta(seconds=30))
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_enrolment_shows_qr_and_key_then_confirms_with_a_real_code(client, staff_user):
    client.force_login(staff_user)
    with time_machine.travel(START, tick=False):
        response = client.get(TWO_STEP)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'src="data:image/svg+xml;base64,' in html
        device = TOTPDevice.objects.get(user=staff_user)
        assert not device.confirmed
        assert response.context["secret"].replace(" ", "") in device.config_url
        assert "no-store" in response["Cache-Control"]
        # A second visit shows the same key (no new device each time).
        client.get(TWO_STEP)
        assert TOTPDevice.objects.filter(user=staff_user).count() == 1
        response = client.post(TWO_STEP, {"code": code_for(device)})
        assert response.status_code == 302
        assert response["Location"] == reverse("admin:index")
        device.refresh_from_db()
        assert device.confirmed
        assert client.get(reverse("admin:index")).status_code == 200  # this session's code
        response = client.get(TWO_STEP)
        assert "Two-step sign-in is on for your account" in response.content.decode()


def test_enrolment_with_a_wrong_code_stays_off(client, staff_user):
    client.force_login(staff_user)
    client.get(TWO_STEP)
    device = TOTPDevice.objects.get(user=staff_user)
    response = client.post(TWO_STEP, {"code": wrong_code_for(device)})
    assert response.status_code == 200
    assert str(CODE_WRONG) in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    # django-otp slows down the next try.
    response = client.post(TWO_STEP, {"code": code_for(device)})
    assert str(CODE_WAIT) in response.content.decode()


@pytest.mark.parametrize("code", ["", "   ", "12345", "1234567", "abcdef", "12 34 5x", "9" * 5000])
def test_enrolment_bad_input_is_a_form_error(client, staff_user, code):
    client.force_login(staff_user)
    client.get(TWO_STEP)
    response = client.post(TWO_STEP, {"code": code})
    assert response.status_code == 200
    assert str(CODE_FORMAT) in response.content.decode()
    assert not TOTPDevice.objects.filter(user=staff_user, confirmed=True).exists()


def test_enrolment_accepts_the_code_as_apps_show_it_in_any_digits(client, staff_user):
    client.force_login(staff_user)
    with time_machine.travel(START, tick=False):
        client.get(TWO_STEP)
        device = TOTPDevice.objects.get(user=staff_user)
        code = code_for(device)
        arabic_indic = code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        response = client.post(TWO_STEP, {"code": f" {arabic_indic[:3]} {arabic_indic[3:]} "})
    assert response.status_code == 302


def test_enrolment_page_needs_a_staff_sign_in(client):
    assert client.get(TWO_STEP).status_code == 302
    plain = User.objects.create_user("plain", password=PASSWORD)
    client.force_login(plain)
    response = client.get(TWO_STEP)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not TOTPDevice.objects.exists()


def test_sign_in_with_a_device_asks_for_the_code(client, login_url, staff_user):
    with time_machine.travel(START, tick=False) as traveller:
        device = _enrolled(staff_user, traveller)
        # Password only: asked for the code, not signed in.
        response = sign_in(client, login_url)
        assert response.status_code == 200
        assert CODE_REQUIRED in response.content.decode()
        assert not _signed_in(client)
        # A wrong code: refused.
        response = sign_in(client, login_url, otp_token=wrong_code_for(device))
        assert str(CODE_WRONG) in response.content.decode()
        assert not _signed_in(client)
        # A code in the wrong form: refused before any check.
        response = sign_in(client, login_url, otp_token="12ab56")
        assert str(CODE_FORMAT) in response.content.decode()
        assert not _signed_in(client)
        traveller.shift(datetime.timedelta(seconds=30))  # past django-otp's slow-down
        response = sign_in(client, login_url, otp_token=code_for(device))
        assert response.status_code == 302
        assert _signed_in(client)
        assert client.get(reverse("admin:index")).status_code == 200


def test_a_code_counts_once(client, login_url, staff_user):
    with time_machine.travel(START, tick=False) as traveller:
        device = _enrolled(staff_user, traveller)
        code = code_for(device)
        assert sign_in(client, login_url, otp_token=code).status_code == 302
        other = Client()
        response = sign_in(other, login_url, otp_token=code)
        assert response.status_code == 200
        assert not _signed_in(other)


def test_wrong_codes_count_towards_the_lockout(client, login_url, staff_user):
    with time_machine.travel(START, tick=False) as traveller:
        device = _enrolled(staff_user, traveller)
        for _ in range(5):
            traveller.shift(datetime.timedelta(minutes=1))  # never slowed down by django-otp
            response = sign_in(client, login_url, otp_token=wrong_code_for(device))
        assert response.status_code == 429
        stored = AccessAttempt.objects.get().post_data
        assert "otp_token=****" in stored and wrong_code_for(device) not in stored
        traveller.shift(datetime.timedelta(minutes=1))
        response = sign_in(client, login_url, otp_token=code_for(device))
        assert response.status_code == 429
        assert not _signed_in(client)


def test_a_session_without_its_code_is_sent_to_sign_in(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="app", confirmed=True)
    client.force_login(staff_user)  # a password-only session
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_without_the_requirement_an_account_without_device_signs_in_as_before(
    client, login_url, staff_user
):
    response = sign_in(client, login_url)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert "Two-step sign-in" in client.get(reverse("admin:index")).content.decode()


@override_settings(STAFF_REQUIRE_TWO_FACTOR=True)
def test_required_an_account_without_device_can_only_set_one_up(client, login_url, staff_user):
    response = sign_in(client, login_url)
    assert response.status_code == 302
    assert response["Location"] == TWO_STEP
    assert _signed_in(client)
    for url in (
        reverse("admin:index"),
        reverse("admin:appointments_slot_changelist"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:password_change"),
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:otp_totp_totpdevice_changelist"),
    ):
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0] == TWO_STEP, url
        assert response.status_code == 200
    assert client.post(reverse("admin:auth_user_add"), {"username": "x"}).status_code == 302
    assert not User.objects.filter(username="x").exists()
    html = client.get(TWO_STEP).content.decode()
    assert "Every staff account must use two-step sign-in" in html
    # Signing out works before setting up.
    client.post(reverse("admin:logout"))
    assert not _signed_in(client)


@override_settings(STAFF_REQUIRE_TWO_FACTOR=True)
def test_required_after_set_up_the_admin_opens(client, login_url, staff_user):
    with time_machine.travel(START, tick=False):
        sign_in(client, login_url)
        client.get(TWO_STEP)
        device = TOTPDevice.objects.get(user=staff_user)
        response = client.post(TWO_STEP, {"code": code_for(device)}, follow=True)
        assert response.redirect_chain[-1][0] == reverse("admin:index")
        assert response.status_code == 200
        assert client.get(reverse("admin:appointments_slot_changelist")).status_code == 200


@override_settings(STAFF_REQUIRE_TWO_FACTOR=True)
def test_required_a_session_without_code_is_refused_even_with_a_device(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="app", confirmed=True)
    client.force_login(staff_user)
    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(reverse("admin:login"))
    # It is asked to sign in again with the code, not sent to set up a second app.
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert 'name="otp_token"' in response.content.decode()


def test_reset_command_removes_the_device(staff_user):
    TOTPDevice.objects.create(user=staff_user, name="app", confirmed=True)
    out = io.StringIO()
    call_command("staff_two_step_reset", "staff", stdout=out)
    assert "Removed 1 device(s) of staff." in out.getvalue()
    assert not TOTPDevice.objects.exists()
    with pytest.raises(CommandError):
        call_command("staff_two_step_reset", "nobody")


def test_superusers_never_read_a_device_key(client, staff_user):
    device = TOTPDevice.objects.create(user=staff_user, name="app", confirmed=True)
    staff_login(client, staff_user)  # with its code, as the superuser has a device
    response = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert response.status_code == 200
    assert device.key not in response.content.decode()
    assert "qrcode" not in response.content.decode()


@pytest.mark.parametrize(
    ("env", "required"), [({}, True), ({"STAFF_REQUIRE_TWO_FACTOR": "0"}, False)]
)
def test_production_requires_two_step_unless_told_otherwise(env, required):
    dump = values(
        'print(json.dumps({"required": s.STAFF_REQUIRE_TWO_FACTOR, "mw": s.MIDDLEWARE,'
        ' "backends": s.AUTHENTICATION_BACKENDS}))',
        **env,
    )
    assert dump["required"] is required
    assert "axes.middleware.AxesMiddleware" in dump["mw"]
    assert dump["mw"].index("django_otp.middleware.OTPMiddleware") == (
        dump["mw"].index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
    )
    assert dump["backends"][0] == "axes.backends.AxesStandaloneBackend"


def test_the_demo_does_not_require_two_step():
    dump = values(
        'print(json.dumps({"required": s.STAFF_REQUIRE_TWO_FACTOR}))',
        DJANGO_SETTINGS_MODULE="checkin_portal.settings.local",
    )
    assert dump["required"] is False
