"""phone_display: what people read is an isolated left-to-right span in the national (US)
or international form, never E.164, whatever the input (PhoneNumber or stored string)."""

import phonenumbers
import pytest

from checkin_portal.templatetags.portal_tags import phone_display


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("+14048931290", "(404) 893-1290"),
        (phonenumbers.parse("+14048931290"), "(404) 893-1290"),
        ("+525512345678", "+52 55 1234 5678"),
        ("not a number", "not a number"),
    ],
)
def test_phone_display_is_isolated_and_readable(value, shown):
    assert phone_display(value) == f'<bdi class="portal-phone" dir="ltr">{shown}</bdi>'


def test_phone_display_of_nothing_is_empty():
    assert phone_display("") == ""
    assert phone_display(None) == ""
