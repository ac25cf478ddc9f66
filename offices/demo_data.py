"""Demo data: every office of the project's data file (idempotent)."""

from .importer import DEFAULT_FILE, read_office_rows
from .services import offices_import


def load(stdout) -> None:
    report = offices_import(rows=read_office_rows(DEFAULT_FILE))
    for line, code, reason in report.skipped:
        stdout.write(f"  offices: line {line}: {code}: skipped: {reason}\n")
    for line, code, note in report.warnings:
        stdout.write(f"  offices: line {line}: {code}: {note}\n")
    stdout.write(f"  offices: {report.summary}\n")
