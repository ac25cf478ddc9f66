from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from checkin_portal.admin_history import HistoryAdmin

from ..availability import closure_apply
from ..models import Closure, ScheduleRule, Slot
from ..notifications import notify_cancelled_by_office
from ..presentation import LocalTime
from .forms import ClosureForm, ScheduleRuleForm, SlotForm
from .scoping import OfficeScoped


def apply_closure(request, closure: Closure) -> None:
    """Block the closed days, cancel their appointments, and tell the people affected
    (messages are sent after the transaction commits)."""
    report = closure_apply(closure=closure)
    if report.cancelled:
        transaction.on_commit(lambda: notify_cancelled_by_office(report.cancelled, closure=closure))
    messages.info(
        request,
        ngettext(
            "%(slots)d time blocked; %(count)d appointment cancelled and its person told.",
            "%(slots)d times blocked; %(count)d appointments cancelled and their people told.",
            len(report.cancelled),
        )
        % {"slots": report.blocked_slots, "count": len(report.cancelled)},
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
    actions = ("block", "unblock")
    list_per_page = 100

    def has_add_permission(self, request):
        return False  # slots come from opening rules ("Generate appointment times")

    @admin.display(description=_("starts (office time)"), ordering="starts_at")
    def local_start(self, slot):
        local = LocalTime.of(slot)
        return f"{local.starts:%Y-%m-%d %H:%M} {local.zone_abbreviation}"

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
