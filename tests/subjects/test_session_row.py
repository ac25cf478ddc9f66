"""The session row names the signed-in person (subjects/sessions.py, issue 17): a signed-in
page reads its session and its person in one query, and what it shows of the person is
true at once after staff act (an edit, a deletion)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from subjects.models import Subject, SubjectSession

from .factories import SubjectFactory

pytestmark = pytest.mark.django_db


def test_one_query_reads_the_session_and_the_person(client, signed_in, my_checkin_url):
    subject = signed_in(SubjectFactory(last_language="en"))
    assert SubjectSession.objects.get().subject_id == subject.pk
    with CaptureQueriesContext(connection) as queries:
        assert client.get(my_checkin_url).status_code == 200
    reads = [q["sql"] for q in queries.captured_queries if "subjects_subject" in q["sql"]]
    assert len(reads) == 1
    assert "subjects_subjectsession" in reads[0]  # the same statement


def test_a_name_changed_by_staff_shows_at_once(client, signed_in, my_checkin_url):
    subject = signed_in(SubjectFactory(given_names="Ana", last_language="en"))
    assert "Ana" in client.get(my_checkin_url).content.decode()
    Subject.objects.filter(pk=subject.pk).update(given_names="Beatriz")
    html = client.get(my_checkin_url).content.decode()
    assert "Beatriz" in html and "Ana" not in html


def test_a_person_deleted_by_staff_is_signed_out(client, signed_in, my_checkin_url):
    subject = signed_in(SubjectFactory())
    subject.delete()
    assert not SubjectSession.objects.exists()  # their sessions went with them
    response = client.get(my_checkin_url)
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_a_visitor_who_is_not_signed_in_has_a_row_with_no_person(sign_in_url):
    browser = Client()
    browser.post(sign_in_url, {"subject_id": "", "country_of_birth": "MX"})
    assert all(row.subject_id is None for row in SubjectSession.objects.all())


def test_signing_out_removes_the_row(client, signed_in, my_checkin_url):
    signed_in(SubjectFactory())
    assert SubjectSession.objects.count() == 1
    client.post("/en/sign-out/")
    assert not SubjectSession.objects.filter(subject__isnull=False).exists()
