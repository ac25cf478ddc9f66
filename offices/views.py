"""The public office finder and the "Choose this office" step."""

import functools

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from checkin_portal.per_language import path_to

from . import services
from .forms import ChooseOfficeForm, OfficeSearchForm


@functools.cache
def _office_search(path: str):
    return import_string(path)


@require_GET
def finder(request: HttpRequest) -> HttpResponse:
    """GET form (bookmarkable): ``?q=`` is what the person typed. The search is the one
    ``settings.OFFICE_SEARCH`` names (``selectors.office_search``, or one that reads the
    results' soonest times with it)."""
    form = OfficeSearchForm(request.GET if "q" in request.GET else None)
    search = None
    if form.is_bound and form.is_valid():
        search = _office_search(settings.OFFICE_SEARCH)(query=form.cleaned_data["q"])
    return render(
        request,
        "offices/finder.html",
        {
            "form": form,
            "search": search,
            "choose_action": path_to("offices:choose"),
            "choose_method": "post",
            "search_url": path_to("offices:finder"),
            # A search that read its soonest times has everything its page shows as
            # plain values: the page is rendered once for them (base.html, issue 17).
            "page_key": getattr(search, "page_key", None),
        },
    )


@require_http_methods(["GET", "POST"])
def choose(request: HttpRequest) -> HttpResponse:
    """Remember the chosen office's code in the session, then go on to
    ``settings.OFFICE_CHOSEN_REDIRECT`` (the booking flow, once it exists)."""
    if request.method == "GET":
        return redirect("offices:finder")
    form = ChooseOfficeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That office cannot be chosen now. Please search again."))
        return redirect("offices:finder")
    office = form.cleaned_data["office"]
    services.chosen_office_set(session=request.session, code=office.code)
    messages.success(request, _("You chose this office: %(office)s.") % {"office": office.name})
    return redirect(settings.OFFICE_CHOSEN_REDIRECT)
