"""Writes for offices."""

from __future__ import annotations

from dataclasses import dataclass, field

from checkin_portal.staff_imports.runner import run_import

from .importer import OfficeRow, rows_dataset
from .resources import OfficeResource


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # (line, code, problem): when there is any, nothing was saved (all or nothing)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    # (line, code, note): rows written, with something staff should look at
    warnings: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        )


def offices_import(
    *, rows: list[OfficeRow], create_only: bool = False, dry_run: bool = False
) -> ImportReport:
    """Create or update offices from data-file rows, matched by code: ``OfficeResource``
    through the staff import runner (all or nothing; a second run changes nothing)."""
    resource = OfficeResource(create_only=create_only)
    outcome = run_import(resource, rows_dataset(rows), dry_run=dry_run)
    report = ImportReport(warnings=resource.warnings)
    if not outcome.ok:
        codes = {row.line: row.get("code").upper() for row in rows}
        report.skipped = [(line, codes.get(line, "-"), text) for line, text in outcome.errors]
        return report
    report.created = outcome.labels.get("new", [])
    report.updated = outcome.labels.get("update", [])
    report.unchanged = outcome.labels.get("skip", [])
    return report


def chosen_office_set(*, session, code: str) -> None:
    """Remember in the session which office the person chose in the finder (its code
    only: no personal data). The booking flow reads it with
    ``offices.selectors.chosen_office(request)``."""
    from .selectors import SESSION_KEY

    session[SESSION_KEY] = code
