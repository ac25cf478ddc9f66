"""Phone numbers: one way to read what people type, one way to store and show it.

* **Read**: ``parse_phone`` and the form field ``PhoneField`` use django-phonenumber-field
  (phonenumbers) with the US as the default region, after ``fold_digits``: "(404) 555-0100",
  "404.555.0100", "+1 404 555 0100" and the same in Arabic-Indic or Persian digits are
  all one number. Nothing in the project parses a phone number by hand.
* **Store**: model fields are ``phonenumber_field.modelfields.PhoneNumberField`` with
  ``region="US"``; a valid number is stored as E.164 ("+14045550100").
* **Show**: people never read E.164. ``phone_text`` is the one readable form ("(404)
  555-0100"; text messages, plain e-mails, staff lists); templates show a number through
  the ``phone_display`` filter (``portal_tags``: the same text isolated left to right) and
  link it with ``phone_link``; ``PhoneField`` redisplays a number in the same national
  form. Files for machines (exports) keep E.164.

``normalise_stored_phones`` is the data step of the migrations that turned the old
``CharField`` phones into ``PhoneNumberField``s; keep its behaviour stable.
"""

import logging

import phonenumbers
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField
from phonenumber_field.phonenumber import PhoneNumber, to_python
from phonenumber_field.widgets import RegionalPhoneNumberWidget

from .digits import fold_digits
from .forms import FoldDigitsMixin

REGION = "US"

logger = logging.getLogger("checkin_portal")

INVALID_MESSAGE = _("Write a US phone number with 10 digits, for example 202-555-0123.")


def parse_phone(value) -> PhoneNumber | None:
    """The valid phone number in ``value`` (text as a person typed it, in any script's
    digits, or a parsed number), or None when there is none."""
    if isinstance(value, phonenumbers.PhoneNumber):
        number = to_python(value)
    else:
        text = fold_digits(str(value or "")).strip()
        if not text:
            return None
        number = to_python(text, region=REGION)
    if isinstance(number, PhoneNumber) and number.is_valid():
        return number
    return None


def phone_text(value) -> str:
    """What a person reads: "(404) 893-1290" for a US number, the international form
    ("+44 20 7946 0958") otherwise; never E.164 ("+14048931290"), which people cannot read
    back. Stored or typed text is parsed too; a value that is not a number is shown as
    it was typed; nothing gives ""."""
    if not value:
        return ""
    number = parse_phone(value)
    if number is None:
        return str(value)
    kind = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 1
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, kind)


def phone_href(value) -> str:
    """'tel:+14048931290' for a number (stored or as text). Text the library does not take
    for a number (a setting with a fictional number, a short line) still dials its digits;
    text without a digit gives ""."""
    number = parse_phone(value)
    if number is not None:
        return f"tel:{number.as_e164}"
    dialled = "".join(ch for ch in fold_digits(str(value or "")) if ch.isdigit() or ch == "+")
    return f"tel:{dialled}" if any(ch.isdigit() for ch in dialled) else ""


def phone_column(model, field: str = "phone"):
    """A staff admin display method (list column or read-only field) showing ``field`` as
    people read it ("(404) 555-0100"), not as stored; exports keep E.164 (machine data)."""
    from django.contrib import admin

    @admin.display(description=model._meta.get_field(field).verbose_name, ordering=field)
    def column(self, obj) -> str | None:
        return phone_text(getattr(obj, field)) or None  # None: the admin's empty value

    column.__name__ = f"{field}_shown"
    return column


class PhoneField(FoldDigitsMixin, PhoneNumberField):
    """The library's form field for a phone number typed by a person: digits of any script,
    US by default, a translated message when it is not a number, and an initial value
    shown in the national form ("(202) 555-0123"), never E.164."""

    def __init__(self, **kwargs):
        kwargs.setdefault("region", REGION)
        kwargs.setdefault(
            "widget",
            RegionalPhoneNumberWidget(region=REGION, attrs={"autocomplete": "tel"}),
        )
        error_messages = {"invalid": INVALID_MESSAGE, **kwargs.pop("error_messages", {})}
        super().__init__(error_messages=error_messages, **kwargs)


def normalise_stored_phones(
    connection, *, table: str, column: str = "phone", pk_column: str = "id"
) -> list:
    """Rewrite every phone in ``table.column`` that parses as a valid number to E.164; a
    value that does not parse is left exactly as it was typed (staff still read it in the
    admin: the field shows an unparsable value as written). Returns the primary keys of the
    rows left as they were; only their count and ids are logged, never a number.

    Raw SQL on purpose: a migration must not depend on the model field's converters."""
    qn = connection.ops.quote_name
    left = []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {qn(pk_column)}, {qn(column)} FROM {qn(table)} "  # noqa: S608 - names are quoted
            f"WHERE {qn(column)} IS NOT NULL AND {qn(column)} <> ''"
        )
        rows = cursor.fetchall()
        for pk, stored in rows:
            number = parse_phone(stored)
            if number is None:
                left.append(pk)
            elif number.as_e164 != stored:
                cursor.execute(
                    f"UPDATE {qn(table)} SET {qn(column)} = %s WHERE {qn(pk_column)} = %s",  # noqa: S608
                    [number.as_e164, pk],
                )
    if left:
        logger.warning(
            "%s.%s: %d phone value(s) could not be read as a number and were kept as typed "
            "(ids %s)",
            table,
            column,
            len(left),
            ", ".join(str(pk) for pk in left),
        )
    return left
