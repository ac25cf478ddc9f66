"""The signed-in state of a subject, kept in Django's server-side session.

Only the subject's primary key and the time of their last request are stored; nothing
identifying goes into the cookie. The idle timeout is enforced here, on the server
(``settings.SESSION_IDLE_TIMEOUT`` seconds), whatever the browser does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import rotate_token

from checkin_portal import clock
from checkin_portal.prepared import Prepared

if TYPE_CHECKING:
    from .models import Subject

SESSION_SUBJECT_KEY = "subject_pk"
SESSION_LAST_SEEN_KEY = "subject_last_seen"
_CACHE_ATTR = "_current_subject_cache"
NOT_READ = object()  # subjects.sessions.SessionStore.subject_read_with: not in the row


def idle_timeout_seconds() -> int:
    return int(settings.SESSION_IDLE_TIMEOUT)


def subject_sign_in(request: HttpRequest, subject: Subject) -> None:
    """Start a signed-in session: a new session key (no fixation) and CSRF secret, as
    Django's own sign-in gives staff, then the subject."""
    request.session.cycle_key()
    rotate_token(request)
    request.session[SESSION_SUBJECT_KEY] = subject.pk
    request.session[SESSION_LAST_SEEN_KEY] = clock.now().timestamp()
    setattr(request, _CACHE_ATTR, subject)


def subject_sign_out(request: HttpRequest) -> None:
    """End the session: every value goes, the key is replaced, the row is deleted, and
    the CSRF secret is new (the next person on a shared phone starts afresh)."""
    request.session.flush()
    rotate_token(request)
    setattr(request, _CACHE_ATTR, None)
    if hasattr(request, "subject"):
        request.subject = None


def has_subject_session(request: HttpRequest) -> bool:
    """Whether the session names a subject at all (expired or not)."""
    return SESSION_SUBJECT_KEY in request.session


def session_is_idle_expired(request: HttpRequest) -> bool:
    """True when a subject session exists but nothing happened for longer than the timeout."""
    if not has_subject_session(request):
        return False
    last_seen = request.session.get(SESSION_LAST_SEEN_KEY)
    if not isinstance(last_seen, int | float):
        return True
    return clock.now().timestamp() - last_seen > idle_timeout_seconds()


def touch(request: HttpRequest) -> None:
    """Record activity now (the idle timer starts again): written to the session only
    when the recorded time is ``SESSION_TOUCH_SECONDS`` old or more, so that reading a
    page does not save the session every time (one database write per request before)."""
    now = clock.now().timestamp()
    last_seen = request.session.get(SESSION_LAST_SEEN_KEY)
    if not isinstance(last_seen, int | float) or now - last_seen >= touch_seconds():
        request.session[SESSION_LAST_SEEN_KEY] = now


def touch_seconds() -> int:
    return int(getattr(settings, "SESSION_TOUCH_SECONDS", 0))


def _subject_by_pk(pk):
    from .models import Subject

    return Subject.objects.filter(pk=pk).order_by()[:1]


# Every signed-in page reads the person: the query is compiled once per process.
_SUBJECT_BY_PK = Prepared(_subject_by_pk, args={"pk": int})


def current_subject(request: HttpRequest) -> Subject | None:
    """The signed-in subject, or None (not signed in, idle too long, or record gone).

    Reads only; it never extends or ends the session (``signed_in_gate`` does that).
    No query of its own when the session's row brought the person (subjects/sessions.py);
    otherwise one the first time per request, none after.
    """
    if hasattr(request, _CACHE_ATTR):
        return getattr(request, _CACHE_ATTR)
    subject = None
    if has_subject_session(request) and not session_is_idle_expired(request):
        pk = request.session.get(SESSION_SUBJECT_KEY)
        if isinstance(pk, int):
            # Read with the session's own row when it names this person (one query for
            # both: subjects/sessions.py); otherwise on its own.
            read_with = getattr(request.session, "subject_read_with", None)
            subject = read_with(pk) if read_with is not None else NOT_READ
            if subject is NOT_READ:
                subject = _SUBJECT_BY_PK.first(pk=pk)
    setattr(request, _CACHE_ATTR, subject)
    return subject
