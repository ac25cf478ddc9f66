from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    """The project's shared email/SMS layer (docs/adr/0006-shared-messaging.md). A
    sub-package of the project app with its own label, so its table, migrations and
    catalogue stay apart from the site-wide ones."""

    name = "checkin_portal.messaging"
    label = "messaging"
    verbose_name = _("Messages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
