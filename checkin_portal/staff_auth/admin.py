"""The admins other packages register (staff accounts, sign-in attempts, authenticator apps,
background tasks) show their date-times with the zone too (issue 14), like ours
(``checkin_portal.admin_time.ZonedTimesAdmin``).

Each is replaced, through the public admin API (``unregister``/``register``, ADR 0013), by
a subclass of the admin registered for it: its lists, filters, permissions, read-only-ness
and views stay theirs. Imported by ``checkin_portal/admin.py``; the packages' admin
modules are imported here first because the admin reads ``checkin_portal`` before them
(INSTALLED_APPS order); Django's later import of the same modules changes nothing."""

from __future__ import annotations

import datetime
import importlib

from django.apps import apps
from django.contrib import admin

from checkin_portal.admin_time import ZonedTimesAdmin
from checkin_portal.places.zones import with_zone

# app label -> (its admin module, the models whose admins get zones)
THIRD_PARTY_ADMINS = {
    "auth": ("django.contrib.auth.admin", ("User",)),
    "axes": ("axes.admin", ("AccessAttempt", "AccessLog", "AccessFailureLog")),
    "otp_totp": ("django_otp.plugins.otp_totp.admin", ("TOTPDevice",)),
    "django_tasks_database": ("django_tasks_db.admin", ("DBTaskResult",)),
}


class AccessAttemptTimes:
    """django-axes shows the expiry of an attempt (a related row) as a bare date-time."""

    def expiration(self, obj):
        expiration = getattr(obj, "expiration", None)
        if expiration is None:
            return super().expiration(obj)
        return with_zone(expiration.expires_at)


class TaskResultTimes:
    """django-tasks-db shows "run after" (a bare date-time) through a method."""

    @admin.display(description="run after")
    def display_run_after(self, obj):
        value = super().display_run_after(obj)
        return with_zone(value) if isinstance(value, datetime.datetime) else value


EXTRA_MIXINS = {
    "axes.AccessAttempt": (AccessAttemptTimes,),
    "django_tasks_database.DBTaskResult": (TaskResultTimes,),
}


def with_zones(model) -> type[admin.ModelAdmin] | None:
    """Re-register ``model``'s admin as a subclass that shows date-times with their zone;
    the new class, or None when the model has no admin (or already shows zones)."""
    if not admin.site.is_registered(model):
        return None
    current = type(admin.site.get_model_admin(model))
    if issubclass(current, ZonedTimesAdmin):
        return None
    zoned = type(
        current.__name__,
        (*EXTRA_MIXINS.get(model._meta.label, ()), ZonedTimesAdmin, current),
        {"__module__": __name__, "__doc__": current.__doc__},
    )
    admin.site.unregister(model)
    admin.site.register(model, zoned)
    return zoned


def register_all() -> None:
    for app_label, (module, model_names) in THIRD_PARTY_ADMINS.items():
        if not apps.is_installed(module.rpartition(".admin")[0]):
            continue
        importlib.import_module(module)  # registers the package's admins
        for name in model_names:
            with_zones(apps.get_model(app_label, name))


register_all()
