"""The capacity page (issue 16): where the waits are longest across the offices a staff
member may see, each office's open seats against bookings for the next weeks, no-shows,
the waiting list, CSV exports, and the form that adds a one-off extra session.

A mixin of the office admin (``appointments/admin/offices.py``): its URL goes through the
office scoping (``OfficeScoped.scoped_view``: the office view permission; offices only
from ``offices_in_scope``), and adding a session also needs the permission to add opening
rules, which the session is."""

import csv

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from checkin_portal.places.zones import with_zone
from checkin_portal.staff_formats import escape_formula
from offices.models import takes_online_bookings

from ..availability import ExtraSessionRefused, extra_session_add
from .capacity_charts import waits_chart, weeks_chart
from .capacity_data import WEEKS, office_figures, offices_figures
from .capacity_forms import ExtraSessionForm

ADD_SESSION_PERMISSION = "appointments.add_schedulerule"


class CapacityViews:
    """Adds ``capacity/`` (name ``offices_office_capacity``) to an OfficeScoped admin."""

    def get_urls(self):
        capacity = path(
            "capacity/",
            self.scoped_view(self.capacity_view),
            name="offices_office_capacity",
        )
        return [capacity, *super().get_urls()]

    def capacity_view(self, request):
        offices = self.offices_in_scope(request)
        code = (request.POST if request.method == "POST" else request.GET).get("office", "")
        if request.method == "POST" and not code:
            raise BadRequest("No office.")
        if not code:
            return self._overview(request, offices)
        office = offices.filter(code=code.strip().upper()[:40]).first()
        if office is None:
            raise Http404
        if request.method == "POST":
            return self._add_session(request, office)
        return self._office_page(request, office, ExtraSessionForm(office=office))

    def _overview(self, request, offices):
        ids = offices.filter(takes_online_bookings()).values_list("pk", flat=True)
        figures = offices_figures(office_ids=ids)
        if request.GET.get("format") == "csv":
            return _overview_csv(figures)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Capacity and waits"),
            "figures": figures,
            "chart": waits_chart(figures),
            "weeks": WEEKS,
            "opts": self.model._meta,
        }
        return render(request, "admin/appointments/capacity.html", context)

    def _office_page(self, request, office, form, status=200):
        figures = office_figures(office=office)
        if request.GET.get("format") == "csv" and request.method == "GET":
            return _office_csv(figures)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Capacity: %(office)s") % {"office": office.name},
            "office": office,
            "each": figures,
            "chart": weeks_chart(figures.weeks),
            "weeks": WEEKS,
            "form": form,
            "may_add": request.user.has_perm(ADD_SESSION_PERMISSION),
            "opts": self.model._meta,
        }
        return render(request, "admin/appointments/capacity_office.html", context, status=status)

    def _add_session(self, request, office):
        if not request.user.has_perm(ADD_SESSION_PERMISSION):
            raise PermissionDenied
        form = ExtraSessionForm(request.POST, office=office)
        if not form.is_valid():
            return self._office_page(request, office, form, status=400)
        try:
            report = extra_session_add(office=office, **form.cleaned_data)
        except ExtraSessionRefused as refused:
            form.add_error(None, refused.message)
            return self._office_page(request, office, form, status=400)
        messages.success(
            request,
            ngettext(
                "%(count)d time added. People on the waiting list are offered it first.",
                "%(count)d times added. People on the waiting list are offered them first.",
                len(report.slot_ids),
            )
            % {"count": len(report.slot_ids)},
        )
        url = reverse("admin:offices_office_capacity")
        return HttpResponseRedirect(f"{url}?office={office.code}")


def _csv_response(filename: str) -> tuple[HttpResponse, object]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, csv.writer(response)


def _cells(values) -> list[str]:
    return [escape_formula("" if value is None else str(value)) for value in values]


def _overview_csv(figures) -> HttpResponse:
    response, writer = _csv_response("capacity-overview.csv")
    writer.writerow(
        [
            "office",
            "name",
            "days_to_soonest",
            "soonest_local",
            f"open_seats_next_{WEEKS}_weeks",
            f"booked_next_{WEEKS}_weeks",
            "no_show_percent",
            "waiting",
            "offers_accepted",
            "offers_expired",
        ]
    )
    for each in figures:
        writer.writerow(
            _cells(
                [
                    each.office.code,
                    each.office.name,
                    each.days_to_soonest,
                    with_zone(each.soonest, each.soonest.tzinfo) if each.soonest else "",
                    each.open_seats,
                    each.booked,
                    each.no_show_percent,
                    each.waiting,
                    each.offers_accepted,
                    each.offers_expired,
                ]
            )
        )
    return response


def _office_csv(figures) -> HttpResponse:
    response, writer = _csv_response(f"capacity-{figures.office.code}.csv")
    writer.writerow(["week_starts", "week_ends", "open_seats", "booked"])
    for week in figures.weeks:
        writer.writerow(
            _cells([week.starts_on.isoformat(), week.ends_on.isoformat(), week.open, week.booked])
        )
    return response
