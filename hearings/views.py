"""The signed-in person's hearing details, its printable view and its calendar file.
Thin: read, render. Nothing here takes an id: it is always request.subject's own data."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from checkin_portal import clock

from . import ical, selectors
from .presentation import FORMAT_EXPLANATIONS, TYPE_EXPLANATIONS, court_notice


def _context(request: HttpRequest) -> dict:
    overview = selectors.hearing_overview(subject_id=request.subject.pk)
    hearing = overview.next_hearing
    return {
        "overview": overview,
        "hearing": hearing,
        "court_notice": court_notice(hearing) if hearing else None,
        "type_explanation": TYPE_EXPLANATIONS[hearing.hearing_type] if hearing else "",
        "format_explanation": FORMAT_EXPLANATIONS[hearing.hearing_format] if hearing else "",
        "case_info_url": settings.EOIR_CASE_INFO_URL,
        "case_info_phone": settings.EOIR_CASE_INFO_PHONE,
    }


@require_http_methods(["GET"])
def detail(request: HttpRequest) -> HttpResponse:
    return render(request, "hearings/detail.html", _context(request))


@require_http_methods(["GET"])
def print_view(request: HttpRequest) -> HttpResponse:
    return render(request, "hearings/print.html", {**_context(request), "show_back_link": False})


@require_http_methods(["GET"])
def calendar_file(request: HttpRequest) -> HttpResponse:
    hearing = selectors.next_hearing(subject_id=request.subject.pk)
    if hearing is None:
        messages.info(
            request, _("There is no upcoming hearing on record, so there is no calendar file.")
        )
        return HttpResponseRedirect(reverse("hearings:detail"))
    response = HttpResponse(
        ical.hearing_calendar(hearing=hearing, now=clock.now()),
        content_type="text/calendar; charset=utf-8",
    )
    filename = ical.hearing_calendar_filename(hearing)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
