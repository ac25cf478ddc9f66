"""The country list and the empty sign-in form (its country <select>) are made once per
process and language (subjects/forms.py, subjects/sign_in.html, issue 17); what the
person sent back is kept."""

from unittest import mock

import pytest
from django.forms import Select
from django.test import Client

from checkin_portal.templatetags import once_tags
from subjects import forms

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    forms._COUNTRIES.clear()
    once_tags._PARTS.clear()
    yield
    forms._COUNTRIES.clear()
    once_tags._PARTS.clear()


def _select(html: str) -> str:
    start = html.index('<select name="country_of_birth"')
    return html[start : html.index("</select>", start)]


def test_the_empty_select_is_rendered_once_per_language(client: Client):
    with mock.patch.object(Select, "render", autospec=True, side_effect=Select.render) as render:
        first = client.get("/en/sign-in/").content.decode()
        second = client.get("/en/sign-in/").content.decode()
        spanish = client.get("/es/sign-in/").content.decode()
    assert render.call_count == 2  # English once, Spanish once
    assert _select(first) == _select(second)
    assert 'value="MX">Mexico<' in _select(first)
    assert 'value="MX">México<' in _select(spanish)


def test_a_form_sent_back_keeps_the_chosen_country(client: Client):
    client.get("/en/sign-in/")
    response = client.post("/en/sign-in/", {"subject_id": "", "country_of_birth": "MX"})
    assert response.status_code == 200
    assert 'value="MX" selected' in _select(response.content.decode())
    assert 'value="MX" selected' not in _select(client.get("/en/sign-in/").content.decode())
