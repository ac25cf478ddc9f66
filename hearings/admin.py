from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from checkin_portal.admin_history import HistoryAdmin
from checkin_portal.phones import phone_column
from checkin_portal.places.zones import with_zone
from checkin_portal.staff_imports.admin import StaffImportMixin

from .forms import HearingAdminForm
from .models import Hearing, ImmigrationCourt
from .resources import CourtResource, HearingResource


@admin.register(ImmigrationCourt)
class ImmigrationCourtAdmin(StaffImportMixin, HistoryAdmin, TranslationAdmin):
    # The court data file, on the one staff import screen (what staff decide is kept).
    resource_classes = [CourtResource]
    list_display = (
        "name",
        "code",
        "city",
        "state",
        "phone_shown",
        "time_zone",
        "docket",
        "operating_status",
        "is_active",
        "needs_verification",
    )
    list_filter = ("operating_status", "docket", "is_active", "needs_verification", "state")
    search_fields = ("name", "code", "city", "street")
    readonly_fields = ("updated_at",)
    phone_shown = phone_column(ImmigrationCourt)
    fieldsets = (
        (None, {"fields": ("name", "code", "docket", "is_active")}),
        (
            _("Address and phone"),
            {"fields": ("street", "city", "state", "zip_code", "phone", "time_zone")},
        ),
        (
            _("Operating status"),
            {"fields": ("operating_status", "closed_on", "status_notice")},
        ),
        (
            _("Data quality"),
            {"fields": ("needs_verification", "staff_note", "source", "updated_at")},
        ),
    )


@admin.register(Hearing)
class HearingAdmin(StaffImportMixin, HistoryAdmin):
    form = HearingAdminForm
    # Staff CSV files of hearings, on the one staff import screen.
    resource_classes = [HearingResource]
    import_help_template = "admin/hearings/hearing/import_help.html"
    list_display = (
        "subject",
        "court",
        "local_start",
        "hearing_type",
        "hearing_format",
        "status",
        "updated_at",
    )
    list_filter = ("status", "hearing_type", "hearing_format", "court")
    list_select_related = ("subject", "court")
    search_fields = (
        "subject__subject_id",
        "subject__a_number",
        "subject__family_names",
        "court__name",
        "court__code",
        "judge",
    )
    raw_id_fields = ("subject",)
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "starts_at"

    @admin.display(description=_("starts at (court's time)"), ordering="starts_at")
    def local_start(self, hearing: Hearing) -> str:
        return with_zone(hearing.starts_at, hearing.court.zone)

    def get_fields(self, request, obj=None):
        fields = list(self.form.Meta.fields)
        return [*fields, "created_at", "updated_at"] if obj else fields
