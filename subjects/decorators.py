"""The gate in front of every signed-in page, whichever app owns it (applied to every
portal page that is not public by ``subjects.middleware.SignedInMiddleware``)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .services import subject_note_language
from .session import (
    current_subject,
    has_subject_session,
    session_is_idle_expired,
    subject_sign_out,
    touch,
)

SESSION_TIMED_OUT = _(
    "Your session ended because nothing happened for a while. "
    "This keeps your information safe. Please sign in again."
)


def sign_in_url(next_path: str = "") -> str:
    """The sign-in page, optionally with ``next``: a path on this site, never a query
    string (which could carry personal data) and never another host."""
    url = reverse("subjects:sign_in")
    if next_path and next_path.startswith("/") and not next_path.startswith("//"):
        url += "?" + urlencode({"next": next_path})
    return url


def signed_in_gate(request: HttpRequest) -> HttpResponseRedirect | None:
    """Let the request through (None) only with a live subject session.

    On success: ``request.subject`` is the Subject, ``request.is_private = True`` (so the
    response is ``Cache-Control: no-store``) and the idle timer restarts. After the idle
    timeout the session is flushed and the person is sent to sign in again with a
    translated "your session ended" message. Without a session: straight to sign-in.
    """
    # Whatever happens, nothing this request returns may be cached.
    request.is_private = True
    timed_out = has_subject_session(request) and session_is_idle_expired(request)
    subject = None if timed_out else current_subject(request)
    if subject is None:
        if has_subject_session(request):
            subject_sign_out(request)
        if timed_out:
            messages.warning(request, SESSION_TIMED_OUT)
        next_path = request.path if request.method == "GET" else ""
        return HttpResponseRedirect(sign_in_url(next_path))
    request.subject = subject
    touch(request)
    subject_note_language(subject=subject, language=get_language())
    return None
