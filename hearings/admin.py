from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from checkin_portal.admin_history import HistoryAdmin
from checkin_portal.places.zones import with_zone

from .forms import HearingAdminForm, HearingImportForm
from .hearing_rows import HearingDataError
from .models import Hearing, ImmigrationCourt
from .services import hearings_import


@admin.register(ImmigrationCourt)
class ImmigrationCourtAdmin(HistoryAdmin, TranslationAdmin):
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


@admin.register(Hearing)
class HearingAdmin(HistoryAdmin):
    form = HearingAdminForm
    change_list_template = "admin/hearings/hearing/change_list.html"
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

    def get_urls(self):
        custom = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="hearings_hearing_import",
            )
        ]
        return custom + super().get_urls()

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        report = None
        file_error = ""
        if request.method == "POST":
            form = HearingImportForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    report = hearings_import(
                        text=form.cleaned_data["text"],
                        dry_run=form.cleaned_data["check_only"],
                    )
                except HearingDataError as error:
                    file_error = str(error)
                if report is not None and report.saved:
                    self.message_user(
                        request,
                        _(
                            "Hearings imported: %(created)d created, %(updated)d updated, "
                            "%(unchanged)d unchanged."
                        )
                        % {
                            "created": report.created,
                            "updated": report.updated,
                            "unchanged": report.unchanged,
                        },
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:hearings_hearing_changelist"))
        else:
            form = HearingImportForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import hearings from a CSV file"),
            "form": form,
            "report": report,
            "file_error": file_error,
        }
        status = 400 if (report is not None and not report.ok) or file_error else 200
        return TemplateResponse(
            request, "admin/hearings/hearing/import.html", context, status=status
        )
