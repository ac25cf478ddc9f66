"""Load the demo's made-up data. Idempotent: running it again changes nothing.

Each app contributes its part through a ``demo_data.load(stdout)`` function, so this
command stays small as features arrive. Refuses to run outside demo mode."""

import importlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_STAFF_USERNAME = "staff"
DEMO_STAFF_PASSWORD = "demo-staff-only"

# Order matters: later parts refer to earlier ones (subjects book at offices...).
DEMO_MODULES = ["offices", "subjects", "appointments", "hearings", "addresses"]


class Command(BaseCommand):
    help = "Load made-up demo data (offices, people, appointments). Demo mode only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="first remove the demo people and what was done for them during a demo "
            "(appointments, address changes, messages), then load them as documented",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Demo data is only for the demo (DEMO_MODE=True).")
        modules = []
        for app in DEMO_MODULES:
            try:
                modules.append(importlib.import_module(f"{app}.demo_data"))
            except ModuleNotFoundError:
                continue
        with transaction.atomic():
            if options["reset"]:
                # Top app first: what refers to a demo person goes before the person.
                for module in reversed(modules):
                    if hasattr(module, "reset"):
                        module.reset(self.stdout)
            self._staff_user()
            for module in modules:
                module.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write(
            f"  Staff sign-in: {DEMO_STAFF_USERNAME} / {DEMO_STAFF_PASSWORD} at /{settings.ADMIN_URL}"
        )

    def _staff_user(self) -> None:
        User = get_user_model()
        if not User.objects.filter(username=DEMO_STAFF_USERNAME).exists():
            User.objects.create_superuser(
                username=DEMO_STAFF_USERNAME,
                email="staff@example.invalid",
                password=DEMO_STAFF_PASSWORD,
            )
