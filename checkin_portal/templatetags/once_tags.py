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

``{% each_request %}...{% endeach_request %}`` inside a part is left out of what is kept:
it is rendered for each request, in its place (what was typed, the page's own address,
messages). It must hold no ``{% block %}``.

``{% page_same_for page_key v1 ... %}`` (once, in base.html) keeps a whole page when the
view gives a ``page_key``: the plain values of everything the page shows from its context
(a view without one renders as usual). The key is also the page's template, so each page
has its own. Like a part's values, a kept page holds no personal data: a page that shows
any (a name, an appointment) has no ``page_key``.
"""

import contextvars
import datetime
import re
import secrets
from decimal import Decimal

from django import template
from django.dispatch import receiver
from django.utils.autoreload import file_changed
from django.utils.safestring import mark_safe

from checkin_portal.per_language import PerLanguage

register = template.Library()

# Small parts, many of them: each office's line and each time's button with its date
# (about 7,300 for one language's first pages of times at 146 offices).
_PARTS = PerLanguage(max_entries=8192)
# Whole pages are bigger (tens of kB each): fewer of them.
_PAGES = PerLanguage(max_entries=512)


@receiver(file_changed, dispatch_uid="once_tags_template_changed")
def _forget_on_template_change(sender, file_path, **kwargs):
    """``runserver`` compiles a changed template again (Django's own receiver resets the
    loaders) and frees the old nodes, whose ``id()`` a new node may then reuse: what was
    kept under the old ids must go with them. Production never reloads a template."""
    if file_path.suffix != ".py":
        _PARTS.clear()
        _PAGES.clear()


_CSRF_MARK = f"portalcsrf{secrets.token_hex(8)}"
_HOLE_MARK = f"portalhole{secrets.token_hex(8)}"
_HOLE_SPLIT = re.compile(re.escape(_HOLE_MARK) + r"(\d+)\.")
# The {% each_request %} parts met while a part is rendered to be kept (None otherwise).
_COLLECTING: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "same_for_holes", default=None
)
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


def _each_request(nodelist, context) -> str:
    """A part rendered for each request: now, or, while an enclosing part is being
    rendered to be kept, a mark where each request will render it."""
    holes = _COLLECTING.get()
    if holes is None:
        return nodelist.render(context)
    holes.append(nodelist)
    return f"{_HOLE_MARK}{len(holes) - 1}."


def _render_kept(nodelist, context) -> str | tuple:
    """What a part keeps: its HTML, or, with parts for each request inside, the HTML
    around them and those parts."""
    holes: list = []
    collecting = _COLLECTING.set(holes)
    try:
        with context.push(csrf_token=_CSRF_MARK):
            html = nodelist.render(context)
    finally:
        _COLLECTING.reset(collecting)
    if not holes:
        return html
    pieces = _HOLE_SPLIT.split(html)
    if [int(n) for n in pieces[1::2]] != list(range(len(holes))):
        raise template.TemplateSyntaxError("an each_request part's mark was changed or lost")
    return (tuple(pieces[0::2]), tuple(holes))


def _filled(kept, context) -> str:
    if isinstance(kept, str):
        html = kept
    else:
        pieces, holes = kept
        out = [pieces[0]]
        for nodelist, after in zip(holes, pieces[1:], strict=True):
            out.append(_each_request(nodelist, context))
            out.append(after)
        html = "".join(out)
    if _CSRF_MARK in html:
        html = html.replace(_CSRF_MARK, str(context.get("csrf_token", "")))
    return mark_safe(html)  # noqa: S308 - rendered by our own autoescaping templates


class SameForNode(template.Node):
    store = _PARTS

    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values
        self._nodes_by_type = {}

    def get_nodes_by_type(self, nodetype):
        """What Django finds inside, worked out once: ``{% extends %}`` looks for every
        block of the base template on each render, walking its whole tree, and base.html
        is one kept page (0.1 ms a page). A compiled template does not change."""
        found = self._nodes_by_type.get(nodetype)
        if found is None:
            found = self._nodes_by_type[nodetype] = super().get_nodes_by_type(nodetype)
        return list(found)

    def key(self, context) -> tuple:
        """The part's key: its place and its values, as they are. They are checked to be
        plain (``plain_key``) only when a part is kept under them: a key with a model
        instance in it equals no key kept, so it is always checked, and refused. (A
        value that is not plain data but equal to one, such as a lazy translation equal
        to its text, finds what that text found: the same HTML.) A walk of a whole
        page's values on every request it is found cost 15-20 µs."""
        return (id(self), *(value.resolve(context) for value in self.values))

    def render(self, context):
        key = self.key(context)
        try:
            kept = self.store.find(key)
        except TypeError:  # a list among the values: kept under it as a tuple
            key = tuple(plain_key(value) for value in key)
            kept = self.store.find(key)
        if kept is None:
            plain_key(key)
            kept = _render_kept(self.nodelist, context)
            self.store.put(key, kept)
        return _filled(kept, context)


class PageSameForNode(SameForNode):
    store = _PAGES

    def key(self, context) -> tuple:
        return (context.template.origin.name, *super().key(context))

    def render(self, context):
        if not self.values[0].resolve(context):  # no page_key: rendered as usual
            return self.nodelist.render(context)
        return super().render(context)


class EachRequestNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return _each_request(self.nodelist, context)


def _part(parser, token, end, node_class):
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError(f"{token.contents} needs the values the part shows")
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    return node_class(nodelist, [parser.compile_filter(bit) for bit in bits])


@register.tag("same_for")
def same_for(parser, token):
    return _part(parser, token, "endsame_for", SameForNode)


@register.tag("page_same_for")
def page_same_for(parser, token):
    return _part(parser, token, "endpage_same_for", PageSameForNode)


@register.tag("each_request")
def each_request(parser, token):
    nodelist = parser.parse(("endeach_request",))
    parser.delete_first_token()
    return EachRequestNode(nodelist)
