from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import ImmigrationCourt


@admin.register(ImmigrationCourt)
class ImmigrationCourtAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = (
        "name",
        "code",
        "city",
        "state",
        "time_zone",
        "docket",
        "operating_status",
        "is_active",
        "needs_verification",
    )
    list_filter = ("operating_status", "docket", "is_active", "needs_verification", "state")
    search_fields = ("name", "code", "city", "street")
    readonly_fields = ("updated_at",)
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
