"""Writes: loading the court data file, importing hearings (thin wrappers over the
resources in ``resources.py``). One transaction each."""

from dataclasses import dataclass, field

from checkin_portal.staff_imports.resources import ImportFileError
from checkin_portal.staff_imports.runner import run_import

from .court_rows import CourtDataError
from .hearing_rows import HearingDataError
from .resources import CourtResource, HearingResource


@dataclass
class CourtImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "line N: problem"; then nothing saved
    saved: bool = False


def courts_import(*, text: str, dry_run: bool = False) -> CourtImportReport:
    """Create or update courts from the court data file's text: ``CourtResource``
    through the staff import runner (all or nothing; a second run changes nothing).
    Raises ``CourtDataError`` when the file cannot be read at all."""
    try:
        outcome = run_import(CourtResource(), text, dry_run=dry_run)
    except ImportFileError as error:
        raise CourtDataError(str(error)) from error
    report = CourtImportReport(
        skipped=[f"line {line}: {message}" for line, message in outcome.errors],
        saved=outcome.saved,
    )
    if outcome.ok:
        report.created = outcome.labels.get("new", [])
        report.updated = outcome.labels.get("update", [])
        report.unchanged = outcome.labels.get("skip", [])
    return report


@dataclass
class HearingImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # (line, message) for every problem; when there is any, nothing was saved.
    errors: list[tuple[int, str]] = field(default_factory=list)
    saved: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def hearings_import(*, text: str, dry_run: bool = False) -> HearingImportReport:
    """Create or update hearings from a staff CSV file: ``HearingResource`` through the
    staff import runner, all or nothing, every problem with its line. Raises
    ``HearingDataError`` when the file as a whole cannot be used."""
    try:
        outcome = run_import(HearingResource(), text, dry_run=dry_run)
    except HearingDataError:
        raise
    except ImportFileError as error:
        raise HearingDataError(str(error)) from error
    if not outcome.ok:
        return HearingImportReport(errors=outcome.errors)
    return HearingImportReport(
        created=outcome.created,
        updated=outcome.updated,
        unchanged=outcome.unchanged,
        saved=outcome.saved,
    )
