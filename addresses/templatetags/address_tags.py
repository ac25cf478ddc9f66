"""Dates as the address pages show them: month written in full, in the active language.

The formats are translatable strings (Django date-format letters), so each language
orders the parts its own way: English "Friday, March 6, 2026", Spanish
"viernes, 6 de marzo de 2026"."""

import datetime

from django import template
from django.utils import formats
from django.utils.translation import pgettext

register = template.Library()


@register.filter(expects_localtime=True)
def long_date(value: datetime.date | None) -> str:
    """The date with its weekday: 'Friday, March 6, 2026'."""
    if not value:
        return ""
    return formats.date_format(value, pgettext("date with weekday", "l, F j, Y"))


@register.filter(expects_localtime=True)
def plain_date(value: datetime.date | None) -> str:
    """The date without weekday: 'March 6, 2026'."""
    if not value:
        return ""
    return formats.date_format(value, pgettext("date without weekday", "F j, Y"))


@register.filter
def web_host(url: str) -> str:
    """'https://www.uscis.gov/addresschange' → 'www.uscis.gov/addresschange' (link text)."""
    return url.split("://", 1)[-1].rstrip("/")
