"""Load immigration courts from the project's data file (or another in the same format).

    manage.py import_courts [FILE] [--dry-run]

A thin wrapper over ``hearings.resources.CourtResource`` (the staff import screen uses
the same resource). All or nothing; safe to run again: courts are matched by code; the
file's facts (name, address, phone, time zone, docket, source) are updated, while what
staff decide (operating status, public notice, active, needs verification, staff note) is
only set when a court is created."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearings.court_rows import CourtDataError
from hearings.services import courts_import

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "immigration_courts.csv"


class Command(BaseCommand):
    help = "Create or update immigration courts from a CSV file (default: the project's data file)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
        parser.add_argument("--dry-run", action="store_true", help="check only; save nothing")

    def handle(self, *args, file: str, dry_run: bool, **options):
        path = Path(file)
        try:
            report = courts_import(text=path.read_bytes().decode("utf-8"), dry_run=dry_run)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        except CourtDataError as error:
            raise CommandError(f"{path} is not a court data file: {error}") from error
        if report.skipped:
            for problem in report.skipped:
                self.stderr.write(f"  {problem}")
            raise CommandError(
                f"{len(report.skipped)} problem(s) found; nothing was saved. Fix the file "
                "and run the command again."
            )
        prefix = "Dry run, nothing saved. " if dry_run else ""
        self.stdout.write(
            f"{prefix}Courts: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, 0 skipped."
        )
        for code in report.updated:
            self.stdout.write(f"  updated: {code}")
