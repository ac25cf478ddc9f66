"""The staff queue of address changes: oldest waiting first, filters, "mark processed"
(who and when are recorded), CSV export. Addresses are read-only: a change is never
edited; a correction is a new change sent by the person (or by staff over the phone)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, resources
from import_export.admin import ExportMixin

from appointments.admin.scoping import OfficeScoped
from checkin_portal.admin_history import HistoryAdmin
from checkin_portal.admin_time import ZonedDateTimeWidget, time_column
from checkin_portal.phones import phone_column

from . import services
from .models import AddressChange, AddressChangeStatus


class AddressChangeResource(resources.ModelResource):
    receipt = fields.Field(attribute="receipt_display", column_name="receipt_number")
    subject_id = fields.Field(attribute="subject__subject_id", column_name="subject_id")
    processed_by = fields.Field(attribute="processed_by__username", column_name="processed_by")
    # The field office by its fixed code (ATLANTA-FO), as in the office data file.
    office_area = fields.Field(attribute="office_area__code", column_name="office_area")
    submitted_at = fields.Field(
        attribute="submitted_at", column_name="submitted_at", widget=ZonedDateTimeWidget()
    )
    processed_at = fields.Field(
        attribute="processed_at", column_name="processed_at", widget=ZonedDateTimeWidget()
    )

    class Meta:
        model = AddressChange
        fields = (
            "receipt",
            "subject_id",
            "submitted_at",
            "status",
            "office_area",
            "in_care_of",
            "street",
            "unit",
            "city",
            "state",
            "zip_code",
            "move_date",
            "phone",
            "email",
            "language",
            "processed_at",
            "processed_by",
        )
        export_order = fields

    def get_queryset(self):
        return super().get_queryset().select_related("subject", "processed_by", "office_area")


@admin.register(AddressChange)
class AddressChangeAdmin(OfficeScoped, ExportMixin, HistoryAdmin):
    # Office scoping (ADR 0011) through the field office whose area covers the address;
    # a change outside every area is seen by all staff and changed only by superusers.
    office_lookup = "office_area"
    shared_when_unassigned = True
    resource_classes = [AddressChangeResource]  # escaped CSV/XLSX (settings)
    list_display = (
        "receipt_display",
        "submitted_at_with_zone",
        "status",
        "office_area",
        "state",
        "city",
        "zip_code",
        "move_date",
        "processed_by",
        "processed_at_with_zone",
    )
    list_display_links = ("receipt_display",)
    list_filter = (
        "status",
        ("office_area", admin.RelatedOnlyFieldListFilter),
        "state",
        ("submitted_at", admin.DateFieldListFilter),
    )
    list_select_related = ("processed_by", "office_area")
    # The queue: the oldest change still waiting comes first.
    ordering = ("submitted_at", "id")
    date_hierarchy = "submitted_at"
    search_fields = ("receipt_number", "=subject__subject_id", "zip_code")
    actions = ["mark_processed"]
    list_per_page = 50
    readonly_fields = (
        "subject",
        "receipt_display",
        "submitted_at_with_zone",
        "status",
        "processed_at_with_zone",
        "processed_by",
        "in_care_of",
        "street",
        "unit",
        "city",
        "state",
        "zip_code",
        "move_date",
        "phone_shown",
        "email",
        "confirmation_channel",
        "language",
    )
    fieldsets = (
        (None, {"fields": ("receipt_display", "subject", "submitted_at_with_zone", "status")}),
        (
            _("New address"),
            {"fields": ("in_care_of", "street", "unit", "city", "state", "zip_code", "move_date")},
        ),
        (_("Contact"), {"fields": ("phone_shown", "email", "confirmation_channel", "language")}),
        (_("Staff"), {"fields": ("office_area", "processed_by", "processed_at_with_zone")}),
    )

    submitted_at_with_zone = time_column(AddressChange, "submitted_at")
    processed_at_with_zone = time_column(AddressChange, "processed_at")
    phone_shown = phone_column(AddressChange)

    @admin.display(description=_("receipt number"), ordering="receipt_number")
    def receipt_display(self, obj):
        return obj.receipt_display

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # Only the office area can be corrected here; the address itself never changes.
        obj.save(update_fields=["office_area"])

    @admin.action(description=_("Mark as processed"), permissions=["change"])
    def mark_processed(self, request, queryset):
        done = 0
        for change in queryset.filter(status=AddressChangeStatus.RECEIVED).order_by("pk"):
            done += services.address_change_mark_processed(change=change, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d change marked as processed.",
                "%(count)d changes marked as processed.",
                done,
            )
            % {"count": done},
            messages.SUCCESS,
        )
