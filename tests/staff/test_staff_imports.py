"""The one staff import screen: big files go to the background (an ImportJob run by the
task worker), with a page that shows its progress to the staff member who uploaded it."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from checkin_portal.staff_imports.jobs import ProgressWriter, import_job_run
from checkin_portal.staff_imports.models import ImportJob, ImportJobStatus
from subjects.models import Subject

pytestmark = pytest.mark.django_db

ADMIN = "/staff/subjects/subject/"
HEADER = "subject_id,country_of_birth,given_names,family_names,release_form\n"


def _rows(count: int, bad_at: int | None = None) -> str:
    return "".join(
        f"AB{700000 + n},{'XX' if n == bad_at else 'MX'},Ana,Ruiz,nta\n" for n in range(count)
    )


@pytest.fixture
def boss(client):
    user = get_user_model().objects.create_superuser("boss", "b@example.invalid", "pw-long-enough")
    client.force_login(user)
    return user


@pytest.fixture
def small_sync_limit(settings):
    settings.STAFF_IMPORT_SYNC_MAX_ROWS = 3


def _upload(client, text: str):
    upload = SimpleUploadedFile("subjects.csv", text.encode(), content_type="text/csv")
    return client.post(ADMIN + "import/", {"resource": "0", "format": "0", "import_file": upload})


def test_a_big_file_is_imported_in_the_background_and_its_page_says_so(
    client, boss, small_sync_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, HEADER + _rows(5))
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:staff_imports_importjob_change", args=[job.pk])
    job.refresh_from_db()
    assert job.status == ImportJobStatus.DONE
    assert (job.total_rows, job.processed_rows, job.created_count) == (5, 5, 5)
    assert job.content == ""  # the file is not kept once imported
    assert Subject.objects.count() == 5
    assert Subject.history.filter(history_user=boss).count() == 5
    page = client.get(response["Location"]).content.decode()
    assert "Imported: 5 created, 0 updated, 0 unchanged." in page
    assert 'http-equiv="refresh"' not in page


def test_a_big_file_with_a_bad_row_saves_nothing_and_lists_the_problem(
    client, boss, small_sync_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, HEADER + _rows(5, bad_at=3))
    job = ImportJob.objects.get()
    job.refresh_from_db()
    assert job.status == ImportJobStatus.FAILED
    assert job.error_count == 1 and job.errors[0][0] == 5  # line 5: the fourth row
    assert not Subject.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "1 problem found. Nothing was saved." in page
    assert "country_of_birth" in page


def test_a_small_file_stays_on_the_screen(client, boss, small_sync_limit):
    response = _upload(client, HEADER + _rows(3))
    assert response.status_code == 200
    assert response.context["confirm_form"] is not None
    assert "The file is correct. Importing it would create 3" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_running_job_page_refreshes_itself_and_shows_progress(client, boss):
    job = ImportJob.objects.create(
        created_by=boss,
        resource="subjects.resources.SubjectResource",
        title="subjects",
        file_name="big.csv",
        status=ImportJobStatus.RUNNING,
        total_rows=100_000,
        processed_rows=25_000,
    )
    page = client.get(reverse("admin:staff_imports_importjob_change", args=[job.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'http-equiv="refresh"' in html
    assert "25000 of 100000 rows read (25%)" in html


def test_a_job_is_seen_only_by_its_uploader_and_superusers(client, boss):
    job = ImportJob.objects.create(
        created_by=boss, resource="x.Y", title="subjects", file_name="secret-file.csv"
    )
    clerk = get_user_model().objects.create_user("clerk", password="x" * 20, is_staff=True)
    client.force_login(clerk)
    response = client.get(reverse("admin:staff_imports_importjob_change", args=[job.pk]))
    assert response.status_code in {302, 403, 404}
    listing = client.get(reverse("admin:staff_imports_importjob_changelist"))
    assert "secret-file.csv" not in listing.content.decode()


def test_a_job_runs_once(boss):
    job = ImportJob.objects.create(
        created_by=boss,
        resource="subjects.resources.SubjectResource",
        title="subjects",
        content=HEADER + _rows(2),
        total_rows=2,
    )
    assert import_job_run(job_id=job.pk) == ImportJobStatus.DONE
    assert import_job_run(job_id=job.pk) == "not waiting"
    assert Subject.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_progress_is_visible_before_the_import_commits():
    user = get_user_model().objects.create_user("someone", password="x" * 20, is_staff=True)
    job = ImportJob.objects.create(created_by=user, resource="x.Y", title="subjects")
    with transaction.atomic():  # as the import's own transaction
        writer = ProgressWriter(job.pk)
        writer(7_000)
        writer.close()
        assert ImportJob.objects.get(pk=job.pk).processed_rows == 7_000
