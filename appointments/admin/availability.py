import csv

from django.contrib import admin, messages
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from checkin_portal.admin_history import HistoryAdmin
from checkin_portal.places.zones import with_zone
from checkin_portal.staff_formats import escape_formula

from ..availability import closure_apply
from ..models import Closure, ScheduleRule, Slot
from ..presentation import LocalTime
from ..selectors import closure_call_list
from .forms import ClosureForm, ScheduleRuleForm, SlotForm
from .scoping import OfficeScoped


def apply_closure(request, closure: Closure) -> None:
    """Block the closed days and cancel their appointments (the lifecycle queues a message
    to everyone who left a contact, after the commit); say who could not be told."""
    report = closure_apply(closure=closure)
    messages.info(
        request,
        ngettext(
            "%(slots)d time blocked; %(count)d appointment cancelled.",
            "%(slots)d times blocked; %(count)d appointments cancelled.",
            len(report.cancelled),
        )
        % {"slots": report.blocked_slots, "count": len(report.cancelled)},
    )
    if report.told:
        messages.info(
            request,
            ngettext("%d person was sent a message.", "%d people were sent a message.", report.told)
            % report.told,
        )
    if report.not_told:
        call_list = reverse("admin:appointments_closure_call_list", args=[closure.pk])
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                ngettext(
                    "%d person left no contact: call them.",
                    "%d people left no contact: call them.",
                    report.not_told,
                )
                % report.not_told,
                call_list,
                _("Call list"),
            ),
        )


@admin.register(ScheduleRule)
class ScheduleRuleAdmin(OfficeScoped, HistoryAdmin):
    form = ScheduleRuleForm
    list_display = ("office", "__str__", "slot_minutes", "capacity", "valid_from", "valid_to")
    list_filter = ("office__state",)
    search_fields = ("office__code", "office__name")

    def get_fields(self, request, obj=None):
        return ["office", *ScheduleRuleForm.Meta.fields]


@admin.register(Closure)
class ClosureAdmin(OfficeScoped, HistoryAdmin, TranslationAdmin):
    form = ClosureForm
    # The standard reason comes first; the text boxes (one per language) only override it.
    fields = ("office", "starts_on", "ends_on", "reason_kind", "reason")
    list_display = ("starts_on", "ends_on", "office", "reason_kind", "reason")
    list_filter = ("reason_kind", "office__state")
    date_hierarchy = "starts_on"
    search_fields = ("reason", "office__code", "office__name")
    # A closure of every office is seen by all staff (it closes their office too); only a
    # superuser makes or changes one.
    shared_when_unassigned = True

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not request.user.is_superuser and "office" in form.base_fields:
            # Staff close their own office; "every office" is a superuser's decision.
            form.base_fields["office"].required = True
            form.base_fields["office"].empty_label = None
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        apply_closure(request, obj)

    def get_fields(self, request, obj=None):
        return [*self.fields, "call_list"] if obj is not None else list(self.fields)

    def get_readonly_fields(self, request, obj=None):
        return ["call_list"] if obj is not None else []

    @admin.display(description=_("People to call"))
    def call_list(self, closure):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:appointments_closure_call_list", args=[closure.pk]),
            _("Call list: people the office could not tell"),
        )

    # --- Call list: whom staff must phone because no message could reach them.

    def get_urls(self):
        call_list = path(
            "<int:object_id>/call-list/",
            self.scoped_view(self.call_list_view),
            name="appointments_closure_call_list",
        )
        return [call_list, *super().get_urls()]

    def call_list_view(self, request, object_id):
        closure = self.get_queryset(request).filter(pk=object_id).first()
        if closure is None:
            raise Http404
        rows = [
            (LocalTime.of(a.slot), a)
            for a in closure_call_list(closure=closure, offices=self.offices_in_scope(request))
        ]
        if request.GET.get("format") == "csv":
            return _call_list_csv(closure, rows)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Call list"),
            "closure": closure,
            "rows": rows,
            "opts": self.model._meta,
        }
        return render(request, "admin/appointments/call_list.html", context)


NO_PHONE_ON_FILE = _("Not recorded: see the release papers")


def _call_list_csv(closure: Closure, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="call-list-closure-{closure.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "family_names",
            "given_names",
            "subject_id",
            "office",
            "cancelled_time",
            "confirmation_number",
            "phone_on_papers",
        ]
    )
    for local, appointment in rows:
        subject = appointment.subject
        writer.writerow(
            escape_formula(str(cell))
            for cell in (
                subject.family_names,
                subject.given_names,
                subject.subject_id,
                appointment.slot.office.code,
                f"{local.starts:%Y-%m-%d %H:%M} {local.zone_abbreviation}",
                appointment.display_number,
                NO_PHONE_ON_FILE,
            )
        )
    return response


@admin.register(Slot)
class SlotAdmin(OfficeScoped, HistoryAdmin):
    form = SlotForm
    list_display = ("office", "local_start", "capacity", "booked", "remaining", "is_blocked")
    list_filter = ("is_blocked", "office__state", "office")
    list_select_related = ("office",)
    date_hierarchy = "starts_at"
    search_fields = ("office__code", "office__name")
    readonly_fields = ("office", "starts_at", "ends_at", "booked")
    fields = ("office", "starts_at", "ends_at", "capacity", "booked", "is_blocked")
    time_places = {"starts_at": "office", "ends_at": "office"}  # shown in the office's zone
    actions = ("block", "unblock")
    list_per_page = 100

    def has_add_permission(self, request):
        return False  # slots come from opening rules ("Generate appointment times")

    @admin.display(description=_("starts (office time)"), ordering="starts_at")
    def local_start(self, slot):
        return with_zone(slot.starts_at, slot.office)

    @admin.display(description=_("free"))
    def remaining(self, slot):
        return slot.remaining

    @admin.action(description=_("Block the selected times (no new online bookings)"))
    def block(self, request, queryset):
        count = queryset.update(is_blocked=True)
        messages.success(request, ngettext("%d time blocked.", "%d times blocked.", count) % count)

    @admin.action(description=_("Unblock the selected times"))
    def unblock(self, request, queryset):
        count = queryset.update(is_blocked=False)
        messages.success(
            request, ngettext("%d time unblocked.", "%d times unblocked.", count) % count
        )


class ScheduleRuleInline(admin.TabularInline):
    model = ScheduleRule
    form = ScheduleRuleForm
    extra = 0


class ClosureInline(TranslationTabularInline):
    model = Closure
    form = ClosureForm
    fields = ("starts_on", "ends_on", "reason_kind", "reason")
    extra = 0
