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


@pytest.mark.django_db(transaction=True)
def test_a_session_is_written_in_one_statement_outside_a_transaction(sign_in_url):
    """Issue 17: one INSERT or UPDATE is atomic on its own; Django's backend wraps it in a
    transaction of its own (BEGIN and COMMIT: two more round trips)."""
    subject = SubjectFactory(last_language="en")
    seen = []

    def record(execute, sql, params, many, context):
        if "subjects_subjectsession" in sql and not sql.startswith("SELECT"):
            seen.append((sql.split()[0], connection.in_atomic_block))
        return execute(sql, params, many, context)

    browser = Client()
    with connection.execute_wrapper(record):
        browser.post(sign_in_url, {"subject_id": subject.subject_id, "country_of_birth": "MX"})
        browser.post("/en/sign-out/")
    assert ("INSERT", False) in seen
    assert all(in_transaction is False for _verb, in_transaction in seen)


@pytest.mark.django_db(transaction=True)
def test_a_session_ended_elsewhere_is_not_written_back(sign_in_url):
    from django.contrib.sessions.backends.base import UpdateError

    from subjects.sessions import SessionStore

    store = SessionStore()
    store["x"] = 1
    store.save()
    SubjectSession.objects.filter(session_key=store.session_key).delete()
    store["x"] = 2
    with pytest.raises(UpdateError):
        store.save()
    assert not SubjectSession.objects.exists()
