"""A text message that could not be delivered, seen in a real browser: the person asks
for their details by text, the provider refuses it, and My appointment and My check-in say
so plainly, with the confirmation number, in English and in Arabic (right to left); axe
passes at phone and desktop widths."""

import pytest
from playwright.sync_api import Page, expect

from checkin_portal.messaging.models import MessageStatus, OutboundMessage
from tests.appointments.factories import AppointmentFactory
from tests.subjects.factories import SubjectFactory

from .axe import check_at_widths
from .conftest import DESKTOP, MOBILE
from .helpers import label, labels, sign_in_via_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MSGIDS = {
    "send_link": "See, print or send my appointment",
    "send": "Send",
    "heading": "Your text message was not delivered",
    "try_again": "Try again",
}
FAILED = "We could not send the text message to <bdi>%(destination)s</bdi>."
KEPT = (
    "Your appointment is still booked. Your confirmation number is %(number)s. "
    "All the details are below: write them down or print this page."
)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_failed_confirmation_text_is_shown_on_my_check_in(
    page: Page, live_server, block_other_hosts, settings, language
):
    settings.SMS_BACKEND = "tests.messaging.backends_for_tests.RefusingBackend"
    subject = SubjectFactory()
    appointment = AppointmentFactory(subject=subject, language=language)
    text = labels(language, MSGIDS)
    failed = label(language, FAILED, destination="•••0123").replace("<bdi>", "")
    failed = failed.replace("</bdi>", "")
    kept = label(language, KEPT, number=appointment.display_number)

    sign_in_via_form(page, live_server, language=language, subject=subject)
    page.get_by_role("link", name=text["send_link"]).click()
    page.locator("input[name=channel][value=sms]").check(force=True)
    page.locator("input[name=destination]").fill("202 555 0123")
    page.locator("form", has=page.locator("input[name=destination]")).locator(
        "button[type=submit]"
    ).click()

    # My appointment: the failure, not "we are sending", and the way to try again.
    notice = page.locator(".portal-delivery--failed")
    expect(notice).to_be_visible()
    expect(notice.get_by_role("heading", name=text["heading"])).to_be_visible()
    expect(notice).to_contain_text(failed)
    expect(notice).to_contain_text(kept)
    expect(page.locator(".portal-delivery--queued")).to_have_count(0)
    message = OutboundMessage.objects.get()
    assert (message.status, message.destination) == (MessageStatus.FAILED, "")

    # My check-in: the same notice beside the appointment's details.
    page.goto(f"{live_server.url}/{language}/my-check-in/")
    notice = page.locator(".portal-delivery--failed")
    expect(notice).to_contain_text(failed)
    expect(notice).to_contain_text(appointment.display_number)
    expect(page.locator(".portal-confirmation-number")).to_have_text(appointment.display_number)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    check_at_widths(page, [MOBILE, DESKTOP], context=f"My check-in, failed text ({language})")

    # "Try again" leads to the form that sends the details.
    notice.get_by_role("link", name=text["try_again"]).click()
    expect(page.locator("input[name=destination]")).to_be_visible()
