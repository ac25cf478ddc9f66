"""Every staff admin page in a real browser with axe (WCAG 2.1 AA, best practices), at 320
and 1280 px, in English and in Arabic (right to left): the index, each registered model's
list, its add form and the change form of a saved row. Django's admin needed a few
corrections (templates/admin/, static/css/admin.css, static/js/admin.js): underlined
breadcrumb links, the search box's label in words, labels on the two halves of a date and
time, a heading on the first column of inline tables, names on the list's editable cells,
a role on the two-list selector's icon."""

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from checkin_portal.models import FaqEntry
from tests.addresses.factories import AddressChangeFactory
from tests.appointments.factories import AppointmentFactory, ScheduleRuleFactory
from tests.hearings.factories import HearingFactory

from .axe import assert_accessible
from .conftest import DESKTOP, MOBILE
from .test_lifecycle import staff_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _saved_rows():
    appointment = AppointmentFactory()
    ScheduleRuleFactory(office=appointment.slot.office)
    HearingFactory(subject=appointment.subject)
    AddressChangeFactory(subject=appointment.subject)
    for position in range(2):
        FaqEntry.objects.create(
            section="booking",
            slug=f"question-{position}",
            question=f"Question {position}?",
            answer="An answer.",
            position=position,
        )


def _admin_pages(user) -> list[str]:
    """The index, then each registered model's list, add form (when staff may add) and
    the change form of its first row (when there is one)."""
    request = RequestFactory().get("/")
    request.user = user
    pages = [reverse("admin:index")]
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        model_admin = admin.site.get_model_admin(model)
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{name}_changelist"))
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"{name}_add"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages.append(reverse(f"{name}_change", args=[first.pk]))
    return pages


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_admin_page_is_accessible(browser, live_server, django_user_model, language):
    _saved_rows()
    page = staff_page(browser, live_server, django_user_model)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    user = django_user_model.objects.get(username="root")
    pages = _admin_pages(user)
    assert len(pages) > 30  # every app's models, with their forms
    failures = []
    for url in pages:
        response = page.goto(f"{live_server.url}{url}")
        assert response is not None and response.status == 200, (url, response)
        for viewport in (MOBILE, DESKTOP):
            page.set_viewport_size(viewport)
            try:
                assert_accessible(page, context=f"{url} @ {viewport['width']}px ({language})")
            except AssertionError as error:  # every page's violations, not just the first
                failures.append(str(error))
    assert not failures, "\n".join(failures)
