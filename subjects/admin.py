from django import forms
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from checkin_portal.admin_history import HistoryAdmin
from checkin_portal.places.zones import with_zone
from checkin_portal.staff_imports.admin import StaffImportExportMixin

from . import selectors
from .models import Subject
from .normalise import is_valid_a_number, normalise_a_number, normalise_subject_id
from .resources import SubjectResource


class CheckinStatusFilter(admin.SimpleListFilter):
    title = _("check-in status")
    parameter_name = "checkin_status"

    def lookups(self, request, model_admin):
        return [
            (selectors.StaffStatus.TO_BOOK, _("needs to book")),
            (selectors.StaffStatus.PAPERWORK_APPOINTMENT, _("appointment on the papers")),
            (selectors.StaffStatus.COMPLETED, _("check-in completed")),
        ]

    def queryset(self, request, queryset):
        if self.value():
            return selectors.subjects_with_status(queryset, self.value())
        return queryset


class SubjectAdminForm(forms.ModelForm):
    # Wider than the stored values: staff may type spaces and dashes, removed on save.
    subject_id = forms.CharField(label=_("Subject ID"), max_length=40)
    a_number = forms.CharField(label=_("A-number"), max_length=20, required=False)

    class Meta:
        model = Subject
        fields = SubjectResource.Meta.fields

    def clean_subject_id(self):
        return normalise_subject_id(self.cleaned_data["subject_id"])

    def clean_a_number(self):
        return normalise_a_number(self.cleaned_data.get("a_number", ""))


@admin.register(Subject)
class SubjectAdmin(StaffImportExportMixin, HistoryAdmin):
    form = SubjectAdminForm
    # The one staff import screen (checkin_portal/staff_imports): formats from settings,
    # files over STAFF_IMPORT_SYNC_MAX_ROWS rows imported in the background.
    resource_classes = [SubjectResource]
    list_display = (
        "subject_id",
        "family_names",
        "given_names",
        "country_of_birth",
        "release_form",
        "report_by",
        "paperwork_appointment",
        "checkin_completed_on",
    )
    list_filter = ("release_form", CheckinStatusFilter, "credible_fear_filed", "ead_applied")
    search_fields = ("=subject_id", "=a_number", "family_names", "given_names")
    search_help_text = _(
        "Search by Subject ID or A-number (exact, spaces and dashes allowed) or by name."
    )
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "release_date"
    fieldsets = (
        (
            _("Sign-in values"),
            {"fields": ("subject_id", "country_of_birth")},
        ),
        (
            _("Person"),
            {"fields": ("given_names", "family_names", "a_number", "preferred_language")},
        ),
        (
            _("Release papers"),
            {
                "fields": (
                    "release_form",
                    "release_date",
                    "report_by",
                    "parole_ends_on",
                    "credible_fear_filed",
                    "ead_applied",
                )
            },
        ),
        (
            _("Appointment on the papers"),
            {
                "fields": (
                    "paperwork_appointment_at",
                    "paperwork_office_name",
                    "paperwork_office_address",
                    "paperwork_office_time_zone",
                )
            },
        ),
        (_("Check-in"), {"fields": ("checkin_completed_on",)}),
        (_("Record"), {"fields": ("created_at", "updated_at")}),
    )

    @admin.display(
        description=_("appointment on the papers (office's time)"),
        ordering="paperwork_appointment_at",
    )
    def paperwork_appointment(self, subject) -> str:
        return with_zone(subject.paperwork_appointment_at, subject.paperwork_office_zone)

    def get_search_results(self, request, queryset, search_term):
        # Staff paste IDs as printed ("ab-12 34"); match the stored, normalised form too.
        base = queryset
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            matches = Q(subject_id=normalise_subject_id(term))
            a_number = normalise_a_number(term)
            if is_valid_a_number(a_number):
                matches |= Q(a_number=a_number)
            queryset = queryset | base.filter(matches)
        return queryset, may_have_duplicates
