"""Writes: loading the court data file, importing hearings. One transaction each."""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from checkin_portal.places.zones import AmbiguousLocalTime, NonexistentLocalTime, aware_local

from .court_rows import MANAGED_FIELDS, court_from_values, read_court_rows
from .hearing_rows import read_hearing_rows
from .models import Hearing, ImmigrationCourt


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


_HEARING_FIELDS = ("court_id", "hearing_type", "hearing_format", "judge", "status")


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))


@dataclass(frozen=True)
class _Courts:
    """Every court, by its code and by its exact name (case aside)."""

    courts: list[ImmigrationCourt]
    by_key: dict[str, ImmigrationCourt]

    @classmethod
    def load(cls) -> "_Courts":
        courts = list(ImmigrationCourt.objects.order_by("code"))
        by_key: dict[str, ImmigrationCourt] = {}
        for court in courts:
            by_key[court.code.casefold()] = court
            by_key[court.name.casefold()] = court
        return cls(courts=courts, by_key=by_key)

    def get(self, typed: str) -> ImmigrationCourt | None:
        return self.by_key.get(typed.casefold())

    def candidates(self, typed: str) -> list[ImmigrationCourt]:
        """Courts whose name or code begins with the words typed ("atlanta": both
        Atlanta courts), for a message that names them; never chosen for staff."""
        words = _words(typed)
        if not words:
            return []
        return [
            court
            for court in self.courts
            if _words(court.name)[: len(words)] == words
            or _words(court.code)[: len(words)] == words
        ]


_MOST_LISTED = 6


def _court_not_found(typed: str, courts: _Courts) -> str:
    candidates = courts.candidates(typed)
    listed = ", ".join(f"{court.code} ({court.name})" for court in candidates[:_MOST_LISTED])
    if len(candidates) > _MOST_LISTED:
        listed += ", …"  # "new" fits a dozen courts: the first few show the way
    if len(candidates) > 1:
        return str(
            _('Several courts match "%(typed)s": %(courts)s. Use the court\'s code.')
            % {"typed": typed, "courts": listed}
        )
    if candidates:
        return str(
            _("No court has exactly this code or name. Did you mean %(court)s? Use its code.")
            % {"court": listed}
        )
    return str(_("No court has this code or name."))


def hearings_import(*, text: str, dry_run: bool = False) -> HearingImportReport:  # noqa: C901 - importer, rewritten by issue 15 point 2
    """Create or update hearings from a staff CSV file (see ``hearing_rows``).

    All or nothing: every row is checked first and every problem is reported with its
    line; if there is any, nothing is saved. A hearing is matched by person and exact
    start, so importing the same file again changes nothing. Raises ``HearingDataError``
    when the file as a whole cannot be used. Queries do not grow with the number of rows
    (people, courts and existing hearings are each fetched in one query)."""
    from subjects.models import Subject

    rows = read_hearing_rows(text)
    report = HearingImportReport()

    by_id = {
        subject.subject_id: subject
        for subject in Subject.objects.filter(
            subject_id__in={row.subject_id for row in rows if row.subject_id}
        )
    }
    by_a_number = {
        subject.a_number: subject
        for subject in Subject.objects.filter(
            a_number__in={row.a_number for row in rows if row.a_number}
        )
    }
    courts = _Courts.load()

    planned: list[tuple[int, Hearing]] = []
    seen: dict[tuple[int, datetime.datetime], int] = {}
    for row in rows:
        errors = [str(message) for message in row.errors]
        subject = court = None
        if not errors:
            from_id = by_id.get(row.subject_id) if row.subject_id else None
            from_a = by_a_number.get(row.a_number) if row.a_number else None
            if row.subject_id and from_id is None:
                errors.append(str(_("No person has this Subject ID.")))
            if row.a_number and from_a is None:
                errors.append(str(_("No person has this A-number.")))
            if from_id and from_a and from_id.pk != from_a.pk:
                errors.append(
                    str(_("The Subject ID and the A-number belong to two different people."))
                )
            subject = from_id or from_a
            court = courts.get(row.court)
            if court is None:
                errors.append(_court_not_found(row.court, courts))
        starts_at = None
        if not errors:
            try:
                starts_at = aware_local(row.date, row.time, court.time_zone)
            except NonexistentLocalTime:
                errors.append(str(_("This time does not exist on that day: the clocks skip it.")))
            except AmbiguousLocalTime:
                errors.append(
                    str(_("This time happens twice on that day (clocks go back): choose another."))
                )
        if not errors:
            key = (subject.pk, starts_at)
            if key in seen:
                errors.append(
                    str(_("Line %(line)d already has this person at this time."))
                    % {"line": seen[key]}
                )
            else:
                seen[key] = row.line
        if errors:
            report.errors.extend((row.line, message) for message in errors)
            continue
        planned.append(
            (
                row.line,
                Hearing(
                    subject=subject,
                    court=court,
                    starts_at=starts_at,
                    hearing_type=row.hearing_type,
                    hearing_format=row.hearing_format,
                    judge=row.judge,
                    status=row.status,
                ),
            )
        )

    try:
        with transaction.atomic():
            _hearings_save(planned, report, dry_run=dry_run)
    except IntegrityError:
        # Someone saved one of these hearings at the same moment: nothing of ours was kept.
        report.created = report.updated = report.unchanged = 0
        report.errors = [
            (
                0,
                str(
                    _(
                        "Another change to these hearings was saved at the same time. "
                        "Nothing was saved: import the file again."
                    )
                ),
            )
        ]
        report.saved = False
    return report


def _hearings_save(
    planned: list[tuple[int, Hearing]], report: HearingImportReport, *, dry_run: bool
) -> None:
    existing = _existing_hearings([hearing for _line, hearing in planned])
    for line, hearing in planned:
        current = existing.get((hearing.subject_id, hearing.starts_at))
        if current is None and not hearing.court.is_active:
            report.errors.append(
                (line, str(_("This court is not active: new hearings cannot be put there.")))
            )
    if report.errors:
        report.errors.sort()
        return
    for _line, hearing in planned:
        current = existing.get((hearing.subject_id, hearing.starts_at))
        if current is None:
            report.created += 1
            if not dry_run:
                hearing.save()
        elif _differs(current, hearing):
            report.updated += 1
            if not dry_run:
                for name in _HEARING_FIELDS:
                    setattr(current, name, getattr(hearing, name))
                current.save()
        else:
            report.unchanged += 1
    report.saved = not dry_run


def _differs(current: Hearing, new: Hearing) -> bool:
    return any(getattr(current, name) != getattr(new, name) for name in _HEARING_FIELDS)


def _existing_hearings(hearings: list[Hearing]) -> dict[tuple[int, datetime.datetime], Hearing]:
    """The hearings already saved for these (person, start) pairs, locked until the
    transaction ends. One query: a superset by person and start, matched here."""
    if not hearings:
        return {}
    wanted = {(hearing.subject_id, hearing.starts_at) for hearing in hearings}
    candidates = Hearing.objects.filter(
        subject_id__in={subject_id for subject_id, _start in wanted},
        starts_at__in={start for _subject, start in wanted},
    ).select_for_update()
    return {
        (hearing.subject_id, hearing.starts_at): hearing
        for hearing in candidates
        if (hearing.subject_id, hearing.starts_at) in wanted
    }
