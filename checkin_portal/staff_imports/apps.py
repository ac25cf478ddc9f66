from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffImportsConfig(AppConfig):
    """Background staff imports (ImportJob). A sub-package of the project app with its
    own label, like messaging."""

    name = "checkin_portal.staff_imports"
    label = "staff_imports"
    verbose_name = _("Staff imports")
    default_auto_field = "django.db.models.BigAutoField"
