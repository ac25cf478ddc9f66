"""The empty sign-in page is rendered once per process and language (``page_key``,
base.html's ``{% page_same_for %}``, issue 17): it shows nothing of anyone's. A page that
carries a page to go back to (``next``: any path, so not a key to keep pages under) or a
form sent back with what the person typed is rendered for its request only. Messages and the
CSRF token are each request's own; the page is the page rendered anew."""

import datetime
import re

import pytest
import time_machine
from django.test import Client, override_settings

from checkin_portal.templatetags import once_tags
from tests.page_parts import (  # noqa: F401 - fixture
    fresh_page_parts,
    kept_keys_and_html,
    message_for_next_page,
    never_kept,
    without_csrf_tokens,
)

from .factories import SubjectFactory
from .test_sign_in import RECAPTCHA

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_page_parts")]
START = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)
ENDED = "Your session ended because nothing happened for a while."


def _page(client: Client, path: str, status: int = 200, **data) -> str:
    response = client.post(path, data) if data else client.get(path)
    assert response.status_code == status
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_kept_page_is_the_page_rendered_anew(client: Client, language, monkeypatch):
    path = f"/{language}/sign-in/"
    kept = [_page(client, path) for _ in range(2)]
    assert len(once_tags._PAGES) == 1
    with monkeypatch.context() as patch:
        never_kept(patch)
        fresh = _page(client, path)
    assert (
        without_csrf_tokens(kept[0]) == without_csrf_tokens(kept[1]) == without_csrf_tokens(fresh)
    )
    assert 'name="subject_id"' in fresh and 'name="country_of_birth"' in fresh


def test_a_page_with_a_page_to_go_back_to_is_not_kept(client: Client):
    html = _page(client, "/en/sign-in/?next=/en/my-hearing/")
    assert 'name="next" value="/en/my-hearing/"' in html
    assert len(once_tags._PAGES) == 0
    assert "/en/my-hearing/" not in kept_keys_and_html()
    assert 'name="next"' not in _page(client, "/en/sign-in/")


def test_a_form_sent_back_is_not_kept(client: Client):
    _page(client, "/en/sign-in/")
    sent = _page(client, "/en/sign-in/", subject_id="A9876543", country_of_birth="")
    assert 'value="A9876543"' in sent
    assert len(once_tags._PAGES) == 1  # the empty page only
    assert "A9876543" not in kept_keys_and_html()
    assert 'value="A9876543"' not in _page(client, "/en/sign-in/")


def test_messages_are_each_requests_own(client: Client):
    _page(client, "/en/sign-in/")
    message_for_next_page(client, "Your session ended because you were away.")
    assert "Your session ended because you were away." in _page(client, "/en/sign-in/")
    assert "Your session ended" not in _page(client, "/en/sign-in/")
    assert len(once_tags._PAGES) == 1


@override_settings(SESSION_IDLE_TIMEOUT=900)
def test_an_idle_session_ended_by_the_page_says_so_once(client: Client, signed_in):
    _page(client, "/en/sign-in/")
    with time_machine.travel(START, tick=False) as traveller:
        signed_in(SubjectFactory())
        traveller.shift(datetime.timedelta(minutes=16))
        ended = _page(client, "/en/sign-in/")
        again = _page(client, "/en/sign-in/")
    assert ENDED in ended and ENDED not in again
    assert len(once_tags._PAGES) == 1


@override_settings(**RECAPTCHA)
def test_with_the_captcha_on_the_kept_page_is_the_page_rendered_anew(client: Client, monkeypatch):
    kept = [_page(client, "/en/sign-in/") for _ in range(2)]
    assert len(once_tags._PAGES) == 1
    with monkeypatch.context() as patch:
        never_kept(patch)
        fresh = _page(client, "/en/sign-in/")
    assert without_csrf_tokens(kept[0]) == without_csrf_tokens(kept[1])
    # django-recaptcha names each widget it renders with a random id (an element's
    # name, no secret): the kept form has one, a fresh render another.
    assert _without_widget_id(without_csrf_tokens(kept[0])) == _without_widget_id(
        without_csrf_tokens(fresh)
    )
    assert 'class="g-recaptcha' in fresh and 'data-sitekey="p"' in fresh


def _without_widget_id(html: str) -> str:
    return re.sub(r'data-widget-uuid="[0-9a-f]+"', "", html)
