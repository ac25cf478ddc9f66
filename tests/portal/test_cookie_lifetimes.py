"""How long the portal's cookies stay on a phone, which people often share: the CSRF
token, like the session, goes when the browser is closed."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_csrf_cookie_lasts_until_the_browser_is_closed(client: Client):
    response = client.get("/en/sign-in/")

    cookie = response.cookies["csrftoken"]
    assert cookie.value
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
