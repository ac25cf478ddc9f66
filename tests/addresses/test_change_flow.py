"""The signed-in address change: form → "is this right?" → receipt; history; idempotence;
the confirmation message through the messaging layer; fixed query counts."""

import datetime
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from addresses.models import AddressChange
from addresses.selectors import address_history, current_address_change
from addresses.views import DRAFT_KEY
from checkin_portal.messaging.models import OutboundMessage
from subjects.release_forms import ReleaseForm
from tests.subjects.factories import SubjectFactory

from .conftest import sign_in

pytestmark = pytest.mark.django_db

VALID = {
    "street": "180 ted turner drive southwest",
    "unit": "suite 522",
    "city": "atlanta",
    "state": "GA",
    "zip_code": "30303",
    "in_care_of": "Ayuda Legal, Lcda. Núñez",
    "move_date": "2026-02-27",  # a Friday
    "phone": "",
    "email": "",
    "confirmation": "",
}


def _url(name, language="en"):
    with translation.override(language):
        return reverse(f"addresses:{name}")


def _post_form(client, language="en", **changes):
    return client.post(_url("change", language), {**VALID, **changes})


def _confirm(client, language="en"):
    token = client.session[DRAFT_KEY]["token"]
    return client.post(_url("confirm", language), {"token": token})


@pytest.mark.parametrize("name", ["change", "confirm", "receipt"])
def test_signed_in_pages_need_a_subject(client, name):
    response = client.get(_url(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("subjects:sign_in"))
    assert "no-store" in response["Cache-Control"]


def test_form_page_is_private_and_explains_each_field(signed_in):
    response = signed_in.get(_url("change"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "novalidate" in html
    for label in [
        "Street address or PO box",
        "ZIP code",
        "In care of (optional)",
        "The date you moved",
    ]:
        assert label in html
    assert "csrfmiddlewaretoken" in html


def test_whole_flow_records_a_change_and_shows_a_receipt(signed_in, subject, field_offices):
    response = _post_form(signed_in)
    assert response.status_code == 302
    assert response["Location"] == _url("confirm")
    assert AddressChange.objects.count() == 0  # nothing is saved before "yes"

    page = signed_in.get(_url("confirm")).content.decode()
    # Shown back the USPS way, for checking.
    assert "180 TED TURNER DR SW STE 522" in page
    assert "ATLANTA GA 30303" in page
    assert "C/O Ayuda Legal, Lcda. Núñez" in page
    assert "Friday, February 27, 2026" in page
    assert "Is this right?" in page

    response = _confirm(signed_in)
    assert response.status_code == 302
    assert response["Location"] == _url("receipt")
    change = AddressChange.objects.get()
    assert (change.street, change.unit, change.city, change.state, change.zip_code) == (
        "180 TED TURNER DR SW",
        "STE 522",
        "ATLANTA",
        "GA",
        "30303",
    )
    assert change.subject == subject
    assert change.status == "received"
    assert change.office_area.code == "ATLANTA-FO"
    assert change.language == "en"
    assert DRAFT_KEY not in signed_in.session

    receipt = signed_in.get(_url("receipt"))
    assert "no-store" in receipt["Cache-Control"]
    html = receipt.content.decode()
    assert change.receipt_display in html
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", change.receipt_display)
    assert "180 TED TURNER DR SW STE 522" in html
    assert "March 2, 2026" in html  # the date it was sent
    # A Notice to Appear: the immigration court still needs it, 5 working days after
    # Friday 27 February 2026 → Friday 6 March 2026.
    assert "Executive Office for Immigration Review" in html
    assert "Friday, March 6, 2026" in html
    assert "EOIR-33/IC" in html
    assert "js-print" in html
    assert 'agency-ice"' not in html  # ICE is done: not in "what is left"


def test_receipt_in_spanish(signed_in, subject):
    _post_form(signed_in, language="es")
    _confirm(signed_in, language="es")
    html = signed_in.get(_url("receipt", "es")).content.decode()
    assert "Recibimos su nueva dirección" in html
    assert "viernes, 6 de marzo de 2026" in html
    assert AddressChange.objects.get().language == "es"


def test_no_personal_data_in_any_url(signed_in):
    locations = [
        _post_form(signed_in)["Location"],
        _confirm(signed_in)["Location"],
    ]
    assert locations == ["/en/new-address/send/check/", "/en/new-address/send/receipt/"]


def test_every_change_is_kept_and_the_latest_is_current(signed_in, subject):
    _post_form(signed_in)
    _confirm(signed_in)
    _post_form(signed_in, street="PO Box 77", unit="", move_date="2026-03-01")
    _confirm(signed_in)
    history = address_history(subject=subject)
    assert [c.street for c in history] == ["PO BOX 77", "180 TED TURNER DR SW"]
    assert current_address_change(subject=subject).street == "PO BOX 77"
    assert "PO BOX 77" in signed_in.get(_url("receipt")).content.decode()
    assert len({c.receipt_number for c in history}) == 2


def test_a_second_click_does_not_send_twice(signed_in):
    _post_form(signed_in)
    token = signed_in.session[DRAFT_KEY]["token"]
    first = signed_in.post(_url("confirm"), {"token": token})
    second = signed_in.post(_url("confirm"), {"token": token})
    assert first["Location"] == second["Location"] == _url("receipt")
    assert AddressChange.objects.count() == 1


def test_tampered_or_stale_token_saves_nothing(signed_in):
    _post_form(signed_in)
    response = signed_in.post(_url("confirm"), {"token": "x" * 32})
    assert response["Location"] == _url("change")
    assert AddressChange.objects.count() == 0


def test_confirm_without_a_draft_goes_back_to_the_form(signed_in):
    assert signed_in.get(_url("confirm"))["Location"] == _url("change")
    assert signed_in.get(_url("receipt"))["Location"] == _url("change")


def test_no_change_it_brings_back_what_was_typed(signed_in):
    _post_form(signed_in, phone="202-555-0123")
    html = signed_in.get(_url("change")).content.decode()
    assert 'value="180 TED TURNER DR SW"' in html
    assert 'value="(202) 555-0123"' in html  # never E.164 ("+12025550123")
    assert 'value="2026-02-27"' in html


def test_other_subjects_never_see_someone_elses_receipt(client, subject, frozen_now):
    sign_in(client, subject)
    _post_form(client)
    _confirm(client)
    other = SubjectFactory()
    client.logout()
    sign_in(client, other)
    assert client.get(_url("receipt"))["Location"] == _url("change")


def test_sms_confirmation_in_the_readers_language(
    signed_in, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _post_form(signed_in, language="es", phone="(202) 555-0123", confirmation="sms")
        _confirm(signed_in, language="es")
    change = AddressChange.objects.get()
    assert change.phone == "+12025550123"
    assert change.confirmation_channel == "sms"
    (sms,) = sms_outbox
    assert sms.to == "+12025550123"
    assert change.receipt_display in sms.body
    assert "recibió su nueva dirección" in sms.body


def test_email_confirmation_lists_what_is_left(signed_in, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _post_form(signed_in, email="ana@example.org", confirmation="email")
        _confirm(signed_in)
    change = AddressChange.objects.get()
    (email,) = mail.outbox
    assert email.to == ["ana@example.org"]
    assert change.receipt_display in email.subject
    assert "180 TED TURNER DR SW STE 522" in email.body
    assert "Executive Office for Immigration Review" in email.body
    assert "Last day: Friday, March 6, 2026" in email.body
    assert "Last day: Friday, March 6, 2026" in email.alternatives[0][0]


@override_settings(MESSAGING_DESTINATION_RATE="1/h")
def test_a_message_that_cannot_be_sent_never_loses_the_change(
    signed_in, subject, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _post_form(signed_in, phone="202-555-0123", confirmation="sms")
        _confirm(signed_in)
        _post_form(signed_in, phone="202-555-0123", confirmation="sms", street="PO Box 9")
        response = _confirm(signed_in)
    assert AddressChange.objects.count() == 2  # both changes are kept
    assert len(sms_outbox) == 1
    page = signed_in.get(response["Location"]).content.decode()
    assert "could not send the message now" in page
    assert OutboundMessage.objects.count() == 1


def test_parole_without_other_agencies_says_nothing_is_left(client, frozen_now):
    subject = SubjectFactory(release_form=ReleaseForm.NOTICE_TO_REPORT)
    sign_in(client, subject)
    _post_form(client)
    _confirm(client)
    html = client.get(_url("receipt")).content.decode()
    assert "no other office on our list needs your new address" in html


def test_other_release_form_tells_to_call_the_help_line(client, frozen_now):
    subject = SubjectFactory(release_form=ReleaseForm.OTHER)
    sign_in(client, subject)
    _post_form(client)
    _confirm(client)
    html = client.get(_url("receipt")).content.decode()
    assert "call the help line" in html


def test_query_counts_are_fixed(signed_in, subject, django_assert_num_queries):
    # The first signed-in page in a language records it (one UPDATE, once): not counted.
    signed_in.get(_url("change"))
    # The session with the person in it (one query: subjects/sessions.py; the session is
    # saved only when it changes: 3 statements with its savepoint when it does), and for
    # the receipt the latest change and whether its confirmation message went (one query
    # for the newest message per channel): no more whatever the history's length.
    with django_assert_num_queries(1):
        assert signed_in.get(_url("change")).status_code == 200
    with django_assert_num_queries(4):
        _post_form(signed_in)
    with django_assert_num_queries(1):
        assert signed_in.get(_url("confirm")).status_code == 200
    _confirm(signed_in)
    for _ in range(5):
        _post_form(signed_in, move_date="2026-03-01")
        _confirm(signed_in)
    with django_assert_num_queries(3):
        assert signed_in.get(_url("receipt")).status_code == 200


def test_confirm_post_query_count(signed_in, django_assert_max_num_queries):
    _post_form(signed_in)
    # session, subject, the field office of the area, savepoints and the insert (+ its history
    # row), session save.
    with django_assert_max_num_queries(13):
        _confirm(signed_in)


def test_move_date_may_be_up_to_thirty_days_ahead(signed_in):
    latest = (datetime.date(2026, 3, 2) + datetime.timedelta(days=30)).isoformat()
    assert _post_form(signed_in, move_date=latest).status_code == 302
