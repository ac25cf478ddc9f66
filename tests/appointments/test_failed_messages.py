"""A failed message is never silent: the person's pages say whether the details they
asked for went (My appointment, My check-in, the address-change receipt), and staff see
the messages that were not sent first, with the record they were about."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from checkin_portal.messaging.backends import locmem
from checkin_portal.messaging.models import MessageStatus, OutboundMessage
from checkin_portal.messaging.selectors import latest_deliveries
from checkin_portal.staff_groups import PORTAL_DATA_STAFF
from tests.addresses.factories import AddressChangeFactory
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory

pytestmark = pytest.mark.django_db
PHONE = "+12025550123"
FAILED_SMS = "We could not send the text message to <bdi>%(destination)s</bdi>."
REFUSING = "tests.messaging.backends_for_tests.RefusingBackend"
FLAKY = "tests.messaging.backends_for_tests.FlakyBackend"


def url(name, language="en"):
    with translation.override(language):
        return reverse(name)


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


@pytest.fixture(autouse=True)
def _clean_backends():
    from tests.messaging import backends_for_tests

    backends_for_tests.reset(failures=100)
    locmem.outbox.clear()
    yield
    backends_for_tests.reset()
    locmem.outbox.clear()


@pytest.fixture
def booked(sign_in_as):
    subject = sign_in_as(SubjectFactory())
    return AppointmentFactory(subject=subject, language="en")


def ask_for_a_text(client, django_capture_on_commit_callbacks, destination="202 555 0123"):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("appointments:send"), {"channel": "sms", "destination": destination}
        )
    assert response.status_code == 302
    return client.get(response["Location"])


@pytest.mark.parametrize("backend", [REFUSING, FLAKY], ids=["refused", "retries-used-up"])
def test_my_appointment_says_the_text_failed_and_shows_the_details_again(
    client, booked, settings, backend, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = backend
    settings.MESSAGING_MAX_ATTEMPTS = 3
    page = ask_for_a_text(client, django_capture_on_commit_callbacks)
    text = text_of(page)
    assert "We could not send the text message to •••0123." in text
    assert "We are sending" not in text
    assert f"Your confirmation number is {booked.display_number}" in text
    html = page.content.decode()
    assert 'class="usa-alert usa-alert--error portal-delivery' in html
    assert 'href="#send-details"' in html and 'id="send-details"' in html  # try again here
    message = OutboundMessage.objects.get()
    assert (message.status, message.destination) == (MessageStatus.FAILED, "")
    assert message.related == booked


def test_my_check_in_says_the_text_failed_with_the_details(
    client, booked, settings, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = REFUSING
    ask_for_a_text(client, django_capture_on_commit_callbacks)
    page = client.get(url("subjects:my_checkin"))
    text = text_of(page)
    assert "Your text message was not delivered" in text
    assert "We could not send the text message to •••0123." in text
    assert f"Your confirmation number is {booked.display_number}" in text
    assert booked.slot.office.name in text
    assert f'href="{url("appointments:mine")}#send-details"' in page.content.decode()


def test_a_sent_text_says_sent_and_a_waiting_one_says_sending(
    client, booked, settings, django_capture_on_commit_callbacks
):
    page = ask_for_a_text(client, django_capture_on_commit_callbacks)
    assert "We sent a text message to •••0123." in text_of(page)
    assert "not delivered" not in text_of(page)
    # Not yet delivered (the queue has not run): "sending", and only then.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("appointments:send"), {"channel": "email", "destination": "ana@example.org"}
        )
    text = text_of(client.get(url("appointments:mine")))
    assert "We are sending an email to a•••@e•••.org." in text
    assert "We sent a text message to •••0123." in text


def test_trying_again_after_a_failure_replaces_the_notice(
    client, booked, settings, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = REFUSING
    ask_for_a_text(client, django_capture_on_commit_callbacks)
    settings.SMS_BACKEND = "checkin_portal.messaging.backends.locmem.LocmemSmsBackend"
    text = text_of(ask_for_a_text(client, django_capture_on_commit_callbacks, "202 555 0188"))
    assert "We sent a text message to •••0188." in text
    assert "not delivered" not in text


def test_the_notice_is_in_the_page_language(
    client, booked, settings, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("appointments:send", "ar"), {"channel": "sms", "destination": PHONE})
    html = client.get(url("subjects:my_checkin", "ar")).content.decode()
    with translation.override("ar"):
        expected = gettext(FAILED_SMS) % {"destination": "•••0123"}
    assert expected in html


def test_someone_elses_message_is_not_shown(
    client, booked, settings, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = REFUSING
    other = AppointmentFactory()
    from appointments import notifications

    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_details(appointment=other, channel="sms", destination=PHONE)
    assert latest_deliveries(about=other)[0].status == MessageStatus.FAILED
    assert latest_deliveries(about=booked) == []
    assert "not delivered" not in text_of(client.get(url("appointments:mine")))


def test_the_address_change_receipt_says_the_confirmation_failed(
    client, sign_in_as, settings, django_capture_on_commit_callbacks
):
    from addresses import services

    settings.SMS_BACKEND = REFUSING
    subject = sign_in_as(SubjectFactory())
    change = AddressChangeFactory(subject=subject, phone=PHONE, confirmation_channel="sms")
    with django_capture_on_commit_callbacks(execute=True):
        services._send_confirmation(change=change, subject=subject, language="en", session_key=None)
    text = text_of(client.get(url("addresses:receipt")))
    assert "We could not send the text message to •••0123." in text
    assert f"Your receipt number is {change.receipt_display}" in text


def test_my_check_in_costs_one_query_more_with_an_appointment_whatever_its_messages(
    client, booked, settings, django_assert_num_queries, django_capture_on_commit_callbacks
):
    # The first page in a language records it (one UPDATE, once): not counted here.
    client.get(url("subjects:my_checkin"))
    # The session with the person (one query), the appointment, the newest messages about
    # it (one query, the same with none or many): 3 statements (the session is saved only
    # when it changes).
    with django_assert_num_queries(3):
        assert client.get(url("subjects:my_checkin")).status_code == 200
    settings.SMS_BACKEND = REFUSING
    for _ in range(3):
        ask_for_a_text(client, django_capture_on_commit_callbacks)
    with django_assert_num_queries(3):
        assert client.get(url("subjects:my_checkin")).status_code == 200


def test_staff_see_failed_messages_first_with_their_record_and_no_personal_data(
    settings, django_capture_on_commit_callbacks
):
    call_command("setup_staff_groups", verbosity=0)
    staff = User.objects.create_user("data", password="x", is_staff=True)
    staff.groups.add(Group.objects.get(name=PORTAL_DATA_STAFF))
    appointment = AppointmentFactory()
    from appointments import notifications

    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_details(appointment=appointment, channel="sms", destination=PHONE)
    settings.SMS_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_details(
            appointment=appointment, channel="sms", destination="+12025550177"
        )
    settings.SMS_BACKEND = "checkin_portal.messaging.backends.locmem.LocmemSmsBackend"
    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_details(
            appointment=appointment, channel="sms", destination="+12025550166"
        )
    client = Client()
    client.force_login(staff)
    changelist = reverse("admin:messaging_outboundmessage_changelist")
    response = client.get(changelist)
    assert response.status_code == 200
    rows = response.context["cl"].result_list
    assert [row.status for row in rows] == ["failed", "sent", "sent"]
    html = response.content.decode()
    assert "Messages not sent: 1. They are listed first." in html
    assert appointment.display_number in html
    assert "PermanentDeliveryError" in html
    for secret in ("2025550177", "2025550123", "2025550166"):
        assert secret not in html
    failed_only = client.get(changelist, {"status__exact": "failed"})
    assert [row.status for row in failed_only.context["cl"].result_list] == ["failed"]
    detail = client.get(reverse("admin:messaging_outboundmessage_change", args=[rows[0].pk]))
    assert detail.status_code == 200
    assert appointment.display_number in detail.content.decode()
