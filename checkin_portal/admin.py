from django.contrib import admin
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
