"""Helpers for showing an office."""

from urllib.parse import quote_plus

import phonenumbers
from django import template
from django.conf import settings
from django.utils.html import format_html

from checkin_portal.phones import parse_phone

register = template.Library()


@register.filter
def directions_url(office) -> str:
    """A plain link to directions on a maps site (``OFFICE_DIRECTIONS_URL``). Only the
    office's own address goes in it, never the person's."""
    address = f"{office.street}, {office.city}, {office.state} {office.zip}"
    return settings.OFFICE_DIRECTIONS_URL.format(query=quote_plus(address))


def _phone_text(phone) -> str:
    """(404) 893-1290 for a US number, the international form otherwise; never E.164
    ("+12025550123"), which people cannot read back. Stored strings are parsed too; a
    value that is not a number is shown as it was typed."""
    number = parse_phone(phone)
    if number is None:
        return str(phone)
    kind = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 1
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, kind)


@register.filter
def phone_display(phone) -> str:
    """The number people read, isolated left to right: in Arabic or Persian text an
    unisolated "(404) 893-1290" reads "893-1290 (404)"."""
    if not phone:
        return ""
    return format_html('<bdi class="portal-phone" dir="ltr">{}</bdi>', _phone_text(phone))


@register.filter
def phone_link(phone) -> str:
    """'tel:+14048931290' for a number (stored or as text), "" for anything else."""
    number = parse_phone(phone)
    return f"tel:{number.as_e164}" if number else ""
