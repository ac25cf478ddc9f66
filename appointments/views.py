"""The booking flow: office → times → review → confirm → confirmation; and the person's
own appointment: print, calendar file, cancel. Views parse, call a service or selector,
render. No appointment or person id ever appears in a URL: "my appointment" is always the
signed-in person's active one."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from checkin_portal.messaging.privacy import mask_destination
from checkin_portal.messaging.selectors import latest_deliveries
from checkin_portal.per_language import path_to
from offices.forms import OfficeSearchForm
from offices.selectors import SESSION_KEY as CHOSEN_OFFICE_KEY
from offices.selectors import chosen_office
from offices.services import chosen_office_set

from . import calendar_file, lifecycle, notifications, policy, qr, selectors, services
from .forms import ConfirmForm, OfficeCodeForm, PageForm, SendDetailsForm, SlotChoiceForm
from .presentation import BookingDates, LocalTime, times_list_html
from .waitlist import selectors as waitlist_selectors

# "Your appointment is booked" on the page right after Confirm only, not each time it is
# viewed: a signed cookie naming the appointment, set by the confirm's redirect and taken
# back by that page. A session value did the same but cost the page a database write
# (issue 17). It holds an internal number, no personal data.
JUST_BOOKED_COOKIE = "portal_just_booked"
_JUST_BOOKED_SALT = "appointments.just_booked"
_JUST_BOOKED_SECONDS = 10 * 60


def _note_just_booked(response, appointment) -> None:
    response.set_signed_cookie(
        JUST_BOOKED_COOKIE,
        str(appointment.pk),
        salt=_JUST_BOOKED_SALT,
        max_age=_JUST_BOOKED_SECONDS,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _just_booked(request, appointment) -> bool:
    """Whether the request carries the note, signed, for ``appointment``."""
    noted = request.get_signed_cookie(
        JUST_BOOKED_COOKIE, default=None, salt=_JUST_BOOKED_SALT, max_age=_JUST_BOOKED_SECONDS
    )
    return noted == str(appointment.pk)


def _ineligible_redirect(request):
    messages.info(request, lifecycle.NotEligible.message)
    return HttpResponseRedirect(path_to("subjects:my_checkin"))


def _times_url(office_code: str) -> str:
    return f"{path_to('appointments:times')}?office={office_code}"


@require_GET
def times(request):
    """Bookable times at one office, soonest first, grouped by local day, paged."""
    if not policy.may_book_online(request.subject):
        return _ineligible_redirect(request)
    office_form = OfficeCodeForm(request.GET)
    page_form = PageForm(request.GET)
    if not office_form.is_valid():
        messages.error(request, _("Please choose an office first."))
        return HttpResponseRedirect(path_to("appointments:start"))
    page_number = page_form.cleaned_data.get("page") if page_form.is_valid() else 1
    office, page = selectors.bookable_office_times(
        code=office_form.cleaned_data["office"],
        page=page_number or 1,
        per_page=settings.SLOTS_PER_PAGE,
    )
    if office is None:
        messages.error(
            request, _("That office does not take online bookings. Please choose another office.")
        )
        return HttpResponseRedirect(path_to("appointments:start"))
    soonest = None
    if page.page == 1 and page.slots:
        page.slots[0].office = office
        soonest = LocalTime.of(page.slots[0])
    report_by = request.subject.report_by
    times_list = times_list_html(office=office, slots=page.slots)
    soonest_after_report_by = bool(soonest and report_by and soonest.day > report_by)
    # Only whether there is one (appointments/_replaces_notice.html).
    active = selectors.has_active_appointment(subject=request.subject)
    return render(
        request,
        "appointments/times.html",
        {
            "office": office,
            "times_list": times_list,
            "page": page,
            "soonest_after_report_by": soonest_after_report_by,
            "active": active,
            # Everything the page shows, as plain values: rendered once for them
            # (base.html, issue 17). The list of times is its own rendered HTML.
            "page_key": (
                office.shown(),
                times_list,
                page.page,
                page.has_next,
                soonest_after_report_by,
                active,
            ),
        },
    )


@require_GET
def review(request):
    """The chosen time with everything the person needs to check, and Confirm / Back."""
    if not policy.may_book_online(request.subject):
        return _ineligible_redirect(request)
    form = SlotChoiceForm(request.GET)
    slot = selectors.bookable_slot(slot_id=form.cleaned_data["slot"]) if form.is_valid() else None
    if slot is None:
        messages.error(request, lifecycle.SlotUnavailable.message)
        return HttpResponseRedirect(path_to("appointments:start"))
    return _render_review(request, slot, ConfirmForm(initial={"slot": slot.pk}))


def _render_review(request, slot, form, status=200):
    # The appointment this booking would replace: read only when the session's own query
    # found one (a first booking, the usual case, asks nothing more). Nothing is changed
    # before the review asks.
    active = None
    if selectors.has_active_appointment(subject=request.subject):
        active = selectors.active_appointment(subject=request.subject)
    return render(
        request,
        "appointments/review.html",
        {
            "slot": slot,
            "local": LocalTime.of(slot),
            "office": slot.office,
            "active": active,
            "active_local": LocalTime.of(active.slot) if active else None,
            "form": form,
            "back_url": _times_url(slot.office.code),
        },
        status=status,
    )


@require_POST
def confirm(request):
    """Book (or move to) the confirmed time. Repeating the POST shows the same booking."""
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        slot = None
        if "slot" not in form.errors:
            slot = selectors.bookable_slot(slot_id=form.cleaned_data["slot"])
        if slot is not None:
            # Only the optional contact was wrong: show it again, nothing booked.
            return _render_review(request, slot, form, status=400)
        messages.error(request, _("Please choose a time from the list."))
        return HttpResponseRedirect(path_to("appointments:start"))
    try:
        result = lifecycle.appointment_book(
            subject=request.subject,
            slot_id=form.cleaned_data["slot"],
            language=get_language(),
            contact=form.contact(),
        )
    except lifecycle.NotEligible:
        return _ineligible_redirect(request)
    except lifecycle.BookingError as error:
        messages.error(request, error.message)
        office_code = selectors.office_code_of_slot(slot_id=form.cleaned_data["slot"])
        return HttpResponseRedirect(
            _times_url(office_code) if office_code else path_to("appointments:start")
        )
    if result.replaced is not None:
        messages.success(
            request, _("Your appointment has a new time and a new confirmation number.")
        )
    # "Choose another time" comes back to the booked office first (``start``). Only an
    # office remembered from the finder that is not the booked one needs the session
    # written: otherwise the booking itself says where to come back to (issue 17: the
    # session write cost each booking a second commit).
    remembered = request.session.get(CHOSEN_OFFICE_KEY)
    if result.created and remembered:  # a repeated Confirm changes nothing
        booked_code = selectors.office_code_of_slot(slot_id=result.appointment.slot_id)
        if booked_code and remembered != booked_code:
            chosen_office_set(session=request.session, code=booked_code)
    response = HttpResponseRedirect(path_to("appointments:mine"))
    _note_just_booked(response, result.appointment)
    return response


def _mine_context(appointment):
    return {
        "appointment": appointment,
        "slot": appointment.slot,
        "office": appointment.slot.office,
        "local": LocalTime.of(appointment.slot),
        # Proof of trying to comply (printout): who booked, and when.
        "booking": BookingDates.of(appointment),
    }


@require_GET
def mine(request):
    """The person's appointment: confirmation number and every detail, with ways to keep
    a record, change or cancel it."""
    # With its waiting-list entry joined (no extra query).
    appointment = waitlist_selectors.active_with_waiting(subject=request.subject)
    if appointment is None:
        messages.info(request, _("You have no appointment booked right now."))
        return HttpResponseRedirect(path_to("subjects:my_checkin"))
    response = _render_mine(
        request, appointment, SendDetailsForm(), just_booked=_just_booked(request, appointment)
    )
    if JUST_BOOKED_COOKIE in request.COOKIES:
        response.delete_cookie(JUST_BOOKED_COOKIE, samesite="Lax")
    return response


def _render_mine(request, appointment, send_form, status=200, just_booked=False):
    context = _mine_context(appointment)
    context["just_booked"] = just_booked
    if context["local"].is_today:
        # No day-before reminder for an appointment today: do not offer or promise one.
        send_form.fields.pop("remind", None)
    context["send_form"] = send_form
    # Whether the details the person asked for went (or are still going): the page says
    # so instead of a one-off "we are sending" that a failure would make untrue.
    context["deliveries"] = latest_deliveries(about=appointment)
    entry = waitlist_selectors.open_entry(appointment)
    context["waiting_contact"] = (
        mask_destination(entry.contact_email or entry.contact_phone) if entry else None
    )
    return render(request, "appointments/mine.html", context, status=status)


@require_POST
def send_details(request):
    """Email or text the appointment to a number/address the person types (stored only if
    they also ask for the reminder)."""
    from checkin_portal.messaging import MessagingError

    appointment = selectors.active_appointment(subject=request.subject)
    if appointment is None:
        messages.info(request, _("You have no appointment booked right now."))
        return HttpResponseRedirect(path_to("subjects:my_checkin"))
    form = SendDetailsForm(request.POST)
    if not form.is_valid():
        return _render_mine(request, appointment, form, status=400)
    channel, destination = form.cleaned_data["channel"], form.cleaned_data["destination"]
    try:
        notifications.send_details(
            appointment=appointment,
            channel=channel,
            destination=destination,
            session_key=request.session.session_key,
        )
    except MessagingError as error:
        form.add_error(None, error.user_message)
        return _render_mine(request, appointment, form, status=429)
    if form.cleaned_data["remind"]:
        services.appointment_set_reminder(
            subject=request.subject, channel=channel, destination=destination
        )
    # The page it leads to says whether the message is on its way, sent, or failed.
    return HttpResponseRedirect(path_to("appointments:mine"))


@require_POST
def stop_reminders(request):
    services.appointment_stop_reminders(subject=request.subject)
    messages.success(
        request, _("We will not send you a reminder. We deleted your contact details.")
    )
    return HttpResponseRedirect(path_to("appointments:mine"))


@require_GET
def print_view(request):
    appointment = selectors.active_appointment(subject=request.subject)
    if appointment is None:
        raise Http404
    appointment.subject = request.subject  # the same row, already read: no second query
    context = _mine_context(appointment)
    context["qr_data_uri"] = qr.confirmation_qr_data_uri(appointment.display_number)
    return render(request, "appointments/print.html", context)


@require_GET
def ics(request):
    appointment = selectors.active_appointment(subject=request.subject)
    if appointment is None:
        raise Http404
    response = HttpResponse(
        calendar_file.appointment_ics(appointment), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="check-in-appointment.ics"'
    return response


@require_http_methods(["GET", "POST"])
def cancel(request):
    appointment = selectors.active_appointment(subject=request.subject)
    if request.method == "POST":
        cancelled = lifecycle.appointment_cancel(subject=request.subject)
        if cancelled is not None:
            messages.success(request, _("Your appointment is cancelled."))
        return HttpResponseRedirect(path_to("subjects:my_checkin"))
    if appointment is None:
        messages.info(request, _("You have no appointment booked right now."))
        return HttpResponseRedirect(path_to("subjects:my_checkin"))
    return render(request, "appointments/cancel.html", _mine_context(appointment))


def _office_to_come_back_to(request, has_active: bool):
    """The office the person chose in the finder, else the office of their booked
    appointment while it is open (one query each, only when asked)."""
    office = chosen_office(request)
    if office is None and has_active:
        appointment = selectors.active_appointment(subject=request.subject)
        booked = appointment.slot.office if appointment is not None else None
        office = booked if booked is not None and booked.is_active else None
    return office


@require_GET
def start(request):
    """Step 1: choose one of the three offices nearest to what the person types (the
    offices finder, reused), or the office they already chose in the public finder or,
    with an appointment, the office it is at ("Choose another time")."""
    if not policy.may_book_online(request.subject):
        return _ineligible_redirect(request)
    form = OfficeSearchForm(request.GET if "q" in request.GET else None)
    search = None
    if form.is_bound and form.is_valid():
        search = selectors.office_search_with_soonest(query=form.cleaned_data["q"])
    # Only whether there is one (appointments/_replaces_notice.html).
    active = selectors.has_active_appointment(subject=request.subject)
    search_key = getattr(search, "page_key", None)
    return render(
        request,
        "appointments/start.html",
        {
            "form": form,
            "search": search,
            "chosen": None if search else _office_to_come_back_to(request, active),
            "active": active,
            # Results that read their soonest times: the page is rendered once for
            # everything it shows (base.html, issue 17).
            "page_key": (search_key, active) if search_key else None,
            "choose_action": path_to("appointments:times"),
            "choose_method": "get",
            "choose_label": _("See times at this office"),
            "search_url": path_to("appointments:start"),
        },
    )
