"""``{% same_for %}`` (checkin_portal/templatetags/once_tags.py, issue 17): a part of a
page rendered once per process and language for the same values, anew for other values,
with each request's own CSRF token, and plain values only."""

import re
from pathlib import Path

import pytest
from django.middleware.csrf import _does_token_match, get_token
from django.template import Context, Template, TemplateSyntaxError
from django.template.context import RequestContext
from django.test import RequestFactory
from django.utils import translation
from django.utils.autoreload import file_changed

from checkin_portal.templatetags import once_tags

PART = Template(
    "{% load i18n once_tags %}"
    "{% same_for office_name day %}{{ office_name }} {{ day }} {{ counter.next }} "
    '{% translate "Search" %}{% endsame_for %}'
)


class Counter:
    def __init__(self):
        self.count = 0

    def next(self):
        self.count += 1
        return self.count


@pytest.fixture(autouse=True)
def _fresh():
    once_tags._PARTS.clear()
    yield
    once_tags._PARTS.clear()


def _render(counter, **values):
    return PART.render(Context({"counter": counter, **values}))


def test_the_same_values_render_once():
    counter = Counter()
    first = _render(counter, office_name="Houston", day="Monday")
    second = _render(counter, office_name="Houston", day="Monday")
    assert first == second == "Houston Monday 1 Search"
    assert counter.count == 1


def test_other_values_render_anew():
    counter = Counter()
    assert _render(counter, office_name="Houston", day="Monday") == "Houston Monday 1 Search"
    assert _render(counter, office_name="Houston", day="Tuesday") == "Houston Tuesday 2 Search"
    assert _render(counter, office_name="Austin", day="Monday") == "Austin Monday 3 Search"


def test_a_changed_template_file_forgets_what_was_kept():
    """Under ``runserver`` a changed template is compiled again and its old nodes freed; a
    new node may get an old one's id(), so nothing kept under those ids may survive."""
    counter = Counter()
    _render(counter, office_name="Houston", day="Monday")
    file_changed.send(sender=None, file_path=Path("/srv/templates/base.html"))
    assert len(once_tags._PARTS) == 0
    _render(counter, office_name="Houston", day="Monday")
    file_changed.send(sender=None, file_path=Path("/srv/app/views.py"))  # a reload anyway
    assert len(once_tags._PARTS) == 1 and counter.count == 2


def test_each_language_has_its_own():
    counter = Counter()
    english = _render(counter, office_name="Houston", day="1")
    with translation.override("es"):
        spanish = _render(counter, office_name="Houston", day="1")
    assert english.endswith("Search") and not spanish.endswith("Search")
    assert counter.count == 2


def test_each_request_gets_its_own_csrf_token():
    template = Template(
        "{% load once_tags %}{% same_for name %}<form>{% csrf_token %}{{ name }}</form>"
        "{% endsame_for %}"
    )
    factory = RequestFactory()
    pages, secrets = [], []
    for _ in range(2):
        request = factory.get("/")
        get_token(request)
        secrets.append(request.META["CSRF_COOKIE"])
        pages.append(template.render(RequestContext(request, {"name": "x"})))
    assert len(once_tags._PARTS) == 1
    assert secrets[0] != secrets[1]
    for page, secret in zip(pages, secrets, strict=True):
        token = re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', page).group(1)
        assert _does_token_match(token, secret)
    assert once_tags._CSRF_MARK not in pages[0] + pages[1]


@pytest.mark.parametrize("value", [object(), {"a": 1}, [object()]])
def test_only_plain_values(value):
    with pytest.raises(TypeError, match="plain values"):
        _render(Counter(), office_name=value, day="Monday")


def test_a_list_of_plain_values_is_kept_as_their_tuple():
    counter = Counter()
    assert _render(counter, office_name=["Houston", "Austin"], day="Monday").endswith("1 Search")
    assert _render(counter, office_name=["Houston", "Austin"], day="Monday").endswith("1 Search")
    assert _render(counter, office_name=("Houston", "Austin"), day="Monday").endswith("1 Search")
    assert len(once_tags._PARTS) == 1


@pytest.mark.parametrize("value", [object(), ("Houston", object()), [object()]])
def test_values_that_are_not_plain_are_refused_after_a_part_was_kept(value):
    """The values are checked when a part is kept under them, not on each request that
    finds one: a value that is not plain data (a model instance, say, equal to no plain
    value) finds nothing and is refused."""
    counter = Counter()
    _render(counter, office_name="Houston", day="Monday")
    _render(counter, office_name=("Houston", "x"), day="Monday")
    with pytest.raises(TypeError, match="plain values"):
        _render(counter, office_name=value, day="Monday")


def test_a_part_needs_values():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load once_tags %}{% same_for %}x{% endsame_for %}")


# {% each_request %}: a part of a kept part rendered for each request, in its place.

HOLE = Template(
    "{% load once_tags %}{% same_for name %}[{{ name }} {{ counter.next }}"
    "{% each_request %}<{{ typed }}>{% endeach_request %}"
    "{% same_for name %}({{ name }}{% each_request %}/{{ typed }}/{% endeach_request %})"
    "{% endsame_for %}]{% endsame_for %}"
)


def test_each_request_parts_are_rendered_for_each_request():
    counter = Counter()
    first = HOLE.render(Context({"counter": counter, "name": "a", "typed": "x&y"}))
    second = HOLE.render(Context({"counter": counter, "name": "a", "typed": "z"}))
    assert first == "[a 1<x&amp;y>(a/x&amp;y/)]"
    # Kept once, the parts for each request (nested in a kept part too) rendered anew.
    assert second == "[a 1<z>(a/z/)]"
    assert counter.count == 1
    kept = repr(once_tags._PARTS._entries)
    assert not any(value in kept for value in ("x&amp;y", "<z>", "/z/"))


def test_each_request_outside_a_kept_part_is_rendered_as_it_is():
    template = Template("{% load once_tags %}{% each_request %}{{ typed }}{% endeach_request %}")
    assert template.render(Context({"typed": "a<b"})) == "a&lt;b"


def test_a_lost_each_request_mark_is_an_error():
    template = Template(
        "{% load once_tags %}{% same_for name %}{% filter upper %}"
        "{% each_request %}{{ typed }}{% endeach_request %}{% endfilter %}{% endsame_for %}"
    )
    with pytest.raises(TemplateSyntaxError, match="each_request"):
        template.render(Context({"name": "a", "typed": "b"}))


# {% page_same_for page_key ... %}: a whole page kept when the view gives a page_key.

PAGE = (
    "{% load once_tags %}{% page_same_for page_key %}"
    + "{{ page_key }} {{ counter.next }}"
    + ("{% endpage_same_for %}")
)


@pytest.fixture
def page_templates():
    from django.template import engines

    engine = engines["django"].engine
    first = engine.from_string(PAGE)
    second = engine.from_string(PAGE)
    first.origin.name, second.origin.name = "first.html", "second.html"
    once_tags._PAGES.clear()
    yield first, second
    once_tags._PAGES.clear()


def test_a_page_without_a_key_is_rendered_each_time(page_templates):
    first, _second = page_templates
    counter = Counter()
    for expected in ("None 1", "None 2"):
        assert first.render(Context({"counter": counter, "page_key": None})) == expected
    assert len(once_tags._PAGES) == 0


def test_a_page_with_a_key_is_kept_per_key_and_per_page(page_templates):
    first, second = page_templates
    counter = Counter()

    def render(template, key):
        return template.render(Context({"counter": counter, "page_key": key}))

    assert render(first, ("k", 1)) == "(&#x27;k&#x27;, 1) 1"
    assert render(first, ("k", 1)) == "(&#x27;k&#x27;, 1) 1"
    assert render(first, ("k", 2)) == "(&#x27;k&#x27;, 2) 2"
    assert render(second, ("k", 1)) == "(&#x27;k&#x27;, 1) 3"  # another page: its own
    assert len(once_tags._PAGES) == 3
    with pytest.raises(TypeError, match="plain values"):
        render(first, ("k", object()))


# Django looks for the blocks of a page's base template on every render (ExtendsNode walks
# its whole tree): inside a kept part it walks once per process (issue 17).

BASE = (
    "{% load once_tags %}<html>{% page_same_for page_key %}"
    "{% if on %}<b>{% block title %}base title{% endblock %}</b>{% endif %}"
    "{% same_for 1 %}{% for i in items %}{% block body %}base body{% endblock %}{% endfor %}"
    "{% endsame_for %}{% endpage_same_for %}</html>"
)
CHILD = (
    '{% extends "test_base.html" %}'
    "{% block title %}{{ block.super }} and the page's{% endblock %}"
    "{% block body %}page body{% endblock %}"
)


@pytest.fixture
def extending_page():
    from django.template import Engine

    engine = Engine(
        loaders=[  # compiled once, as in production
            (
                "django.template.loaders.cached.Loader",
                [
                    (
                        "django.template.loaders.locmem.Loader",
                        {"test_base.html": BASE, "test_child.html": CHILD},
                    )
                ],
            )
        ],
        libraries={"once_tags": "checkin_portal.templatetags.once_tags"},
    )
    template = engine.get_template("test_child.html")
    once_tags._PARTS.clear()
    yield template
    once_tags._PARTS.clear()


def test_blocks_inside_kept_parts_are_looked_for_once(extending_page, monkeypatch):
    from django.template.base import Node

    def render():
        return extending_page.render(Context({"on": True, "items": [1], "page_key": None}))

    assert render() == "<html><b>base title and the page's</b>page body</html>"
    walked = []
    original = Node.get_nodes_by_type

    def counted(self, nodetype):
        walked.append(type(self).__name__)
        return original(self, nodetype)

    monkeypatch.setattr(Node, "get_nodes_by_type", counted)
    assert render() == "<html><b>base title and the page's</b>page body</html>"
    assert "IfNode" not in walked and "ForNode" not in walked, walked
