# ruff: noqa: RUF001, RUF002 - digits and signs of other scripts on purpose
"""Numbers typed with the digits of any script (issue 12, point 8).

Fuzzing found ``60605-１２３４`` accepted by the form, shown back on the check page, and
then a 500 on Confirm: the form's ``\\d`` took any script's digits, the database only ASCII,
and the save retried every refusal as a receipt-number collision. Now every digit is
folded to ASCII where people type numbers, and only a real collision is retried."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addresses import services
from addresses.forms import AddressChangeForm, GuidanceForm
from addresses.models import AddressChange
from addresses.normalise import Address
from addresses.views import DRAFT_KEY
from tests.strategies import any_script_number, digits_text, in_script

from .conftest import TODAY
from .test_change_flow import VALID, _confirm, _post_form, _url

pytestmark = pytest.mark.django_db

ZIP_RE = re.compile(r"^[0-9]{5}(-[0-9]{4})?$")
CHICAGO = {"street": "1 w roosevelt rd", "unit": "", "city": "chicago", "state": "IL"}
ANCHORAGE = {"street": "605 w 4th ave", "unit": "", "city": "anchorage", "state": "AK"}


def _send_and_confirm(client, **changes):
    """The real flow: form → "is this right?" page → Confirm. Returns the check page."""
    response = _post_form(client, **changes)
    assert response.status_code == 302, response.content.decode()[-3000:]
    check_page = client.get(_url("confirm")).content.decode()
    confirmed = _confirm(client)
    assert confirmed.status_code == 302
    assert confirmed["Location"] == _url("receipt")
    return check_page


@pytest.mark.parametrize(
    ("place", "typed", "saved"),
    [
        (CHICAGO, "60605-１２３４", "60605-1234"),  # full-width
        (CHICAGO, "60605-٣٤٥٦", "60605-3456"),  # Arabic-Indic
        (ANCHORAGE, "99501-𝟏𝟐𝟑𝟒", "99501-1234"),  # mathematical bold
        (CHICAGO, "۶۰۶۰۵", "60605"),  # Persian, whole ZIP
        (CHICAGO, "६०६०५ ३४५६", "60605-3456"),  # Devanagari
        (ANCHORAGE, "੯੯੫੦੧", "99501"),  # Gurmukhi
    ],
)
def test_zip_in_any_script_is_saved_in_ascii(signed_in, place, typed, saved):
    check_page = _send_and_confirm(signed_in, **place, zip_code=typed)
    assert f" {saved}" in check_page
    assert typed not in check_page
    change = AddressChange.objects.get()
    assert change.zip_code == saved
    receipt = signed_in.get(_url("receipt")).content.decode()
    assert f" {saved}" in receipt


def test_every_number_field_in_arabic_digits(signed_in):
    _send_and_confirm(
        signed_in,
        street=in_script("180 ted turner drive southwest", "arabic_indic"),
        unit=in_script("suite 522", "persian"),
        zip_code=in_script("30303", "arabic_indic"),
        move_date=in_script("2026-02-27", "arabic_indic"),
        phone=in_script("202-555-0123", "devanagari"),
        confirmation="sms",
    )
    change = AddressChange.objects.get()
    assert (change.street, change.unit, change.zip_code) == (
        "180 TED TURNER DR SW",
        "STE 522",
        "30303",
    )
    assert change.move_date == datetime.date(2026, 2, 27)
    assert change.phone == "+12025550123"


def test_move_date_typed_with_slashes_in_persian(signed_in):
    _send_and_confirm(signed_in, move_date=in_script("02/27/2026", "persian"))
    assert AddressChange.objects.get().move_date == datetime.date(2026, 2, 27)


# --- A draft the database refuses: a clear message, never a 500, nothing saved ----------


def _draft(zip_code="30303") -> services.AddressDraft:
    return services.AddressDraft(
        address=Address(street="1 MAIN ST", unit="", city="ATLANTA", state="GA", zip_code=zip_code),
        move_date=datetime.date(2026, 2, 27),
        phone="",
        email="",
        confirmation="",
        token=services.AddressDraft.new_token(),
    )


def _inserts(queries) -> int:
    return sum(
        q["sql"].startswith('INSERT INTO "addresses_addresschange"')
        for q in queries.captured_queries
    )


def test_a_refusal_that_is_no_receipt_collision_is_not_retried(subject):
    # A draft left in a session by the old form: its ZIP breaks the database's check.
    with CaptureQueriesContext(connection) as queries, pytest.raises(services.AddressNotSaved):
        services.address_change_submit(
            subject=subject, draft=_draft("60605-１２３４"), language="en"
        )
    assert _inserts(queries) == 1
    assert AddressChange.objects.count() == 0


def test_confirming_a_draft_the_database_refuses_shows_a_message(signed_in):
    session = signed_in.session
    draft = _draft("60605-٣٤٥٦")
    session[DRAFT_KEY] = draft.to_session()
    session.save()
    response = signed_in.post(_url("confirm"), {"token": draft.token}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(_url("change"), 302)]
    html = response.content.decode()
    assert "We could not save this address. Nothing was sent." in html
    assert AddressChange.objects.count() == 0
    # The form is filled in again with what was typed: sending it again works.
    assert 'value="60605-٣٤٥٦"' in html


def test_a_receipt_number_collision_is_still_retried(subject, monkeypatch):
    import secrets

    taken = services.address_change_submit(subject=subject, draft=_draft(), language="en")
    number = taken.change.receipt_number
    # The stdlib's random draw gives the taken number once, then another one.
    draws = iter(number + "ZZZZZZZZ")
    monkeypatch.setattr(secrets, "choice", lambda _alphabet: next(draws))
    with CaptureQueriesContext(connection) as queries:
        result = services.address_change_submit(subject=subject, draft=_draft(), language="en")
    assert result.created and result.change.receipt_number == "ZZZZZZZZ"
    assert _inserts(queries) == 2


def test_the_same_draft_twice_is_still_one_change(subject):
    draft = _draft()
    first = services.address_change_submit(subject=subject, draft=draft, language="en")
    again = services.address_change_submit(subject=subject, draft=draft, language="en")
    assert again.change == first.change and not again.created
    assert AddressChange.objects.count() == 1


# --- Properties: any digits in any field where numbers are typed -------------------------

BASE = {**VALID, **CHICAGO, "zip_code": "60605"}
# Right answers written in ASCII: typed in any script's digits, they must work the same.
RIGHT = {
    "zip_code": ["60605", "60605-3456", "60605 3456"],
    "phone": ["(312) 555-0188", "+1 312 555 0188"],
    "move_date": ["2026-02-27", "02/27/2026"],
    "unit": ["apt 12", "# 3"],
    "street": ["12 main st", "PO Box 45"],
    "in_care_of": ["Suite 200 Legal Aid"],
}
right_in_any_script = st.sampled_from(
    [(name, value) for name, values in RIGHT.items() for value in values]
).flatmap(lambda pair: any_script_number(pair[1]).map(lambda typed: (*pair, typed)))
# Anything made of digits and separators, in one field at a time.
digits_in_a_field = st.tuples(st.sampled_from(sorted(RIGHT)), digits_text)


def _form(**changes) -> AddressChangeForm:
    return AddressChangeForm(
        data={**BASE, **changes}, today=TODAY, release_date=datetime.date(2026, 1, 5)
    )


def _assert_fits_the_database(form: AddressChangeForm) -> None:
    address, cleaned = form.address, form.cleaned_data
    assert ZIP_RE.fullmatch(address.zip_code)
    assert cleaned["phone"] == "" or re.fullmatch(r"\+[0-9]{8,15}", cleaned["phone"])
    for name in ("street", "unit", "city"):
        value = getattr(address, name)
        assert value.isascii() and len(value) <= AddressChange._meta.get_field(name).max_length


@settings(max_examples=100, deadline=None)
@given(case=right_in_any_script)
def test_a_right_answer_in_any_script_is_read_as_in_ascii(case):
    name, ascii_value, typed = case
    expected = _form(**{name: ascii_value})
    assert expected.is_valid(), expected.errors
    form = _form(**{name: typed})
    assert form.is_valid(), (typed, form.errors)
    assert form.address == expected.address
    assert form.cleaned_data == expected.cleaned_data
    _assert_fits_the_database(form)


@settings(max_examples=100, deadline=None)
@given(case=digits_in_a_field)
def test_any_digits_in_any_field_are_read_cleanly_or_refused(case):
    name, typed = case
    form = _form(**{name: typed})
    if form.is_valid():
        _assert_fits_the_database(form)
    else:
        assert list(form.errors) == [name]


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=st.one_of(right_in_any_script.map(lambda c: (c[0], c[2])), digits_in_a_field))
def test_address_change_with_any_digits_is_saved_cleanly_or_refused(signed_in, case):
    name, typed = case
    session = signed_in.session
    session.pop(DRAFT_KEY, None)
    session.save()
    before = AddressChange.objects.count()
    response = _post_form(signed_in, **{**BASE, name: typed})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "There is a problem" in response.content.decode()
        assert AddressChange.objects.count() == before
        assert DRAFT_KEY not in signed_in.session
        return
    confirmed = _confirm(signed_in)
    assert confirmed.status_code == 302 and confirmed["Location"] == _url("receipt")
    assert AddressChange.objects.count() == before + 1
    change = AddressChange.objects.order_by("-id").first()
    assert ZIP_RE.fullmatch(change.zip_code) and change.zip_code[:5] == "60605"
    assert (change.street + change.unit + str(change.phone)).isascii()
    assert not any(ch.isdecimal() and not ch.isascii() for ch in change.in_care_of)


date_typed = st.one_of(
    any_script_number("2026-02-27"), any_script_number("02/27/2026"), digits_text
)


@settings(max_examples=60, deadline=None)
@given(move_date=date_typed)
def test_guidance_move_date_in_any_script(move_date):
    form = GuidanceForm(
        data={
            "release_form": "nta",
            "credible_fear": "no",
            "work_permit": "no",
            "move_date": move_date,
        },
        today=TODAY,
    )
    if not form.is_valid():
        assert list(form.errors) == ["move_date"]


@pytest.mark.parametrize("script", ["arabic_indic", "persian", "devanagari", "gurmukhi"])
def test_guidance_page_reads_a_move_date_in_native_digits(client, frozen_now, script):
    response = client.get(
        "/en/new-address/",
        {
            "release_form": "nta",
            "credible_fear": "no",
            "work_permit": "no",
            "move_date": in_script("2026-02-27", script),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" not in html
    assert "Friday, March 6, 2026" in html  # EOIR: 5 working days after the move
