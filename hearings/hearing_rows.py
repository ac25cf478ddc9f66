"""Reading and checking a staff CSV file of hearings.

One hearing a row; the header names the columns (any order, any case):

    subject_id,a_number,court,date,time,type,format,judge,status

* ``subject_id`` or ``a_number`` (or both, then they must name the same person), written
  any way (spaces, dashes, "A" prefix, 8-digit A-numbers are fine);
* ``court``: the court's code (e.g. ``honolulu``) or its exact name;
* ``date`` (2026-03-09 or 03/09/2026) and ``time`` (09:00, 14:30, 9:00 AM) on the court's
  own clock: the court's time zone turns them into one exact moment;
* ``type``: master_calendar, individual or other; ``format``: in_person, video or phone
  (the English names, e.g. "Master calendar" or "In person", work too);
* ``judge``: optional; ``status``: scheduled (default), rescheduled, cancelled, completed.

This module only checks the text of each row (``check_row``); ``resources.HearingResource``
looks people and courts up and saves, all or nothing, through the staff import runner.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from checkin_portal.staff_imports.resources import ImportFileError
from subjects.normalise import (
    is_valid_a_number,
    is_valid_subject_id,
    normalise_a_number,
    normalise_subject_id,
)

from .models import HearingFormat, HearingStatus, HearingType

MAX_JUDGE_LENGTH = 200
KNOWN_COLUMNS = {
    "subject_id",
    "a_number",
    "court",
    "date",
    "time",
    "type",
    "format",
    "judge",
    "status",
}
REQUIRED_COLUMNS = {"court", "date", "time", "type", "format"}


def _key(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


def _choices(enum, extra: dict[str, str]) -> dict[str, str]:
    mapping = {_key(value): value for value in enum.values}
    mapping.update({_key(str(label)): value for value, label in enum.choices})
    mapping.update(extra)
    return mapping


TYPES = _choices(HearingType, {"master": HearingType.MASTER_CALENDAR})
FORMATS = _choices(
    HearingFormat,
    {"telephone": HearingFormat.PHONE, "in_court": HearingFormat.IN_PERSON},
)
STATUSES = _choices(HearingStatus, {"canceled": HearingStatus.CANCELLED})


class HearingDataError(ImportFileError):
    """The file as a whole cannot be used (columns missing or unknown)."""


@dataclass
class HearingRow:
    line: int
    subject_id: str = ""
    a_number: str = ""
    court: str = ""
    date: datetime.date | None = None
    time: datetime.time | None = None
    hearing_type: str = ""
    hearing_format: str = ""
    judge: str = ""
    status: str = HearingStatus.SCHEDULED
    errors: list[str] = field(default_factory=list)


def _parse_date(text: str) -> datetime.date | None:
    for pattern in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            # A calendar date only: the zone is the court's, applied later.
            return datetime.datetime.strptime(text, pattern).replace(tzinfo=datetime.UTC).date()
        except ValueError:
            continue
    return None


def _parse_time(text: str) -> datetime.time | None:
    compact = text.lower().replace(".", "").replace(" ", "")
    for pattern in ("%H:%M", "%I:%M%p", "%I%p"):
        try:
            # A wall-clock time only: the zone is the court's, applied later.
            return datetime.datetime.strptime(compact, pattern).replace(tzinfo=datetime.UTC).time()
        except ValueError:
            continue
    return None


def _check_person(row: HearingRow, data: dict[str, str]) -> None:
    raw_id, raw_a = data.get("subject_id", ""), data.get("a_number", "")
    if not raw_id and not raw_a:
        row.errors.append(_("Give a Subject ID or an A-number."))
    if raw_id:
        row.subject_id = normalise_subject_id(raw_id)
        if not is_valid_subject_id(row.subject_id):
            row.errors.append(_("The Subject ID must be 4 to 20 letters and digits."))
    if raw_a:
        row.a_number = normalise_a_number(raw_a)
        if not is_valid_a_number(row.a_number):
            row.errors.append(_("The A-number must be 8 or 9 digits."))


def _check_when(row: HearingRow, data: dict[str, str]) -> None:
    row.date = _parse_date(data.get("date", ""))
    if row.date is None:
        row.errors.append(_("Give the date as 2026-03-09 or 03/09/2026."))
    row.time = _parse_time(data.get("time", ""))
    if row.time is None:
        row.errors.append(_("Give the time as 09:00, 14:30 or 9:00 AM."))


# (attribute, column, allowed values, message): the columns read through a table.
_CHOICES = (
    ("hearing_type", "type", TYPES, _("Give the type: master_calendar, individual or other.")),
    ("hearing_format", "format", FORMATS, _("Give the format: in_person, video or phone.")),
)


def check_row(line: int, data: dict[str, str]) -> HearingRow:
    """One row's text, checked on its own (people and courts are looked up later)."""
    row = HearingRow(line=line)
    _check_person(row, data)
    row.court = data.get("court", "")
    if not row.court:
        row.errors.append(_("Give the court's code or name."))
    _check_when(row, data)
    for attribute, column, allowed, message in _CHOICES:
        setattr(row, attribute, allowed.get(_key(data.get(column, "")), ""))
        if not getattr(row, attribute):
            row.errors.append(message)
    row.judge = " ".join(data.get("judge", "").split())
    if len(row.judge) > MAX_JUDGE_LENGTH:
        row.errors.append(_("The judge's name is too long (200 characters at most)."))
    raw_status = data.get("status", "")
    if raw_status:
        row.status = STATUSES.get(_key(raw_status), "")
        if not row.status:
            row.errors.append(
                _("The status must be scheduled, rescheduled, cancelled or completed.")
            )
    return row


def check_columns(headers: list[str]) -> None:
    """Raise HearingDataError when the header cannot describe hearings."""
    columns = {_key(name) for name in headers}
    missing = REQUIRED_COLUMNS - columns
    if not {"subject_id", "a_number"} & columns:
        missing |= {"subject_id or a_number"}
    if missing:
        raise HearingDataError(
            _("Missing column(s): %(columns)s.") % {"columns": ", ".join(sorted(missing))}
        )
    unknown = sorted(columns - KNOWN_COLUMNS - {""})
    if unknown:
        raise HearingDataError(
            _("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)}
        )


def column_key(name: str) -> str:
    """A header as the resource reads it (any case, spaces or dashes for underscores)."""
    return _key(name)
