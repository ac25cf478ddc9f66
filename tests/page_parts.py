"""For tests of parts and pages rendered once per process (``{% same_for %}``,
``{% page_same_for %}``, issue 17): a fixture that starts and ends each test with none
kept, pages rendered as if nothing were kept, pages compared without their CSRF tokens
(each request has its own), the tags and templates a render and the URLs a request worked
out, and a message put in a client's next page."""

import contextlib
import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory

from appointments import selectors
from checkin_portal.templatetags import once_tags

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[A-Za-z0-9]+"')
# The kept parts and pages, and the searches made of their query's rows.
STORES = (once_tags._PARTS, once_tags._PAGES, selectors._MADE_OF_ROWS)


def without_csrf_tokens(html: str) -> str:
    return CSRF_TOKEN.sub("", html)


def never_kept(patch: pytest.MonkeyPatch) -> None:
    """Every part and page rendered anew, and every search made anew of its rows (for
    the duration of ``patch``)."""
    for store in STORES:
        patch.setattr(store, "get", lambda key, make: make())
        patch.setattr(store, "find", lambda key: None)


def renders_of(patch: pytest.MonkeyPatch, node_class) -> list[str]:
    """The tags of ``node_class`` rendered from now on (for the duration of ``patch``), as
    written in their templates: what a kept part or page did not save."""
    rendered: list[str] = []
    original = node_class.render

    def counted(self, context):
        rendered.append(self.token.contents)
        return original(self, context)

    patch.setattr(node_class, "render", counted)
    return rendered


@contextlib.contextmanager
def template_renders(name: str, of):
    """``of(context)`` for each render of the template ``name`` from now on: an included
    template inside a kept part is rendered only when that part is not found kept."""
    from django.test.signals import template_rendered

    found = []

    def note(sender, template, context, **kwargs):
        if template.name == name:
            found.append(of(context))

    template_rendered.connect(note)
    try:
        yield found
    finally:
        template_rendered.disconnect(note)


def kept_keys_and_html() -> str:
    """Everything the stores hold, as text: to show what was typed is in none of it."""
    return repr([store._entries for store in STORES])


def reverses_of(patch: pytest.MonkeyPatch) -> list[str]:
    """The URL names ``reverse()`` works out from now on (for the duration of ``patch``):
    what a kept page or ``path_to`` did not save."""
    from django.urls.resolvers import URLResolver

    reversed_names: list[str] = []
    original = URLResolver._reverse_with_prefix

    def counted(self, lookup_view, *args, **kwargs):
        reversed_names.append(lookup_view)
        return original(self, lookup_view, *args, **kwargs)

    patch.setattr(URLResolver, "_reverse_with_prefix", counted)
    return reversed_names


def message_for_next_page(client, text: str) -> None:
    """A message waiting in ``client``'s cookie, as a redirect after a POST leaves it."""
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies[storage.cookie_name] = storage._encode([Message(constants.SUCCESS, text)])


@pytest.fixture
def fresh_page_parts():
    for store in STORES:
        store.clear()
    yield
    for store in STORES:
        store.clear()
