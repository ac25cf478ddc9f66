"""Staff files of courts and hearings, through the project's ``StaffResource``
(django-import-export: bulk writes, all or nothing; docs/adr/0015-staff-imports.md).

* ``CourtResource``: the court data file (hearings/data/immigration_courts.csv, format in
  ``court_rows``). Matched by code; the file's facts are updated, what staff decide
  (operating status, public notice, active, needs verification, staff note) is written
  only when a court is created.
* ``HearingResource``: a staff CSV of hearings (format in ``hearing_rows``), matched by
  person and exact start on the court's clock, so importing the same file again changes
  nothing. People, courts and existing hearings are each fetched once per file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from checkin_portal.places.zones import AmbiguousLocalTime, NonexistentLocalTime, aware_local
from checkin_portal.staff_imports.resources import LOOKUP_CHUNK, StaffResource

from .court_rows import COURT_COLUMNS, CREATE_ONLY_FIELDS, REQUIRED_COLUMNS, CourtRowForm
from .hearing_rows import HearingRow, check_columns, check_row, column_key
from .models import Hearing, ImmigrationCourt


class CourtResource(StaffResource):
    required_columns = frozenset(REQUIRED_COLUMNS)
    create_only_fields = CREATE_ONLY_FIELDS

    class Meta(StaffResource.Meta):
        model = ImmigrationCourt
        import_id_fields = ("code",)
        fields = tuple(name for name in COURT_COLUMNS)
        export_order = fields

    def clean_row(self, row) -> None:
        form = CourtRowForm({key: str(value or "").strip() for key, value in row.items() if key})
        if not form.is_valid():
            raise ValidationError({name: list(messages) for name, messages in form.errors.items()})
        for name, value in form.cleaned_data.items():
            row[name] = "" if value is None else value


# --- hearings -----------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))


_MOST_LISTED = 6


@dataclass(frozen=True)
class Courts:
    """Every court, by its code and by its exact name (case aside)."""

    courts: list[ImmigrationCourt]
    by_key: dict[str, ImmigrationCourt]

    @classmethod
    def load(cls) -> Courts:
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

    def not_found(self, typed: str) -> str:
        candidates = self.candidates(typed)
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


@dataclass
class _Plan:
    """What one row of the file will do, worked out before any write."""

    errors: list[str] = field(default_factory=list)
    values: dict | None = None
    key: tuple | None = None


def _people(rows: list[HearingRow]) -> tuple[dict, dict]:
    from subjects.models import Subject

    def fetch(attribute: str) -> dict:
        wanted = sorted({getattr(row, attribute) for row in rows if getattr(row, attribute)})
        found = {}
        for start in range(0, len(wanted), LOOKUP_CHUNK):
            chunk = wanted[start : start + LOOKUP_CHUNK]
            for subject in Subject.objects.filter(**{f"{attribute}__in": chunk}):
                found[getattr(subject, attribute)] = subject
        return found

    return fetch("subject_id"), fetch("a_number")


def _person(row: HearingRow, by_id: dict, by_a_number: dict, errors: list[str]):
    from_id = by_id.get(row.subject_id) if row.subject_id else None
    from_a = by_a_number.get(row.a_number) if row.a_number else None
    if row.subject_id and from_id is None:
        errors.append(str(_("No person has this Subject ID.")))
    if row.a_number and from_a is None:
        errors.append(str(_("No person has this A-number.")))
    if from_id and from_a and from_id.pk != from_a.pk:
        errors.append(str(_("The Subject ID and the A-number belong to two different people.")))
    return from_id or from_a


def _start(row: HearingRow, court: ImmigrationCourt, errors: list[str]):
    try:
        return aware_local(row.date, row.time, court.time_zone)
    except NonexistentLocalTime:
        errors.append(str(_("This time does not exist on that day: the clocks skip it.")))
    except AmbiguousLocalTime:
        errors.append(
            str(_("This time happens twice on that day (clocks go back): choose another."))
        )
    return None


class HearingResource(StaffResource):
    refuse_unknown_columns = True

    class Meta(StaffResource.Meta):
        model = Hearing
        import_id_fields = ()
        fields = ()
        # select_for_update below: two imports of one file wait for each other.
        batch_size = 1000

    def check_file(self, dataset) -> None:
        check_columns([str(name or "") for name in dataset.headers or []])

    def load_existing(self, rows: list[dict]) -> dict:
        """Plan every row (people, courts, the moment on the court's clock) and fetch
        the hearings already saved for those people and moments, locked until the
        import ends. Queries: people twice, courts once, hearings once, per chunk."""
        checked = [
            check_row(
                self.line_of(number),
                {column_key(k): str(v or "").strip() for k, v in row.items() if k},
            )
            for number, row in enumerate(rows, start=1)
        ]
        by_id, by_a_number = _people(checked)
        courts = Courts.load()
        self.plans = [self._plan(row, by_id, by_a_number, courts) for row in checked]
        self._repeated()
        existing = self._existing({plan.key for plan in self.plans if plan.key})
        for plan in self.plans:
            court = plan.values["court"] if plan.values else None
            if court is not None and plan.key not in existing and not court.is_active:
                plan.errors.append(
                    str(_("This court is not active: new hearings cannot be put there."))
                )
        return existing

    def _plan(self, row: HearingRow, by_id, by_a_number, courts: Courts) -> _Plan:
        plan = _Plan(errors=[str(message) for message in row.errors])
        if plan.errors:
            return plan
        subject = _person(row, by_id, by_a_number, plan.errors)
        court = courts.get(row.court)
        if court is None:
            plan.errors.append(courts.not_found(row.court))
        if plan.errors:
            return plan
        starts_at = _start(row, court, plan.errors)
        if starts_at is None:
            return plan
        plan.key = (subject.pk, starts_at)
        plan.values = {
            "subject": subject,
            "court": court,
            "starts_at": starts_at,
            "hearing_type": row.hearing_type,
            "hearing_format": row.hearing_format,
            "judge": row.judge,
            "status": row.status,
        }
        return plan

    def _repeated(self) -> None:
        first: dict[tuple, int] = {}
        for number, plan in enumerate(self.plans, start=1):
            if plan.key is None:
                continue
            if plan.key in first:
                plan.errors.append(
                    str(_("Line %(line)d already has this person at this time."))
                    % {"line": self.line_of(first[plan.key])}
                )
                plan.key = None
            else:
                first[plan.key] = number

    @staticmethod
    def _existing(keys: set[tuple]) -> dict[tuple, Hearing]:
        found: dict[tuple, Hearing] = {}
        ordered = sorted(keys)
        for start in range(0, len(ordered), LOOKUP_CHUNK):
            chunk = ordered[start : start + LOOKUP_CHUNK]
            candidates = Hearing.objects.filter(
                subject_id__in={subject for subject, _start in chunk},
                starts_at__in={moment for _subject, moment in chunk},
            ).select_for_update()
            found.update(
                {
                    (hearing.subject_id, hearing.starts_at): hearing
                    for hearing in candidates
                    if (hearing.subject_id, hearing.starts_at) in keys
                }
            )
        return found

    def before_import_row(self, row, **kwargs):
        self.number = kwargs.get("row_number", 0)
        super().before_import_row(row, **kwargs)
        plan = self.plans[self.number - 1]
        if plan.errors:
            raise ValidationError({NON_FIELD_ERRORS: plan.errors})

    def key_of(self, row) -> tuple | None:
        plan = self.plans[self.number - 1]
        return plan.key

    def after_init_instance(self, instance, new, row, **kwargs):
        self.row_numbers[id(instance)] = kwargs.get("row_number", 0)
        if not new:
            self.before[id(instance)] = self.snapshot(instance)

    def import_instance(self, instance, row, **kwargs):
        for name, value in self.plans[self.number - 1].values.items():
            setattr(instance, name, value)

    def update_fields(self) -> list[str]:
        return ["court", "hearing_type", "hearing_format", "judge", "status", "updated_at"]

    def refusal(self, instance, error: Exception) -> ValidationError:
        # The file's own repeats were found above: a person and moment the database
        # refuses now was saved by someone else since the file was read.
        return ValidationError(
            {
                NON_FIELD_ERRORS: [
                    _(
                        "Another change to these hearings was saved at the same time. "
                        "Nothing was saved: import the file again."
                    )
                ]
            }
        )
