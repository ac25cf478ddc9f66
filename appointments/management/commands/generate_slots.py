"""Create appointment times from the opening rules for the rolling horizon.

Idempotent and safe to run every night (cron or a scheduler):
    manage.py generate_slots [--office CODE ...] [--days N]
Booked slots are never changed."""

from django.conf import settings
from django.core.management.base import BaseCommand

from appointments.availability import slots_generate
from offices.models import Office


class Command(BaseCommand):
    help = "Create appointment times from the opening rules (booked times are never changed)."

    def add_arguments(self, parser):
        parser.add_argument("--office", action="append", help="office code (repeatable)")
        parser.add_argument("--days", type=int, default=settings.SLOT_HORIZON_DAYS)

    def handle(self, *args, office=None, days, **options):
        offices = Office.objects.filter(is_active=True, schedule_rules__isnull=False).distinct()
        if office:
            offices = offices.filter(code__in=[code.upper() for code in office])
        totals = [0, 0, 0]
        for each in offices.order_by("code"):
            report = slots_generate(office=each, days=days)
            totals[0] += report.created
            totals[1] += report.updated
            totals[2] += report.removed
            if options["verbosity"] > 1:
                self.stdout.write(str(report))
        self.stdout.write(
            f"{offices.count()} offices: {totals[0]} times created, {totals[1]} updated, "
            f"{totals[2]} removed."
        )
