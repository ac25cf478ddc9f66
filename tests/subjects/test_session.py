"""The signed-in session: idle timeout on the server, End Session, no-store, keep-alive."""

import datetime

import pytest
import time_machine
from django.test import override_settings

from subjects.models import SubjectSession as Session

from .factories import SubjectFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)


def test_not_signed_in_goes_to_sign_in_with_a_path_only_next(client, my_checkin_url):
    response = client.get(my_checkin_url + "?secret=AB123456")
    assert response.status_code == 302
    assert response["Location"] == "/en/sign-in/?next=%2Fen%2Fmy-check-in%2F"
    assert "no-store" in response["Cache-Control"]


def test_private_pages_are_no_store(client, signed_in, my_checkin_url):
    signed_in(SubjectFactory())
    response = client.get(my_checkin_url)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@override_settings(SESSION_IDLE_TIMEOUT=900)
def test_idle_timeout_is_enforced_on_the_server(client, signed_in, my_checkin_url):
    with time_machine.travel(START, tick=False) as traveller:
        signed_in(SubjectFactory())
        traveller.shift(datetime.timedelta(minutes=14))
        assert client.get(my_checkin_url).status_code == 200  # activity restarts the timer
        traveller.shift(datetime.timedelta(minutes=14))
        assert client.get(my_checkin_url).status_code == 200
        traveller.shift(datetime.timedelta(minutes=15, seconds=1))
        response = client.get(my_checkin_url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/sign-in/?next=")
        page = client.get(response["Location"])
        assert "Your session ended because nothing happened for a while." in page.content.decode()
        # Flushed: going back to the private page still asks to sign in.
        assert client.get(my_checkin_url).status_code == 302
        assert not any("subject_pk" in s.get_decoded() for s in Session.objects.all()), (
            "the timed-out session must be gone"
        )


@override_settings(SESSION_IDLE_TIMEOUT=900)
def test_timeout_message_is_translated(client, signed_in):
    with time_machine.travel(START, tick=False) as traveller:
        signed_in(SubjectFactory())
        traveller.shift(datetime.timedelta(minutes=16))
        response = client.get("/es/my-check-in/", follow=True)
    assert "Su sesión terminó" in response.content.decode()


@override_settings(SESSION_IDLE_TIMEOUT=900)
def test_sign_in_page_after_timeout_says_the_session_ended(client, signed_in, sign_in_url):
    with time_machine.travel(START, tick=False) as traveller:
        signed_in(SubjectFactory())
        traveller.shift(datetime.timedelta(minutes=16))
        response = client.get(sign_in_url)
    assert response.status_code == 200
    assert "Your session ended because nothing happened" in response.content.decode()


def test_end_session_flushes_and_shows_session_ended(client, signed_in, my_checkin_url):
    signed_in(SubjectFactory())
    before = client.cookies["sessionid"].value
    response = client.post("/en/sign-out/")
    assert response.status_code == 302
    assert response["Location"] == "/en/session-ended/"
    assert not Session.objects.filter(session_key=before).exists()
    page = client.get(response["Location"])
    assert "Your session has ended" in page.content.decode()
    assert client.get(my_checkin_url).status_code == 302


def test_end_session_needs_csrf(signed_in, sign_in_url):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    subject = SubjectFactory()
    page = client.get(sign_in_url)
    token = page.context["csrf_token"]
    client.post(
        sign_in_url,
        {"subject_id": subject.subject_id, "country_of_birth": "MX", "csrfmiddlewaretoken": token},
    )
    assert client.post("/en/sign-out/").status_code == 403
    assert client.get("/en/my-check-in/").status_code == 200  # still signed in


def test_every_signed_in_page_has_end_session_and_back_link(client, signed_in, my_checkin_url):
    signed_in(SubjectFactory())
    html = client.get(my_checkin_url).content.decode()
    assert 'action="/en/sign-out/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "End Session" in html
    assert 'href="/en/my-check-in/"' in html


def test_public_pages_do_not_show_end_session(client):
    assert "End Session" not in client.get("/en/").content.decode()


@override_settings(SESSION_IDLE_TIMEOUT=900, SESSION_WARNING_SECONDS=120)
def test_warning_values_come_through_data_attributes(client, signed_in, my_checkin_url):
    signed_in(SubjectFactory())
    html = client.get(my_checkin_url).content.decode()
    assert 'data-timeout-seconds="900"' in html
    assert 'data-warning-seconds="120"' in html
    assert "your session will end in 2 minutes" in html
    assert "subjects/session-timeout.js" in html
    assert "<script>" not in html


@override_settings(SESSION_IDLE_TIMEOUT=900)
def test_keep_alive_restarts_the_timer(client, signed_in, my_checkin_url):
    with time_machine.travel(START, tick=False) as traveller:
        signed_in(SubjectFactory())
        traveller.shift(datetime.timedelta(minutes=14))
        response = client.post(
            "/en/session/keep-alive/", {"next": "/en/my-check-in/"}, HTTP_X_REQUESTED_WITH="fetch"
        )
        assert response.status_code == 204
        traveller.shift(datetime.timedelta(minutes=14))
        assert client.get(my_checkin_url).status_code == 200
        response = client.post("/en/session/keep-alive/", {"next": "https://evil.example/"})
        assert response["Location"] == "/en/my-check-in/"


def test_keep_alive_without_session_does_not_sign_in(client):
    response = client.post("/en/session/keep-alive/")
    assert response.status_code == 302
    assert response["Location"] == "/en/sign-in/"


def test_deleted_subject_ends_the_session(client, signed_in, my_checkin_url):
    subject = signed_in(SubjectFactory())
    subject.delete()
    assert client.get(my_checkin_url).status_code == 302


def test_my_checkin_marks_its_header_link_current_and_has_no_back_link(
    client, signed_in, my_checkin_url
):
    signed_in(SubjectFactory())
    html = " ".join(client.get(my_checkin_url).content.decode().split())
    assert 'aria-current="page"' in html
    assert "Back to My check-in" not in html


def test_signed_in_base_gives_other_apps_end_session_back_link_and_warning(rf):
    from django.template.loader import render_to_string
    from django.utils import translation

    request = rf.get("/en/hearing/")
    with translation.override("en"):
        html = render_to_string("signed_in_base.html", {}, request=request)
    assert 'action="/en/sign-out/"' in html and "End Session" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<a href="/en/my-check-in/">Back to My check-in</a>' in html
    assert 'id="session-timeout"' in html


def test_signing_in_and_ending_the_session_each_give_a_new_csrf_secret(sign_in_url, my_checkin_url):
    """The next person on a shared phone does not go on with the CSRF secret of the one
    before (as Django's own sign-in does for staff)."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    subject = SubjectFactory()
    page = client.get(sign_in_url)
    signed_out = client.cookies["csrftoken"].value
    client.post(
        sign_in_url,
        {
            "subject_id": subject.subject_id,
            "country_of_birth": str(subject.country_of_birth),
            "csrfmiddlewaretoken": page.context["csrf_token"],
        },
    )
    signed_in = client.cookies["csrftoken"].value
    assert signed_in != signed_out

    page = client.get(my_checkin_url)
    assert page.status_code == 200
    ended = client.post("/en/sign-out/", {"csrfmiddlewaretoken": page.context["csrf_token"]})
    assert ended["Location"] == "/en/session-ended/"
    assert client.cookies["csrftoken"].value not in {signed_out, signed_in}
