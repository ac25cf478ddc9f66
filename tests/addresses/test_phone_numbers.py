# ruff: noqa: RUF001 - digits of other scripts on purpose
"""Phones as PhoneNumberField (issue 15 point 3): the form reads what people type with the
library (US region, any script's digits), the migration keeps the data (E.164 when it
parses, as typed when it does not: staff still read it), and people never see E.164."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from addresses.forms import AddressChangeForm
from addresses.models import AddressChange
from checkin_portal.templatetags.portal_tags import phone_display

from .conftest import TODAY
from .factories import AddressChangeFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("addresses.migrations.0003_phone_number_field")


class _Editor:
    connection = connection


def _store_raw(change, text):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE addresses_addresschange SET phone = %s WHERE id = %s", [text, change.pk]
        )
        cursor.execute(
            "UPDATE addresses_historicaladdresschange SET phone = %s WHERE id = %s",
            [text, change.pk],
        )


@pytest.mark.parametrize(
    ("stored", "after"),
    [
        ("404.555.0100", "+14045550100"),
        ("(404) 555-0100", "+14045550100"),
        ("+1 404 555 0100", "+14045550100"),
        ("٤٠٤٥٥٥٠١٠٠", "+14045550100"),
        ("+14045550100", "+14045550100"),
        ("call me", "call me"),
        ("12345", "12345"),
    ],
)
def test_migration_keeps_every_phone(stored, after, caplog):
    change = AddressChangeFactory()
    _store_raw(change, stored)
    migration.normalise(apps, _Editor())
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM addresses_addresschange WHERE id = %s", [change.pk])
        assert cursor.fetchone()[0] == after
        cursor.execute(
            "SELECT DISTINCT phone FROM addresses_historicaladdresschange WHERE id = %s",
            [change.pk],
        )
        assert cursor.fetchall() == [(after,)]
    if after == stored and not stored.startswith("+"):
        # Left as typed and reported by row id, never by the number itself.
        assert f"(ids {change.pk})" in caplog.text
        assert stored not in caplog.text


def test_a_phone_kept_as_typed_is_shown_to_staff_as_typed(admin_client):
    change = AddressChangeFactory()
    _store_raw(change, "call me")
    change = AddressChange.objects.get(pk=change.pk)
    assert str(change.phone) == "call me"
    assert "call me" in phone_display(change.phone)
    response = admin_client.get(f"/staff/addresses/addresschange/{change.pk}/change/")
    assert response.status_code == 200
    assert "call me" in response.content.decode()


def test_a_valid_phone_is_stored_as_e164_and_shown_national():
    change = AddressChangeFactory(phone="404.555.0100", confirmation_channel="sms")
    change = AddressChange.objects.get(pk=change.pk)
    assert change.phone.as_e164 == "+14045550100"
    assert phone_display(change.phone) == '<bdi class="portal-phone" dir="ltr">(404) 555-0100</bdi>'


def _form(phone, **extra):
    data = {
        "street": "123 Main St",
        "city": "Austin",
        "state": "TX",
        "zip_code": "78701",
        "move_date": "2026-03-01",
        "phone": phone,
        "confirmation": "",
        **extra,
    }
    return AddressChangeForm(data, today=TODAY, release_date=None)


@pytest.mark.parametrize(
    "typed",
    [
        "(404) 555-0100",
        "404.555.0100",
        "404-555-0100",
        "+1 404 555 0100",
        "1 404 555 0100",
        "(٤٠٤) ٥٥٥-٠١٠٠",
        "۴۰۴ ۵۵۵ ۰۱۰۰",
    ],
)
def test_the_form_reads_phones_as_people_type_them(typed):
    form = _form(typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+14045550100"


@pytest.mark.parametrize("typed", ["12345", "call me", "+1 404", "٤٠٤"])
def test_the_form_says_what_to_write(typed):
    form = _form(typed)
    assert not form.is_valid()
    assert form.errors["phone"] == [
        "Write a US phone number with 10 digits, for example 202-555-0123."
    ]


def test_the_form_redisplays_a_phone_in_the_national_form():
    form = AddressChangeForm(initial={"phone": "+12025550123"}, today=TODAY, release_date=None)
    html = str(form["phone"])
    assert 'value="(202) 555-0123"' in html
    assert "+12025550123" not in html
    assert 'type="tel"' in html and 'autocomplete="tel"' in html


@pytest.mark.parametrize("language", ["ar", "fa", "en"])
def test_agency_phones_are_isolated_and_readable(client, language):
    """Issue 14 point 2: "(800) 898-7180" must not read "898-7180 (800)" in Arabic or
    Persian; a link dials the number, the page never shows E.164."""
    html = client.get(
        f"/{language}/new-address/",
        {"release_form": "nta", "credible_fear": "yes", "work_permit": "no"},
    ).content.decode()
    assert '<bdi class="portal-phone" dir="ltr">(800) 898-7180</bdi>' in html
    assert 'href="tel:+18008987180"' in html
    assert ">+1-800-898-7180<" not in html


@pytest.mark.parametrize(
    ("value", "link"),
    [
        ("+1-800-898-7180", "tel:+18008987180"),
        ("(404) 555-0100", "tel:+14045550100"),
        ("+1-555-010-0000", "tel:+15550100000"),
        ("x", ""),
    ],
)
def test_phone_link_reads_text_too(value, link):
    from checkin_portal.templatetags.portal_tags import phone_link

    assert phone_link(value) == link


def test_the_help_line_in_agency_steps_is_isolated_on_the_page(client):
    html = client.get(
        "/ar/new-address/", {"release_form": "nta", "credible_fear": "no", "work_permit": "no"}
    ).content.decode()
    assert '<bdi class="portal-phone" dir="ltr">(833) 383-1465</bdi>' in html
