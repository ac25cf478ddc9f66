"""What every page has and is the same for everyone (the style sheets and scripts, the
skip link, "Back to My check-in", a page's fixed links) is rendered once per process and
language (``{% same_for %}``, issue 17), and a page is the same as when rendered anew."""

import pytest
from django.templatetags.static import StaticNode
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.page_parts import (  # noqa: F401 - fixture
    fresh_page_parts,
    never_kept,
    renders_of,
    without_csrf_tokens,
)
from tests.subjects.factories import SubjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_page_parts")]


def _signed_in(client: Client) -> None:
    subject = SubjectFactory(subject_id="A1234567", country_of_birth="MX")
    with translation.override("en"):
        path = reverse("subjects:sign_in")
    client.post(path, {"subject_id": subject.subject_id, "country_of_birth": "MX"})


@pytest.mark.parametrize("language", ["en", "ar"])
def test_my_check_in_is_the_same_as_a_fresh_render(client: Client, language, monkeypatch):
    _signed_in(client)
    with translation.override(language):
        path = reverse("subjects:my_checkin")
    kept = [client.get(path).text for _ in range(2)]
    with monkeypatch.context() as patch:
        never_kept(patch)
        fresh = client.get(path).text
    assert (
        without_csrf_tokens(kept[0]) == without_csrf_tokens(kept[1]) == without_csrf_tokens(fresh)
    )
    assert "#main-content" in fresh and "/static/" in fresh


def test_a_signed_in_page_works_out_no_static_url_the_second_time(client: Client, monkeypatch):
    _signed_in(client)
    with translation.override("en"):
        path = reverse("subjects:my_checkin")
    client.get(path)
    rendered = renders_of(monkeypatch, StaticNode)
    html = client.get(path).text
    assert 'href="/static/' in html
    assert rendered == []
