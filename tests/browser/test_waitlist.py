"""The waiting list in a browser (issue 16): asking for earlier times on Your appointment,
taking an offered time from the message's link, and "I cannot come" without signing in.
English, Spanish and Arabic; axe at mobile and desktop widths on each page.

The Spanish and Arabic runs read the new labels from the catalogues, so they pass once
the translations in var/i18n-pending/waitlist.json are merged into the .po files."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from appointments.models import Appointment, AppointmentStatus
from appointments.waitlist import links, services
from appointments.waitlist.models import Offer, WaitlistEntry, token_digest
from tests.appointments.factories import AppointmentFactory, SlotFactory, days_from_now
from tests.offices.factories import OfficeFactory

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import label, sign_in_via_form
from .test_lifecycle import chicago

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = [MOBILE, DESKTOP]
LANGUAGES = ["en", "es", "ar"]


def booked_far_ahead(office, language):
    return AppointmentFactory(
        slot=SlotFactory(office=office, starts_at=days_from_now(40), capacity=1, booked=1),
        language=language,
    )


def link(kind, token, language):
    with translation.override(language):
        return links.path(kind, token)


@pytest.mark.parametrize("language", LANGUAGES)
def test_ask_to_hear_of_an_earlier_time(page, live_server, language):
    office = chicago()
    OfficeFactory(name="Gary Office", latitude=41.6, longitude=-87.34)
    appointment = booked_far_ahead(office, language)
    sign_in_via_form(
        page,
        live_server,
        language=language,
        subject=appointment.subject,
        next_path=f"/{language}/my-appointment/",
    )
    page.get_by_role("link", name=label(language, "Tell me if an earlier time opens")).click()
    expect(page.locator("h1")).to_have_text(label(language, "Tell me if an earlier time opens"))
    check_at_widths(page, WIDTHS, context=f"earlier times form ({language})")
    # USWDS draws its own boxes: click the labels, as a person does.
    page.locator("label", has_text="Gary Office").click()
    page.locator("label[for=id_channel_1]").click()  # Email
    page.locator("input[name=destination]").fill("ana@example.org")
    page.get_by_role("button", name=label(language, "Tell me")).click()
    expect(page).to_have_url(f"{live_server.url}/{language}/my-appointment/")
    expect(page.locator("#earlier-times + p")).to_contain_text("a•••@e•••.org")
    check_at_widths(page, WIDTHS, context=f"Your appointment, waiting ({language})")
    entry = WaitlistEntry.objects.get()
    assert entry.offices.count() == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_take_an_earlier_time_from_the_link(page, live_server, language):
    office = chicago()
    appointment = booked_far_ahead(office, language)
    services.entry_join(
        subject=appointment.subject,
        office_ids=[office.pk],
        channel="email",
        destination="ana@example.org",
    )
    earlier = SlotFactory(office=office, starts_at=days_from_now(3), capacity=1, booked=0)
    services.run_offers()
    offer = Offer.objects.get()
    Offer.objects.filter(pk=offer.pk).update(token_digest=token_digest("browser-token"))

    page.goto(f"{live_server.url}{link('offer', 'browser-token', language)}")
    expect(page.locator("h1")).to_have_text(
        label(language, "An earlier check-in time is open for you")
    )
    check_at_widths(page, WIDTHS, context=f"offer ({language})")
    page.get_by_role("button", name=label(language, "Yes, take this time")).click()
    new = Appointment.objects.get(subject=appointment.subject, status=AppointmentStatus.BOOKED)
    assert new.slot == earlier
    expect(page.locator(".usa-alert--success")).to_contain_text(new.display_number)
    check_at_widths(page, WIDTHS, context=f"offer taken ({language})")
    # Opening the link again shows the same result.
    page.goto(f"{live_server.url}{link('offer', 'browser-token', language)}")
    expect(page.locator(".usa-alert--success")).to_contain_text(new.display_number)


@pytest.mark.parametrize("language", LANGUAGES)
def test_i_cannot_come_without_signing_in(page, live_server, language):
    office = chicago()
    appointment = booked_far_ahead(office, language)
    page.goto(
        f"{live_server.url}{link('cannot-come', links.cannot_come_token(appointment.pk), language)}"
    )
    expect(page.locator("h1")).to_have_text(label(language, "I cannot come"))
    expect(page.get_by_text(appointment.display_number)).to_have_count(0)
    check_at_widths(page, WIDTHS, context=f"I cannot come ({language})")
    page.get_by_role("button", name=label(language, "Cancel this appointment")).click()
    expect(page.locator("h1")).to_have_text(label(language, "Your appointment is cancelled."))
    check_at_widths(page, WIDTHS, context=f"I cannot come, cancelled ({language})")
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
