"""Sign-in, End Session, the "session ended" page and "My check-in". Thin: parse, call, render."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from checkin_portal.messaging.selectors import latest_deliveries
from checkin_portal.per_language import path_to
from checkin_portal.redirects import safe_next
from checkin_portal.templatetags.portal_tags import phone_display

from . import selectors, services
from .decorators import SESSION_TIMED_OUT
from .forms import SignInForm, captcha_enabled
from .session import (
    current_subject,
    has_subject_session,
    session_is_idle_expired,
    subject_sign_out,
)

NO_MATCH = gettext_lazy(
    "We could not sign you in with that Subject ID and country of birth. "
    "Check both against your papers and try again."
)


def _safe_next(request: HttpRequest) -> str:
    return safe_next(request, request.POST.get("next") or request.GET.get("next") or "")


def _lockout_message(minutes: int) -> str:
    """The words escaped, the help line's number isolated and readable (``phone_display``)."""
    words = ngettext(
        "Too many tries did not match. For your safety, sign-in is paused for %(minutes)d "
        "minute. Try again after that, or call the help line at %(phone)s.",
        "Too many tries did not match. For your safety, sign-in is paused for %(minutes)d "
        "minutes. Try again after that, or call the help line at %(phone)s.",
        minutes,
    )
    phone = phone_display(settings.HELP_LINE_PHONE)
    return mark_safe(escape(words) % {"minutes": minutes, "phone": phone})  # noqa: S308 - escaped


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    # The page may show a person's own typed values back: keep it out of caches.
    request.is_private = True
    if request.method == "GET":
        if has_subject_session(request) and session_is_idle_expired(request):
            subject_sign_out(request)
            messages.warning(request, SESSION_TIMED_OUT)
        elif current_subject(request) is not None:
            return HttpResponseRedirect(_safe_next(request) or path_to("subjects:my_checkin"))
        form = SignInForm()
        status = 200
    else:
        form = SignInForm(request.POST)
        status = 200
        if form.is_valid():
            result = services.sign_in_attempt(
                request=request,
                subject_id=form.cleaned_data["subject_id"],
                country_of_birth=form.cleaned_data["country_of_birth"],
            )
            if result.ok:
                return HttpResponseRedirect(_safe_next(request) or path_to("subjects:my_checkin"))
            if result.lockout is not None:
                form.add_error(None, _lockout_message(result.lockout.minutes_left))
                status = 429
            else:
                form.add_error(None, NO_MATCH)
    next_path = _safe_next(request)
    captcha = captcha_enabled()
    return render(
        request,
        "subjects/sign_in.html",
        {
            "form": form,
            "next": next_path,
            "captcha_enabled": captcha,
            # The empty page shows nothing of anyone's: rendered once (base.html, issue
            # 17). Not with a page to go back to (any path: no key to keep pages under)
            # nor with a form sent back (what the person typed).
            "page_key": ("sign_in", captcha) if not (form.is_bound or next_path) else None,
        },
        status=status,
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    """End Session: flush everything, then a page that says so (POST → redirect → GET)."""
    request.is_private = True
    subject_sign_out(request)
    return HttpResponseRedirect(path_to("subjects:session_ended"))


def session_ended(request: HttpRequest) -> HttpResponse:
    request.is_private = True
    if has_subject_session(request) and session_is_idle_expired(request):
        subject_sign_out(request)
    return render(request, "subjects/session_ended.html")


@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """ "Stay signed in": the decorator has already restarted the idle timer."""
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    return HttpResponseRedirect(_safe_next(request) or path_to("subjects:my_checkin"))


@require_http_methods(["GET"])
def my_checkin(request: HttpRequest) -> HttpResponse:
    # Appointments build on subjects, so this read reaches "up" lazily, on purpose: My
    # check-in is where a person's obligations come together.
    from appointments.presentation import LocalTime
    from appointments.selectors import checkin_appointments, closure_reason

    active_appointment, cancelled_by_office = checkin_appointments(subject=request.subject)
    office_closed_because = (
        closure_reason(appointment=cancelled_by_office) if cancelled_by_office else ""
    )
    status = selectors.checkin_status(request.subject, active_appointment=active_appointment)
    return render(
        request,
        "subjects/my_checkin.html",
        {
            "subject": request.subject,
            "status": status,
            "active_appointment": active_appointment,
            "active_local": LocalTime.of(active_appointment.slot) if active_appointment else None,
            # Did the details we sent about it arrive? (one query, only with an appointment)
            "deliveries": latest_deliveries(about=active_appointment) if active_appointment else [],
            "cancelled_by_office": cancelled_by_office,
            "cancelled_local": LocalTime.of(cancelled_by_office.slot)
            if cancelled_by_office
            else None,
            "office_closed_because": office_closed_because,
            "show_back_link": False,  # this is the page the link leads to
        },
    )
