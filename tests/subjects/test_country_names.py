"""The country box's names in English are the common English names, not a country's own
name or an ISO list's sorting form ("Naoero", "Bahamas (The)")."""

import pytest
from django.test import Client
from django.utils import translation
from django_countries import countries

# Names django-countries ships that no English reader would look for.
NOT_ENGLISH = {"Naoero", "Bahamas (The)"}


def test_english_country_names_are_english():
    with translation.override("en"):
        names = {str(name) for _code, name in countries}
        assert {"Nauru", "Bahamas"} <= names
        assert not names & NOT_ENGLISH
        # Every English name is in the Latin script (a local name leaks in another script).
        assert all(
            name.isascii() or all(c.isascii() or (c.isalpha() and ord(c) < 0x250) for c in name)
            for name in names
        )


@pytest.mark.django_db
def test_sign_in_page_lists_nauru_in_english(client: Client):
    html = client.get("/en/sign-in/").content.decode()
    assert ">Nauru</option>" in html
    assert "Naoero" not in html


@pytest.mark.django_db
def test_no_match_keeps_the_chosen_country_in_the_combo_box(client: Client):
    """USWDS's combo box empties itself on load unless data-default-value names the choice."""
    response = client.post("/en/sign-in/", {"subject_id": "AB999999", "country_of_birth": "GT"})
    assert response.status_code == 200
    assert 'data-default-value="GT"' in response.content.decode()
