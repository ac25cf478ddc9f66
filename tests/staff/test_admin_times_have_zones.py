"""Issue 14: staff saw "Dec. 25, 2026, 10 a.m." with no zone where the person saw 9 a.m. CST."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from appointments.admin.appointments import AppointmentResource
from appointments.models import Appointment
from checkin_portal.places.zones import with_zone
from tests.appointments.factories import AppointmentFactory, SlotFactory
from tests.helpers import staff_login
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db

NINE_CST = datetime.datetime(2026, 12, 28, 15, 0, tzinfo=datetime.UTC)  # 9 a.m. in Chicago


def test_with_zone():
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    assert with_zone(NINE_CST, chicago) == "2026-12-28 09:00 CST"
    assert with_zone(None, chicago) == ""


def test_with_zone_defaults_to_the_server_zone(settings):
    settings.TIME_ZONE = "America/New_York"
    assert with_zone(NINE_CST) == "2026-12-28 10:00 EST"


@pytest.fixture
def root():
    client = Client()
    staff_login(client, User.objects.create_superuser(username="root", password="x" * 16))
    return client


def test_subject_list_shows_the_papers_time_in_the_office_zone(root):
    SubjectFactory(
        paperwork_appointment_at=NINE_CST,
        paperwork_office_name="Chicago, IL",
        paperwork_office_address="101 W Congress Pkwy, Chicago, IL 60605",
        paperwork_office_time_zone="America/Chicago",
    )
    page = root.get(reverse("admin:subjects_subject_changelist")).content.decode()
    assert "2026-12-28 09:00 CST" in page


def test_appointment_export_has_the_office_time_with_its_zone():
    office = OfficeFactory(code="CHICAGO-IL", time_zone="America/Chicago")
    AppointmentFactory(slot=SlotFactory(office=office, starts_at=NINE_CST))
    dataset = AppointmentResource().export(queryset=Appointment.objects.all())
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert row["starts_at_office_time"] == "2026-12-28 09:00 CST"


# --- Every admin list, read-only field and export (third-party admins included) -----------

# Exported without a zone on purpose: read back by the import of the same file, with the
# zone in a column of its own (paperwork_office_time_zone), in that zone.
EXPORT_EXEMPT = {("subjects.Subject", "paperwork_appointment_at")}


def _registered_admins():
    """Every model the admin site shows, ours and other packages' (django-axes, django-otp,
    django-tasks-db, Django's own), with its admin (public admin API only)."""
    from django.apps import apps
    from django.contrib import admin

    for model in apps.get_models():
        if admin.site.is_registered(model):
            yield model, admin.site.get_model_admin(model)


def _is_datetime(model, name) -> bool:
    from django.core.exceptions import FieldDoesNotExist
    from django.db import models

    if not isinstance(name, str):
        return False
    try:
        return isinstance(model._meta.get_field(name), models.DateTimeField)
    except FieldDoesNotExist:
        return False


def test_no_admin_list_or_read_only_date_time_without_its_zone(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    bare = [
        f"{model._meta.label}.{name}"
        for model, model_admin in _registered_admins()
        for name in [
            *model_admin.get_list_display(request),
            *model_admin.get_readonly_fields(request),
        ]
        if _is_datetime(model, name)
    ]
    assert bare == [], "derive from checkin_portal.admin_time.ZonedTimesAdmin (or HistoryAdmin)"


def test_no_export_date_time_without_its_zone():
    from checkin_portal.admin_time import ZonedDateTimeWidget

    bare = []
    for model, model_admin in _registered_admins():
        for resource_class in getattr(model_admin, "resource_classes", None) or []:
            for name, field in resource_class().fields.items():
                attribute = field.attribute or ""
                if (
                    _is_datetime(model, attribute)
                    and not isinstance(field.widget, ZonedDateTimeWidget)
                    and (model._meta.label, attribute) not in EXPORT_EXEMPT
                    and not hasattr(resource_class, f"dehydrate_{name}")
                ):
                    bare.append(f"{model._meta.label}.{name}")
    assert bare == [], "give the field widget=ZonedDateTimeWidget()"


def test_address_change_list_and_export_show_zones(root, settings):
    from addresses.admin import AddressChangeResource
    from addresses.models import AddressChange
    from tests.addresses.factories import AddressChangeFactory

    settings.TIME_ZONE = "America/New_York"
    AddressChangeFactory(submitted_at=NINE_CST)
    page = root.get(reverse("admin:addresses_addresschange_changelist")).content.decode()
    assert "2026-12-28 10:00 EST" in page
    dataset = AddressChangeResource().export(queryset=AddressChange.objects.all())
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert row["submitted_at"] == "2026-12-28 10:00 EST"
    assert row["processed_at"] == ""


def test_message_list_shows_zones(root, settings):
    from checkin_portal.messaging.models import OutboundMessage

    settings.TIME_ZONE = "America/New_York"
    OutboundMessage.objects.filter(pk__in=[]).exists()  # model importable
    page = root.get(reverse("admin:messaging_outboundmessage_changelist")).content.decode()
    assert page.count("portal-admin-zone") == 0  # a list has no inputs


def test_admin_date_time_inputs_say_their_zone(root, settings):
    settings.TIME_ZONE = "America/New_York"
    page = root.get(reverse("admin:subjects_subject_add")).content.decode()
    assert "Time zone: America/New_York (E" in page


# --- Every registered admin's pages, rendered: no date-time without its zone ----------------


@pytest.fixture
def every_record(root):
    """One record of every model the admin shows (date-times set where the package allows)."""
    from axes.models import AccessAttempt, AccessAttemptExpiration, AccessFailureLog, AccessLog
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tasks_db.models import DBTaskResult

    from checkin_portal.messaging.models import OutboundMessage
    from checkin_portal.models import FaqEntry
    from checkin_portal.staff_imports.models import ImportJob
    from tests.addresses.factories import AddressChangeFactory
    from tests.appointments.factories import ScheduleRuleFactory
    from tests.hearings.factories import HearingFactory

    appointment = AppointmentFactory()
    ScheduleRuleFactory(office=appointment.slot.office)
    HearingFactory(subject=appointment.subject)
    AddressChangeFactory(subject=appointment.subject)
    from appointments.models import Closure

    Closure.objects.create(
        office=appointment.slot.office,
        starts_on=NINE_CST.date(),
        ends_on=NINE_CST.date(),
        reason_kind="other",
        reason_en="Snow",
    )
    FaqEntry.objects.create(
        section=FaqEntry._meta.get_field("section").choices[0][0],
        slug="q",
        question="Q?",
        answer="A.",
    )
    user = User.objects.get(username="root")
    ImportJob.objects.create(created_by=user, resource="x", title="Offices")
    OutboundMessage.objects.create(
        channel="email", template="t", language="en", destination_masked="a…", body_text="Hi"
    )
    Group.objects.create(name="Readers")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=False)
    attempt_fields = {
        "user_agent": "Firefox",
        "ip_address": "192.0.2.1",
        "username": "clerk",
        "http_accept": "*/*",
        "path_info": "/staff/login/",
    }
    attempt = AccessAttempt.objects.create(
        **attempt_fields, get_data="", post_data="", failures_since_start=2
    )
    AccessAttemptExpiration.objects.create(access_attempt=attempt, expires_at=NINE_CST)
    AccessLog.objects.create(**attempt_fields, logout_time=NINE_CST)
    AccessFailureLog.objects.create(**attempt_fields, locked_out=False)
    DBTaskResult.objects.create(
        task_path="checkin_portal.messaging.tasks.send",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=NINE_CST,
        exception_class_path="",
        traceback="",
    )
    for model in (AccessAttempt, AccessLog, AccessFailureLog, TOTPDevice, DBTaskResult):
        model.objects.update(**dict.fromkeys(_date_time_fields(model), NINE_CST))
    # A model with no record here still has its list walked (and its admin checked by
    # name above); add a record of it to walk its change page too.
    return {model: model._default_manager.first() for model, _admin in _registered_admins()}


def _date_time_fields(model) -> list[str]:
    from django.db import models

    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField)
    ]


def _bare_times(record) -> set[str]:
    """The record's date-times (and NINE_CST) as Django shows a date-time without its zone."""
    from django.utils import formats, timezone, translation

    names = _date_time_fields(type(record)) if record is not None else []
    moments = {NINE_CST} | {getattr(record, name) for name in names if getattr(record, name)}
    with translation.override("en"):
        return {
            shown
            for moment in moments
            for shown in (
                formats.localize(timezone.localtime(moment)),
                formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT"),
            )
        }


def test_every_admin_page_shows_date_times_with_their_zone(root, every_record, settings):
    settings.TIME_ZONE = "America/New_York"
    bare = {}
    for model, record in every_record.items():
        info = (model._meta.app_label, model._meta.model_name)
        urls = [reverse("admin:{}_{}_changelist".format(*info))]
        if record is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[record.pk]))
        for url in urls:
            response = root.get(url)
            assert response.status_code == 200, url
            page = response.content.decode()
            found = [text for text in _bare_times(record) if text in page]
            if found:
                bare[url] = found
    assert bare == {}, "derive the admin from checkin_portal.admin_time.ZonedTimesAdmin"


def test_third_party_lists_show_zones(root, every_record, settings):
    settings.TIME_ZONE = "America/New_York"
    for name in (
        "axes_accessattempt",
        "axes_accesslog",
        "axes_accessfailurelog",
        "otp_totp_totpdevice",
        "django_tasks_database_dbtaskresult",
    ):
        page = root.get(reverse(f"admin:{name}_changelist")).content.decode()
        assert "2026-12-28 10:00 EST" in page, name


def test_third_party_details_show_zones(root, every_record, settings):
    from axes.models import AccessAttempt
    from django.contrib import admin
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tasks_db.models import DBTaskResult

    settings.TIME_ZONE = "America/New_York"
    # An attempt's expiry (a column when AXES_USE_ATTEMPT_EXPIRATION is on).
    attempt = AccessAttempt.objects.get()
    assert admin.site.get_model_admin(AccessAttempt).expiration(attempt) == "2026-12-28 10:00 EST"
    task = DBTaskResult.objects.get()
    page = root.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[task.pk]))
    assert page.content.decode().count("2026-12-28 10:00 EST") >= 3  # queued, run after…
    device = TOTPDevice.objects.get()
    page = root.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk])).content
    assert "2026-12-28 10:00 EST" in page.decode()  # created, last used
    assert "Time zone: America/New_York (E" in page.decode()  # the throttling time input
    user = User.objects.get(username="root")
    page = root.get(reverse("admin:auth_user_change", args=[user.pk])).content.decode()
    assert "Time zone: America/New_York (E" in page  # last login, date joined


def test_third_party_admins_keep_their_rules(root, every_record):
    """Still read only where the package made them so; their own views still answer."""
    from axes.models import AccessAttempt
    from django_otp.conf import settings as otp_settings
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tasks_db.models import DBTaskResult

    assert root.get(reverse("admin:axes_accessattempt_add")).status_code == 403
    assert root.get(reverse("admin:axes_accesslog_add")).status_code == 403
    task = DBTaskResult.objects.get()
    change = reverse("admin:django_tasks_database_dbtaskresult_change", args=[task.pk])
    assert 'name="_save"' not in root.get(change).content.decode()
    assert root.post(change, {"status": "FAILED"}).status_code == 403
    assert root.get(reverse("admin:django_tasks_database_dbtaskresult_add")).status_code == 403
    device = TOTPDevice.objects.get()
    config = root.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk]))
    assert config.status_code == (403 if otp_settings.OTP_ADMIN_HIDE_SENSITIVE_DATA else 200)
    attempt = AccessAttempt.objects.get()
    page = root.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "cleanup_expired_attempts" in page and attempt.username in page


def test_view_only_staff_see_date_times_with_their_zone(every_record, settings):
    """Without the change permission every field is shown as text: date-times too get zones."""
    from django.contrib.auth.models import Permission

    settings.TIME_ZONE = "America/New_York"
    reader = User.objects.create_user(username="reader", password="x" * 16, is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_user"))
    client = Client()
    staff_login(client, reader)
    root = User.objects.get(username="root")
    User.objects.filter(pk=root.pk).update(last_login=NINE_CST, date_joined=NINE_CST)
    page = client.get(reverse("admin:auth_user_change", args=[root.pk])).content.decode()
    assert page.count("2026-12-28 10:00 EST") == 2  # last login, date joined
    assert [text for text in _bare_times(root) if text in page] == []
