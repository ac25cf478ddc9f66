"""The "is this right?" page in a right-to-left language: every address line, the phone
and the e-mail are isolated, so "12 CALLE OCHO" does not read "CALLE OCHO 12", and the
phone is the national form people can read back, never E.164."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from .test_change_flow import VALID

pytestmark = pytest.mark.django_db


def _confirm_page(client, language):
    with translation.override(language):
        change, confirm = reverse("addresses:change"), reverse("addresses:confirm")
    data = {
        **VALID,
        "street": "12 calle ocho",
        "unit": "apt 4",
        "phone": "202-555-0123",
        "email": "ana@example.org",
        "confirmation": "sms",
    }
    assert client.post(change, data).status_code == 302
    return client.get(confirm).content.decode()


@pytest.mark.parametrize("language", ["ar", "fa", "en"])
def test_confirm_page_isolates_address_lines_phone_and_email(signed_in, language):
    html = _confirm_page(signed_in, language)
    assert "+12025550123" not in html
    assert '<bdi class="portal-phone" dir="ltr">(202) 555-0123</bdi>' in html
    assert '<bdi dir="ltr">ana@example.org</bdi>' in html
    address = re.search(r'<div class="portal-address"[^>]*>(.*?)</div>', html, re.S).group(1)
    lines = [line.strip() for line in address.split("<br>")]
    assert lines and all(re.fullmatch(r"<bdi>[^<]+</bdi>", line) for line in lines), lines
