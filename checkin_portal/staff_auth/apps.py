from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Django's admin app, with our site class as ``admin.site`` (every ``@admin.register``
    in the project lands on it unchanged)."""

    default_site = "checkin_portal.staff_auth.site.StaffAdminSite"
