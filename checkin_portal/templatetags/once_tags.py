"""``{% same_for v1 v2 ... %}...{% endsame_for %}``: a part of a page rendered once per
process and language for the same values (issue 17).

Django's ``{% cache %}`` tag keeps a fragment in a cache (here Redis: a round trip, and
the fragment is kept with its CSRF token). This one keeps it in the process, under the
tag's place in its template, the active language and the values given, which must be
*everything the part shows* and plain data (text, numbers, dates, tuples of them): a
model instance would be kept by its id while its fields change. Nothing is ever stale,
because a new value is a new key; nothing is forgotten but by the store's size limit.

A ``{% csrf_token %}`` inside is rendered as a marker and each request's own token is put
in its place. Values must hold no personal data (they are keys kept in memory).
"""

import datetime
import secrets
from decimal import Decimal

from django import template
from django.utils.safestring import mark_safe

from checkin_portal.per_language import PerLanguage

register = template.Library()

_PARTS = PerLanguage(max_entries=4096)
_CSRF_MARK = f"portalcsrf{secrets.token_hex(8)}"
_PLAIN = (str, int, float, bool, Decimal, datetime.date, datetime.time, type(None))
_PLAIN_TYPES = frozenset(_PLAIN) | {datetime.datetime}


def plain_key(value):
    """``value`` as a key, or TypeError when it is not plain data (see the module)."""
    if type(value) in _PLAIN_TYPES or isinstance(value, _PLAIN):
        return value
    if isinstance(value, tuple):
        for item in value:
            plain_key(item)
        return value
    if isinstance(value, list):
        return tuple(plain_key(item) for item in value)
    raise TypeError(f"same_for takes plain values, not {type(value).__name__}")


class SameForNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values

    def render(self, context):
        key = (id(self), *(plain_key(value.resolve(context)) for value in self.values))

        def render_once() -> str:
            with context.push(csrf_token=_CSRF_MARK):
                return self.nodelist.render(context)

        html = _PARTS.get(key, render_once)
        if _CSRF_MARK in html:
            html = html.replace(_CSRF_MARK, str(context.get("csrf_token", "")))
        return mark_safe(html)  # noqa: S308 - rendered by our own autoescaping templates


@register.tag("same_for")
def same_for(parser, token):
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("same_for needs the values the part shows")
    nodelist = parser.parse(("endsame_for",))
    parser.delete_first_token()
    return SameForNode(nodelist, [parser.compile_filter(bit) for bit in bits])
