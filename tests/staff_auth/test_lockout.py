"""Staff sign-in lockout (django-axes): per username and per address, the right password
refused while locked, a clear 429 page, the log for superusers only, the public sign-in
left alone."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from checkin_portal.staff_groups import CHECKIN_OFFICE_STAFF
from tests.subjects.factories import SubjectFactory

from .conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)
PAUSED = "Too many sign-in attempts failed."


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, login_url, staff_user):
    for attempt in range(30):
        response = sign_in(client, login_url, password=f"wrong-{attempt}")
        assert response.status_code in (200, 429)
    response = sign_in(client, login_url)
    assert response.status_code == 429
    html = response.content.decode()
    assert PAUSED in html
    assert "15 minutes" in html
    assert "ask a portal administrator to unlock your account" in html
    assert not _signed_in(client)
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_fifth_failure_locks_and_the_first_four_do_not(client, login_url, staff_user):
    for _ in range(4):
        response = sign_in(client, login_url, password="wrong")
        assert response.status_code == 200
        assert PAUSED not in response.content.decode()
    response = sign_in(client, login_url, password="wrong")
    assert response.status_code == 429
    assert PAUSED in response.content.decode()


@override_settings(STAFF_SUPPORT_CONTACT="IT service desk, +1-555-0100")
def test_lockout_page_names_the_contact_in_the_readers_language(client, login_url, staff_user):
    for _ in range(5):
        sign_in(client, login_url, password="wrong")
    response = sign_in(client, login_url)
    assert "IT service desk, +1-555-0100" in response.content.decode()
    response = sign_in(client, login_url, meta={"HTTP_ACCEPT_LANGUAGE": "es"})
    assert response.status_code == 429
    assert 'lang="es"' in response.content.decode()  # in the reader's language


def test_per_address_lockout_across_usernames(client, login_url, staff_user):
    for name in ("alice", "bob", "carol", "dave", "erin"):
        sign_in(client, login_url, username=name, password="guess")
    # The real account, from the same address: refused.
    response = sign_in(Client(), login_url, address="203.0.113.5")
    assert response.status_code == 429
    # From another address, the account itself is not locked.
    other = Client()
    response = sign_in(other, login_url, address="198.51.100.7")
    assert response.status_code == 302
    assert _signed_in(other)


def test_per_username_lockout_across_addresses(client, login_url, staff_user):
    for last in range(1, 6):
        sign_in(Client(), login_url, password="guess", address=f"198.51.100.{last}")
    response = sign_in(client, login_url, address="192.0.2.99")
    assert response.status_code == 429
    assert not _signed_in(client)


def test_lockout_clears_after_the_cool_off(client, login_url, staff_user):
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(5):
            sign_in(client, login_url, password="wrong")
        traveller.shift(datetime.timedelta(minutes=10))
        assert sign_in(client, login_url).status_code == 429
        # That try started the wait again: 15 minutes from now.
        traveller.shift(datetime.timedelta(minutes=14))
        assert sign_in(client, login_url).status_code == 429
        traveller.shift(datetime.timedelta(minutes=15, seconds=1))
        response = sign_in(client, login_url)
        assert response.status_code == 302
        assert _signed_in(client)


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_limit_is_a_setting(client, login_url, staff_user):
    for _ in range(2):
        assert sign_in(client, login_url, password="wrong").status_code == 200
    assert sign_in(client, login_url, password="wrong").status_code == 429


@override_settings(SIGN_IN_TRUSTED_PROXIES=1)
def test_the_address_is_the_one_our_proxy_saw(client, login_url, staff_user):
    """Behind one proxy, the right-most X-Forwarded-For entry: a client cannot dodge the
    per-address count by sending its own header."""
    proxy = "10.0.0.2"
    for spoof in range(5):
        forwarded = {"HTTP_X_FORWARDED_FOR": f"192.0.2.{spoof}, 203.0.113.9"}
        sign_in(client, login_url, f"user{spoof}", "guess", address=proxy, meta=forwarded)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    forwarded = {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert sign_in(client, login_url, address=proxy, meta=forwarded).status_code == 429


def test_the_public_sign_in_is_not_watched_by_axes(client, login_url, staff_user):
    SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    for _ in range(5):
        sign_in(client, login_url, password="wrong", address="203.0.113.5")
    public = Client()
    for _ in range(3):
        response = public.post(
            "/en/sign-in/",
            {"subject_id": "AB123456", "country_of_birth": "MX"},
            REMOTE_ADDR="203.0.113.5",
        )
        assert response.status_code == 200
    assert AccessAttempt.objects.count() == 1  # the staff failures only
    response = public.post(
        "/en/sign-in/",
        {"subject_id": "AB123456", "country_of_birth": "GT"},
        REMOTE_ADDR="203.0.113.5",
    )
    assert response.status_code == 302


def test_failure_log_is_for_superusers_only(client, login_url, staff_user):
    sign_in(Client(), login_url, password="wrong")
    assert AccessFailureLog.objects.count() == 1
    call_command("setup_staff_groups", verbosity=0)
    office = User.objects.create_user("clerk", password=PASSWORD, is_staff=True)
    office.groups.add(Group.objects.get(name=CHECKIN_OFFICE_STAFF))
    clerk = Client()
    clerk.force_login(office)
    for name in ("accessattempt", "accessfailurelog", "accesslog"):
        assert clerk.get(reverse(f"admin:axes_{name}_changelist")).status_code == 403
    assert "axes" not in clerk.get(reverse("admin:index")).content.decode().lower()
    client.force_login(staff_user)
    response = client.get(reverse("admin:axes_accessfailurelog_changelist"))
    assert response.status_code == 200
    assert "staff" in response.content.decode()


def test_unlock_by_command(client, login_url, staff_user):
    for _ in range(5):
        sign_in(client, login_url, password="wrong", address="198.51.100.1")
    assert sign_in(client, login_url, address="198.51.100.2").status_code == 429
    call_command("axes_reset_username", "staff", verbosity=0)
    assert sign_in(client, login_url, address="198.51.100.2").status_code == 302


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"username": "", "password": ""},
        {"username": "staff"},
        {"username": "x" * 5000, "password": "y" * 5000},
        {"username": "staff\x00", "password": "\x00"},
    ],
)
def test_bad_login_input_is_a_form_error(client, login_url, staff_user, data):
    response = client.post(login_url, data)
    assert response.status_code in (200, 429)
    assert not _signed_in(client)
