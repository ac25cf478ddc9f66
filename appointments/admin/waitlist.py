"""The waiting list for staff: read-only lists of waiting people and of earlier-time
offers (issue 16; ADR 0018), scoped to the staff member's offices (ADR 0011; superusers
see all). Contacts are masked; every date-time shows its zone (the office's)."""

from django.contrib import admin
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from checkin_portal.admin_history import HistoryAdmin, ReadOnlyAdmin
from checkin_portal.messaging.privacy import mask_destination
from checkin_portal.places.zones import with_zone

from ..waitlist.models import Offer, WaitlistEntry
from .scoping import OfficeScoped


class ReadOnlyWaitlistAdmin(ReadOnlyAdmin, OfficeScoped, HistoryAdmin):
    """Nothing is added, changed or deleted here: people join and answer from their own
    pages and links; the engine makes and ends offers. These records keep no history of
    their own (the admin's log is shown instead)."""

    def history_view(self, request, object_id, extra_context=None):
        self._check_history_in_scope(request, object_id)
        return admin.ModelAdmin.history_view(self, request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        raise Http404


@admin.register(WaitlistEntry)
class WaitlistEntryAdmin(ReadOnlyWaitlistAdmin):
    office_lookup = "appointment__slot__office"
    time_places = dict.fromkeys(
        ("created_at", "paused_until", "opted_out_at", "ended_at"), "appointment.slot.office"
    )
    list_display = ("pk", "subject_id", "office", "appointment_time", "contact", "created_at")
    list_display_links = ("pk",)
    list_filter = (
        ("ended_at", admin.EmptyFieldListFilter),
        "end_reason",
        ("appointment__slot__office", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("subject", "appointment__slot__office")
    search_fields = ("subject__subject_id",)
    search_help_text = _("Subject ID")
    fields = (
        "subject_id",
        "office",
        "appointment_time",
        "contact",
        "created_at",
        "paused_until",
        "opted_out_at",
        "ended_at",
        "end_reason",
    )
    readonly_fields = fields

    @admin.display(description=_("Subject ID"), ordering="subject__subject_id")
    def subject_id(self, entry):
        return entry.subject.subject_id

    @admin.display(description=_("office"), ordering="appointment__slot__office__code")
    def office(self, entry):
        return entry.appointment.slot.office.code

    @admin.display(
        description=_("appointment (office time)"), ordering="appointment__slot__starts_at"
    )
    def appointment_time(self, entry):
        return with_zone(entry.appointment.slot.starts_at, entry.appointment.slot.office)

    @admin.display(description=_("contact"))
    def contact(self, entry):
        destination = entry.contact_email or entry.contact_phone
        return mask_destination(destination) if destination else "—"


@admin.register(Offer)
class OfferAdmin(ReadOnlyWaitlistAdmin):
    office_lookup = "slot__office"
    time_places = dict.fromkeys(("created_at", "expires_at", "decided_at"), "slot.office")
    list_display = ("pk", "subject_id", "office", "time", "state", "created_at", "expires_at")
    list_display_links = ("pk",)
    list_filter = ("state", ("slot__office", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("entry__subject", "slot__office")
    search_fields = ("entry__subject__subject_id",)
    search_help_text = _("Subject ID")
    fields = ("subject_id", "office", "time", "state", "created_at", "expires_at", "decided_at")
    readonly_fields = fields

    @admin.display(description=_("Subject ID"), ordering="entry__subject__subject_id")
    def subject_id(self, offer):
        return offer.entry.subject.subject_id

    @admin.display(description=_("office"), ordering="slot__office__code")
    def office(self, offer):
        return offer.slot.office.code

    @admin.display(description=_("time (office time)"), ordering="slot__starts_at")
    def time(self, offer):
        return with_zone(offer.slot.starts_at, offer.slot.office)
