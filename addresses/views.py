"""Address guidance (public) and the address change (signed in). Thin: parse, call, render.

No personal data goes into a URL: the change waits in the server-side session between
the form and "is this right?", and the receipt page shows the subject's latest change.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from checkin_portal import clock
from checkin_portal.messaging.selectors import latest_deliveries
from subjects.session import current_subject

from . import selectors, services
from .forms import AddressChangeForm, GuidanceForm
from .guidance import ADVICE, USPS_URL, Agency, Answer, guidance_plan
from .services import AddressDraft

DRAFT_KEY = "addresses:draft"
GUIDANCE_FIELDS = ("release_form", "credible_fear", "work_permit", "move_date")


def local_today() -> datetime.date:
    return clock.today_in(ZoneInfo(settings.TIME_ZONE))


def _subject_answers(subject) -> dict:
    return {
        "release_form": subject.release_form,
        "credible_fear": Answer.YES if subject.credible_fear_filed else Answer.NO,
        "work_permit": Answer.YES if subject.ead_applied else Answer.NO,
    }


@require_GET
def guidance(request: HttpRequest) -> HttpResponse:
    """Which agencies need the new address and by when. A GET form: the answers are in
    the query string, never personal (release form, yes/no, a date)."""
    today = local_today()
    subject = current_subject(request)
    if subject is not None:
        request.is_private = True  # pre-filled from a personal record
    asked = any(name in request.GET for name in GUIDANCE_FIELDS)
    if asked:
        form = GuidanceForm(request.GET, today=today)
    else:
        form = GuidanceForm(initial=_subject_answers(subject) if subject else {}, today=today)
    plan = None
    if asked and form.is_valid():
        plan = guidance_plan(
            release_form=form.cleaned_data["release_form"],
            credible_fear=form.cleaned_data["credible_fear"],
            work_permit=form.cleaned_data["work_permit"],
            move_date=form.cleaned_data["move_date"],
        )
    elif not asked and subject is not None:
        plan = guidance_plan(**_subject_answers(subject))
    return render(
        request,
        "addresses/guidance.html",
        {
            "form": form,
            "plan": plan,
            "today": today,
            "signed_in": subject is not None,
            "prefilled": subject is not None and not asked,
            "base_template": "signed_in_base.html" if subject is not None else "base.html",
            "advice": ADVICE,
            "usps_url": USPS_URL,
        },
    )


@require_http_methods(["GET", "POST"])
def change(request: HttpRequest) -> HttpResponse:
    subject = request.subject
    today = local_today()
    form_kwargs = {"today": today, "release_date": subject.release_date}
    if request.method == "POST":
        form = AddressChangeForm(request.POST, **form_kwargs)
        if form.is_valid():
            data = form.cleaned_data
            draft = AddressDraft(
                address=form.address,
                move_date=data["move_date"],
                phone=data["phone"],
                email=data["email"],
                confirmation=data["confirmation"],
                token=AddressDraft.new_token(),
            )
            request.session[DRAFT_KEY] = draft.to_session()
            return HttpResponseRedirect(reverse("addresses:confirm"))
    else:
        draft = AddressDraft.from_session(request.session.get(DRAFT_KEY) or {})
        initial = {}
        if draft is not None:  # "No, change it": start from what was typed
            initial = {
                **draft.address.as_dict(),
                "move_date": draft.move_date,
                "phone": draft.phone,
                "email": draft.email,
                "confirmation": draft.confirmation,
            }
        form = AddressChangeForm(initial=initial, **form_kwargs)
    return render(
        request,
        "addresses/change.html",
        {"form": form, "latest_day": today + datetime.timedelta(days=30)},
    )


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest) -> HttpResponse:
    subject = request.subject
    draft = AddressDraft.from_session(request.session.get(DRAFT_KEY) or {})
    if request.method == "POST":
        if draft is None or request.POST.get("token") != draft.token:
            # Sent already (a second click), or the page is stale: show what we have.
            if selectors.current_address_change(subject=subject) is not None:
                return HttpResponseRedirect(reverse("addresses:receipt"))
            messages.warning(request, _("Please fill in your new address again."))
            return HttpResponseRedirect(reverse("addresses:change"))
        try:
            result = services.address_change_submit(
                subject=subject,
                draft=draft,
                language=get_language(),
                session_key=request.session.session_key,
            )
        except services.AddressNotSaved as refused:
            # The draft stays: the form opens with what was typed, to check and send again.
            messages.error(request, refused.message)
            return HttpResponseRedirect(reverse("addresses:change"))
        request.session.pop(DRAFT_KEY, None)
        if result.message_problem:
            messages.warning(request, result.message_problem)
        return HttpResponseRedirect(reverse("addresses:receipt"))
    if draft is None:
        return HttpResponseRedirect(reverse("addresses:change"))
    plan = services.subject_plan(subject=subject, move_date=draft.move_date)
    return render(
        request,
        "addresses/confirm.html",
        {"draft": draft, "address": draft.address, "plan": plan},
    )


@require_GET
def receipt(request: HttpRequest) -> HttpResponse:
    subject = request.subject
    change = selectors.current_address_change(subject=subject)
    if change is None:
        return HttpResponseRedirect(reverse("addresses:change"))
    plan = services.subject_plan(subject=subject, move_date=change.move_date)
    return render(
        request,
        "addresses/receipt.html",
        {
            "change": change,
            "deliveries": latest_deliveries(about=change),
            "address": change.address,
            "plan": plan,
            "remaining": plan.without(Agency.ICE),
            "today": local_today(),
            "advice": ADVICE,
            "usps_url": USPS_URL,
        },
    )
