"""Helpers for showing an office."""

from urllib.parse import quote_plus

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from checkin_portal.per_language import PerLanguage

register = template.Library()


@register.filter
def directions_url(office) -> str:
    """A plain link to directions on a maps site (``OFFICE_DIRECTIONS_URL``). Only the
    office's own address goes in it, never the person's."""
    address = f"{office.street}, {office.city}, {office.state} {office.zip}"
    return settings.OFFICE_DIRECTIONS_URL.format(query=quote_plus(address))


# An office's address, phone and hours are the same in every result that shows them:
# rendered once per process, language and template (issue 17: the finder spent most of
# its time rendering them again), under a key made of the values shown, so that an
# office edited in the admin is shown anew at once and nothing needs to be forgotten.
_OFFICE_HTML = PerLanguage(max_entries=8192)


@register.simple_tag
def office_html(template_name: str, office) -> SafeString:
    """``template_name`` rendered with ``office`` (and nothing else from the page)."""

    def render() -> SafeString:
        html = get_template(template_name).render({"office": office})
        return mark_safe(html)  # noqa: S308 - rendered by our own autoescaping template

    return _OFFICE_HTML.get((template_name, *office.shown()), render)
