"""Pages of the waiting list and of the links in messages.

Signed in: "Tell me if an earlier time opens" (``earlier``) and its Stop button. Public
(on ``subjects.middleware.PUBLIC_VIEWS``; the link is the key, nothing personal in it):
an offer (take it / no thanks / stop), and "I cannot come". Public pages are no-store and
rate-limited per client address; they show no name or number, only the date, time and
office."""

import logging

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from checkin_portal import clock
from checkin_portal.client_address import client_address
from checkin_portal.counters import count_hit
from checkin_portal.messaging import InvalidDestination
from checkin_portal.outages import CACHE_ERRORS
from checkin_portal.phones import phone_text

from ..presentation import LocalTime
from . import answers, links, selectors, services
from .forms import AnswerForm, EarlierTimesForm

logger = logging.getLogger(__name__)
LINK_PAGE_LIMIT = 60  # requests per client address per window
LINK_PAGE_WINDOW = 10 * 60  # seconds


def _limited(request) -> bool:
    """Whether this address opened link pages too often. When the cache cannot count
    (ADR 0010), the page is served: the link's own key is what protects it."""
    try:
        hits = count_hit(f"waitlist-link:{client_address(request)}", timeout=LINK_PAGE_WINDOW)
    except CACHE_ERRORS:
        logger.warning("waitlist: link page not counted (cache unavailable)")
        return False
    return hits > LINK_PAGE_LIMIT


def _too_many(request):
    return render(request, "appointments/waitlist/too_many.html", status=429)


@require_http_methods(["GET", "POST"])
def earlier(request):
    """'Tell me if an earlier time opens' for the signed-in person's appointment."""
    appointment = selectors.active_with_waiting(subject=request.subject)
    if appointment is None:
        messages.info(request, _("You have no appointment booked right now."))
        return HttpResponseRedirect(reverse("subjects:my_checkin"))
    choices = selectors.office_choices(appointment)
    entry = selectors.open_entry(appointment)
    if request.method == "POST":
        form = EarlierTimesForm(request.POST, office_choices=choices)
        if form.is_valid():
            try:
                services.entry_join(
                    subject=request.subject,
                    office_ids=form.cleaned_data["offices"],
                    channel=form.cleaned_data["channel"],
                    destination=form.cleaned_data["destination"],
                )
            except (services.NotWaiting, InvalidDestination):
                messages.error(request, _("Please check your details and try again."))
                return HttpResponseRedirect(reverse("appointments:earlier"))
            messages.success(request, _("We will tell you if an earlier time opens."))
            return HttpResponseRedirect(reverse("appointments:mine"))
        status = 400
    else:
        initial = {"offices": [appointment.slot.office_id]}
        if entry is not None:
            initial = {
                "offices": list(entry.offices.values_list("pk", flat=True)),
                "channel": "email" if entry.contact_email else "sms",
                # The person's own number as they read it, never E.164.
                "destination": entry.contact_email or phone_text(entry.contact_phone),
            }
        form = EarlierTimesForm(initial=initial, office_choices=choices)
        status = 200
    return render(
        request,
        "appointments/waitlist/earlier.html",
        {"form": form, "appointment": appointment, "local": LocalTime.of(appointment.slot)},
        status=status,
    )


@require_POST
def earlier_stop(request):
    appointment = selectors.active_with_waiting(subject=request.subject)
    entry = selectors.open_entry(appointment) if appointment else None
    if entry is not None:
        services.entry_stop(entry_id=entry.pk)
    messages.success(
        request, _("We will not send you earlier times. We deleted your contact details.")
    )
    return HttpResponseRedirect(reverse("appointments:mine"))


def _offer_page(request, view: answers.OfferView, token: str, status=200):
    offer = view.offer
    context = {"view": view, "outcome": view.outcome.value, "token": token}
    if offer is not None:
        context["local"] = LocalTime.of(offer.slot)
        context["office"] = offer.slot.office
        context["current"] = LocalTime.of(offer.entry.appointment.slot)
        if offer.appointment is not None:
            context["new_appointment"] = offer.appointment
    if view.outcome is answers.Outcome.UNKNOWN:
        status = 404
    return render(request, "appointments/waitlist/offer.html", context, status=status)


def offer(request, token: str):
    """An earlier time held for the person: take it or say no. A second answer shows the
    first one's result."""
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return _offer_page(request, answers.offer_read(token=token), token, status=400)
        view = answers.offer_answer(token=token, accept=form.cleaned_data["answer"] == "yes")
        return _offer_page(request, view, token)
    return _offer_page(request, answers.offer_read(token=token), token)


def offer_stop(request, token: str):
    """'Stop these messages' from an offer's link: a confirm page, then the stop."""
    if request.method == "POST":
        view = answers.offer_stop(token=token)
    else:
        view = answers.offer_read(token=token)
    status = 404 if view.outcome is answers.Outcome.UNKNOWN else 200
    return render(
        request,
        "appointments/waitlist/offer_stop.html",
        {"view": view, "token": token, "done": request.method == "POST"},
        status=status,
    )


def cannot_come(request, token: str):
    """'I cannot come' from a message, without signing in: the appointment's date, time
    and office, and a button that cancels it."""
    appointment_id = links.read_cannot_come(token)
    appointment = None
    if appointment_id is not None:
        if request.method == "POST":
            appointment = answers.cannot_come_cancel(appointment_id=appointment_id)
        else:
            appointment = answers.cannot_come_read(appointment_id=appointment_id)
    if appointment is None:
        return render(request, "appointments/waitlist/cannot_come.html", {}, status=404)
    return render(
        request,
        "appointments/waitlist/cannot_come.html",
        {
            "appointment": appointment,
            "local": LocalTime.of(appointment.slot),
            "office": appointment.slot.office,
            "token": token,
            "just_cancelled": request.method == "POST",
            "passed": appointment.slot.starts_at <= clock.now(),
        },
    )


LINK_KINDS = {links.OFFER: offer, links.STOP: offer_stop, links.CANNOT_COME: cannot_come}


@require_http_methods(["GET", "POST"])
def link(request, kind: str, token: str):
    """Every link a message carries (one public view, see ``links``)."""
    request.is_private = True  # no-store: the page is reached with a key
    if _limited(request):
        return _too_many(request)
    page = LINK_KINDS.get(kind)
    if page is None:
        raise Http404
    return page(request, token)
