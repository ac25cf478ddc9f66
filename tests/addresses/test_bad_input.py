"""Bad input on the address form: a clear message, nothing saved (not even a draft),
never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addresses.models import AddressChange
from addresses.views import DRAFT_KEY

from .test_change_flow import VALID

pytestmark = pytest.mark.django_db

URL = "/en/new-address/send/"


def _post(client, **changes):
    return client.post(URL, {**VALID, **changes})


def _assert_refused(response, client, field, message):
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'href="#id_{field}"' in html  # the summary links to the field
    assert f'id="id_{field}_error"' in html
    assert message in html, html[html.index("There is a problem") :][:1500]
    assert DRAFT_KEY not in client.session
    assert AddressChange.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"zip_code": "99999"}, "zip_code", "We do not know the ZIP code 99999"),
        ({"zip_code": "00000"}, "zip_code", "We do not know the ZIP code 00000"),
        ({"zip_code": "1234"}, "zip_code", "A ZIP code is 5 digits"),
        ({"zip_code": "ABCDE"}, "zip_code", "A ZIP code is 5 digits"),
        ({"zip_code": "3030"}, "zip_code", "A ZIP code is 5 digits"),
        ({"zip_code": "9" * 500}, "zip_code", "A ZIP code is 5 digits"),
        (
            {"zip_code": "78701"},
            "zip_code",
            "The ZIP code 78701 is in Texas, not in Georgia. Check the state and the ZIP code.",
        ),
        ({"state": "ZZ"}, "state", "Choose the state from the list."),
        ({"state": ""}, "state", "Choose the state."),
        ({"move_date": "2026-04-02"}, "move_date", "at most 30 days from today (April 1, 2026)"),
        ({"move_date": "2027-03-02"}, "move_date", "at most 30 days from today"),
        (
            {"move_date": "2026-01-04"},
            "move_date",
            "cannot be before the day you were released (January 5, 2026)",
        ),
        ({"move_date": "yesterday"}, "move_date", "Enter a real date"),
        ({"move_date": "2026-02-30"}, "move_date", "Enter a real date"),
        ({"move_date": ""}, "move_date", "Write the date you moved or will move."),
        ({"street": "x" * 500}, "street", "Use at most 100 characters (you wrote 500)."),
        ({"city": "y" * 500}, "city", "Use at most 50 characters (you wrote 500)."),
        ({"unit": "z" * 500}, "unit", "Use at most 40 characters (you wrote 500)."),
        ({"in_care_of": "w" * 500}, "in_care_of", "Use at most 100 characters (you wrote 500)."),
        ({"street": "123 Main St 🏠"}, "street", "Use only letters (A to Z, accents are fine)"),
        ({"city": "Austin 😀"}, "city", "Use only letters"),
        ({"in_care_of": "❤️ Abogada"}, "in_care_of", "Use only letters"),
        ({"street": "<script>alert(1)</script>"}, "street", "Use only letters"),
        ({"street": '<b onmouseover="x">1 Main</b>'}, "street", "Use only letters"),
        ({"city": "Austin\x00"}, "city", "Use only letters"),
        ({"street": "улица Ленина 5"}, "street", "Use only letters"),
        ({"street": "   "}, "street", "Write the street address or the PO box."),
        ({"city": "\t\n"}, "city", "Write the city or town."),
        ({"phone": "12345"}, "phone", "Write a US phone number with 10 digits"),
        ({"phone": "call me"}, "phone", "Write a US phone number with 10 digits"),
        ({"phone": "5" * 500}, "phone", "Write a US phone number, for example 202-555-0123."),
        ({"email": "not-an-email"}, "email", "Write a full email address"),
        ({"email": "a@b.c<script>"}, "email", "Write a full email address"),
        (
            {"confirmation": "sms", "phone": ""},
            "phone",
            "Write the phone number for the text message",
        ),
        (
            {"confirmation": "email", "email": ""},
            "email",
            "Write the email address for the message",
        ),
        ({"confirmation": "fax"}, "confirmation", "Choose one of the answers."),
    ],
)
def test_bad_input_is_refused_clearly(signed_in, changes, field, message):
    _assert_refused(_post(signed_in, **changes), signed_in, field, message)


def test_html_is_shown_back_escaped(signed_in):
    html = _post(signed_in, street="<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_errors_in_spanish(signed_in):
    response = signed_in.post("/es/new-address/send/", {**VALID, "zip_code": "78701"})
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "El código postal 78701 es de Texas, no de Georgia." in html


def test_missing_fields_all_at_once(signed_in):
    response = signed_in.post(URL, {})
    html = response.content.decode()
    for message in [
        "Write the street address or the PO box.",
        "Write the city or town.",
        "Choose the state.",
        "Write the ZIP code.",
        "Write the date you moved or will move.",
    ]:
        assert message in html
    assert AddressChange.objects.count() == 0


def test_accents_and_po_boxes_are_accepted(signed_in):
    response = _post(
        signed_in, street="P.O. Box 1234", unit="", city="Peñuelas", state="PR", zip_code="00624"
    )
    assert response.status_code == 302
    draft = signed_in.session[DRAFT_KEY]["address"]
    assert (draft["street"], draft["city"], draft["state"]) == ("PO BOX 1234", "PENUELAS", "PR")


def test_zip_plus_four_is_kept(signed_in):
    assert _post(signed_in, zip_code="30303 1234").status_code == 302
    assert signed_in.session[DRAFT_KEY]["address"]["zip_code"] == "30303-1234"


def test_put_and_delete_are_refused(signed_in):
    assert signed_in.put(URL).status_code == 405
    assert signed_in.delete(URL).status_code == 405


def test_without_csrf_token_nothing_happens(client, subject, frozen_now):
    from django.test import Client

    from .conftest import sign_in

    strict = Client(enforce_csrf_checks=True)
    sign_in(strict, subject)
    response = strict.post(URL, VALID)
    assert response.status_code == 403
    assert DRAFT_KEY not in strict.session


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(street=st.text(max_size=120), city=st.text(max_size=60))
def test_any_text_is_either_refused_or_saved_cleanly(signed_in, street, city):
    signed_in.session.pop(DRAFT_KEY, None)
    session = signed_in.session
    session.pop(DRAFT_KEY, None)
    session.save()
    response = _post(signed_in, street=street, city=city)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        draft = signed_in.session[DRAFT_KEY]["address"]
        assert draft["street"].strip() and draft["city"].strip()
        assert draft["street"].isascii() and draft["city"].isascii()
        assert len(draft["street"]) <= 100 and len(draft["city"]) <= 50
        assert "<" not in draft["street"] + draft["city"]
    else:
        assert "There is a problem" in response.content.decode()
