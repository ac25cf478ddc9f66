"""The booking flow's forms with the digits of any script (issue 12, point 8): phone
numbers, the office search, hidden numbers sent back, confirmation numbers."""

import phonenumbers
import pytest
from django.test import Client
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from appointments.confirmation import ALPHABET, normalise_confirmation_number
from appointments.forms import OfficeCodeForm, PageForm, SendDetailsForm, SlotChoiceForm
from offices.selectors import forget_office_points
from tests.offices.factories import OfficeFactory
from tests.strategies import SCRIPTS, any_script_number, digits_text, in_script
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory

pytestmark = pytest.mark.django_db
PHONE = "+12025550123"


def url(name):
    from django.urls import reverse

    with translation.override("en"):
        return reverse(name)


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_text_me_the_details_to_a_number_in_native_digits(
    client: Client, sign_in_as, sms_outbox, django_capture_on_commit_callbacks, script
):
    subject = sign_in_as(SubjectFactory())
    AppointmentFactory(subject=subject)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("appointments:send"),
            {"channel": "sms", "destination": in_script("(202) 555-0123", script), "remind": "on"},
        )
    assert response.status_code == 302
    assert [sms.to for sms in sms_outbox] == [PHONE]
    assert subject.appointments.get().reminder_phone == PHONE


destination_typed = st.one_of(
    any_script_number("202 555 0123"),
    any_script_number("+1 (202) 555-0123"),
    digits_text,
    st.builds(lambda a, b: a + "@" + b, digits_text, st.sampled_from(["example.org", "x"])),
)


@settings(max_examples=100, deadline=None)
@given(channel=st.sampled_from(["sms", "email"]), destination=destination_typed)
def test_send_details_form_with_any_digits(channel, destination):
    form = SendDetailsForm(data={"channel": channel, "destination": destination})
    if not form.is_valid():
        assert form.errors
        return
    value = form.cleaned_data["destination"]
    if channel == "sms":
        assert value.isascii() and phonenumbers.is_valid_number(phonenumbers.parse(value))
        assert len(value) <= 20  # Appointment.reminder_phone
    else:
        assert "@" in value and len(value) <= 254


@settings(max_examples=60, deadline=None)
@given(
    number=st.one_of(any_script_number("12"), any_script_number("4611686018427387904"), digits_text)
)
def test_hidden_numbers_with_any_digits(number):
    for form, name in (
        (SlotChoiceForm(data={"slot": number}), "slot"),
        (PageForm(data={"page": number}), "page"),
    ):
        if form.is_valid():
            value = form.cleaned_data[name]
            assert value is None or (isinstance(value, int) and 1 <= value <= 2**62)
        else:
            assert list(form.errors) == [name]
    office_code = OfficeCodeForm(data={"office": number})
    if office_code.is_valid():
        assert office_code.cleaned_data["office"].isascii()


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_confirmation_number_typed_in_native_digits(script):
    assert normalise_confirmation_number(in_script("k7m2-q9xa", script)) == "K7M2Q9XA"


@settings(max_examples=100, deadline=None)
@given(typed=st.one_of(any_script_number("K7M2-Q9XA"), digits_text))
def test_confirmation_numbers_with_any_digits(typed):
    value = normalise_confirmation_number(typed)
    assert value is None or (len(value) == 8 and all(ch in ALPHABET for ch in value))


def test_booking_search_reads_a_zip_in_arabic_digits(client: Client, sign_in_as):
    forget_office_points()
    OfficeFactory(code="ATLANTA-GA", zip="30303", latitude=33.7525, longitude=-84.3888)
    sign_in_as(SubjectFactory())
    response = client.get(url("appointments:start"), {"q": in_script("30303", "arabic_indic")})
    forget_office_points()
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" not in html
    assert "ATLANTA-GA" in html
