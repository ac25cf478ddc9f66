"""Reading a signed-in page does not write the session every time (issue 17): the time of
last activity is rewritten at most once per SESSION_TOUCH_SECONDS, and the idle timeout
still ends a session on the server."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from subjects.session import SESSION_LAST_SEEN_KEY

from .factories import SubjectFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)


def _session_writes(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [
        q["sql"]
        for q in queries.captured_queries
        if "subjects_subjectsession" in q["sql"]
        and not q["sql"].lstrip().upper().startswith("SELECT")
    ]


@override_settings(SESSION_IDLE_TIMEOUT=900, SESSION_TOUCH_SECONDS=60)
def test_a_page_read_soon_after_another_writes_no_session(client, signed_in, my_checkin_url):
    with time_machine.travel(START, tick=False) as traveller:
        signed_in(SubjectFactory())
        traveller.shift(datetime.timedelta(seconds=30))
        assert _session_writes(client, my_checkin_url) == []
        assert client.session[SESSION_LAST_SEEN_KEY] == START.timestamp()


@override_settings(SESSION_IDLE_TIMEOUT=900, SESSION_TOUCH_SECONDS=60)
def test_the_idle_timer_is_written_once_a_minute_at_most(client, signed_in, my_checkin_url):
    with time_machine.travel(START, tick=False) as traveller:
        signed_in(SubjectFactory())
        traveller.shift(datetime.timedelta(seconds=61))
        assert len(_session_writes(client, my_checkin_url)) == 1
        assert client.session[SESSION_LAST_SEEN_KEY] == START.timestamp() + 61


@override_settings(SESSION_IDLE_TIMEOUT=900, SESSION_TOUCH_SECONDS=60)
def test_steady_reading_keeps_the_session_and_idling_ends_it(client, signed_in, my_checkin_url):
    with time_machine.travel(START, tick=False) as traveller:
        signed_in(SubjectFactory())
        for _ in range(40):  # a page every 50 s for more than 30 minutes
            traveller.shift(datetime.timedelta(seconds=50))
            assert client.get(my_checkin_url).status_code == 200
        # Idle: the session ends at most SESSION_TOUCH_SECONDS before the full timeout.
        traveller.shift(datetime.timedelta(seconds=900 + 1))
        assert client.get(my_checkin_url).status_code == 302
