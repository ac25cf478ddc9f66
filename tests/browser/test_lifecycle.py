"""The life of an appointment as staff and the person see it (issue 13): staff check a
person in, and the person's My check-in says it is done; staff close a day, the affected
person sees the cancelled date, time and reason on My check-in (Spanish and Arabic too),
and staff see the call list of those no message reached. axe on the person's pages.

The Spanish and Arabic runs read the new labels from the catalogues, so they pass once
the translations in var/i18n-pending are merged into the .po files."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from appointments.availability import office_zone
from checkin_portal import clock
from tests.appointments.factories import AppointmentFactory, SlotFactory
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import label, sign_in_via_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = [MOBILE, DESKTOP]


def chicago():
    return OfficeFactory(
        code="CHICAGO-IL",
        name="Chicago Field Office",
        city="Chicago",
        state="IL",
        zip="60605",
        time_zone="America/Chicago",
    )


def staff_page(browser, live_server, django_user_model):
    """A browser signed in to the staff admin as a superuser."""
    user = django_user_model.objects.create_superuser("root", password="x" * 16)
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def run_action(page, live_server, appointment, action_label):
    url = reverse("admin:appointments_appointment_changelist")
    page.goto(f"{live_server.url}{url}?q={appointment.subject.subject_id}")
    page.locator(f"input[name=_selected_action][value='{appointment.pk}']").check()
    page.locator("select[name=action]").select_option(label=action_label)
    page.locator("button[name=index]").click()


def test_staff_check_in_then_my_checkin_says_done(browser, page, live_server, django_user_model):
    office = chicago()
    now = clock.now()
    # Today at the office, a few minutes from now (or just before, near local midnight).
    starts = now + datetime.timedelta(minutes=5)
    if starts.astimezone(office_zone(office)).date() != now.astimezone(office_zone(office)).date():
        starts = now - datetime.timedelta(minutes=5)
    slot = SlotFactory(office=office, starts_at=starts, booked=1)
    appointment = AppointmentFactory(slot=slot, subject=SubjectFactory(subject_id="DEMO1007"))

    staff = staff_page(browser, live_server, django_user_model)
    run_action(staff, live_server, appointment, "Mark as checked in")
    expect(staff.locator(".messagelist")).to_contain_text("1 person checked in.")

    sign_in_via_form(page, live_server, language="en", subject=appointment.subject)
    expect(page.locator("#state-heading")).to_have_text("You have already checked in")
    expect(page.get_by_text("Book your check-in appointment")).to_have_count(0)
    check_at_widths(page, WIDTHS, context="My check-in after check-in")


def test_staff_check_in_days_ahead_is_refused_with_a_reason(
    browser, live_server, django_user_model
):
    slot = SlotFactory(office=chicago(), booked=1)  # two days from now
    appointment = AppointmentFactory(slot=slot)
    staff = staff_page(browser, live_server, django_user_model)
    run_action(staff, live_server, appointment, "Mark as checked in")
    expect(staff.locator(".messagelist")).to_contain_text(appointment.display_number)
    expect(staff.locator(".messagelist")).to_contain_text("not today")


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_staff_close_a_day_person_sees_it_and_staff_get_the_call_list(
    browser, page, live_server, django_user_model, language
):
    office = chicago()
    slot = SlotFactory(office=office, booked=1)
    subject = SubjectFactory(family_names="Quispe", given_names="Rosa")
    appointment = AppointmentFactory(slot=slot, subject=subject, language=language)
    day = slot.starts_at.astimezone(office_zone(office)).date()

    staff = staff_page(browser, live_server, django_user_model)
    staff.goto(f"{live_server.url}{reverse('admin:appointments_closure_add')}")
    staff.locator("select[name=office]").select_option(str(office.pk))
    staff.locator("input[name=starts_on]").fill(day.isoformat())
    staff.locator("input[name=ends_on]").fill(day.isoformat())
    staff.locator("select[name=reason_kind]").select_option("weather")
    staff.locator("input[name=_save]").click()
    messages = staff.locator(".messagelist")
    expect(messages).to_contain_text("1 appointment cancelled.")
    expect(messages).to_contain_text("1 person left no contact: call them.")
    staff.get_by_role("link", name="Call list").click()
    expect(staff.locator("#call-list")).to_contain_text("Quispe, Rosa")
    expect(staff.locator("#call-list")).to_contain_text(subject.subject_id)
    expect(staff.locator("#call-list")).to_contain_text(appointment.display_number)

    sign_in_via_form(page, live_server, language=language, subject=subject)
    notice = page.locator("section[aria-labelledby=office-cancelled-heading]")
    expect(notice).to_contain_text(label(language, "The office cancelled your appointment"))
    expect(notice).to_contain_text(label(language, "Cancelled time:"))
    expect(notice.locator(".portal-when")).to_contain_text(str(day.year))
    expect(notice).to_contain_text(label(language, "Bad weather"))
    check_at_widths(page, WIDTHS, context=f"My check-in after a closure ({language})")
