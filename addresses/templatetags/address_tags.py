"""Helpers for the address pages (dates come from ``portal_dates``: ``long_date``,
``plain_date``)."""

from django import template

register = template.Library()


@register.filter
def web_host(url: str) -> str:
    """'https://www.uscis.gov/addresschange' → 'www.uscis.gov/addresschange' (link text)."""
    return url.split("://", 1)[-1].rstrip("/")
