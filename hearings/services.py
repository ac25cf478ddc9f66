"""Writes: loading the court data file, importing hearings. One transaction each."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from .court_rows import MANAGED_FIELDS, court_from_values, read_court_rows
from .models import ImmigrationCourt


@dataclass
class CourtImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "line N (code): reason"


class _DryRun(Exception):
    pass


def _values_of(court: ImmigrationCourt) -> dict[str, str]:
    return {name: str(getattr(court, name) or "") for name in MANAGED_FIELDS}


def courts_import(*, text: str, dry_run: bool = False) -> CourtImportReport:
    """Create or update courts from the court data file's text (see ``court_rows``).

    Idempotent: matched by ``code``; a second run changes nothing. Invalid rows are
    skipped with their reason and never stop the others. Raises ``CourtDataError`` when
    the file cannot be read at all. With ``dry_run`` nothing is saved."""
    rows = read_court_rows(text)
    report = CourtImportReport()
    try:
        with transaction.atomic():
            existing = {court.code: court for court in ImmigrationCourt.objects.all()}
            seen: set[str] = set()
            for row in rows:
                if row.values is None:
                    report.skipped.append(f"line {row.line}: " + "; ".join(row.errors))
                    continue
                code = row.values["code"]
                if code in seen:
                    report.skipped.append(f"line {row.line} ({code}): the code appears twice")
                    continue
                seen.add(code)
                court = existing.get(code)
                before = _values_of(court) if court else None
                court = court_from_values(row.values, court)
                try:
                    court.full_clean()
                except ValidationError as error:
                    report.skipped.append(f"line {row.line} ({code}): " + "; ".join(error.messages))
                    if before is not None:
                        existing[code].refresh_from_db()
                    continue
                if before is None:
                    court.save()
                    report.created.append(code)
                elif before != _values_of(court):
                    court.save()
                    report.updated.append(code)
                else:
                    report.unchanged.append(code)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report
