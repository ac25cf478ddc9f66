"""Import hearings from a staff CSV file, all or nothing (format: hearings/hearing_rows.py).

    manage.py import_hearings FILE [--dry-run]

A thin wrapper over ``hearings.resources.HearingResource`` (the staff import screen uses
the same resource). Every problem is listed with its line number; if there is any,
nothing is saved. Messages never repeat names, Subject IDs or A-numbers: the line number
says which row."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearings.hearing_rows import HearingDataError
from hearings.services import hearings_import


class Command(BaseCommand):
    help = "Create or update hearings from a CSV file (by Subject ID or A-number), all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check only; save nothing")

    def handle(self, *args, file: str, dry_run: bool, **options):
        path = Path(file)
        try:
            report = hearings_import(text=path.read_bytes(), dry_run=dry_run)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}") from error
        except HearingDataError as error:
            raise CommandError(f"{path}: {error}") from error
        if not report.ok:
            for line, message in report.errors:
                where = f"line {line}" if line else "file"
                self.stderr.write(f"  {where}: {message}")
            raise CommandError(
                f"{len(report.errors)} problem(s) found; nothing was saved. Fix the file and "
                "run the command again."
            )
        prefix = "Dry run, nothing saved. " if dry_run else ""
        self.stdout.write(
            f"{prefix}Hearings: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged."
        )
