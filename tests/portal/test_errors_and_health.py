import pytest
from django.db import DatabaseError
from django.test import Client, override_settings
from django.urls import path

from checkin_portal import urls as portal_urls


def _boom(request):
    raise RuntimeError("secret detail that must not leak")


urlpatterns = [path("boom/", _boom, name="test-boom"), *portal_urls.urlpatterns]


@pytest.fixture(autouse=True)
def _test_pages_are_public(monkeypatch):
    """The failing page above is public, like the pages whose errors it stands for."""
    from subjects import middleware

    monkeypatch.setattr(middleware, "PUBLIC_VIEWS", middleware.PUBLIC_VIEWS | {"test-boom"})


@pytest.mark.django_db
def test_healthz_ok(client: Client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"database: ok\ncache: ok\n"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_503_when_database_fails(client: Client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def fail(*args, **kwargs):
        raise DatabaseError("connection refused to 10.0.0.5")

    monkeypatch.setattr(CursorWrapper, "execute", fail)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert b"10.0.0.5" not in response.content
    assert response.content == b"database: unavailable\ncache: ok\n"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "text"), [("en", "Page not found"), ("es", "No encontramos")])
def test_404_in_active_language(client: Client, language: str, text: str):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html
    assert f'lang="{language}"' in html


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_500_is_friendly_and_leaks_nothing():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 500
    html = response.content.decode()
    assert "secret detail" not in html
    assert "Traceback" not in html
    assert "Lo sentimos" in html


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_500_falls_back_to_plain_page_when_rendering_fails(monkeypatch):
    from checkin_portal import views

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(views, "render", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content


@pytest.mark.django_db
def test_csrf_failure_page_is_friendly():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "es"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 403
    assert "Por favor, inténtelo otra vez" in response.content.decode()


@pytest.mark.django_db
def test_bad_request_page(client: Client):
    response = client.get("/en/", HTTP_HOST="bad host name")
    assert response.status_code == 400
    assert "Something was wrong with the request" in response.content.decode()


@pytest.mark.django_db
def test_security_headers_on_every_page(client: Client):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_templates_have_no_inline_script_or_style(client: Client):
    for url in ["/en/", "/en/help/", "/language/", "/en/nope/"]:
        html = client.get(url).content.decode()
        assert "<script>" not in html
        assert "style=" not in html
        assert "<style" not in html
