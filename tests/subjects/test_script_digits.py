# ruff: noqa: RUF001 - digits and signs of other scripts on purpose
"""Subject IDs and A-numbers typed with the digits of any script (issue 12, point 8)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subjects.forms import SignInForm
from subjects.models import Subject
from subjects.normalise import is_valid_subject_id, normalise_a_number, normalise_subject_id
from tests.strategies import SCRIPTS, any_script_number, digits_text, in_script

from .factories import SubjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_sign_in_with_native_digits(client, sign_in_url, my_checkin_url, script):
    SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    typed = in_script("ab-123 456", script)
    response = client.post(sign_in_url, {"subject_id": typed, "country_of_birth": "GT"})
    assert response.status_code == 302
    assert response["Location"] == my_checkin_url


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("A ٠١٢-٣٤٥-٦٧٨", "012345678"),
        ("۱۲۳۴۵۶۷۸", "012345678"),  # 8 digits get their leading 0
        ("A-१२३४५६७८९", "123456789"),
        ("ａ０１２３４５６７８", "012345678"),
    ],
)
def test_a_number_in_native_digits_is_stored_in_ascii(typed, stored):
    assert normalise_a_number(typed) == stored
    subject = SubjectFactory(a_number=typed, subject_id=in_script("xy-9876", "persian"))
    subject.refresh_from_db()  # saved: the database's [0-9] checks agreed
    assert (subject.a_number, subject.subject_id) == (stored, "XY9876")


subject_id_typed = st.one_of(
    any_script_number("AB123456"),
    any_script_number("ab-123 456"),
    st.builds(lambda a, b: a + b, st.sampled_from(["AB", "x", "", "A-"]), digits_text),
    digits_text,
)


@settings(max_examples=100, deadline=None)
@given(subject_id=subject_id_typed)
def test_sign_in_form_with_any_digits(subject_id):
    form = SignInForm(data={"subject_id": subject_id, "country_of_birth": "GT"})
    if form.is_valid():
        value = form.cleaned_data["subject_id"]
        assert value.isascii() and is_valid_subject_id(value)
        assert value == normalise_subject_id(value)  # stable: stored and typed agree
    else:
        assert list(form.errors) == ["subject_id"]


@settings(max_examples=60, deadline=None)
@given(subject_id=any_script_number("AB123456"))
def test_the_same_id_in_any_script_finds_the_same_person(subject_id):
    if not Subject.objects.filter(subject_id="AB123456").exists():
        SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    assert Subject.objects.filter(subject_id=normalise_subject_id(subject_id)).exists()
