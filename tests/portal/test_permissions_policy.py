"""Permissions-Policy: the browser features the portal never uses are off on every
response (public, signed-in, staff, errors)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from checkin_portal.middleware import permissions_policy_header
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db

NEVER_USED = ("camera", "microphone", "geolocation", "payment", "usb", "serial", "hid")


def _features(response) -> dict[str, str]:
    header = response.headers["Permissions-Policy"]
    pairs = (item.strip().split("=", 1) for item in header.split(","))
    return dict(pairs)


def _assert_policy(response):
    features = _features(response)
    for feature in NEVER_USED:
        assert features.get(feature) == "()", feature


def test_public_pages_and_errors(client):
    for path in ("/en/", "/en/help/", "/en/offices/?q=60605", "/en/sign-in/", "/healthz"):
        response = client.get(path)
        assert response.status_code == 200, path
        _assert_policy(response)
    _assert_policy(client.get("/en/no-such-page/"))


def test_signed_in_pages(client):
    subject = SubjectFactory()
    response = client.post(
        "/en/sign-in/",
        {"subject_id": subject.subject_id, "country_of_birth": str(subject.country_of_birth)},
    )
    assert response.status_code == 302
    _assert_policy(response)
    response = client.get("/en/my-check-in/")
    assert response.status_code == 200
    _assert_policy(response)


def test_staff_pages(client):
    _assert_policy(client.get("/staff/login/"))
    user = get_user_model().objects.create_superuser("boss", "b@example.invalid", "pw-long-enough")
    client.force_login(user)
    for path in ("/staff/", "/staff/subjects/subject/"):
        response = client.get(path)
        assert response.status_code == 200, path
        _assert_policy(response)


def test_header_is_built_from_the_setting(client):
    assert permissions_policy_header({"camera": [], "fullscreen": ["self"]}) == (
        "camera=(), fullscreen=(self)"
    )
    with override_settings(PERMISSIONS_POLICY={"camera": []}):
        # The middleware reads the setting once, when the handler is built.
        from django.test import Client

        assert Client().get("/en/").headers["Permissions-Policy"] == "camera=()"
