"""An office's address, phone and hours are rendered once per process and language for
the same values (offices/_office_facts.html: ``{% same_for office.shown %}``, issue 17),
and anew as soon as one changes."""

import pytest
from django.template import Context, Template
from django.utils import translation

from checkin_portal.templatetags import once_tags
from offices.models import Office
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db
FACTS = Template('{% include "offices/_office_facts.html" with office=office only %}')


def _facts(office) -> str:
    return FACTS.render(Context({"office": office}))


@pytest.fixture(autouse=True)
def _fresh():
    once_tags._PARTS.clear()
    yield
    once_tags._PARTS.clear()


def test_rendered_once_for_the_same_office_and_language(django_assert_num_queries):
    office = OfficeFactory(hours="Monday to Friday, 8 AM to 4 PM")
    first = _facts(office)
    assert "Monday to Friday" in first
    assert len(once_tags._PARTS) == 1
    again = Office.objects.get(pk=office.pk)
    assert _facts(again) == first
    assert len(once_tags._PARTS) == 1


def test_an_edit_in_the_admin_shows_at_once():
    office = OfficeFactory(street="1 Old Street", hours="Mondays")
    assert "1 Old Street" in _facts(office)
    Office.objects.filter(pk=office.pk).update(street="2 New Street", phone="+14045551234")
    edited = Office.objects.get(pk=office.pk)
    html = _facts(edited)
    assert "2 New Street" in html and "1 Old Street" not in html
    assert "(404) 555-1234" in html


def test_each_language_has_its_own():
    office = OfficeFactory(hours_en="Mondays", hours_es="Los lunes")
    with translation.override("en"):
        english = _facts(office)
    with translation.override("es"):
        spanish = _facts(office)
    assert "Mondays" in english and "Los lunes" in spanish
    assert "Address" not in spanish
