"""manage.py import_offices [FILE] [--create-only] [--dry-run]

A thin wrapper over ``offices.resources.OfficeResource`` (the staff import screen uses the
same resource), all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from offices.importer import DEFAULT_FILE, OfficeFileError, read_office_rows
from offices.services import offices_import


class Command(BaseCommand):
    help = (
        "Create or update offices from the project's office data file (default "
        "offices/data/offices.csv), matched by office code, all or nothing. Safe to run "
        "again: unchanged offices are left alone, and whether an office is active or takes "
        "online bookings is set only when it is created. Reports what was created, "
        "updated or refused, and why."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
        parser.add_argument(
            "--create-only",
            action="store_true",
            help="only add offices whose code is new; never change existing ones",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen; change nothing"
        )

    def handle(self, *args, file: Path, create_only: bool, dry_run: bool, **options):
        try:
            rows = read_office_rows(file)
        except OfficeFileError as error:
            raise CommandError(str(error)) from error
        report = offices_import(rows=rows, create_only=create_only, dry_run=dry_run)
        if options.get("verbosity", 1) >= 2:
            for code in report.created:
                self.stdout.write(f"created {code}")
            for code in report.updated:
                self.stdout.write(f"updated {code}")
        for line, code, reason in report.skipped:
            self.stdout.write(self.style.ERROR(f"line {line}: {code}: {reason}"))
        for line, code, note in report.warnings:
            self.stdout.write(self.style.WARNING(f"line {line}: {code}: {note}"))
        if report.skipped:
            self.stdout.write(f"Offices from {file}: nothing saved: {report.summary}.")
            raise CommandError(f"{len(report.skipped)} problem(s) found; nothing was saved.")
        prefix = "dry run, nothing saved: " if dry_run else ""
        self.stdout.write(f"Offices from {file}: {prefix}{report.summary}.")
