"""``path_to`` (checkin_portal/per_language.py): a URL without arguments, as ``reverse``
gives it, worked out once per process, language and script prefix (issue 17)."""

import pytest
from django.urls import reverse, set_script_prefix
from django.utils import translation

from checkin_portal.per_language import path_to
from tests.page_parts import reverses_of

NAMES = ["offices:finder", "appointments:start", "appointments:mine", "subjects:my_checkin"]


@pytest.fixture(autouse=True)
def _prefix():
    yield
    set_script_prefix("/")


@pytest.mark.parametrize("language", ["en", "es", "ar", "zh-hans"])
def test_the_same_as_reverse_in_each_language(language):
    with translation.override(language):
        for name in NAMES:
            assert path_to(name) == reverse(name)
            assert path_to(name).startswith(f"/{language}/")


def test_each_language_and_script_prefix_its_own():
    with translation.override("en"):
        english = path_to("offices:finder")
    with translation.override("fr"):
        french = path_to("offices:finder")
    set_script_prefix("/portal/")
    with translation.override("en"):
        prefixed = path_to("offices:finder")
        assert prefixed == reverse("offices:finder")
    assert (english, french, prefixed) == (
        "/en/offices/",
        "/fr/offices/",
        "/portal/en/offices/",
    )


def test_worked_out_once(monkeypatch):
    with translation.override("en"):
        path_to("appointments:review")
        reversed_names = reverses_of(monkeypatch)
        assert path_to("appointments:review") == "/en/book/review/"
    assert reversed_names == []
