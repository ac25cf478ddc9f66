from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from checkin_portal.admin_time import time_column

from .models import MessageStatus, OutboundMessage

# Failed messages first: they are the ones staff must act on (the person was told too).
FAILED_FIRST = Case(
    When(status=MessageStatus.FAILED, then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):
    """Read-only: staff see what was sent and whether it went, never the full number or
    address (``destination`` is excluded; it is erased after the last attempt anyway).
    Messages that were not sent come first, with the record they were about, the number
    of attempts and the class of the last error."""

    list_display = (
        "created_at_with_zone",
        "status",
        "channel",
        "template",
        "related_type",
        "related_record",
        "attempts",
        "last_error_class",
        "destination_masked",
        "language",
        "sent_at_with_zone",
    )
    list_filter = ("status", "channel", ("related_type", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("related_type",)
    ordering = (FAILED_FIRST, "-created_at")
    date_hierarchy = "created_at"
    exclude = ("destination", "destination_digest")
    readonly_fields = (
        "channel",
        "template",
        "language",
        "destination_masked",
        "related_type",
        "related_record",
        "subject",
        "body_text",
        "status",
        "attempts",
        "last_error",
        "provider_id",
        "created_at_with_zone",
        "sent_at_with_zone",
        "next_attempt_at_with_zone",
    )
    fields = readonly_fields
    created_at_with_zone = time_column(OutboundMessage, "created_at")
    sent_at_with_zone = time_column(OutboundMessage, "sent_at")
    next_attempt_at_with_zone = time_column(OutboundMessage, "next_attempt_at")

    def get_queryset(self, request):
        # The records (appointments, address changes): one query per kind, not per row.
        return super().get_queryset(request).prefetch_related("related")

    @admin.display(description=_("record"))
    def related_record(self, obj):
        # Its confirmation or receipt number (each model's str); "-" when not linked.
        return str(obj.related) if obj.related is not None else "-"

    @admin.display(description=_("last error"), ordering="last_error")
    def last_error_class(self, obj):
        return obj.last_error.partition(":")[0] or "-"

    def changelist_view(self, request, extra_context=None):
        failed = OutboundMessage.objects.filter(status=MessageStatus.FAILED).count()
        if failed:
            messages.warning(
                request,
                gettext("Messages not sent: %(count)s. They are listed first.") % {"count": failed},
            )
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
