"""Helpers for showing an office."""

from urllib.parse import quote_plus

from django import template
from django.conf import settings

register = template.Library()


@register.filter
def directions_url(office) -> str:
    """A plain link to directions on a maps site (``OFFICE_DIRECTIONS_URL``). Only the
    office's own address goes in it, never the person's."""
    address = f"{office.street}, {office.city}, {office.state} {office.zip}"
    return settings.OFFICE_DIRECTIONS_URL.format(query=quote_plus(address))
