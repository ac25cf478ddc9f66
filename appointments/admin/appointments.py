import datetime

from django.contrib import admin, messages
from django.db.models import Q
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, resources
from import_export.admin import ExportActionMixin

from checkin_portal import clock
from checkin_portal.admin_history import HistoryAdmin
from checkin_portal.admin_time import ZonedDateTimeWidget
from checkin_portal.places.zones import with_zone

from .. import lifecycle
from ..availability import local_day_bounds, office_zone
from ..confirmation import normalise_confirmation_number
from ..models import Appointment, AppointmentStatus
from ..presentation import LocalTime
from .scoping import OfficeScoped


class AppointmentResource(resources.ModelResource):
    """CSV export for staff. Reminder contact details are left out on purpose."""

    confirmation = fields.Field(attribute="display_number", column_name="confirmation_number")
    subject_id = fields.Field(attribute="subject__subject_id", column_name="subject_id")
    office = fields.Field(attribute="slot__office__code", column_name="office")
    starts_at = fields.Field(attribute="slot__starts_at", column_name="starts_at_utc")
    # What the person was told: the office's wall time and zone (issue 14).
    starts_at_local = fields.Field(column_name="starts_at_office_time")
    created_at = fields.Field(
        attribute="created_at", column_name="created_at", widget=ZonedDateTimeWidget()
    )

    class Meta:
        model = Appointment
        fields = (
            "confirmation",
            "subject_id",
            "office",
            "starts_at",
            "starts_at_local",
            "status",
            "language",
            "created_at",
        )
        export_order = fields

    def dehydrate_starts_at_local(self, appointment) -> str:
        return with_zone(appointment.slot.starts_at, office_zone(appointment.slot.office))


@admin.register(Appointment)
class AppointmentAdmin(OfficeScoped, ExportActionMixin, HistoryAdmin):
    resource_classes = [AppointmentResource]
    office_lookup = "slot__office"
    # Export plus a "Day roster" link.
    import_export_change_list_template = "admin/appointments/appointment/change_list.html"
    list_display = ("display_number", "subject_id", "office", "local_start", "status")
    list_filter = ("status", "slot__office__state", "slot__office")
    list_select_related = ("subject", "slot__office")
    date_hierarchy = "slot__starts_at"
    search_fields = ("confirmation_number", "subject__subject_id")
    search_help_text = _("Confirmation number (with or without the dash) or Subject ID.")
    readonly_fields = (
        "confirmation_number",
        "subject",
        "slot",
        "status",
        "replaces",
        "language",
        "wants_reminder",
        "reminder_sent_at",
        "created_at",
        "updated_at",
        "cancelled_by_closure",
        "handled_by",
    )
    exclude = ("reminder_email", "reminder_phone")
    actions = ("mark_checked_in", "undo_check_in", "mark_no_show")

    def has_add_permission(self, request):
        return False  # people book online; staff never create bookings behind the counters

    def has_delete_permission(self, request, obj=None):
        return False  # history matters: cancel or mark instead

    def get_search_results(self, request, queryset, search_term):
        """Exact matches on a normalised confirmation number or Subject ID (fast, indexed)."""
        term = search_term.strip()
        if not term:
            return queryset, False
        code = normalise_confirmation_number(term)
        subject_id = "".join(ch for ch in term.upper() if ch.isalnum())
        condition = Q(subject__subject_id=subject_id)
        if code:
            condition |= Q(confirmation_number=code)
        return queryset.filter(condition), False

    @admin.display(description=_("Subject ID"), ordering="subject__subject_id")
    def subject_id(self, appointment):
        return appointment.subject.subject_id

    @admin.display(description=_("office"), ordering="slot__office__code")
    def office(self, appointment):
        return appointment.slot.office.code

    @admin.display(description=_("time (office time)"), ordering="slot__starts_at")
    def local_start(self, appointment):
        return with_zone(appointment.slot.starts_at, appointment.slot.office)

    def _transition(self, request, queryset, transition, done_message):
        """Apply a lifecycle transition to each selected appointment; say how many were
        done and, for each one refused, which and why."""
        done = 0
        for appointment in queryset.order_by("pk"):
            try:
                transition(appointment_id=appointment.pk, by=request.user)
            except lifecycle.TransitionRefused as refused:
                messages.warning(
                    request,
                    _("%(number)s not changed: %(reason)s")
                    % {"number": appointment.display_number, "reason": refused.message},
                )
            else:
                done += 1
        if done:
            messages.success(request, done_message(done))

    @admin.action(description=_("Mark as checked in"))
    def mark_checked_in(self, request, queryset):
        self._transition(
            request,
            queryset,
            lifecycle.appointment_check_in,
            lambda n: ngettext("%d person checked in.", "%d people checked in.", n) % n,
        )

    @admin.action(description=_("Undo check-in (marked by mistake)"))
    def undo_check_in(self, request, queryset):
        self._transition(
            request,
            queryset,
            lifecycle.appointment_undo_check_in,
            lambda n: ngettext("%d check-in undone.", "%d check-ins undone.", n) % n,
        )

    @admin.action(description=_("Mark as did not come"))
    def mark_no_show(self, request, queryset):
        self._transition(
            request,
            queryset,
            lifecycle.appointment_mark_no_show,
            lambda n: (
                ngettext("%d appointment marked as missed.", "%d appointments marked as missed.", n)
                % n
            ),
        )

    # --- Day roster: a printable list of one office's appointments on one day.

    def get_urls(self):
        roster = path(
            "roster/",
            self.scoped_view(self.roster_view),
            name="appointments_appointment_roster",
        )
        return [roster, *super().get_urls()]

    def roster_view(self, request):
        offices = self.offices_in_scope(request).order_by("code")
        office = offices.filter(code=request.GET.get("office", "")).first()
        try:
            day = datetime.date.fromisoformat(request.GET.get("day", ""))
        except ValueError:
            day = clock.today_in(office_zone(office)) if office else clock.now().date()
        rows = []
        if office is not None:
            start, end = local_day_bounds(day, office_zone(office))
            rows = [
                (LocalTime.of(a.slot), a)
                for a in Appointment.objects.select_related("subject", "slot__office")
                .filter(
                    slot__office=office,
                    slot__starts_at__gte=start,
                    slot__starts_at__lt=end,
                    status__in=[
                        AppointmentStatus.BOOKED,
                        AppointmentStatus.CHECKED_IN,
                        AppointmentStatus.NO_SHOW,
                    ],
                )
                .order_by("slot__starts_at", "subject__family_names")
            ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Day roster"),
            "offices": offices,
            "office": office,
            "day": day,
            "rows": rows,
            "opts": self.model._meta,
        }
        return render(request, "admin/appointments/roster.html", context)
