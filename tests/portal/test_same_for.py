"""``{% same_for %}`` (checkin_portal/templatetags/once_tags.py, issue 17): a part of a
page rendered once per process and language for the same values, anew for other values,
with each request's own CSRF token, and plain values only."""

import re

import pytest
from django.middleware.csrf import _does_token_match, get_token
from django.template import Context, Template, TemplateSyntaxError
from django.template.context import RequestContext
from django.test import RequestFactory
from django.utils import translation

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


def test_a_part_needs_values():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load once_tags %}{% same_for %}x{% endsame_for %}")
