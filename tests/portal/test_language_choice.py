import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


def test_first_visit_without_language_shows_chooser(client: Client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose your language" in html
    for code, name in settings.LANGUAGES:
        assert f'value="{code}"' in html
        assert f'lang="{code}"' in html
        assert name in html


def test_chooser_heading_follows_browser_language(client: Client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Elija su idioma" in html


def test_choosing_a_language_is_remembered(client: Client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/en/help/"})
    assert response.status_code == 302
    assert response["Location"] == "/es/help/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    # Back at the root, the remembered language wins over the chooser.
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_chooser_keeps_only_local_next(client: Client):
    html = client.get("/language/?next=https://evil.example/phish").content.decode()
    assert "evil.example" not in html
    html = client.get("/language/?next=/es/help/").content.decode()
    assert 'name="next" value="/es/help/"' in html


def test_setlang_rejects_foreign_next(client: Client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "https://evil.example/"})
    assert "evil.example" not in response.get("Location", "")


def test_unknown_language_cookie_shows_chooser(client: Client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert client.get("/").status_code == 200


def test_header_links_to_chooser_with_current_page(client: Client):
    html = client.get("/es/help/").content.decode()
    assert 'href="/language/?next=/es/help/"' in html


def test_unprefixed_page_redirects_to_a_language(client: Client):
    response = client.get("/help/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/help/"
