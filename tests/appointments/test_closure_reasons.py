"""Why an office is closed, in the reader's language.

The rule (``Closure.public_reason``): the staff's own text in the reader's language wins;
otherwise the standard reason (``reason_kind``), translated; "other" has no standard wording,
so its English text is shown as it is, marked ``lang="en"``. English text is never shown to
someone reading another language when a standard reason exists."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from appointments import notifications
from appointments.availability import closure_apply
from appointments.models import (
    Appointment,
    AppointmentStatus,
    Closure,
    ClosureReasonKind,
    PublicReason,
)
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = pytest.mark.django_db
PHONE = "+12025550123"
SPANISH_WEATHER = "Mal tiempo"
PERSIAN_WEATHER = "هوای نامساعد"


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    translation.activate("en")


def my_checkin(client: Client, language: str) -> str:
    with translation.override(language):
        response = client.get(reverse("subjects:my_checkin"))
    assert response.status_code == 200
    return response.content.decode()


def close_the_day_of(appointment, **fields) -> Closure:
    day = appointment.slot.starts_at.astimezone(appointment.slot.office.zone).date()
    closure = Closure.objects.create(
        office=appointment.slot.office, starts_on=day, ends_on=day, **fields
    )
    closure_apply(closure=closure)
    return closure


@pytest.fixture
def cancelled(sign_in_as):
    """A signed-in person whose appointment the office is about to cancel."""
    return AppointmentFactory(subject=sign_in_as(SubjectFactory()))


# -- The rule, on the model -------------------------------------------------------------


def test_every_standard_reason_is_translated_in_every_shipped_language(settings):
    with translation.override("en"):
        english = {kind: str(kind.label) for kind in ClosureReasonKind}
    for code, _name in settings.LANGUAGES:
        if code == "en":
            continue
        with translation.override(code):
            for kind in ClosureReasonKind:
                assert str(kind.label) != english[kind], (code, kind)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Bad weather"), ("es", SPANISH_WEATHER), ("fa", PERSIAN_WEATHER)],
)
def test_a_standard_reason_without_text_reads_in_each_language(language, expected):
    closure = Closure(reason_kind=ClosureReasonKind.WEATHER)
    with translation.override(language):
        assert closure.public_reason() == PublicReason(expected)


def test_staff_text_in_the_readers_language_wins_even_for_brazilian_portuguese():
    closure = Closure(
        reason_kind=ClosureReasonKind.WEATHER,
        reason_en="Snow on the roads",
        reason_pt_br="Neve nas estradas",
    )
    with translation.override("pt-br"):
        assert closure.public_reason() == PublicReason("Neve nas estradas")
    with translation.override("en"):
        assert closure.public_reason() == PublicReason("Snow on the roads")
    with translation.override("es"):
        assert closure.public_reason() == PublicReason(SPANISH_WEATHER)


def test_other_with_english_only_text_is_the_english_text_marked_as_english():
    closure = Closure(reason_kind=ClosureReasonKind.OTHER, reason_en="A water pipe burst")
    with translation.override("en"):
        assert closure.public_reason() == PublicReason("A water pipe burst")
    with translation.override("fa"):
        reason = closure.public_reason()
    assert reason == PublicReason("A water pipe burst", language="en")
    assert str(reason) == "A water pipe burst"
    assert reason.html == '<span lang="en" dir="ltr">A water pipe burst</span>'


def test_staff_text_is_escaped_in_html():
    reason = PublicReason("<b>Closed</b>", language="en")
    assert "<b>" not in reason.html
    assert "<b>" not in PublicReason("<b>Closed</b>").html


def test_other_without_english_text_is_refused_by_the_model_and_the_database():
    office = OfficeFactory()
    day = datetime.date(2030, 1, 2)
    closure = Closure(office=office, starts_on=day, ends_on=day, reason_kind="other")
    with pytest.raises(ValidationError, match="write the reason in English"):
        closure.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Closure.objects.create(
            office=office, starts_on=day, ends_on=day, reason_kind="other", reason_es="Cerrado"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Closure.objects.create(
            office=office, starts_on=day, ends_on=day, reason_kind="rain", reason_en="Rain"
        )
    assert not Closure.objects.exists()
    # A standard reason needs no text at all.
    Closure.objects.create(office=office, starts_on=day, ends_on=day, reason_kind="holiday")


# -- My check-in ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"), [("fa", PERSIAN_WEATHER), ("es", SPANISH_WEATHER)]
)
def test_my_checkin_shows_the_standard_reason_in_the_readers_language(
    client: Client, cancelled, language, expected
):
    close_the_day_of(cancelled, reason_kind=ClosureReasonKind.WEATHER)
    html = my_checkin(client, language)
    assert expected in html
    assert "Bad weather" not in html
    assert "Other reason" not in html


def test_my_checkin_prefers_staff_text_in_the_readers_language(client: Client, cancelled):
    close_the_day_of(
        cancelled,
        reason_kind=ClosureReasonKind.WEATHER,
        reason_en="Snow closed the roads",
        reason_es="La nieve cerró las carreteras",
    )
    spanish = my_checkin(client, "es")
    assert "La nieve cerró las carreteras" in spanish
    assert SPANISH_WEATHER not in spanish
    english = my_checkin(client, "en")
    assert "Snow closed the roads" in english


def test_english_only_staff_text_is_not_shown_to_a_spanish_reader(client: Client, cancelled):
    close_the_day_of(
        cancelled, reason_kind=ClosureReasonKind.WEATHER, reason_en="Snow closed the roads"
    )
    spanish = my_checkin(client, "es")
    assert SPANISH_WEATHER in spanish
    assert "Snow closed the roads" not in spanish
    assert "Snow closed the roads" in my_checkin(client, "en")


def test_other_with_english_only_text_is_shown_marked_as_english(client: Client, cancelled):
    close_the_day_of(cancelled, reason_kind=ClosureReasonKind.OTHER, reason_en="A water pipe burst")
    persian = my_checkin(client, "fa")
    assert '<span lang="en" dir="ltr">A water pipe burst</span>' in persian
    english = my_checkin(client, "en")
    assert "A water pipe burst" in english
    assert '<span lang="en" dir="ltr">A water pipe burst' not in english


# -- Messages ---------------------------------------------------------------------------


def booked_by(language: str, office, minute: int = 0) -> Appointment:
    starts_at = days_from_now(3) + datetime.timedelta(minutes=minute)
    slot = SlotFactory(office=office, starts_at=starts_at, booked=1)
    return AppointmentFactory(
        slot=slot,
        language=language,
        wants_reminder=True,
        reminder_email=f"{language}.{minute}@example.org",
        reminder_phone=f"+1202555{minute:04d}",
    )


def cancel_and_notify(appointments, django_capture_on_commit_callbacks, **fields):
    office = appointments[0].slot.office
    day = appointments[0].slot.starts_at.astimezone(office.zone).date()
    closure = Closure.objects.create(office=office, starts_on=day, ends_on=day, **fields)
    with django_capture_on_commit_callbacks(execute=True):
        closure_apply(closure=closure)
    return closure


def email_to(address):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message.body, message.alternatives[0][0]


def test_cancellation_message_gives_the_reason_in_each_recipients_language(
    sms_outbox, django_capture_on_commit_callbacks
):
    office = OfficeFactory()
    persian, spanish = booked_by("fa", office), booked_by("es", office, minute=30)
    cancel_and_notify(
        [persian, spanish],
        django_capture_on_commit_callbacks,
        reason_kind=ClosureReasonKind.WEATHER,
        reason_en="Snow closed the roads",
    )
    for appointment, expected in [(persian, PERSIAN_WEATHER), (spanish, SPANISH_WEATHER)]:
        text, html = email_to(appointment.reminder_email)
        assert appointment.display_number in text
        assert expected in text and expected in html
        assert "Snow closed the roads" not in text + html
    texts = [sms.body for sms in sms_outbox]
    assert len(texts) == 2
    assert any(PERSIAN_WEATHER in body for body in texts)
    assert any(SPANISH_WEATHER in body for body in texts)
    assert not any("Bad weather" in body for body in texts)


def test_cancellation_message_uses_english_text_for_other_marked_in_html(
    sms_outbox, django_capture_on_commit_callbacks
):
    spanish = booked_by("es", OfficeFactory())
    cancel_and_notify(
        [spanish],
        django_capture_on_commit_callbacks,
        reason_kind=ClosureReasonKind.OTHER,
        reason_en="A water pipe burst",
    )
    text, html = email_to(spanish.reminder_email)
    assert "A water pipe burst" in text and "<span" not in text
    assert '<span lang="en" dir="ltr">A water pipe burst</span>' in html


def test_a_reason_too_long_for_a_text_message_is_left_out_of_it(
    sms_outbox, django_capture_on_commit_callbacks
):
    persian = booked_by("fa", OfficeFactory())
    long_text = "لوله‌های آب ساختمان ترکیدند و " * 6
    cancel_and_notify(
        [persian],
        django_capture_on_commit_callbacks,
        reason_kind=ClosureReasonKind.OTHER,
        reason_en="Pipes burst",
        reason_fa=long_text.strip(),
    )
    (sms,) = sms_outbox
    assert persian.display_number in sms.body
    assert "لوله" not in sms.body
    text, _html = email_to(persian.reminder_email)
    assert long_text.strip() in text


def test_without_a_closure_given_the_reason_is_found_for_each_appointment(
    sms_outbox, django_capture_on_commit_callbacks
):
    spanish = booked_by("es", OfficeFactory())
    day = spanish.slot.starts_at.astimezone(spanish.slot.office.zone).date()
    closure = Closure.objects.create(
        office=None, starts_on=day, ends_on=day, reason_kind=ClosureReasonKind.HOLIDAY
    )
    with django_capture_on_commit_callbacks(execute=True):
        closure_apply(closure=closure)
    with translation.override("es"):
        holiday = str(ClosureReasonKind.HOLIDAY.label)
    assert holiday != "Public holiday"
    assert holiday in email_to(spanish.reminder_email)[0]


# -- Admin ------------------------------------------------------------------------------


def test_admin_standard_reason_needs_no_text(admin_client):
    office = OfficeFactory()
    response = admin_client.post(
        reverse("admin:appointments_closure_add"),
        {
            "office": office.pk,
            "starts_on": "2030-01-02",
            "ends_on": "2030-01-02",
            "reason_kind": "weather",
        },
    )
    assert response.status_code == 302
    closure = Closure.objects.get()
    assert closure.reason_kind == "weather" and not closure.reason_en


def test_admin_shows_the_standard_reason_first_and_explains_the_text(admin_client):
    html = admin_client.get(reverse("admin:appointments_closure_add")).content.decode()
    assert html.index('name="reason_kind"') < html.index('name="reason_en"')
    assert "instead of the standard reason" in html


def test_admin_other_without_text_is_a_clear_error_and_saves_nothing(admin_client, sms_outbox):
    office = OfficeFactory()
    slot = SlotFactory(office=office, starts_at=days_from_now(4), booked=1)
    appointment = AppointmentFactory(slot=slot, reminder_phone=PHONE, wants_reminder=True)
    day = slot.starts_at.astimezone(office.zone).date()
    response = admin_client.post(
        reverse("admin:appointments_closure_add"),
        {
            "office": office.pk,
            "starts_on": day,
            "ends_on": day,
            "reason_kind": "other",
            "reason_es": "Cerrado",
        },
    )
    assert response.status_code == 200
    assert "write the reason in English" in response.content.decode()
    assert not Closure.objects.exists()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    assert sms_outbox == [] and mail.outbox == []


def _change_form_data(response) -> dict:
    """The POST data an admin change page would send back unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)
    return data


def test_office_inline_other_without_text_is_a_clear_error_and_saves_nothing(admin_client):
    office = OfficeFactory()
    url = reverse("admin:offices_office_change", args=[office.pk])
    data = _change_form_data(admin_client.get(url))
    prefix = "closures"  # the inline's default prefix: Office.closures
    assert f"{prefix}-TOTAL_FORMS" in data
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-starts_on": "2030-01-02",
            f"{prefix}-0-ends_on": "2030-01-02",
            f"{prefix}-0-reason_kind": "other",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "write the reason in English" in response.content.decode()
    assert not Closure.objects.exists()
    data[f"{prefix}-0-reason_kind"] = "holiday"
    assert admin_client.post(url, data).status_code == 302
    assert Closure.objects.get().reason_kind == "holiday"


@pytest.mark.parametrize("language", [code for code, _name in django_settings.LANGUAGES])
def test_the_closure_text_message_always_goes_out_in_every_language(
    language, sms_outbox, django_capture_on_commit_callbacks
):
    """With a standard reason the text fits two segments (or, at worst, goes without it)."""
    office = OfficeFactory(name="Chicago Field Office Check-In Location Annex")
    for minute, kind in enumerate(ClosureReasonKind):
        appointment = booked_by(language, office, minute=minute * 30)
        closure = Closure(reason_kind=kind, reason_en="Closed")
        with django_capture_on_commit_callbacks(execute=True):
            assert notifications.notify_cancelled_by_office([appointment.pk], closure=closure) == 2
        assert appointment.display_number in sms_outbox[-1].body
