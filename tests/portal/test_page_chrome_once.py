"""The footer and the header's links are computed once per process and language (issue 17),
and still follow the language, the settings and a swapped catalogue."""

from unittest import mock

import pytest
from django.template import loader
from django.test import override_settings

from checkin_portal import context_processors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    context_processors._PER_LANGUAGE.clear()
    yield
    context_processors._PER_LANGUAGE.clear()


def test_footer_rendered_once_per_language(client):
    real = loader.get_template
    with mock.patch.object(context_processors, "get_template", side_effect=real) as get_template:
        for _ in range(3):
            assert client.get("/en/help/").status_code == 200
            assert client.get("/es/help/").status_code == 200
    assert [call.args[0] for call in get_template.call_args_list] == [
        "includes/footer.html",
        "includes/footer.html",
    ]


def test_footer_and_header_in_the_page_language(client):
    english = client.get("/en/help/").content.decode()
    spanish = client.get("/es/help/").content.decode()
    assert 'href="/en/help/"' in english and 'href="/es/help/"' in spanish
    assert 'href="/en/">' in english and 'href="/es/">' in spanish
    assert "contentinfo" in english and "contentinfo" in spanish


def test_a_changed_setting_is_shown(client):
    client.get("/en/help/")
    with override_settings(PORTAL_NAME="Another <Portal>"):
        page = client.get("/en/help/").content.decode()
    assert "Another &lt;Portal&gt; is free" in page or "Another &lt;Portal&gt;" in page
    assert "Another &lt;Portal&gt;" not in client.get("/en/help/").content.decode()
