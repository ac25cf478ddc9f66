"""Staff admin: courts, hearings entered on the court's clock, and the CSV import page."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hearings.models import Hearing, HearingStatus
from tests.subjects.factories import SubjectFactory

from .factories import HearingFactory, ImmigrationCourtFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
HEADER = "subject_id,a_number,court,date,time,type,format,judge,status\n"
IMPORT_URL = "admin:hearings_hearing_import"


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser("boss", "boss@example.invalid", "x" * 20)
    client.force_login(user)
    return client


@pytest.fixture
def honolulu():
    return ImmigrationCourtFactory(code="honolulu", name="Honolulu Court", zip_code="96850")


def _upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("hearings.csv", text.encode(), content_type="text/csv")


def test_court_and_hearing_admin_pages_open(staff, honolulu):
    hearing = HearingFactory(court=honolulu)
    for url in (
        reverse("admin:hearings_immigrationcourt_changelist"),
        reverse("admin:hearings_immigrationcourt_change", args=[honolulu.pk]),
        reverse("admin:hearings_immigrationcourt_history", args=[honolulu.pk]),
        reverse("admin:hearings_hearing_changelist"),
        reverse("admin:hearings_hearing_add"),
        reverse("admin:hearings_hearing_change", args=[hearing.pk]),
        reverse("admin:hearings_hearing_history", args=[hearing.pk]),
        reverse(IMPORT_URL),
    ):
        assert staff.get(url).status_code == 200, url
    changelist = staff.get(reverse("admin:hearings_hearing_changelist")).content.decode()
    assert reverse(IMPORT_URL) in changelist
    assert "HST" in changelist  # times listed on the court's clock


def _hearing_form(subject, court, **overrides):
    data = {
        "subject": subject.pk,
        "court": court.pk,
        "local_date": "2026-03-09",
        "local_time": "09:00",
        "hearing_type": "master_calendar",
        "hearing_format": "in_person",
        "judge": "",
        "status": "scheduled",
    }
    return {**data, **overrides}


def test_staff_enter_the_time_on_the_courts_clock(staff, honolulu):
    subject = SubjectFactory()
    response = staff.post(reverse("admin:hearings_hearing_add"), _hearing_form(subject, honolulu))
    assert response.status_code == 302
    hearing = Hearing.objects.get()
    # 09:00 in Honolulu, whatever the staff member's own zone (TIME_ZONE is New York).
    assert hearing.starts_at == datetime.datetime(2026, 3, 9, 19, 0, tzinfo=UTC)
    page = staff.get(reverse("admin:hearings_hearing_change", args=[hearing.pk])).content.decode()
    assert 'value="2026-03-09"' in page and 'value="09:00:00"' in page


@pytest.mark.parametrize(
    ("court_key", "overrides", "message"),
    [
        # 02:30 does not exist in Chicago on 2026-03-08; 01:30 happens twice on 2026-11-01.
        ("chicago", {"local_date": "2026-03-08", "local_time": "02:30"}, "the clocks skip it"),
        ("chicago", {"local_date": "2026-11-01", "local_time": "01:30"}, "happens twice"),
        ("honolulu", {"local_time": "nine"}, "Enter a valid time."),
        ("inactive", {}, "This court is not active"),
        ("honolulu", {"hearing_type": "bail"}, "Select a valid choice."),
    ],
)
def test_bad_hearing_input_is_a_form_error_not_a_500(
    staff, honolulu, court_key, overrides, message
):
    courts = {
        "honolulu": honolulu,
        "chicago": ImmigrationCourtFactory(zip_code="60603"),
        "inactive": ImmigrationCourtFactory(is_active=False),
    }
    data = _hearing_form(SubjectFactory(), courts[court_key], **overrides)
    response = staff.post(reverse("admin:hearings_hearing_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Hearing.objects.exists()


def test_a_second_hearing_at_the_same_time_is_a_form_error(staff, honolulu):
    subject = SubjectFactory()
    HearingFactory(
        subject=subject, court=honolulu, starts_at=datetime.datetime(2026, 3, 9, 19, tzinfo=UTC)
    )
    response = staff.post(reverse("admin:hearings_hearing_add"), _hearing_form(subject, honolulu))
    assert response.status_code == 200
    assert "already has a hearing at this time" in response.content.decode()
    assert Hearing.objects.count() == 1


def _post(staff, content, **extra):
    upload = content if isinstance(content, SimpleUploadedFile) else _upload(content)
    data = {"resource": "0", "format": "0", "import_file": upload, **extra}
    return staff.post(reverse(IMPORT_URL), data)


def test_import_page_saves_a_good_file(staff, honolulu):
    SubjectFactory(subject_id="AB123456")
    response = _post(staff, HEADER + "AB123456,,honolulu,2026-03-09,09:00,individual,video,,\n")
    assert response.status_code == 200
    assert "Importing it would create 1" in response.content.decode()
    assert not Hearing.objects.exists()  # the check saves nothing
    confirm = response.context["confirm_form"]
    response = staff.post(
        reverse("admin:hearings_hearing_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("admin:hearings_hearing_changelist")
    assert Hearing.objects.get().starts_at == datetime.datetime(2026, 3, 9, 19, tzinfo=UTC)
    assert Hearing.history.get().history_user.username == "boss"


def test_import_page_lists_every_problem_and_saves_nothing(staff, honolulu):
    SubjectFactory(subject_id="AB123456")
    response = _post(
        staff,
        HEADER
        + "AB123456,,honolulu,2026-03-09,09:00,individual,video,,\n"
        + "AB123456,,nowhere,2026-03-10,09:00,individual,video,,\n"
        + ",,honolulu,2026-03-11,9,individual,fax,,\n",
    )
    page = response.content.decode()
    assert response.context.get("confirm_form") is None
    assert "problems found. Nothing was saved." in page
    assert "No court has this code or name." in page
    assert "Give a Subject ID or an A-number." in page
    assert "Give the format" in page
    assert not Hearing.objects.exists()


def test_import_page_names_the_courts_an_ambiguous_name_fits(staff):
    SubjectFactory(subject_id="AB123456")
    for code, name in (("atlanta-a", "Atlanta A Court"), ("atlanta-b", "Atlanta B Court")):
        ImmigrationCourtFactory(code=code, name=name)
    response = _post(staff, HEADER + "AB123456,,atlanta,2026-03-09,09:00,individual,video,,\n")
    page = response.content.decode()
    assert "Several courts match" in page
    assert "atlanta-a (Atlanta A Court), atlanta-b (Atlanta B Court)" in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("É,x\n".encode("cp1252"), "CSV UTF-8"),
        (b"name,city\nA,B\n", "Missing column"),
        (b"", "The submitted file is empty."),
    ],
)
def test_import_page_refuses_unusable_files(staff, content, message):
    upload = SimpleUploadedFile("x.csv", content, content_type="text/csv")
    response = _post(staff, upload)
    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert not Hearing.objects.exists()


def test_import_page_refuses_a_file_over_the_row_limit(staff, honolulu, settings):
    settings.STAFF_IMPORT_MAX_ROWS = 1
    SubjectFactory(subject_id="AB123456")
    row = "AB123456,,honolulu,2026-03-09,09:00,individual,video,,\n"
    response = _post(staff, HEADER + row + row.replace("09:00", "10:00"))
    assert "too many rows" in response.content.decode()
    assert not Hearing.objects.exists()


def test_import_page_keeps_what_staff_decided_about_a_court(staff, honolulu):
    from hearings.models import OperatingStatus

    honolulu.operating_status = OperatingStatus.CLOSED
    honolulu.is_active = False
    honolulu.save()
    court_header = (
        "code,name,street,city,state,zip_code,phone,time_zone,docket,is_active,"
        "needs_verification,staff_note,source\n"
    )
    response = staff.post(
        reverse("admin:hearings_immigrationcourt_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": _upload(
                court_header
                + "honolulu,Honolulu Court,9 New St,Honolulu,HI,96850,,,detained,true,false,,\n"
            ),
        },
    )
    confirm = response.context["confirm_form"]
    staff.post(
        reverse("admin:hearings_immigrationcourt_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )
    honolulu.refresh_from_db()
    assert honolulu.street == "9 New St"
    assert honolulu.operating_status == OperatingStatus.CLOSED and honolulu.is_active is False


def test_import_needs_staff_with_permission(client, honolulu):
    assert client.get(reverse(IMPORT_URL)).status_code == 302  # to the admin login
    viewer = User.objects.create_user("viewer", password="x" * 20, is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_hearing"))
    client.force_login(viewer)
    assert client.get(reverse(IMPORT_URL)).status_code == 403


def test_staff_changes_to_hearings_are_kept_in_history(staff, honolulu):
    hearing = HearingFactory(court=honolulu)
    data = _hearing_form(hearing.subject, honolulu, status=HearingStatus.CANCELLED)
    response = staff.post(reverse("admin:hearings_hearing_change", args=[hearing.pk]), data)
    assert response.status_code == 302
    latest = hearing.history.first()
    assert latest.status == HearingStatus.CANCELLED
    assert latest.history_user.username == "boss"


def _court_form(court, **overrides):
    data = {
        "name": court.name,
        "code": court.code,
        "docket": court.docket,
        "is_active": "on",
        "street": court.street,
        "city": court.city,
        "state": court.state,
        "zip_code": court.zip_code,
        "phone": "",
        "time_zone": "",
        "operating_status": "open",
        "closed_on": "",
        "status_notice_en": "",
        "status_notice_es": "",
        "staff_note": "",
        "source": "",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"operating_status": "closed_on_date"}, "Give the date only when the court is closed"),
        ({"closed_on": "2026-03-09"}, "Give the date only when the court is closed"),
        ({"zip_code": "", "city": "Nowhere", "state": "ZZ"}, "Give the court&#x27;s time zone"),
        ({"time_zone": "Mars/Olympus"}, "is not a time zone name"),
        ({"zip_code": "9685"}, "Use 5 digits"),
    ],
)
def test_bad_court_input_is_a_form_error_not_a_500(staff, honolulu, overrides, message):
    url = reverse("admin:hearings_immigrationcourt_change", args=[honolulu.pk])
    response = staff.post(url, _court_form(honolulu, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()


def test_staff_set_a_closure_with_a_translated_notice(staff, honolulu):
    url = reverse("admin:hearings_immigrationcourt_change", args=[honolulu.pk])
    response = staff.post(
        url,
        _court_form(
            honolulu,
            operating_status="closed_on_date",
            closed_on="2026-03-09",
            status_notice_en="Closed for a holiday.",
            status_notice_es="Cerrada por un día feriado.",
        ),
    )
    assert response.status_code == 302
    honolulu.refresh_from_db()
    assert honolulu.closed_on == datetime.date(2026, 3, 9)
    assert honolulu.status_notice_es == "Cerrada por un día feriado."
    assert honolulu.time_zone == "Pacific/Honolulu"  # found again from the ZIP code
