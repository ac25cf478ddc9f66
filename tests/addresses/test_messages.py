"""The address-change confirmation renders in every language; its SMS always fits in
two segments (Spanish needs UCS-2: at most 134 characters)."""

import datetime

import pytest
from django.conf import settings

from addresses.guidance import Agency
from addresses.normalise import normalise_address
from addresses.services import CONFIRMATION_TEMPLATE, subject_plan
from checkin_portal.messaging.rendering import render_message
from checkin_portal.messaging.sms import sms_size
from subjects.release_forms import ReleaseForm
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _ in settings.LANGUAGES]


def _context(language):
    from django.utils import translation

    subject = SubjectFactory.build(
        release_form=ReleaseForm.NOTICE_TO_APPEAR, credible_fear_filed=True
    )
    with translation.override(language):
        plan = subject_plan(subject=subject, move_date=datetime.date(2025, 12, 24))
    address = normalise_address(
        street="12345 Longest Possible Street Name Boulevard Northwest",
        unit="Apartment 1234",
        city="Rancho Santa Margarita",
        state="CA",
        zip_code="92688-1234",
        in_care_of="Oficina Legal de la Licenciada María José Fernández",
    )
    return {
        "receipt_number": "WXYZ-9876",
        "address_lines": address.lines,
        "move_date": datetime.date(2025, 12, 24),
        "submitted_at": datetime.datetime(2025, 12, 26, 15, 0, tzinfo=datetime.UTC),
        "remaining_steps": plan.without(Agency.ICE),
        "finish_by": plan.finish_by,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_sms_fits_in_two_segments(language):
    rendered = render_message(
        channel="sms", template=CONFIRMATION_TEMPLATE, context=_context(language), language=language
    )
    size = sms_size(rendered.text)
    assert size.segments <= 2, (size, rendered.text)
    assert "WXYZ-9876" in rendered.text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "en",
            ["Receipt number: WXYZ-9876", "Last day: Friday, January 2, 2026", "Form EOIR-33/IC"],
        ),
        (
            "es",
            [
                "Número de recibo: WXYZ-9876",
                "Último día: viernes, 2 de enero de 2026",
                "EOIR-33/IC",
            ],
        ),
    ],
)
def test_email_renders_in_the_recipients_language(language, words):
    rendered = render_message(
        channel="email",
        template=CONFIRMATION_TEMPLATE,
        context=_context(language),
        language=language,
    )
    assert "WXYZ-9876" in rendered.subject
    for text in words:
        assert text in rendered.text
    assert "C/O Oficina Legal de la Licenciada María José Fernández" in rendered.text
    assert f'<html lang="{language}"' in rendered.html
    assert "&lt;" not in rendered.text  # plain text is not HTML-escaped
    assert "\n\n\n" not in rendered.text
