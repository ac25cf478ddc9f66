"""Load immigration courts from the project's data file (or another in the same format).

    manage.py import_courts [FILE] [--dry-run]

Safe to run again: courts are matched by code; the file's facts (name, address, phone,
time zone, docket, source) are updated, while what staff decide (operating status, public
notice, active, needs verification, staff note) is only set when a court is created."""

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
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            report = courts_import(text=text, dry_run=dry_run)
        except CourtDataError as error:
            raise CommandError(f"{path} is not a court data file: {error}") from error
        prefix = "Dry run, nothing saved. " if dry_run else ""
        self.stdout.write(
            f"{prefix}Courts: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped."
        )
        for code in report.updated:
            self.stdout.write(f"  updated: {code}")
        for reason in report.skipped:
            self.stdout.write(self.style.WARNING(f"  skipped {reason}"))
