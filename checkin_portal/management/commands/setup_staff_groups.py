"""Create or update the staff groups defined in checkin_portal/staff_groups.py.

Safe to run again (every deploy runs it after migrate): each group ends up with exactly
the permissions listed there. A listed permission that does not exist stops the command
and changes nothing."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from checkin_portal.staff_groups import STAFF_GROUPS


def _permissions(names: list[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = {
        (perm.content_type.app_label, perm.codename): perm
        for perm in Permission.objects.select_related("content_type").filter(
            codename__in={codename for _app, codename in wanted}
        )
    }
    missing = sorted(f"{app}.{codename}" for app, codename in wanted - found.keys())
    if missing:
        raise CommandError(f"Unknown permission(s): {', '.join(missing)}")
    return [found[key] for key in sorted(wanted)]


class Command(BaseCommand):
    help = "Create or update the staff groups (Check-in office staff, Portal data staff)."

    def handle(self, *args, **options):
        # Permissions are created after migrate; make sure they exist even on a database
        # migrated by another process a moment ago.
        for app_config in apps.get_app_configs():
            create_permissions(app_config, verbosity=0)
        with transaction.atomic():
            for name, permission_names in STAFF_GROUPS.items():
                group, created = Group.objects.get_or_create(name=name)
                group.permissions.set(_permissions(permission_names))
                if options["verbosity"]:
                    verb = "created" if created else "updated"
                    self.stdout.write(f"{name}: {verb}, {len(permission_names)} permission(s).")
