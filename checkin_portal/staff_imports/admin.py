"""The one staff import screen (django-import-export's, with our form and template) and
the page of a background import."""

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportMixin, ImportMixin

from checkin_portal.admin_history import ReadOnlyAdmin
from checkin_portal.admin_time import ZonedTimesAdmin
from checkin_portal.staff_files import StaffImportForm

from .jobs import import_job_create
from .models import ImportJob


class StaffImportMixin(ImportMixin):
    """Every staff import: upload, a check of every row (nothing saved) that lists each
    row's problems, then confirm; all or nothing. A file over
    ``STAFF_IMPORT_SYNC_MAX_ROWS`` rows goes to the background instead, and the staff
    member is taken to its progress page."""

    import_form_class = StaffImportForm
    import_template_name = "admin/staff_imports/import.html"
    # Each record's history says who imported it; one admin log line per row of a
    # 100,000-row file would double the work.
    skip_admin_log = True
    # A template with the columns and an example, shown above the form (optional).
    import_help_template: str | None = None

    def import_action(self, request, **kwargs):
        if request.method == "POST" and self.has_import_permission(request):
            form = self.create_import_form(request)
            if form.is_valid() and form.background:
                return self._to_background(request, form)
        return super().import_action(request, **kwargs)

    def _to_background(self, request, form):
        chosen = form.resource_classes[int(form.cleaned_data.get("resource") or 0)]
        job = import_job_create(
            user=request.user,
            resource_class=chosen,
            title=str(self.model._meta.verbose_name_plural),
            file_name=form.cleaned_data["import_file"].name,
            text=form.text,
            rows=form.rows,
        )
        return HttpResponseRedirect(reverse("admin:staff_imports_importjob_change", args=[job.pk]))

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        context["sync_max_rows"] = settings.STAFF_IMPORT_SYNC_MAX_ROWS
        context["max_rows"] = settings.STAFF_IMPORT_MAX_ROWS
        context["import_help_template"] = self.import_help_template
        return context


class StaffImportExportMixin(StaffImportMixin, ExportMixin):
    """The import screen above, and django-import-export's export (escaped formats)."""

    import_export_change_list_template = "admin/import_export/change_list_import_export.html"


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin, ZonedTimesAdmin, admin.ModelAdmin):
    """Background imports: each staff member sees their own (superusers all); read only."""

    change_form_template = "admin/staff_imports/importjob/change_form.html"
    list_display = ("created_at", "title", "file_name", "status", "progress", "error_count")
    list_filter = ("status",)
    fields = (
        "title",
        "file_name",
        "status",
        "total_rows",
        "processed_rows",
        "created_count",
        "updated_count",
        "unchanged_count",
        "error_count",
        "created_at",
        "finished_at",
    )

    @admin.display(description=_("progress"))
    def progress(self, job: ImportJob) -> str:
        return f"{job.percent}%"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(created_by=request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return obj is None or user.is_superuser or obj.created_by_id == user.pk
