from django.contrib import admin

from .models import OutboundMessage


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):
    """Read-only: staff see what was sent and whether it went, never the full number or
    address (``destination`` is excluded; it is erased once sent anyway)."""

    list_display = (
        "created_at",
        "channel",
        "destination_masked",
        "template",
        "language",
        "status",
        "attempts",
        "sent_at",
    )
    list_filter = ("status", "channel", "language", "template")
    date_hierarchy = "created_at"
    exclude = ("destination", "destination_digest")
    readonly_fields = (
        "channel",
        "template",
        "language",
        "destination_masked",
        "subject",
        "body_text",
        "status",
        "attempts",
        "last_error",
        "provider_id",
        "created_at",
        "sent_at",
        "next_attempt_at",
    )
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
