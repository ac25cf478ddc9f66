"""Opening rules and closures inline on the office page, and the "Generate appointment
times" action. The offices app owns OfficeAdmin; we subclass it here and register the subclass in its
place (public admin API only), so that offices does not depend on appointments."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from offices.admin import OfficeAdmin
from offices.models import Office

from ..availability import slots_generate
from ..models import Closure, OfficeStaff
from .availability import ClosureInline, ScheduleRuleInline, apply_closure
from .capacity import CapacityViews
from .scoping import OfficeScoped


class OfficeStaffInline(admin.TabularInline):
    model = OfficeStaff
    extra = 0
    autocomplete_fields = ("user",)

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_delete_permission = has_add_permission


class OfficeWithScheduleAdmin(CapacityViews, OfficeScoped, OfficeAdmin):
    office_lookup = "pk"
    # Adds "Day roster" and "Capacity" links for this office beside History.
    change_form_template = "admin/appointments/office_change_form.html"
    # Adds a "Capacity and waits" link above the list.
    change_list_template = "admin/appointments/office_change_list.html"
    inlines = [
        *OfficeAdmin.inlines,
        ScheduleRuleInline,
        ClosureInline,
        OfficeStaffInline,
    ]
    actions = [*(OfficeAdmin.actions or []), "generate_times"]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Closure:
            for closure in [*formset.new_objects, *(obj for obj, _ in formset.changed_objects)]:
                apply_closure(request, closure)

    @admin.action(description=_("Generate appointment times from the opening rules"))
    def generate_times(self, request, queryset):
        for office in queryset:
            report = slots_generate(office=office)
            messages.info(request, str(report))


# Importing offices.admin above registered its OfficeAdmin; this one takes its place.
admin.site.unregister(Office)
admin.site.register(Office, OfficeWithScheduleAdmin)
