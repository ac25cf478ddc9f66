"""The language-prefixed URLs resolved once per process and language
(checkin_portal/kept_urls.py, issue 17)."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.test import override_settings
from django.urls import URLResolver, get_resolver
from django.urls.exceptions import Resolver404
from django.utils import translation

from checkin_portal import urls as portal_urls
from checkin_portal.kept_urls import KeptResolver, kept_i18n_patterns
from tests.helpers import url_pages


def _kept() -> KeptResolver:
    [kept] = [p for p in portal_urls.urlpatterns if isinstance(p, KeptResolver)]
    return kept


def _plain() -> URLResolver:
    """The same patterns as Django's own i18n_patterns would resolve them."""
    kept = _kept()
    [plain] = i18n_patterns(*kept.url_patterns, prefix_default_language=True)
    return plain


def _same(a, b) -> bool:
    fields = ("func", "args", "kwargs", "url_name", "app_names", "namespaces", "route")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def _paths(language: str) -> list[str]:
    walked = url_pages(get_resolver().url_patterns)
    return [
        path.replace("/en/", f"/{language}/", 1)
        for _n, _ns, path in walked
        if path.startswith("/en/")
    ]


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_every_page_resolves_as_django_resolves_it_first_and_again(language):
    kept, plain = _kept(), _plain()
    paths = _paths(language)
    assert len(paths) > 20
    with translation.override(language):
        for path in paths:
            first, again, django = (
                kept.resolve(path[1:]),
                kept.resolve(path[1:]),
                plain.resolve(path[1:]),
            )
            assert _same(first, django), path
            assert _same(again, django), path
        assert get_resolver().resolve(f"/{language}/offices/").url_name == "finder"


def test_a_kept_path_is_not_walked_again():
    with translation.override("en"):
        first = _kept().resolve("en/offices/")
        assert _kept().resolve("en/offices/") is first


def test_a_path_in_another_language_is_not_found_with_what_was_kept_for_the_first():
    with translation.override("en"):
        assert _kept().resolve("en/offices/").url_name == "finder"
    with translation.override("fr"):
        with pytest.raises(Resolver404):
            _kept().resolve("en/offices/")
        assert _kept().resolve("fr/offices/").url_name == "finder"


def test_paths_that_match_nothing_or_carry_a_value_are_not_kept():
    kept = _kept()
    with translation.override("en"):
        kept.resolve("en/offices/")
        before = len(kept._kept)
        for n in range(3):
            with pytest.raises(Resolver404):
                kept.resolve(f"en/no-such-page-{n}/")
        # A message's link: the token in it is the key to a person's offer.
        match = kept.resolve("en/link/offer/some-token-value/")
        assert match.url_name == "link" and match.kwargs == {
            "kind": "offer",
            "token": "some-token-value",
        }
        assert len(kept._kept) == before


def _view(request, **kwargs):
    return None


def test_a_value_taken_by_an_include_prefix_or_a_default_is_handled_as_django_does():
    """A value captured by an include()'s prefix reaches the view in kwargs only (not in
    captured_kwargs): such a path is not kept either. A pattern's default kwargs are not
    taken from the path: that one is kept."""
    from django.urls import include, path

    patterns = [
        path("link/<str:token>/", include([path("open/", _view, name="open")])),
        path("page/", _view, {"kind": "plain"}, name="page"),
    ]
    [kept] = kept_i18n_patterns(*patterns)
    [plain] = i18n_patterns(*patterns)
    with translation.override("en"):
        for _ in range(2):
            match = kept.resolve("en/link/a-secret-token/open/")
            assert _same(match, plain.resolve("en/link/a-secret-token/open/"))
            assert match.kwargs == {"token": "a-secret-token"}
        assert len(kept._kept) == 0
        first = kept.resolve("en/page/")
        assert first.kwargs == {"kind": "plain"} and kept.resolve("en/page/") is first
        assert _same(first, plain.resolve("en/page/"))


def test_a_changed_setting_forgets_what_was_kept():
    with translation.override("en"):
        _kept().resolve("en/offices/")
        assert len(_kept()._kept)
        with override_settings(LANGUAGE_CODE="es"):
            assert len(_kept()._kept) == 0


@pytest.mark.django_db
def test_the_finder_answers_through_it(client):
    response = client.get("/en/offices/")
    assert response.status_code == 200
    assert response.resolver_match.url_name == "finder"
    assert response.resolver_match.route == "en/offices/"
