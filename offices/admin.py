from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from checkin_portal.admin_history import HistoryAdmin
from checkin_portal.phones import phone_column
from checkin_portal.staff_imports.admin import StaffImportMixin

from .models import Office
from .resources import OfficeResource


class PlacedFilter(admin.SimpleListFilter):
    """Offices without coordinates are never offered in searches: let staff find them."""

    title = _("position on the map")
    parameter_name = "placed"

    def lookups(self, request, model_admin):
        return [("yes", _("Has coordinates")), ("no", _("No coordinates"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(latitude__isnull=False, longitude__isnull=False)
        if self.value() == "no":
            return queryset.filter(latitude__isnull=True)
        return queryset


# Plain (not tabbed) TranslationAdmin: the tabbed variant loads jQuery UI from a CDN,
# which our Content Security Policy and the no-third-party rule forbid.
@admin.register(Office)
class OfficeAdmin(StaffImportMixin, HistoryAdmin, TranslationAdmin):
    # The office data file on the one staff import screen: national data, so superusers
    # only (office scoping cannot apply to a file of every office).
    resource_classes = [OfficeResource]
    list_display = (
        "code",
        "name",
        "kind",
        "city",
        "state",
        "phone_shown",
        "is_active",
        "accepts_online_booking",
        "latitude",
        "longitude",
        "time_zone",
    )
    list_display_links = ("code", "name")
    phone_shown = phone_column(Office)
    list_filter = ("state", "kind", "is_active", "accepts_online_booking", PlacedFilter)
    search_fields = ("code", "name_en", "name_es", "street", "city", "state", "zip", "email")
    list_select_related = ()
    list_per_page = 50
    ordering = ("state", "city", "code")
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("code", "name", "kind", "parent")}),
        (_("Address"), {"fields": ("street", "city", "state", "zip")}),
        (
            _("Position and time zone"),
            {
                "fields": ("latitude", "longitude", "time_zone"),
                "description": _(
                    "Coordinates start at the ZIP code's centre; correct them here if the "
                    "office is far from it. An office without coordinates is not shown in "
                    "searches."
                ),
            },
        ),
        (_("Contact"), {"fields": ("phone", "email")}),
        (_("Shown to the public"), {"fields": ("hours", "instructions")}),
        (_("For staff"), {"fields": ("area_of_responsibility",)}),
        (_("Status"), {"fields": ("is_active", "accepts_online_booking")}),
        (_("Record"), {"fields": ("created_at", "updated_at")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # The code is how the data file and other records find an office: fixed once set.
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "code") if obj is not None else fields

    def has_import_permission(self, request):
        return request.user.is_active and request.user.is_superuser
