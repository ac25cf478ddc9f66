"""Issue 14: the day roster existed but nothing in admin linked to it."""

import html

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.helpers import staff_login
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_():
    user = User.objects.create_superuser(username="root", password="x" * 16)
    client = Client()
    staff_login(client, user)
    return client


def test_appointment_list_links_to_the_roster(admin_client_):
    page = admin_client_.get(reverse("admin:appointments_appointment_changelist"))
    assert page.status_code == 200
    roster = reverse("admin:appointments_appointment_roster")
    assert f'href="{roster}"' in page.content.decode()
    assert 'class="export_link"' in page.content.decode()  # export kept


def test_office_page_links_to_its_roster(admin_client_):
    office = OfficeFactory(code="YAKIMA-WA")
    page = admin_client_.get(reverse("admin:offices_office_change", args=[office.pk]))
    assert page.status_code == 200
    link = f"{reverse('admin:appointments_appointment_roster')}?office=YAKIMA-WA"
    assert f'href="{link}"' in html.unescape(page.content.decode())
    roster = admin_client_.get(link)
    assert roster.status_code == 200
    assert roster.context["office"] == office


def test_add_office_page_has_no_roster_link(admin_client_):
    page = admin_client_.get(reverse("admin:offices_office_add"))
    assert page.status_code == 200
    assert reverse("admin:appointments_appointment_roster") not in page.content.decode()
