"""The waiting list's periodic run (scripts/scheduler.py, hourly): end offers past their
time, end waiting whose appointment has passed (contacts erased), and offer every open
earlier seat. Safe to run on several workers at once; each offer also schedules its own
expiry run when the task backend can defer (production's database queue)."""

from django.core.management.base import BaseCommand

from appointments.waitlist.services import run_offers


class Command(BaseCommand):
    help = "Offer open earlier times to the waiting list; end expired offers."

    def handle(self, *args, **options):
        result = run_offers()
        self.stdout.write(
            f"{result.offered} offer(s) made, {result.expired} expired, "
            f"{result.ended} waiting ended."
        )
