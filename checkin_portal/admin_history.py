"""History in admin is for reading (ADR 0011).

django-simple-history offers "Revert" on each old version: it saves the old row over the
current one without the rules a change goes through (an appointment back from checked in to
booked, a slot's seat count from an old copy, a closure without cancelling its
appointments). Staff change a record on its change page; its history pages show what
happened. Every admin with history derives from :class:`HistoryAdmin`, which also shows
every date-time with its zone (``checkin_portal.admin_time.ZonedTimesAdmin``)."""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .admin_time import ZonedTimesAdmin


class HistoryAdmin(ZonedTimesAdmin, SimpleHistoryAdmin):
    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReadOnlyAdmin:
    """An admin that only shows records the portal itself writes (import jobs, the waiting
    list): nothing is added, changed or deleted through it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
