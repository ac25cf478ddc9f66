from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckinPortalConfig(AppConfig):
    name = "checkin_portal"
    verbose_name = _("Portal pages")
