from django.contrib import admin
from django.utils.text import capfirst
from modeltranslation.admin import TranslationAdmin

from .admin_history import HistoryAdmin
from .models import FaqEntry
from .staff_auth import admin as _zoned_third_party_admins  # noqa: F401 - registers them

admin.site.site_header = admin.site.site_title = "Check-In Portal staff"
admin.site.index_title = "Manage the portal"


@admin.register(FaqEntry)
class FaqEntryAdmin(HistoryAdmin, TranslationAdmin):
    list_display = ("question", "section", "position", "is_published", "updated_at")
    list_filter = ("section", "is_published")
    list_editable = ("position", "is_published")
    search_fields = ("question", "answer", "slug")
    prepopulated_fields = {"slug": ("question",)}

    def get_changelist_form(self, request, **kwargs):
        """Each editable cell is named for screen readers by its column and its row's
        question: the list's inputs have no label of their own (WCAG 1.3.1, 4.1.2)."""
        form = super().get_changelist_form(request, **kwargs)

        class LabelledRowForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for field in self.fields.values():
                    field.widget.attrs["aria-label"] = f"{capfirst(field.label)}: {self.instance}"

        return LabelledRowForm
